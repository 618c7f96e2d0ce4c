// The code snippets of the README and docs/, and the check that each is
// real: a C++, C or CMake snippet names, in an HTML comment on the line above
// its fence, the compiled file that holds it,
//
//   <!-- snippet: examples/writer_author/inventory_writer_test.cc -->
//   ```cpp
//
// and that file holds the snippet's lines in the same order (compared without
// indentation and runs of spaces; a line "..." or "// ..." stands for lines
// the snippet leaves out). An XML snippet either names a file the same way
// or loads as a scenario (a fragment, as a scenario's children). No
// GoogleTest here.
#ifndef VSSEMU_TESTS_DOCS_DOC_SNIPPETS_H_
#define VSSEMU_TESTS_DOCS_DOC_SNIPPETS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vssemu::doc_checks {

struct Snippet {
  std::string language;  // The fence's info string: "cpp", "cmake", "xml", "sh".
  std::string source;    // The marker's file, or empty.
  int line = 0;          // The fence's 1-based line.
  std::vector<std::string> lines;
};

// The fenced blocks of a Markdown document, with their markers.
std::vector<Snippet> ExtractSnippets(std::string_view markdown);

// True for languages whose snippets must name a compiled file.
bool NeedsCompiledSource(std::string_view language);

// Empty when `file_text` holds the snippet's lines in order; otherwise what
// is missing, naming the snippet's line and the file line searched from.
std::string FindSnippetIn(const Snippet& snippet, std::string_view file_text);

}  // namespace vssemu::doc_checks

#endif  // VSSEMU_TESTS_DOCS_DOC_SNIPPETS_H_
