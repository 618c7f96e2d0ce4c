#include "vssemu/regression_files.h"

#include "explore/pin_scenario.h"

namespace vssemu::tools {

std::string PinRegression(const std::string& dir, const scenario::Scenario& scenario,
                          const ExploreOptions& options, const ExploreFailure& failure,
                          std::FILE* out, const explore::PinProgram* program) {
  explore::PinnedScenario pinned = explore::PinFailure(scenario, options, failure, program);
  std::string error, path;
  if (!pinned.xml.empty()) path = explore::WriteRegression(dir, pinned.name, pinned.xml, &error);
  if (path.empty()) {
    std::fprintf(out, "%s not pinned: %s\n", failure.rule.c_str(),
                 pinned.xml.empty() ? pinned.error.c_str() : error.c_str());
    return "";
  }
  std::fprintf(out, "%s pinned: %s (vssemu run %s)\n", failure.rule.c_str(), path.c_str(),
               path.c_str());
  if (!pinned.removed.empty()) {
    std::fprintf(out, "  left out as not needed:");
    for (size_t i = pinned.removed.size(); i-- > 0;) {
      std::fprintf(out, " %s%s", pinned.removed[i].c_str(), i == 0 ? "" : ",");
    }
    std::fprintf(out, "\n");
  }
  return path;
}

}  // namespace vssemu::tools
