// Finds what the project cites of docs/protocol.md and what it defines.
//
// A citation names a section ("spec 3.4", "protocol.md 10.3", "sections 4.1
// and 4.2"), an open question ("Q10a") or a rule ("rule 18.15"); a violation
// cites one as its section ("order.freeze-level", "6.1") and a scenario file
// as its spec attribute (<scenario spec="3.4">). Each must be the id at the
// start of one of protocol.md's headings ("### 3.4 ...", "### Q10a ...").
#ifndef VSSEMU_TESTS_DOCS_PROTOCOL_CITATIONS_H_
#define VSSEMU_TESTS_DOCS_PROTOCOL_CITATIONS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::doc_checks {

struct Citation {
  std::string id;  // "3.4", "Q10a", "18.15"
  int line = 0;    // 1-based, in the citing file
};

// The ids of a Markdown document's headings: "## 3. Title" gives "3",
// "### 3.4 Title" gives "3.4", "### Q7 Title" gives "Q7". Headings without
// an id are skipped; a repeated id is returned in `duplicates`.
std::set<std::string> HeadingIds(std::string_view markdown, std::vector<std::string>* duplicates);

// Every citation in a file's text, in order of appearance.
std::vector<Citation> FindCitations(std::string_view text);

// The violation rules a source file raises: the rule ids of its
// ("rule.id", "section") argument pairs.
std::vector<std::string> FindViolationRules(std::string_view text);

}  // namespace vssemu::doc_checks

#endif  // VSSEMU_TESTS_DOCS_PROTOCOL_CITATIONS_H_
