// Two more views of the canonical trace (see <vssemu/trace.h>), for reading
// a run rather than diffing it:
//
//  * TraceToMermaid: a Mermaid sequenceDiagram, one lifeline per requester,
//    one for the service ("VSS"), one per writer and one for the system
//    provider when provider steps appear. Paste it into any Markdown viewer
//    that renders ```mermaid blocks, or into https://mermaid.live.
//  * TraceToChromeJson: Chrome trace-event JSON (the object form,
//    {"traceEvents":[...]}), loadable in https://ui.perfetto.dev and
//    chrome://tracing, with one track per participant on virtual time.
//
// Both are pure functions of the trace: the same trace gives the same text,
// byte for byte.
#ifndef VSSEMU_TRACE_TRACE_EXPORT_H_
#define VSSEMU_TRACE_TRACE_EXPORT_H_

#include <string>

#include <vssemu/trace.h>

namespace vssemu {

// Returns the trace as a Mermaid sequence diagram, ending with a newline.
//
// Participants are declared up front: requesters (requester#1 ...), VSS,
// writers, then Provider, each in order of first appearance. Writer names
// become ids of letters, digits and '_' prefixed with "w_" (made unique),
// and are shown under their real name with `participant id as name`.
//
//   call      requester ->> VSS: Name            (" = RESULT" unless S_OK)
//   async     VSS -->> requester: Name STATUS
//   event     VSS ->> writer: Event
//   callback  writer -->> VSS: true | false (FAILURE) [, took S s]
//   skipped   VSS -x writer: Event skipped (reason)
//   provider  VSS ->> Provider: Step [volume] [= RESULT]
//   state     Note over writer: STATE [(FAILURE)], only when it changes
//   timer, hold, violation, status: notes over VSS
//   writer (Initialize, Subscribe ...), filtered: notes over the writer
//   volume, note: notes over the requester
//
// When virtual time moves, a note spanning every lifeline shows the new
// time (t=61.000000 s). Text is escaped with Mermaid entity codes (#35; for
// '#', #59; for ';', #quot; for '"', #lt; and #gt; for '<' and '>', #37; for
// '%'), and control characters become spaces.
std::string TraceToMermaid(const Trace& trace);

// Returns the trace as Chrome trace-event JSON, ending with a newline:
//   {"traceEvents":[ ... ],
//   "displayTimeUnit":"ms"}
// with one event per line. Every event has pid 1 and a tid per participant,
// numbered from 1 in the Mermaid order (requesters, VSS, writers,
// Provider); "M" records name each tid (thread_name) and fix the track
// order (thread_sort_index). ts is virtual time in microseconds.
//
// An `event` line and the `callback` line that answers it (same writer and
// event name) become one complete event ("ph":"X") on the writer's track,
// lasting the callback's took_us (else the virtual time between the two),
// at least 1 us so that it shows. Provider steps with took_us are complete
// events on the Provider track. Everything else is an instant event
// ("ph":"i", "s":"t") on the track of its requester or writer, else on
// VSS. "cat" is the trace kind and "args" carries every field. Each writer's
// frozen period, from its Freeze event to its Thaw or Abort event (or the
// trace's end), is a "frozen" span ("ph":"B" then "ph":"E", cat "frozen")
// on its track, around the callbacks within it.
std::string TraceToChromeJson(const Trace& trace);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_TRACE_EXPORT_H_
