// Two drawings of a trace as inline SVG, for pages that must show a run
// without any script or network access (`vssemu run --report`,
// docs/trace-format.md "HTML report"):
//
//  * TraceToSvgSequence: a sequence diagram, one lifeline per participant
//    (requesters, VSS, writers, Provider, as in the Mermaid view) and one
//    row per trace line, top to bottom. Each row is
//    <g class="row" data-kind="KIND" data-index="N"> (N counts the trace's
//    lines from 0): calls and writer calls are arrows to VSS, events arrows
//    from VSS to the writer, callbacks dashed arrows back, provider steps
//    arrows to Provider, states notes on the writer's lifeline, violations
//    red bands across the diagram, anything else a note. The virtual time
//    is written at the left whenever it moves.
//  * TraceToSvgStates: each writer's states on virtual time, one bar per
//    writer (<g class="timeline" data-writer="NAME">) made of one
//    <rect class="state" data-state="STATE"> per state it was in, from the
//    state line to the next one or the end of the trace, with an axis in
//    seconds.
//
// Text is XML-escaped; the same trace gives the same text.
#ifndef VSSEMU_TRACE_TRACE_SVG_H_
#define VSSEMU_TRACE_TRACE_SVG_H_

#include <string>

#include <vssemu/trace.h>

namespace vssemu {

std::string TraceToSvgSequence(const Trace& trace);
std::string TraceToSvgStates(const Trace& trace);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_TRACE_SVG_H_
