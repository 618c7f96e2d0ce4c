// What the service knows about one writer instance (an initialized
// CVssWriter), and the callback it is running, if any.
//
// Contract: the record lives as long as the service or a session refers to
// it; `writer` becomes NULL when the writer uninitializes (its destructor),
// after which no event reaches it. An express writer has no `writer`: VSS
// answers for it from `express`, its registered metadata, until it is
// unregistered. The helper methods of CVssWriter consult
// `current` to enforce their documented valid windows.
#ifndef VSSEMU_COORDINATOR_WRITER_RECORD_H_
#define VSSEMU_COORDINATOR_WRITER_RECORD_H_

#include <memory>
#include <optional>
#include <string>

#include <vsbackup.h>
#include <vswriter.h>

#include "com/com_ptr.h"
#include "coordinator/writer_events.h"
#include "metadata/wmd_model.h"
#include "sim/virtual_time.h"

namespace vssemu::coordinator {

class BackupSession;
struct Participant;

// A failure recorded with SetWriterFailure or SetWriterFailureEx.
struct WriterFailure {
  HRESULT hr = S_OK;
  HRESULT hr_application = S_FALSE;
  std::optional<std::wstring> message;
};

// The callback a writer is running: its event, session and what it did.
struct CallbackContext {
  WriterEvent event = WriterEvent::kNone;
  BackupSession* session = nullptr;      // NULL for a session-less event.
  Participant* participant = nullptr;
  sim::Duration spent{0};                // Virtual time the callback took.
  std::optional<WriterFailure> failure;  // Set by SetWriterFailure(Ex).
};

struct WriterRecord {
  CVssWriter* writer = nullptr;       // NULL once uninitialized.
  CVssWriterEx* writer_ex = nullptr;  // Set for writers from CreateWriterEx.
  uint64_t registration = 0;          // Order of initialization.
  metadata::WriterIdentity identity;  // Class and instance ids, names, types.
  VSS_APPLICATION_LEVEL level = VSS_APP_FRONT_END;
  DWORD freeze_timeout_ms = 60000;
  VSS_ALTERNATE_WRITER_STATE alternate_state = VSS_AWS_NO_ALTERNATE_WRITER;
  bool io_throttling_only = false;
  bool subscribed = false;
  DWORD event_flags = 0;
  DWORD unsubscribe_timeout_ms = 0;
  bool shutting_down = false;
  CallbackContext* current = nullptr;  // The running callback, if any.
  // Components described at the last Identify: a writer describes the same
  // ones every time, so the next Identify's document starts with room for
  // them instead of regrowing (and moving them) as they come.
  size_t components_identified = 0;
  // An express writer's registered metadata; NULL for a writer with code.
  std::shared_ptr<const metadata::WriterMetadata> express;

  // Returns whether events still reach the writer: a writer whose code is
  // initialized, or a registered express writer.
  bool alive() const { return writer != nullptr || express != nullptr; }

  // Returns the name the trace uses for the writer ("name" or
  // "name/instance name"), and its instance id as the trace writes it. Both
  // are formatted once, on first use: the identity is fixed by Initialize
  // before anything is traced, and every event of the writer names it.
  const std::string& TraceName() const;
  const std::string& TraceInstance() const;

 private:
  mutable std::string trace_name_;
  mutable std::string trace_instance_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_WRITER_RECORD_H_
