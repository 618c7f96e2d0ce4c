#include "docs/project_text.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace vssemu::doc_checks {
namespace fs = std::filesystem;

fs::path SourceRoot() {
  const char* root = std::getenv("VSSEMU_SOURCE_DIR");
  return fs::path(root != nullptr && *root != '\0' ? root : VSSEMU_SOURCE_DIR);
}

TextFile ReadProjectFile(std::string_view relative_path) {
  std::ifstream in(SourceRoot() / fs::path(relative_path), std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return {std::string(relative_path), text.str()};
}

std::vector<TextFile> ProjectTextFiles() {
  static constexpr std::array<std::string_view, 8> kFolders = {
      "docs", "emulator", "fixtures", "tools", "tests", "scenarios", "examples", "cmake"};
  static constexpr std::array<std::string_view, 13> kExtensions = {
      ".cc", ".h", ".c", ".cpp", ".go", ".md", ".xml", ".xsd", ".txt", ".cmake", ".def", ".in",
      ".sh"};
  const fs::path root = SourceRoot();
  std::vector<std::string> paths = {"README.md", "CMakeLists.txt"};
  for (std::string_view folder : kFolders) {
    std::error_code error;
    for (fs::recursive_directory_iterator it(root / folder, error), end; !error && it != end;
         it.increment(error)) {
      if (!it->is_regular_file()) continue;
      const std::string extension = it->path().extension().string();
      if (std::find(kExtensions.begin(), kExtensions.end(), extension) == kExtensions.end()) {
        continue;
      }
      paths.push_back(it->path().lexically_relative(root).generic_string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<TextFile> files;
  for (const std::string& path : paths) {
    TextFile file = ReadProjectFile(path);
    if (!file.path.empty()) files.push_back(std::move(file));
  }
  return files;
}

int LineOf(std::string_view text, size_t at) {
  at = std::min(at, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace vssemu::doc_checks
