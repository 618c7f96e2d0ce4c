// How an emulator run behaves: the seed, how strictly protocol violations
// are treated, and a knob for every configurable open question of the
// protocol spec (section 17). The defaults are the spec's defaults.
#ifndef VSSEMU_RUN_OPTIONS_H_
#define VSSEMU_RUN_OPTIONS_H_

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace vssemu {

// What happens when code under test breaks a protocol rule.
enum class Strictness {
  kWindows,  // Return the HRESULT Windows returns, nothing more.
  kWarn,     // Also report the violation (the test goes on).
  kStrict,   // Also report it as a failure of the test.
};

// A volume of the emulated machine.
struct VolumeOptions {
  std::wstring name = L"C:\\";  // With the trailing backslash.
  bool supported = true;        // By the system provider.
  // The host folder that holds the volume's files: the volume root ("D:\")
  // is this folder, and each shadow copy of the volume is a copy of its
  // tree taken at CommitSnapshots (docs/coordinator.md, "Volumes backed by
  // directories"). Empty (the default): the volume has no files. A folder
  // that does not exist stops the emulator at construction with a message.
  // On Windows a drive root that is a host volume (C:\) gets the host's
  // volume GUID name whatever the directory (docs/coordinator.md, "The
  // emulated machine on a Windows host").
  std::filesystem::path directory = {};
  // The folders, relative to the volume root (L"Data", L"App\\Logs"),
  // that a shadow copy of the backed volume holds: CommitSnapshots copies
  // only those subtrees and everything else is absent from the copy. Empty
  // (the default): the whole tree. Lets a test back the emulated C:\ with
  // the host's own C:\ without copying the whole drive. An absolute entry
  // or one that leaves the root with ".." stops the emulator at
  // construction with a message.
  std::vector<std::wstring> snapshot_scope = {};
};

// Knobs for the configurable open questions of the protocol spec.
struct ProtocolKnobs {
  // Q1: requester call order. false (default) accepts StartSnapshotSet
  // before or after the gather and AddComponent before or after
  // StartSnapshotSet; true requires the overview's order: SetBackupState,
  // GatherWriterMetadata, AddComponent, StartSnapshotSet.
  bool strict_call_order = false;
  // Q4: a writer that failed an earlier event still receives later sequence
  // events (default false: it receives only Abort and BackupShutdown).
  bool failed_writers_get_sequence_events = false;
  // Q10a: a writer that returns true after SetWriterFailure at Freeze or
  // Thaw also raises an Abort (default false).
  bool failure_with_true_aborts = false;
  // Q10b: the failure reported for a callback that returns false without
  // SetWriterFailure (default VSS_E_WRITERERROR_NONRETRYABLE).
  int32_t false_without_failure_hr = static_cast<int32_t>(0x800423F4);
  // Q13/Q17: when one writer vetoes Freeze or Thaw, abort every writer of the
  // set (true) or only the vetoing writer (default false), and whether
  // DoSnapshotSet then fails with VSS_E_UNEXPECTED_WRITER_ERROR (default
  // false: it succeeds if the provider committed, and the failure shows in
  // the writer status).
  bool writer_veto_aborts_all = false;
  bool writer_veto_fails_snapshot_set = false;
  // Q19: IVssAsync::Wait returns the operation's failure itself (true) or
  // S_OK with the failure in QueryStatus (default false).
  bool wait_returns_failure = false;
  // Q20: Thaw in reverse level order (default true) or in Freeze order.
  bool thaw_in_reverse_level_order = true;
  // Q39: a writer with no selected component still receives PrepareForBackup
  // (default false).
  bool unselected_writers_get_prepare_backup = false;
  // Q29: the service itself honours each writer's VSS_WRITERRESTORE_ENUM
  // (true: a VSS_WRE_NEVER writer gets no restore events, a
  // VSS_WRE_IF_REPLACE_FAILS writer gets PostRestore only when a component's
  // file restore status says the restore failed) or leaves it to the
  // requester (default false: every writer with a selected component gets
  // both events, and involving a NEVER writer is reported).
  bool service_honours_writer_restore = false;
};

// Calls that fail with E_ACCESSDENIED, as they do on Windows for a caller
// that is neither an administrator nor a backup operator (spec 8.3, 12.1).
struct AccessDenied {
  bool create_backup_components = false;
  bool initialize_for_backup = false;
  // Writers, by writer name, whose CVssWriter::Initialize or Subscribe is
  // denied; L"*" denies every writer.
  std::vector<std::wstring> writer_initialize;
  std::vector<std::wstring> subscribe;

  // Returns true when list denies the writer called name.
  static bool Denies(const std::vector<std::wstring>& list,
                     const std::wstring& name) {
    for (const std::wstring& entry : list) {
      if (entry == L"*" || entry == name) return true;
    }
    return false;
  }
};

// The choice points an exploring run offers its choice source
// (docs/exploration.md). They matter only when the run's choices come from a
// seed, a recorded log or an enumeration (vssemu::Explore, `vssemu fuzz`):
// the default source always takes option 0, the spec's default behaviour.
struct ExplorationOptions {
  // order.*: the order of writers for events without a documented order,
  // within an application level for Freeze and Thaw, and the Thaw level
  // order (spec 6, Q20).
  bool orders = true;
  // order.thaw-levels in particular: off when the run sets the Q20 knob
  // thaw_in_reverse_level_order on purpose (a scenario's <knob>), which
  // makes that order the run's premise rather than an open question.
  bool thaw_level_order = true;
  // async.*: VSS_S_ASYNC_PENDING from a bounded Wait or from QueryStatus
  // (spec 7), at most max_pending_answers times per operation.
  bool async_timing = true;
  int max_pending_answers = 2;
  // race.freeze-window: Thaw reaches a frozen writer at the last moment of
  // its freeze window (spec 5).
  bool freeze_race = true;
  // abort.repeat: a writer receives Abort twice (spec 4.2).
  bool repeated_abort = true;
  // shutdown.delay: BackupShutdown arrives a while after the release rather
  // than at it (spec 4.4).
  bool shutdown_timing = true;
  // intruder.identify: another requester gathers writer metadata in the
  // middle of an operation (spec 6.3).
  bool second_requester = true;
  // The fault kinds that may fire: "provider" (a provider step vetoes),
  // "flush" (the flush before the hold fails), "hold" (CommitSnapshots
  // outlasts the 10 s hold), "freeze-timeout" (Thaw arrives after a writer's
  // freeze window), "writer" (a scripted writer fails an event), "user"
  // (vssemu::FaultPoint in code under test).
  std::vector<std::string> faults = {"provider", "flush", "hold",
                                     "freeze-timeout", "writer", "user"};
  // true: each run first chooses which of those kinds it enables (swarm
  // testing), then where each fires; false: all of them are enabled.
  bool swarm = true;
  // The most faults one run fires; negative: no limit.
  int max_faults = -1;
};

// Everything that configures one emulator.
struct RunOptions {
  uint64_t seed = 0;
  Strictness strictness = Strictness::kWarn;
  ProtocolKnobs knobs;
  std::vector<VolumeOptions> volumes = {VolumeOptions{}};
  std::wstring machine_name = L"vssemu-host";
  // Injected E_ACCESSDENIED faults (none by default).
  AccessDenied access_denied;
  // The volume flush that starts flush-and-hold fails, so DoSnapshotSet
  // fails with VSS_E_FLUSH_WRITES_TIMEOUT (spec 5, Q18).
  bool flush_writes_fail = false;
  // Whether the trace is recorded (benchmarks of long runs turn it off).
  bool record_trace = true;
  // Where the copies of backed volumes live, one subfolder per shadow copy
  // (removed when the shadow copy is deleted or the emulator ends). Empty
  // (the default): a folder the emulator creates under the system's
  // temporary folder on first use and removes when it ends.
  std::filesystem::path snapshot_storage = {};
  // The choice points offered to an exploring run's choice source.
  ExplorationOptions exploration;
  // Express writers in the machine's express writer metadata store before
  // anything runs, registered in this order: each a Writer Metadata
  // Document as IVssCreateExpressWriterMetadata::SaveAsXML writes it
  // (docs/express-writers.md).
  std::vector<std::wstring> express_writers;
};

// Returns "" when options describe a machine the emulator can run, else what
// is wrong with them in a sentence: a volume name that is not a drive letter
// root or a mounted folder, a volume declared twice ("D:\" and "d:"), a
// backing directory that is not a folder, a snapshot scope outside its
// volume, an empty machine name or one with a slash, an unknown fault kind,
// a negative count, an express writer document that does not parse, breaks
// an express writer rule or repeats a class id. vssemu::Emulator refuses such options (below); the
// scenario loader refuses the scenario that would give them.
std::string RunOptionsError(const RunOptions& options);

// Thrown by vssemu::Emulator's constructor for options RunOptionsError
// refuses; what() is its sentence.
class InvalidRunOptions : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace vssemu

#endif  // VSSEMU_RUN_OPTIONS_H_
