// Every section, open question and rule the project cites resolves to a
// heading of docs/protocol.md; and the scanner that finds them is tested on
// the citation forms the project uses.
#include "docs/protocol_citations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "docs/project_text.h"

namespace vssemu::doc_checks {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Ids(std::string_view text) {
  std::vector<std::string> ids;
  for (const Citation& citation : FindCitations(text)) ids.push_back(citation.id);
  return ids;
}

TEST(ProtocolCitations, FindsEveryFormTheProjectUses) {
  EXPECT_THAT(Ids("// Spec 4.2: never after PostSnapshot"), ElementsAre("4.2"));
  EXPECT_THAT(Ids("(protocol.md 10.3, 15.3 and rule 18.15)"),
              UnorderedElementsAre("10.3", "15.3", "18.15"));
  EXPECT_THAT(Ids("spec 9.2 / Q39: in component mode"), UnorderedElementsAre("9.2", "Q39", "Q39"));
  EXPECT_THAT(Ids("sections 4.1 and 4.2."), ElementsAre("4.1", "4.2"));
  EXPECT_THAT(Ids("| `wait_returns_failure` | false | Q19 |"), ElementsAre("Q19"));
  EXPECT_THAT(Ids("a Thaw after a failed Freeze, Q10a; later"), ElementsAre("Q10a"));
  EXPECT_THAT(Ids("Report(\"order.freeze-level\",\n       \"6.1\", t, event)"), ElementsAre("6.1"));
  EXPECT_THAT(Ids("<scenario name=\"x\" spec=\"3.4\"\n requirement=\"y\">"), ElementsAre("3.4"));
}

TEST(ProtocolCitations, IgnoresWhatIsNotACitation) {
  EXPECT_THAT(Ids("<files path=\"C:\\Db\" spec=\"*.mdf\"/>"), ElementsAre());
  EXPECT_THAT(Ids("participation rule 1: nothing selected"), ElementsAre());
  EXPECT_THAT(Ids("a specification 3 times; section headings; Spec3.4; QUERY Q12xy"),
              ElementsAre());
  EXPECT_THAT(Ids("Set(\"version\", \"1.2\")"), ElementsAre());
  EXPECT_THAT(Ids("WriteFile(dir / \"more.bin\", \"12345\"); spec 123"), ElementsAre());
}

TEST(ProtocolCitations, HeadingIdsNameSectionsQuestionsAndRules) {
  std::vector<std::string> duplicates;
  const std::set<std::string> ids = HeadingIds(
      "# Title\n## 3. Writer states\n### 3.4 Returning false\n### Q10a Veto\n"
      "```\n## 9. in a fence\n```\n### 18.15 Rule\n### 3.4 again\n## Sources\n",
      &duplicates);
  EXPECT_THAT(ids, UnorderedElementsAre("3", "3.4", "Q10a", "18.15"));
  EXPECT_THAT(duplicates, ElementsAre("3.4"));
}

TEST(ProtocolCitations, EveryCitationInTheProjectResolvesToAHeading) {
  const TextFile protocol = ReadProjectFile("docs/protocol.md");
  ASSERT_FALSE(protocol.path.empty()) << "docs/protocol.md is missing";
  std::vector<std::string> duplicates;
  const std::set<std::string> headings = HeadingIds(protocol.text, &duplicates);
  EXPECT_THAT(duplicates, ElementsAre()) << "headings repeat an id";
  std::ostringstream unresolved;
  size_t citations = 0;
  for (const TextFile& file : ProjectTextFiles()) {
    for (const Citation& citation : FindCitations(file.text)) {
      ++citations;
      if (headings.count(citation.id) == 0) {
        unresolved << file.path << ":" << citation.line << ": cites " << citation.id
                   << ", which is no heading of docs/protocol.md\n";
      }
    }
  }
  EXPECT_GT(citations, 500u) << "the scan found too few citations to be reading the tree";
  EXPECT_TRUE(unresolved.str().empty()) << unresolved.str();
}

// A rule a violation names is explained where its section is: protocol.md
// names every rule the emulator raises.
TEST(ProtocolCitations, EveryViolationRuleIsNamedInTheProtocolReference) {
  EXPECT_THAT(FindViolationRules("Violate(\"order.freeze-level\",\n  \"6.1\", x);"),
              ElementsAre("order.freeze-level"));
  const TextFile protocol = ReadProjectFile("docs/protocol.md");
  ASSERT_FALSE(protocol.path.empty()) << "docs/protocol.md is missing";
  std::set<std::string> rules;
  std::ostringstream unnamed;
  for (const TextFile& file : ProjectTextFiles()) {
    if (file.path.rfind("emulator/", 0) != 0) continue;
    for (const std::string& rule : FindViolationRules(file.text)) {
      if (rules.insert(rule).second && protocol.text.find("`" + rule + "`") == std::string::npos) {
        unnamed << file.path << ": raises " << rule << ", which docs/protocol.md does not name\n";
      }
    }
  }
  EXPECT_GT(rules.size(), 50u) << "the scan found too few rules to be reading the emulator";
  EXPECT_TRUE(unnamed.str().empty()) << unnamed.str();
}

}  // namespace
}  // namespace vssemu::doc_checks
