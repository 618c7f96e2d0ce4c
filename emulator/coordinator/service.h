// The emulated VSS service: one per vssemu::Emulator. It owns virtual time,
// the seeded ids and choices, the trace, the violation reports, the writer
// registry and the system-wide snapshot-set lock, and it runs writer
// callbacks with their context set.
//
// Contract: everything runs on the caller's thread; writer callbacks run
// only from RunCallback, one at a time. The service never reads the wall
// clock, sleeps or draws unseeded randomness.
#ifndef VSSEMU_COORDINATOR_SERVICE_H_
#define VSSEMU_COORDINATOR_SERVICE_H_

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <vssemu/run_options.h>
#include <vssemu/trace.h>
#include <vssemu/violation.h>

#include "com/hresult_table.h"
#include "coordinator/choice_points.h"
#include "coordinator/ids.h"
#include "coordinator/provider_system.h"
#include "coordinator/provider_volumes.h"
#include "coordinator/run_monitor.h"
#include "coordinator/writer_record.h"
#include "sim/choice_source.h"
#include "sim/function_ref.h"
#include "sim/scheduler.h"

namespace vssemu::coordinator {

class BackupSession;
struct Participant;

// What a writer callback did.
struct CallbackOutcome {
  bool returned = false;  // The callback's return value.
  bool threw = false;     // It let an exception escape (treated as false).
  std::optional<WriterFailure> failure;  // SetWriterFailure(Ex), if called.
  sim::Duration spent{0};                // Virtual time it took.
};

using TraceFields = std::vector<std::pair<std::string, std::string>>;

// One field of an event as the recording site has it: views of its name and
// value, copied into the trace only when the trace is kept (a temporary
// value lives until the end of the Record call's full expression).
using TraceField = TraceFieldView;

class Service {
 public:
  explicit Service(RunOptions options);
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Returns the options the service was made with.
  const RunOptions& options() const { return options_; }
  // Returns the scheduler (and through it the virtual clock).
  sim::Scheduler& scheduler() { return scheduler_; }
  // Returns the current virtual time.
  sim::TimePoint now() const { return clock_.now(); }
  // Returns the source of every nondeterministic decision.
  sim::ChoiceSource& choices() { return *choices_; }
  // Replaces the choice source (seeded exploration, replay).
  void set_choices(std::unique_ptr<sim::ChoiceSource> c) {
    choices_ = std::move(c);
  }
  // Returns the choice points and the faults fired (choice_points.h).
  ChoicePoints& choice_points() { return choice_points_; }
  // Returns the checkers that observe the run (run_monitor.h).
  RunMonitor& monitor() { return monitor_; }
  // Returns the backup objects alive, in creation order.
  const std::vector<BackupSession*>& sessions() const { return sessions_; }
  // Returns whether a snapshot set is being created (the system-wide lock).
  bool snapshot_set_locked() const { return snapshot_set_owner_ != nullptr; }
  // Counts asynchronous operations started and ended (for liveness).
  void OperationStarted() { ++open_operations_; }
  void OperationEnded() { --open_operations_; }
  int open_operations() const { return open_operations_; }
  // Returns the id generator.
  IdSource& ids() { return ids_; }
  // Returns the trace of the run.
  Trace& trace() { return trace_; }
  // Returns the machine's volumes.
  const VolumeTable& volumes() const { return volumes_; }
  // Returns the emulated system provider.
  SystemProvider& provider() { return provider_; }

  // Returns whether events are kept (RunOptions::record_trace): a site
  // whose fields take work to build asks first, so that nothing is built
  // for a trace nobody keeps.
  bool tracing() const { return options_.record_trace; }
  // Records a trace event at the current virtual time.
  void Record(std::string_view kind, std::initializer_list<TraceField> fields) {
    Record(kind, std::span<const TraceField>(fields.begin(), fields.size()));
  }
  void Record(std::string_view kind, std::span<const TraceField> fields);
  void Record(std::string_view kind, const TraceFields& fields);

  // Reports that code under test broke rule (from spec section); what the
  // caller returns is unchanged. Recorded in the trace unless the
  // strictness is kWindows; passed to the sink.
  void Violate(std::string_view rule, std::string_view section,
               std::string message);
  // Returns every violation reported so far.
  const std::vector<Violation>& violations() const { return violations_; }
  // Sets where violations go (may be NULL); the sink must outlive its use.
  void set_violation_sink(ViolationSink* sink) { sink_ = sink; }

  // Adds a writer to the registry (at Initialize).
  void AddWriter(std::shared_ptr<WriterRecord> writer);
  // Removes a writer (at Uninitialize); sessions see it as gone.
  void RemoveWriter(WriterRecord* writer);
  // Marks writer as gone in every live session (Unsubscribe, Uninitialize):
  // spec Q3, it no longer responds to the sessions it was part of.
  void WriterLeft(WriterRecord* writer);
  // Returns the registered writers in registration order.
  const std::vector<std::shared_ptr<WriterRecord>>& writers() const {
    return writers_;
  }
  // Returns the next writer registration number.
  uint64_t NextRegistration() { return ++registrations_; }

  // Registers a live backup object's session (for writer removal).
  void AddSession(BackupSession* session) { sessions_.push_back(session); }
  // Forgets a session (at its object's final Release).
  void RemoveSession(BackupSession* session);
  // Returns the next requester number (trace name requester#N).
  uint64_t NextRequester() { return ++requesters_; }

  // Takes the system-wide snapshot-set lock for session; false when another
  // session holds it (VSS_E_SNAPSHOT_SET_IN_PROGRESS).
  bool LockSnapshotSet(const BackupSession* session);
  // Releases the lock if session holds it.
  void UnlockSnapshotSet(const BackupSession* session);

  // Runs call as writer's callback for event, with the callback context
  // set so the writer's helper methods know their window, and records it in
  // the trace. Never lets an exception escape.
  CallbackOutcome RunCallback(WriterRecord& writer, BackupSession* session,
                              Participant* participant, WriterEvent event,
                              sim::FunctionRef<bool()> call);

  // Returns the callback running now, if any.
  CallbackContext* current_callback() { return current_; }

 private:
  RunOptions options_;
  sim::VirtualClock clock_;
  sim::Scheduler scheduler_{&clock_};
  std::unique_ptr<sim::ChoiceSource> choices_;
  ChoicePoints choice_points_{this};
  RunMonitor monitor_{this};
  int open_operations_ = 0;
  IdSource ids_;
  Trace trace_;
  VolumeTable volumes_;
  SystemProvider provider_;
  std::vector<Violation> violations_;
  ViolationSink* sink_ = nullptr;
  std::vector<std::shared_ptr<WriterRecord>> writers_;
  std::vector<BackupSession*> sessions_;
  uint64_t registrations_ = 0;
  uint64_t requesters_ = 0;
  const BackupSession* snapshot_set_owner_ = nullptr;
  CallbackContext* current_ = nullptr;
};

// Returns the writer callback running on this thread, in any service.
CallbackContext* RunningCallback();

// Formats an HRESULT for the trace: its name, or hex when unknown.
inline com::HresultText TraceHr(HRESULT hr) { return com::HresultText(hr); }
// Formats a GUID for the trace (bare lower case).
std::string TraceGuid(const GUID& id);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_SERVICE_H_
