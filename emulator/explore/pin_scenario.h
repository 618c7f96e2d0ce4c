// Writing a failure that exploring a scenario found as a pinned scenario
// (`vssemu fuzz`, docs/exploration.md "Pinned runs"): the scenario file
// with its expectations replaced by <explore> and the shrunk run's
// decisions, reduced to what the failure needs.
#ifndef VSSEMU_EXPLORE_PIN_SCENARIO_H_
#define VSSEMU_EXPLORE_PIN_SCENARIO_H_

#include <string>
#include <vector>

#include <vssemu/explore.h>

#include "scenario/scenario_model.h"

namespace vssemu::explore {

struct PinnedScenario {
  std::string name;   // The file name's stem: "<scenario>-<rule>".
  std::string xml;    // Empty when the failure could not be pinned.
  std::string error;  // Why not (the pinned run did not fail the same way).
  // What was left out as not needed for the failure ("writer sys",
  // "<on event=\"Thaw\"> of writer sys", "fault 2").
  std::vector<std::string> removed;
};

// Pins failure, found by exploring scenario with options (as
// ScenarioExploreOptions made them, with the campaign's mode and fault
// kinds). Reads the scenario's file again, so that everything it says is
// kept as written. The pinned run is checked: it fails with failure's rule.
// Then writers, faults and event behaviours are removed one at a time while
// the run still fails that way, and the decisions shrunk again.
PinnedScenario PinFailure(const scenario::Scenario& scenario,
                          const ExploreOptions& options,
                          const ExploreFailure& failure);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_PIN_SCENARIO_H_
