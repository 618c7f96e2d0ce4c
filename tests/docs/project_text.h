// The project's own text files as the documentation checks read them: the
// README, docs/, and every source, scenario and build file that may cite
// docs/protocol.md or show a snippet. No GoogleTest here: callers assert.
#ifndef VSSEMU_TESTS_DOCS_PROJECT_TEXT_H_
#define VSSEMU_TESTS_DOCS_PROJECT_TEXT_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::doc_checks {

// A file's text with its path relative to the source tree, for messages.
struct TextFile {
  std::string path;  // "docs/coordinator.md"
  std::string text;
};

// The source tree's root (VSSEMU_SOURCE_DIR, set by CMake).
std::filesystem::path SourceRoot();

// Reads one file below the root; an empty optional-like result (path empty)
// when it cannot be read.
TextFile ReadProjectFile(std::string_view relative_path);

// Every text file of the project that can hold a citation or a snippet:
// README.md, CMakeLists.txt and the files below docs/, emulator/, fixtures/,
// tools/, tests/, scenarios/, examples/ and cmake/ with a source, document,
// scenario or build extension; sorted by path, so messages are stable.
std::vector<TextFile> ProjectTextFiles();

// The 1-based line number of byte offset `at` in `text`.
int LineOf(std::string_view text, size_t at);

// The lines of `text`, without their line ends.
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace vssemu::doc_checks

#endif  // VSSEMU_TESTS_DOCS_PROJECT_TEXT_H_
