// JSON string literals for the trace's JSON forms (JSON lines and Chrome
// trace-event JSON), so that both escape alike.
#ifndef VSSEMU_TRACE_JSON_STRING_H_
#define VSSEMU_TRACE_JSON_STRING_H_

#include <string>
#include <string_view>

namespace vssemu {

// Appends value to out as a quoted JSON string.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_JSON_STRING_H_
