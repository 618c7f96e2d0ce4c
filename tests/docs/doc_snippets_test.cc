// Every C++, C and CMake snippet of the README and docs/ is held, line for
// line, by a file the build compiles; every XML snippet is held by a file or
// loads as a scenario (a fragment, as a scenario's children). The checker
// itself is tested first.
#include "docs/doc_snippets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <scenario/scenario_loader.h>

#include "docs/project_text.h"

namespace vssemu::doc_checks {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kDoc[] =
    "Text.\n"
    "<!-- snippet: examples/a/b.cc -->\n"
    "```cpp\n"
    "  int x = 1;   // one\n"
    "...\n"
    "return x;\n"
    "```\n"
    "<!-- snippet: examples/a/c.cc -->\n"
    "\n"
    "```sh\n"
    "vssemu run a.xml\n"
    "```\n";

TEST(DocSnippets, ExtractsFencesWithTheirMarkers) {
  const std::vector<Snippet> snippets = ExtractSnippets(kDoc);
  ASSERT_EQ(snippets.size(), 2u);
  EXPECT_EQ(snippets[0].language, "cpp");
  EXPECT_EQ(snippets[0].source, "examples/a/b.cc");
  EXPECT_EQ(snippets[0].line, 3);
  EXPECT_THAT(snippets[0].lines, ElementsAre("  int x = 1;   // one", "...", "return x;"));
  EXPECT_EQ(snippets[1].language, "sh");
  EXPECT_EQ(snippets[1].source, "") << "a marker counts only on the line above the fence";
}

TEST(DocSnippets, MatchesLinesInOrderWithGapsAndAnyIndentation) {
  const Snippet snippet = ExtractSnippets(kDoc)[0];
  EXPECT_EQ(FindSnippetIn(snippet, "int f() {\n    int x = 1; // one\n  Log();\n  return x;\n}\n"),
            "");
  EXPECT_THAT(FindSnippetIn(snippet, "int f() {\n  return x;\n  int x = 1; // one\n}\n"),
              HasSubstr("line 6 `return x;` is not in examples/a/b.cc"));
  EXPECT_THAT(FindSnippetIn(snippet, "int x = 2; // one\nreturn x;\n"),
              HasSubstr("`int x = 1; // one`"));
}

bool UnderCompiledFolder(const std::string& path) {
  for (std::string_view folder : {"examples/", "tests/", "fixtures/", "tools/", "emulator/"}) {
    if (path.rfind(folder, 0) == 0) return true;
  }
  return false;
}

TEST(DocSnippets, EverySnippetOfTheDocumentationIsReal) {
  std::vector<std::string> documents = {"README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(SourceRoot() / "docs")) {
    if (entry.path().extension() == ".md") documents.push_back("docs/" + entry.path().filename().string());
  }
  std::ostringstream problems;
  int checked = 0;
  for (const std::string& document : documents) {
    const TextFile doc = ReadProjectFile(document);
    for (const Snippet& snippet : ExtractSnippets(doc.text)) {
      const std::string where = document + ":" + std::to_string(snippet.line) + ": ";
      if (snippet.source.empty()) {
        if (NeedsCompiledSource(snippet.language)) {
          problems << where << snippet.language
                   << " snippet names no compiled file (<!-- snippet: PATH --> above it)\n";
        } else if (snippet.language == "xml") {
          std::string xml;
          for (const std::string& line : snippet.lines) xml += line + "\n";
          // A fragment is a scenario's children: it must load inside one.
          if (xml.find("<scenario") == std::string::npos) {
            xml = "<scenario name=\"snippet\" spec=\"2.1\" requirement=\"snippet\">\n" + xml +
                  "</scenario>\n";
          }
          vssemu::scenario::LoadResult loaded = vssemu::scenario::LoadScenarioText(
              xml, document + "'s snippet at line " + std::to_string(snippet.line));
          if (!loaded) problems << where << "scenario does not load: " << loaded.ErrorText() << "\n";
          ++checked;
        }
        continue;
      }
      if (NeedsCompiledSource(snippet.language) && !UnderCompiledFolder(snippet.source)) {
        problems << where << snippet.source << " is not in a folder the build compiles\n";
        continue;
      }
      const TextFile source = ReadProjectFile(snippet.source);
      if (source.path.empty()) {
        problems << where << "names " << snippet.source << ", which does not exist\n";
        continue;
      }
      const std::string missing = FindSnippetIn(snippet, source.text);
      if (!missing.empty()) problems << where << missing << "\n";
      ++checked;
    }
  }
  EXPECT_GT(checked, 15) << "too few snippets found to be reading the documentation";
  EXPECT_TRUE(problems.str().empty()) << problems.str();
}

}  // namespace
}  // namespace vssemu::doc_checks
