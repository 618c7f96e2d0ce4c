// Runs a loaded scenario: builds the emulator from its world, starts its
// writers, runs the requester workload (the reference requester's backups
// and restores, or the test's own code), and checks every expectation.
//
// A scenario with files (<volume><file>) or a <restore> runs in a scratch
// folder of its own (scenario_scratch.h): the volumes are host folders, the
// shadow copies and each backup's media live there, and the folder is
// removed when the run ends, after the expectations were checked.
//
// Contract: the run is deterministic (the scenario's seed, or the override)
// and its trace is the same on every machine (no host path reaches it); a
// failed expectation is reported with the file:line:column of its <expect>
// and what was found. Nothing escapes as an exception.
#ifndef VSSEMU_SCENARIO_SCENARIO_RUNNER_H_
#define VSSEMU_SCENARIO_SCENARIO_RUNNER_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <vssemu/emulator.h>
#include <vssemu/trace.h>

#include <vssemu/scenario/scenario_model.h>

namespace vssemu::scenario {

// One restore the reference requester ran.
struct RestoreRecord {
  int backup = 0;  // The backup (1-based) whose media it restored.
  RestoreResult result;
  // What VerifyRestoredFiles found right after the restore (before later
  // steps could change the files): one line per difference.
  std::vector<std::string> differences;
};

struct RunResult {
  bool passed = false;
  // One line per failed expectation or setup problem ("file:l:c: ...").
  std::vector<std::string> failures;
  Trace trace;
  BackupResult backup;  // The reference requester's last backup (if any).
  std::vector<BackupResult> backups;    // Every backup, in order.
  std::vector<RestoreRecord> restores;  // Every restore, in order.
  // The last writer status the reference requester gathered, in a backup or
  // a restore.
  std::vector<WriterStatusRow> last_status;
  int64_t virtual_time_us = 0;
  // A writer could not be created (unknown registered class, Start failed).
  bool setup_failed = false;
};

// Runs scenario; seed, when given, replaces the scenario's own. A scenario
// whose requester is external runs requester (the test's own code calling
// IVssBackupComponents) once its writers have started; its state
// expectations then read the writers' states from the trace (as of their
// BackupShutdown).
// hooks, when given, see the emulator right after it is made (before the
// writers start) and once the workload is done, the writers are gone and
// the scheduler is idle (before the expectations): exploration attaches
// there.
struct RunHooks {
  std::function<void(Emulator&)> started;
  std::function<void(Emulator&, const RunResult&)> ended;
};
// RunScenario in steps, for a requester that is not a function to call: a
// program under the drop-in vssapi library (docs/drop-in.md) is the
// requester from the first vssapi call until it exits. Start makes the
// world (the scratch folder below scratch_parent when given, the emulator,
// the writers); RunWorkload runs the requester; Finish ends the scenario's
// writers, runs what is left queued and checks the expectations. The
// emulator lives as long as the ScenarioRun.
class ScenarioRun {
 public:
  ScenarioRun(const Scenario& scenario, std::optional<uint64_t> seed,
              const RunHooks* hooks = nullptr);
  ~ScenarioRun();
  ScenarioRun(const ScenarioRun&) = delete;
  ScenarioRun& operator=(const ScenarioRun&) = delete;

  // Returns false when the set-up failed (Finish says why).
  bool Start(const std::filesystem::path& scratch_parent = {});
  // The run's emulator, once started (nullptr before, or when the files of
  // the run could not be made).
  Emulator* emulator();
  // Runs the requester workload (see RunScenario).
  void RunWorkload(const std::function<void()>& requester = {});
  // Ends the run and checks the expectations; call once.
  RunResult Finish();
  // Removes the run's scratch folder now (the destructor does otherwise).
  void RemoveFiles();

 private:
  struct Parts;
  const Scenario& scenario_;
  std::optional<uint64_t> seed_;
  const RunHooks* hooks_;
  RunResult result_;
  std::unique_ptr<Parts> parts_;
};

// The error of the first <registered-writer> whose class this program has
// not registered (VSSEMU_REGISTER_WRITER), or "" when there is none: an
// input error, which `vssemu run` reports before running anything.
std::string UnregisteredWriterClass(const Scenario& scenario);

// Runs scenario (see ScenarioRun). A pinned scenario (<explore>) is refused
// with a failure naming what replays it (explore/scenario_explore.h,
// vssemu::ExploreScenario).
RunResult RunScenario(const Scenario& scenario,
                      std::optional<uint64_t> seed = std::nullopt,
                      const std::function<void()>& requester = {},
                      const RunHooks* hooks = nullptr);

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_RUNNER_H_
