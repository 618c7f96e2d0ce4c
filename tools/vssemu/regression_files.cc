#include "vssemu/regression_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "explore/pin_scenario.h"

namespace vssemu::tools {

std::string PinRegression(const std::string& dir, const scenario::Scenario& scenario,
                          const ExploreOptions& options, const ExploreFailure& failure,
                          std::FILE* out, const explore::PinProgram* program) {
  explore::PinnedScenario pinned = explore::PinFailure(scenario, options, failure, program);
  std::string error, path;
  if (!pinned.xml.empty()) path = WriteRegression(dir, pinned.name, pinned.xml, &error);
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

std::string WriteRegression(const std::string& dir, const std::string& name,
                            const std::string& xml, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return "";
  }
  for (int n = 1;; ++n) {
    std::string file = name;
    if (n > 1) file += '-' + std::to_string(n);
    file += ".xml";
    const fs::path path = fs::path(dir) / file;
    if (fs::exists(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::string existing((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (existing == xml) return path.generic_string();
      continue;  // Another failure pinned earlier: keep it.
    }
    std::ofstream out(path, std::ios::binary);
    out << xml;
    out.close();
    if (!out) {
      *error = "cannot write " + path.generic_string();
      return "";
    }
    return path.generic_string();
  }
}

}  // namespace vssemu::tools
