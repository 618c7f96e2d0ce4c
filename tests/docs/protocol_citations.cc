#include "docs/protocol_citations.h"

#include <array>
#include <cctype>

#include "docs/project_text.h"

namespace vssemu::doc_checks {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Reads a number of one or two digits at `at`; returns its length or 0.
size_t NumberLength(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && IsDigit(text[end])) ++end;
  return end - at <= 2 ? end - at : 0;
}

// Reads an id at `at`: "Q" number [one lower-case letter], or number
// ("." number)*, each number one or two digits ("12345" is a value, not a
// section). A trailing "." that ends a sentence is not part of it. Returns
// the id's length, 0 when there is none or it runs into a word.
size_t IdLength(std::string_view text, size_t at) {
  size_t end = at;
  if (end < text.size() && text[end] == 'Q') {
    const size_t digits = NumberLength(text, end + 1);
    if (digits == 0) return 0;
    end += 1 + digits;
    if (end < text.size() && std::islower(static_cast<unsigned char>(text[end])) != 0) ++end;
  } else {
    size_t digits = NumberLength(text, end);
    if (digits == 0) return 0;
    end += digits;
    while (end + 1 < text.size() && text[end] == '.' &&
           (digits = NumberLength(text, end + 1)) != 0) {
      end += 1 + digits;
    }
  }
  if (end < text.size() && IsWordChar(text[end])) return 0;  // "3rd", "Q1x2"
  return end - at;
}

// Separators between ids of one citation: "3.4, 4.1", "4.1 and 4.2",
// "9.2 / Q39", "Q13, Q17", "12.5 or 12.6".
size_t SeparatorLength(std::string_view text, size_t at) {
  static constexpr std::array<std::string_view, 8> kSeparators = {
      ", and ", ", ", " and ", " / ", "/", " or ", ",", "-"};
  for (std::string_view separator : kSeparators) {
    if (text.substr(at, separator.size()) == separator) return separator.size();
  }
  return 0;
}

// Reads "ID (SEPARATOR ID)*" at `at` into `out`.
void ReadIdList(std::string_view text, size_t at, std::vector<Citation>* out) {
  while (true) {
    const size_t length = IdLength(text, at);
    if (length == 0) return;
    out->push_back({std::string(text.substr(at, length)), LineOf(text, at)});
    at += length;
    const size_t separator = SeparatorLength(text, at);
    if (separator == 0 || IdLength(text, at + separator) == 0) return;
    at += separator;
  }
}

// Words after which an id list cites protocol.md. "rule" cites only the
// checklist of section 18 ("participation rule 1" is another list).
void FindLedCitations(std::string_view text, std::vector<Citation>* out) {
  static constexpr std::array<std::string_view, 8> kLeads = {
      "protocol.md", "spec", "Spec", "section", "Section", "sections", "§", "rule"};
  for (std::string_view lead : kLeads) {
    for (size_t at = text.find(lead); at != std::string_view::npos;
         at = text.find(lead, at + 1)) {
      if (at > 0 && IsWordChar(text[at - 1]) && lead != "§") continue;
      size_t next = at + lead.size();
      if (lead == "rule" && next < text.size() && text[next] == 's') ++next;
      if (lead != "§" && next < text.size() && IsWordChar(text[next])) continue;
      if (text.substr(next, 9) == " section ") next += 8;
      if (next < text.size() && text[next] == ':') ++next;
      while (next < text.size() && text[next] == ' ') ++next;
      if (text.substr(next, 2) == "§") next += 2;  // UTF-8 section sign
      while (next < text.size() && text[next] == ' ') ++next;
      if (lead == "rule" && text.substr(next, 3) != "18.") continue;
      ReadIdList(text, next, out);
    }
  }
}

// An open question stands alone anywhere: "(Q19)", "Q10a knob".
void FindQuestions(std::string_view text, std::vector<Citation>* out) {
  for (size_t at = text.find('Q'); at != std::string_view::npos; at = text.find('Q', at + 1)) {
    if (at > 0 && IsWordChar(text[at - 1])) continue;
    const size_t length = IdLength(text, at);
    if (length > 1) out->push_back({std::string(text.substr(at, length)), LineOf(text, at)});
  }
}

// A violation's section: "rule.id", "6.1" in a Violate or Report call,
// possibly with the arguments on separate lines. The rule ids go to rules
// when it is given.
void FindViolationSections(std::string_view text, std::vector<Citation>* out,
                           std::vector<std::string>* rules = nullptr) {
  for (size_t at = text.find("\","); at != std::string_view::npos;
       at = text.find("\",", at + 1)) {
    const size_t open = text.rfind('"', at - 1);
    if (open == std::string_view::npos) continue;
    const std::string_view rule = text.substr(open + 1, at - open - 1);
    const size_t dot = rule.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == rule.size()) continue;
    bool rule_like = true;
    for (char c : rule) {
      rule_like = rule_like && (std::islower(static_cast<unsigned char>(c)) != 0 || IsDigit(c) ||
                                c == '.' || c == '-');
    }
    if (!rule_like || IsDigit(rule[0])) continue;
    size_t next = at + 2;
    while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next])) != 0) ++next;
    if (next >= text.size() || text[next] != '"') continue;
    const size_t length = IdLength(text, next + 1);
    if (length > 0 && next + 1 + length < text.size() && text[next + 1 + length] == '"') {
      out->push_back({std::string(text.substr(next + 1, length)), LineOf(text, next)});
      if (rules != nullptr) rules->emplace_back(rule);
    }
  }
}

// <scenario ... spec="3.4"> (a file set's spec="*.mdf" is another attribute).
void FindScenarioSpecs(std::string_view text, std::vector<Citation>* out) {
  for (size_t at = text.find("<scenario"); at != std::string_view::npos;
       at = text.find("<scenario", at + 1)) {
    const size_t end = text.find('>', at);
    const size_t spec = text.find(" spec=\"", at);
    if (spec == std::string_view::npos || spec > end) continue;
    ReadIdList(text, spec + 7, out);
  }
}

}  // namespace

std::set<std::string> HeadingIds(std::string_view markdown, std::vector<std::string>* duplicates) {
  std::set<std::string> ids;
  bool in_fence = false;
  for (const std::string& line : SplitLines(markdown)) {
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    if (in_fence || line.empty() || line[0] != '#') continue;
    size_t at = line.find_first_not_of('#');
    if (at == std::string::npos || line[at] != ' ') continue;
    ++at;
    const size_t length = IdLength(line, at);
    if (length == 0) continue;
    const std::string id = line.substr(at, length);
    if (!ids.insert(id).second && duplicates != nullptr) duplicates->push_back(id);
  }
  return ids;
}

std::vector<Citation> FindCitations(std::string_view text) {
  std::vector<Citation> citations;
  FindLedCitations(text, &citations);
  FindQuestions(text, &citations);
  FindViolationSections(text, &citations);
  FindScenarioSpecs(text, &citations);
  return citations;
}

std::vector<std::string> FindViolationRules(std::string_view text) {
  std::vector<Citation> sections;
  std::vector<std::string> rules;
  FindViolationSections(text, &sections, &rules);
  return rules;
}

}  // namespace vssemu::doc_checks
