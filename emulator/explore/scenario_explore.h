// Exploring a scenario file (`vssemu fuzz`, `vssemu replay`): the scenario's
// world, scripted writers and reference requester, run under exploration.
// The scenario's expectations describe the default run and are not
// checked; its expected violations do not fail a run.
#ifndef VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_
#define VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_

#include <vssemu/explore.h>

#include "explore/single_run.h"
#include "scenario/scenario_model.h"

namespace vssemu::explore {

// Returns the runner of scenario (which must outlive it). The outcome of a
// run is the first failed backup's or restore's HRESULT, else S_OK.
Runner ScenarioRunner(const scenario::Scenario& scenario);

// Returns exploration options for scenario: its run options, and the rules
// of its <expect violation=...> as ignored rules.
ExploreOptions ScenarioExploreOptions(const scenario::Scenario& scenario);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_SCENARIO_EXPLORE_H_
