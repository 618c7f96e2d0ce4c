#include "vssemu/terminal.h"

#include <cstdlib>
#include <string_view>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace vssemu::tools {

bool ColourTerminal(std::FILE* stream) {
  if (std::getenv("NO_COLOR") != nullptr) return false;
#ifdef _WIN32
  // The classic console shows escape codes as text unless the program
  // switches it to VT mode; Windows Terminal (WT_SESSION) and terminals
  // that set TERM render them.
  if (std::getenv("WT_SESSION") == nullptr && std::getenv("TERM") == nullptr) {
    return false;
  }
  return _isatty(_fileno(stream)) != 0;
#else
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fileno(stream)) != 0;
#endif
}

}  // namespace vssemu::tools
