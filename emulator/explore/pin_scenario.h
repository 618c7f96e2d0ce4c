// Writing a failure that exploring a scenario found as a pinned scenario
// (`vssemu fuzz`, docs/exploration.md "Pinned runs"): the scenario file
// with its expectations replaced by <explore> and the shrunk run's
// decisions, reduced to what the failure needs.
#ifndef VSSEMU_EXPLORE_PIN_SCENARIO_H_
#define VSSEMU_EXPLORE_PIN_SCENARIO_H_

#include <functional>
#include <string>
#include <vector>

#include <vssemu/explore.h>

#include "explore/single_run.h"
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

// How a pinned scenario of a requester program (`vssemu fuzz --exec`) is
// written and run.
struct PinProgram {
  // The folder the pinned file goes to: a relative program path in it
  // leads from there.
  std::string folder;
  // The program the pinned scenario names (<requester workload="exec">),
  // as the file says it; empty: as the scenario already names it.
  std::string program;
  std::vector<std::string> args;
  // Runs a candidate, given as loaded and as its text (which a program's
  // run loads from a file of its own).
  std::function<Runner(const scenario::Scenario& loaded, const std::string& xml)> runner;
};

// Pins failure, found by exploring scenario with options (as
// ScenarioExploreOptions made them, with the campaign's mode and fault
// kinds). Reads the scenario's file again, so that everything it says is
// kept as written. The pinned run is checked: it fails with failure's rule.
// Then writers, faults and event behaviours are removed one at a time while
// the run still fails that way, and the decisions shrunk again.
// With program, the candidates run as program.runner says.
PinnedScenario PinFailure(const scenario::Scenario& scenario,
                          const ExploreOptions& options,
                          const ExploreFailure& failure,
                          const PinProgram* program = nullptr);

// Writes xml as dir/name.xml, creating dir. A file of that name with other
// content is kept: the new one becomes name-2.xml (name-3.xml, ...); one
// with the same content is left as it is. Returns the path written or
// found, or "" after saying why in *error.
std::string WriteRegression(const std::string& dir, const std::string& name,
                            const std::string& xml, std::string* error);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_PIN_SCENARIO_H_
