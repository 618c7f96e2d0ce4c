// Whether vssemu may colour what it prints: only on a terminal that shows
// ANSI colours, and never when NO_COLOR is set (https://no-color.org).
#ifndef VSSEMU_TOOLS_TERMINAL_H_
#define VSSEMU_TOOLS_TERMINAL_H_

#include <cstdio>

namespace vssemu::tools {

// Returns true when stream is a terminal that renders ANSI colour codes.
bool ColourTerminal(std::FILE* stream);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_TERMINAL_H_
