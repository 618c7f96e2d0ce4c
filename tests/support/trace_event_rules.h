// The rules a Chrome trace-event JSON document must keep for Perfetto and
// chrome://tracing to load it as vssemu means it: an object with a
// traceEvents array; every event with a string name, a one-letter ph of the
// kinds vssemu writes (M, i, X, B, E), a number ts, numeric pid and tid;
// "X" with a dur >= 0; "i" with a scope; on each track, every "E" closing
// the latest open "B" of the same name, no earlier than it, and nothing left
// open. No GoogleTest here: callers assert.
#ifndef VSSEMU_TESTS_SUPPORT_TRACE_EVENT_RULES_H_
#define VSSEMU_TESTS_SUPPORT_TRACE_EVENT_RULES_H_

#include <string>

namespace vssemu::test_support {

// Returns "" when text keeps the rules, otherwise the first rule broken.
std::string CheckTraceEventRules(const std::string& text);

}  // namespace vssemu::test_support

#endif  // VSSEMU_TESTS_SUPPORT_TRACE_EVENT_RULES_H_
