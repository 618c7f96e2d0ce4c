// The writer events, by the BCD access enum the metadata layer already
// uses, with their trace names and the writer states of spec 3.1-3.2.
#ifndef VSSEMU_COORDINATOR_WRITER_EVENTS_H_
#define VSSEMU_COORDINATOR_WRITER_EVENTS_H_

#include <vss.h>
#include <vssemu/metadata/bcd_access.h>

#include <string_view>

namespace vssemu::coordinator {

using WriterEvent = metadata::BcdEvent;

// Returns the event's documented name ("PrepareForBackup", ...). A view,
// like every name the trace records, so that recording one measures nothing.
inline std::string_view EventName(WriterEvent event) {
  return metadata::BcdEventName(event);
}

// Returns the state a writer reports after handling event successfully
// (spec 3.2; the success column is inferred from the state names, Q5).
VSS_WRITER_STATE StateAfterSuccess(WriterEvent event);

// Returns the FAILED_AT_* state for a failure while handling event.
VSS_WRITER_STATE StateAfterFailure(WriterEvent event);

// Returns whether state is one of the FAILED_AT_* states.
bool IsFailureState(VSS_WRITER_STATE state);

// Returns the rank of level in the Freeze order of spec 6.1: front-end 0,
// back-end 1, system 2, then the undocumented SYSTEM_RM and AUTO (Q20).
int FreezeRank(VSS_APPLICATION_LEVEL level);

// Returns whether a failure of this event raises an Abort (Freeze, Thaw).
bool FailureRaisesAbort(WriterEvent event);

// Returns the name of a VSS_WRITER_STATE without the VSS_WS_ prefix.
std::string_view WriterStateName(VSS_WRITER_STATE state);

// Returns the name of an application level without the VSS_APP_ prefix.
const char* LevelName(VSS_APPLICATION_LEVEL level);

// Returns whether hr is a value SetWriterFailure accepts (spec 3.3).
bool IsWriterFailureCode(HRESULT hr);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_WRITER_EVENTS_H_
