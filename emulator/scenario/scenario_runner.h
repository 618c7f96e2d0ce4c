// Runs a loaded scenario: builds the emulator from its world, starts its
// writers, runs the requester workload, and checks every expectation.
//
// Contract: the run is deterministic (the scenario's seed, or the override);
// a failed expectation is reported with the file:line:column of its
// <expect> and what was found. Nothing escapes as an exception.
#ifndef VSSEMU_SCENARIO_SCENARIO_RUNNER_H_
#define VSSEMU_SCENARIO_SCENARIO_RUNNER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <vssemu/trace.h>

#include "scenario/scenario_model.h"

namespace vssemu::scenario {

struct RunResult {
  bool passed = false;
  // One line per failed expectation or setup problem ("file:l:c: ...").
  std::vector<std::string> failures;
  Trace trace;
  BackupResult backup;  // The reference requester's result (if it ran).
  int64_t virtual_time_us = 0;
  // A writer could not be created (unknown registered class, Start failed).
  bool setup_failed = false;
};

// Runs scenario; seed, when given, replaces the scenario's own. A scenario
// whose requester is external runs requester (the test's own code calling
// IVssBackupComponents) once its writers have started; its state
// expectations then read the writers' states from the trace (as of their
// BackupShutdown).
RunResult RunScenario(const Scenario& scenario,
                      std::optional<uint64_t> seed = std::nullopt,
                      const std::function<void()>& requester = {});

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_RUNNER_H_
