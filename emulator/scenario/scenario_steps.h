// The reference requester's work in a scenario run: its first backup (the
// <requester> attributes), then each <backup> and <restore> in order.
//
// - Each backup uses its own media folder when the run has files
//   (ScratchFolder::Media); an incremental backup hands back the stamps of
//   the last full or incremental backup's saved document, a differential one
//   those of the last full backup's (spec 12.1, 12.4).
// - A restore restores the media of the backup it names (default: the last
//   one before it); before it, its delete-before paths are removed from the
//   live volumes and its stopped writers unsubscribe (for the rest of the
//   run). The restored files are verified right after it.
// - Faults with after= follow the steps of the first backup only.
// - Every step runs, whatever the outcome of the steps before it; a restore
//   of a backup that saved nothing fails when it reads the media.
//
// Contract: results go into RunResult (backups, restores, last_status);
// a step that cannot be set up (a delete-before path on a volume without
// files) is a failure line. Never throws.
#ifndef VSSEMU_SCENARIO_SCENARIO_STEPS_H_
#define VSSEMU_SCENARIO_SCENARIO_STEPS_H_

#include <functional>
#include <map>
#include <string>

#include <vssemu/emulator.h>
#include <vswriter.h>

#include <vssemu/scenario/scenario_model.h>
#include <vssemu/scenario/scenario_runner.h>
#include <vssemu/scenario/scenario_scratch.h>

namespace vssemu::scenario {

// What the run knows about each writer of the scenario, by id.
struct WriterNames {
  std::map<std::string, std::string> trace_name;   // writer= in the trace.
  std::map<std::string, std::string> class_id;     // class= in the trace.
  std::map<std::string, std::string> instance_id;  // instance= in the trace.
  std::map<std::string, HRESULT> start;            // Initialize + Subscribe.
  std::map<std::string, CVssWriter*> object;
};

// What the steps need from the run.
struct StepContext {
  const Scenario& scenario;
  const Emulator& emulator;
  WriterNames& names;
  const ScratchFolder* scratch = nullptr;  // NULL: the run has no files.
  // Called after each step of the first backup (the faults with after=).
  std::function<void(const std::string& step)> first_backup_after_step;
};

// Runs the reference requester's backups and restores into *result.
void RunRequesterSteps(const StepContext& context, RunResult* result);

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_STEPS_H_
