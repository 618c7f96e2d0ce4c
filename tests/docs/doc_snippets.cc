#include "docs/doc_snippets.h"

#include "docs/project_text.h"

namespace vssemu::doc_checks {
namespace {

constexpr std::string_view kMarkerOpen = "<!-- snippet:";
constexpr std::string_view kMarkerClose = "-->";

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Trimmed, with every run of blanks as one space: alignment of trailing
// comments differs between a snippet and its file.
std::string Normalized(std::string_view line) {
  std::string out;
  for (char c : Trim(line)) {
    const bool blank = c == ' ' || c == '\t';
    if (blank && !out.empty() && out.back() == ' ') continue;
    out.push_back(blank ? ' ' : c);
  }
  return out;
}

bool IsGap(const std::string& normalized) {
  return normalized == "..." || normalized == "// ..." || normalized == "# ..." ||
         normalized == "<!-- ... -->";
}

}  // namespace

std::vector<Snippet> ExtractSnippets(std::string_view markdown) {
  std::vector<Snippet> snippets;
  const std::vector<std::string> lines = SplitLines(markdown);
  Snippet* open = nullptr;
  std::string marker;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (open != nullptr) {
      if (line == "```") {
        open = nullptr;
      } else {
        open->lines.push_back(lines[i]);
      }
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      snippets.push_back({line.substr(3), marker, static_cast<int>(i + 1), {}});
      open = &snippets.back();
    }
    marker.clear();
    if (line.rfind(kMarkerOpen, 0) == 0 && line.size() >= kMarkerOpen.size() + kMarkerClose.size() &&
        line.compare(line.size() - kMarkerClose.size(), kMarkerClose.size(), kMarkerClose) == 0) {
      marker = Trim(std::string_view(line).substr(
          kMarkerOpen.size(), line.size() - kMarkerOpen.size() - kMarkerClose.size()));
    }
  }
  return snippets;
}

bool NeedsCompiledSource(std::string_view language) {
  return language == "cpp" || language == "c++" || language == "c" || language == "cmake";
}

std::string FindSnippetIn(const Snippet& snippet, std::string_view file_text) {
  const std::vector<std::string> file_lines = SplitLines(file_text);
  size_t next = 0;  // The first file line not yet matched.
  for (size_t i = 0; i < snippet.lines.size(); ++i) {
    const std::string wanted = Normalized(snippet.lines[i]);
    if (wanted.empty() || IsGap(wanted)) continue;
    size_t found = next;
    while (found < file_lines.size() && Normalized(file_lines[found]) != wanted) ++found;
    if (found == file_lines.size()) {
      return "line " + std::to_string(snippet.line + 1 + static_cast<int>(i)) + " `" + wanted +
             "` is not in " + snippet.source + " after its line " + std::to_string(next);
    }
    next = found + 1;
  }
  return "";
}

}  // namespace vssemu::doc_checks
