#include "vssemu/scenario_files.h"

#include <algorithm>
#include <filesystem>

namespace vssemu::tools {

std::vector<std::string> FindScenarioFiles(const std::vector<std::string>& args,
                                           std::vector<std::string>* missing) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code error;
    if (fs::is_directory(arg, error)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(arg, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".xml") {
          found.push_back(entry.path().generic_string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(arg, error)) {
      files.push_back(arg);
    } else {
      missing->push_back(arg);
    }
  }
  return files;
}

}  // namespace vssemu::tools
