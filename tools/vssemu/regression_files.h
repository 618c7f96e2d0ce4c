// Writing pinned scenarios (`vssemu fuzz --regressions DIR`).
#ifndef VSSEMU_TOOLS_REGRESSION_FILES_H_
#define VSSEMU_TOOLS_REGRESSION_FILES_H_

#include <cstdio>
#include <string>

#include <vssemu/explore.h>

#include "explore/pin_scenario.h"
#include "scenario/scenario_model.h"

namespace vssemu::tools {

// Pins failure, found by exploring scenario with options, as a scenario in
// dir (explore::PinFailure, then explore::WriteRegression) and says on out where it
// went and what was left out ("RULE pinned: PATH ..."), or why it was not
// pinned. Returns the path written, or "".
// program: a requester program's pinning (explore::PinProgram).
std::string PinRegression(const std::string& dir, const scenario::Scenario& scenario,
                          const ExploreOptions& options, const ExploreFailure& failure,
                          std::FILE* out, const explore::PinProgram* program = nullptr);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_REGRESSION_FILES_H_
