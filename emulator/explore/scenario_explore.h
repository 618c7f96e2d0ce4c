// Exploring a scenario file (`vssemu fuzz`, `vssemu replay`): the scenario's
// world, scripted writers and reference requester, run under exploration.
// The scenario's expectations describe the default run and are not
// checked; its expected violations do not fail a run. A scenario with
// <explore> pins one run: RunPinned runs it.
#ifndef VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_
#define VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_

#include <cstdint>
#include <functional>
#include <optional>

#include <vssemu/explore.h>

#include "explore/single_run.h"
#include "scenario/scenario_model.h"
#include "scenario/scenario_runner.h"

namespace vssemu::explore {

// Returns the runner of scenario (which must outlive it). The outcome of a
// run is the first failed backup's or restore's HRESULT, else S_OK. When
// last is given, each run's result (expectations checked) is stored there.
// requester, when given, is the scenario's external requester (the test's
// own code): each run calls it once the writers have started, and its
// return value is the run's outcome.
Runner ScenarioRunner(const scenario::Scenario& scenario,
                      scenario::RunResult* last = nullptr,
                      const std::function<HRESULT()>* requester = nullptr);

// Returns exploration options for scenario: its run options, and the rules
// of its <expect violation=...> as ignored rules; for a pinned run also the
// pin's mode, fault kinds and ignored rules.
ExploreOptions ScenarioExploreOptions(const scenario::Scenario& scenario);

// A scenario's pinned run (scenario.pinned must be set) with options, and
// its judgement against the run with the default choices; when last is
// given, the pinned run's result (expectations checked) is stored there.
struct PinnedRunRecord {
  RunRecord run;
  RunRecord baseline;
  std::optional<Verdict> verdict;  // Unset when the run passes.
  size_t matched = 0;              // The pinned decisions the run reached.
};
// runner, when given, runs the scenario instead of ScenarioRunner (a
// program's scenario, `vssemu fuzz --exec`); it stores the result in last
// itself.
PinnedRunRecord JudgePinned(const scenario::Scenario& scenario,
                            const ExploreOptions& options, bool record_trace,
                            scenario::RunResult* last = nullptr,
                            const Runner* runner = nullptr);

// Runs a scenario's pinned run (scenario.pinned must be set) with seed, or
// the scenario's own: the run with the pinned decisions, recording the
// trace. It passes when its expectations hold and it passes exploration's
// checks, judged against the run with the default choices.
// runner, when given, runs it (see JudgePinned), storing its result in
// *last.
scenario::RunResult RunPinned(const scenario::Scenario& scenario,
                              std::optional<uint64_t> seed = std::nullopt,
                              const Runner* runner = nullptr,
                              scenario::RunResult* last = nullptr);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_
