#include "vssemu/regression_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace vssemu::tools {

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
