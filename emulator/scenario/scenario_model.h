// A scenario: the world around the code under test (volumes, provider
// behaviour, knobs), the writers in it (scripted in XML, or C++ classes
// registered by name), the requester's workload, and what must happen.
// docs/scenarios.md describes the XML that scenario_loader.h reads into
// this model; scenario_runner.h runs it.
#ifndef VSSEMU_SCENARIO_SCENARIO_MODEL_H_
#define VSSEMU_SCENARIO_SCENARIO_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <vssemu/run_options.h>
#include <vssemu/win32_base.h>
#include <vswriter.h>

#include <vssemu/coordinator/provider_steps.h>
#include <vssemu/coordinator/writer_events.h>
#include <vssemu/metadata/wmd_model.h>
#include <vssemu/reference_requester/reference_requester.h>
#include <vssemu/reference_requester/reference_restore.h>
#include <vssemu/sim/choice_source.h>

namespace vssemu::scenario {

// Where something was written in a scenario file (1-based).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // Formats "file:line:column".
  std::string ToString() const;
};

// What a scripted writer does when it receives one event.
struct EventBehaviour {
  enum class Outcome {
    kReturnTrue,
    kReturnFalse,
    kThrow,  // Breaks the contract (spec 3.4 rule 6); for negative tests.
  };
  Outcome outcome = Outcome::kReturnTrue;
  std::optional<HRESULT> failure;  // SetWriterFailure(Ex) before returning.
  bool extended = false;           // SetWriterFailureEx rather than ...Failure.
  HRESULT application_hr = S_FALSE;
  std::optional<std::wstring> application_message;
  int64_t take_ms = 0;  // Virtual time the callback takes.
  int first = 0;        // Only the first N deliveries behave so; 0 = always.
  // IVssComponent::SetBackupStamp / SetBackupMetadata on every component
  // the event hands over (PrepareForBackup, PostSnapshot); "{n}" in them
  // becomes the number of times the writer received the event (1, 2, ...),
  // so that each backup of a chain gets its own stamp.
  std::optional<std::wstring> backup_stamp;
  std::optional<std::wstring> backup_metadata;
  // AddDifferencedFilesByLastModifyTime(path, filespec, recursive, time) for
  // every file set of every component the event hands over (PrepareForBackup,
  // PostSnapshot), in incremental and differential backups only; the time is
  // a FILETIME number (100 ns since 1601).
  std::optional<uint64_t> differenced_since;
  // IVssComponent::SetRestoreTarget and SetPreRestoreFailureMsg on every
  // component PreRestore hands over; SetPostRestoreFailureMsg in PostRestore.
  std::optional<VSS_RESTORE_TARGET> restore_target;
  std::optional<std::wstring> pre_restore_failure_msg;
  std::optional<std::wstring> post_restore_failure_msg;
};

// A file the runner creates on a volume before the run (<volume><file>).
struct VolumeFile {
  std::wstring volume;  // The volume's name, "D:\".
  std::wstring path;    // Below the volume root, "Db\orders.mdf".
  // The content: text as written (UTF-8), or, when generated, `bytes` bytes
  // derived from the path (the same on every machine and run).
  std::string text;
  bool generated = false;
  uint64_t bytes = 0;
  // The last-write time to give the file, as a FILETIME number; none: the
  // time the host gives it on creation.
  std::optional<uint64_t> modified;
  SourceLocation where;
};

// A writer described entirely in the scenario.
struct ScriptedWriter {
  std::string id;  // How expectations refer to it.
  VSS_APPLICATION_LEVEL level = VSS_APP_FRONT_END;
  DWORD freeze_timeout_ms = 60000;
  bool subscribe = true;
  bool extended = false;  // A CVssWriterEx2 (OnIdentifyEx) or a CVssWriter.
  // Identity (class id, name, instance name, usage, source, version) and
  // the metadata OnIdentify reports.
  metadata::WriterMetadata metadata;
  std::map<coordinator::WriterEvent, EventBehaviour> behaviour;
  SourceLocation where;
};

// A writer class from C++ code, registered with VSSEMU_REGISTER_WRITER.
struct RegisteredWriter {
  std::string id;
  std::string class_name;
  SourceLocation where;
};

// A writer that the program under test starts itself (a writer service run
// by `vssemu run --exec`, docs/drop-in.md): known by the name it gives
// CVssWriter::Initialize.
struct ProgramWriter {
  std::string id;
  std::string name;
  SourceLocation where;
};

// An express writer stored in the machine's express writer metadata store
// before the run (RunOptions::express_writers): VSS answers for it.
struct ExpressWriterSpec {
  std::string id;
  metadata::WriterMetadata metadata;
  SourceLocation where;
};

// One provider step that fails or takes time.
struct ProviderFault {
  coordinator::ProviderStep step = coordinator::ProviderStep::kCommitSnapshots;
  HRESULT hr = S_OK;
  int64_t take_ms = 0;
  SourceLocation where;
};

// A fault injected into the run (docs/scenarios.md, <fault>).
struct Fault {
  enum class Kind {
    kAccessDenied,             // E_ACCESSDENIED at `at`.
    kForeignSnapshotSet,       // Another requester's set is in creation.
    kSecondRequesterIdentify,  // Another requester gathers after `after`.
    kUnsubscribe,              // `writer` unsubscribes after `after`.
    kFlushWritesFail,          // The flush before the hold fails.
  };
  Kind kind = Kind::kAccessDenied;
  // For kAccessDenied: create, initialize, writer-initialize or subscribe.
  std::string at;
  std::string writer;  // Writer id ("" = every writer).
  std::string after;   // A step of the reference requester.
  SourceLocation where;
};

// One backup of the reference requester (<requester> itself, or <backup>).
struct BackupStep {
  BackupPlan plan;  // Its media is set by the runner when the run has files.
  // Writer ids whose class is disabled or enabled, or whose instance is
  // disabled (resolved to GUIDs when the writers have started).
  std::vector<std::string> disable_writers, enable_writers, disable_instances;
  SourceLocation where;
};

// One restore of the reference requester (<restore>).
struct RestoreStep {
  RestorePlan plan;  // Its media is set by the runner.
  // The backup (1-based, in the order of the run) whose media is restored;
  // 0: the last backup before this restore.
  int backup = 0;
  // Live paths ("D:\Db") removed before the restore: the loss it repairs.
  std::vector<std::wstring> delete_before;
  // Writer ids that unsubscribe before the restore: not running at restore.
  std::vector<std::string> stopped_writers;
  SourceLocation where;
};

// A step of the reference requester after its first backup.
struct RequesterStep {
  enum class Kind { kBackup, kRestore };
  Kind kind = Kind::kBackup;
  BackupStep backup;    // For kBackup.
  RestoreStep restore;  // For kRestore.
};

// The requester's workload: the reference requester's first backup (the
// <requester> attributes) and the steps that follow it, or the test's own
// requester code (external), which the runner leaves alone.
struct RequesterWorkload : BackupStep {
  bool external = false;
  // workload="exec": the requester is a program that loads the drop-in
  // vssapi library (docs/drop-in.md); external is set too. The program is
  // a path (relative ones resolved against the scenario's folder) or a name
  // looked up on PATH when the run starts.
  bool exec = false;
  std::string program;
  std::vector<std::string> args;
  std::vector<RequesterStep> steps;  // <backup> and <restore>, in order.

  // Returns how many backups the reference requester runs (1 + <backup>s).
  int BackupCount() const {
    int count = 1;
    for (const RequesterStep& step : steps) {
      count += step.kind == RequesterStep::Kind::kBackup ? 1 : 0;
    }
    return count;
  }
  // Returns whether a <restore> is planned.
  bool HasRestore() const {
    for (const RequesterStep& step : steps) {
      if (step.kind == RequesterStep::Kind::kRestore) return true;
    }
    return false;
  }
};

// One thing that must be true after the run.
struct Expectation {
  enum class Kind {
    kWriterState,   // writer= state= [failure=]
    kWriterEvents,  // writer= events="A B C" [order=sequence|set|exact]
    kCallResult,    // call= result= | either="A B"
    kBackup,        // backup="succeeded" | "failed" | "aborted" [result=]
    kViolation,     // violation=rule
    kNoViolation,   // no-violations="true"
    kWriterStart,   // writer= start=HRESULT (Initialize, then Subscribe)
    kBcdSaved,      // bcd="saved" | "none"
    kProviderCalls, // provider=step calls=N
    kBcdComponent,  // bcd-component="path\\name" writer= [backup-succeeded=]
                    // [stamp=] [metadata=] [previous-stamp=] [backup=K]
    kCopiedFiles,     // copied-files=N [backup=K]
    kRestore,         // restore="succeeded" | "failed" [result=]
    kRestoreVerified, // restore-verified="true"
    kRestoredFiles,   // restored-files=N
    kFile,            // file="D:\\x" content="..." | exists="true|false"
    kExitCode,        // exit-code=N: the program's (workload="exec")
  };
  Kind kind = Kind::kWriterState;
  std::string writer;  // Writer id.
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  std::optional<HRESULT> failure;
  // SetWriterFailureEx details, as GetWriterStatusEx reports them.
  std::optional<HRESULT> application_hr;
  std::optional<std::wstring> application_message;
  std::vector<std::string> events;
  enum class Order { kSequence, kExact, kSet } order = Order::kSequence;
  std::string call;                // Requester call name.
  std::vector<HRESULT> results;    // Any of these is fine.
  // "succeeded", "failed", or "aborted" (AbortBackup as planned, no
  // failure).
  std::string backup_outcome = "succeeded";
  std::string violation;           // Rule id.
  bool bcd_saved = true;
  std::string provider_step;       // For kProviderCalls.
  int64_t calls = 0;
  std::wstring component;          // Logical path and name, "\\"-joined.
  std::optional<bool> backup_succeeded;
  std::optional<std::wstring> stamp;     // Backup stamp ("" = none).
  std::optional<std::wstring> metadata;  // Backup metadata ("" = none).
  // The previous backup stamp handed back ("" = none).
  std::optional<std::wstring> previous_stamp;
  // The backup (1-based) that kBcdSaved, kBcdComponent and kCopiedFiles
  // read; 0 = the last one.
  int backup_index = 0;
  int64_t count = 0;  // kCopiedFiles, kRestoredFiles.
  bool restore_succeeded = true;  // kRestore.
  std::wstring file;               // kFile: a VSS path.
  std::optional<std::string> content;  // kFile: the bytes (UTF-8 text).
  std::optional<bool> exists;          // kFile.
  int64_t exit_code = 0;               // kExitCode.
  SourceLocation where;
};

// <explore>: one run of an exploration campaign pinned in the file (written
// by `vssemu fuzz` when it finds a failure; docs/exploration.md). The run
// replays the pinned decisions and must pass exploration's checks.
struct PinnedRun {
  bool exhaustive = false;  // The exhaustive mode's scope of choice points.
  // The fault kinds in play (FaultKindName); unset: all of them.
  std::optional<std::vector<std::string>> faults;
  std::vector<std::string> ignored_rules;  // Violations that do not fail it.
  std::string failed;  // The failure class the run had when it was pinned.
  std::vector<sim::PinnedChoice> decisions;
  SourceLocation where;
};

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::string spec_section;  // The protocol spec section it checks.
  std::string requirement;   // The requirement, in a sentence.
  RunOptions options;
  std::vector<ScriptedWriter> scripted_writers;
  std::vector<RegisteredWriter> registered_writers;
  std::vector<ProgramWriter> program_writers;
  std::vector<ExpressWriterSpec> express_writers;
  std::vector<ProviderFault> provider_faults;
  std::vector<VolumeFile> files;  // Created on the volumes before the run.
  RequesterWorkload requester;
  std::vector<Fault> faults;
  std::vector<Expectation> expectations;
  std::optional<PinnedRun> pinned;

  // Returns whether the run needs a scratch folder: files on a volume, or a
  // restore (which needs backup media).
  bool UsesFiles() const { return !files.empty() || requester.HasRestore(); }
};

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_MODEL_H_
