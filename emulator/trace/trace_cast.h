// Who appears in a trace and how its lines belong together, for the views
// that draw it (trace_export.h, trace_svg.h): the cast of requesters and
// writers in order of first appearance, and which callback answers which
// event.
#ifndef VSSEMU_TRACE_TRACE_CAST_H_
#define VSSEMU_TRACE_TRACE_CAST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <vssemu/trace.h>

namespace vssemu::trace_cast {

struct Cast {
  std::vector<std::string> requesters;
  std::vector<std::string> writers;
  bool provider = false;
};

// True for a non-empty run of decimal digits.
bool AllDigits(std::string_view text);
// The requester an event belongs to ("requester#N"), or "". `status` lines
// carry the bare session number; calls carry "requester#N".
std::string RequesterOf(const TraceEvent& event);
// The writer an event names, or "".
std::string WriterOf(const TraceEvent& event);
// Every requester and writer of the trace, in order of first appearance,
// and whether the provider was called.
Cast FindCast(const Trace& trace);
// The took_us field in microseconds, or otherwise when absent or bad.
int64_t TookUs(const TraceEvent& event, int64_t otherwise);
// For each `event` line, the index of the `callback` line that answers it
// (the next callback from the same writer for the same event, innermost
// first), or -1.
std::vector<long> PairCallbacks(const std::vector<TraceEvent>& events);

}  // namespace vssemu::trace_cast

#endif  // VSSEMU_TRACE_TRACE_CAST_H_
