// Typed, strict access to one element of a scenario file: each accessor
// records the attribute it consumed, so that Finish can report anything left
// over as unknown together with the list of what the element accepts.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <sstream>

#include "metadata/xml_util.h"
#include "scenario/scenario_loader_internal.h"

namespace vssemu::scenario::loader {

SourceLocation Reader::At(ptrdiff_t offset) const {
  SourceLocation where{file_, 1, 1};
  if (offset >= static_cast<ptrdiff_t>(text_.size())) {
    // The end of the file (an unclosed element): the end of its last line,
    // not the line after the final line break.
    offset = static_cast<ptrdiff_t>(text_.size());
    while (offset > 0 && (text_[offset - 1] == '\n' || text_[offset - 1] == '\r')) --offset;
  }
  for (ptrdiff_t i = 0; i < offset && i < static_cast<ptrdiff_t>(text_.size());
       ++i) {
    if (text_[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

SourceLocation Reader::AttributeAt(ptrdiff_t element_offset, std::string_view name) const {
  char quote = '\0';
  for (size_t i = static_cast<size_t>(std::max<ptrdiff_t>(element_offset, 0));
       i < text_.size(); ++i) {
    const char c = text_[i];
    if (quote != '\0') {
      if (c == quote) quote = '\0';
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;  // The end of the start tag.
    } else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') &&
               text_.compare(i + 1, name.size(), name) == 0) {
      size_t after = i + 1 + name.size();
      while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\t')) ++after;
      if (after < text_.size() && text_[after] == '=') {
        return At(static_cast<ptrdiff_t>(i + 1));
      }
    }
  }
  return At(element_offset - 1);
}

// pugixml points at the element name; editors and people point at its "<".
SourceLocation Element::where() const {
  return reader_.At(node_.offset_debug() - 1);
}

void Element::Fail(const std::string& message) const {
  // "attribute NAME: ..." or "unknown attribute NAME on ...".
  for (std::string_view prefix : {"attribute ", "unknown attribute "}) {
    if (message.compare(0, prefix.size(), prefix) != 0) continue;
    const size_t start = prefix.size();
    const size_t end = message.find_first_of(": ", start);
    const std::string name = message.substr(start, end - start);
    if (!name.empty() && node_.attribute(name.c_str())) {
      throw LoadError{reader_.AttributeAt(node_.offset_debug(), name), message};
    }
  }
  throw LoadError{where(), message};
}

std::string Element::Text(const char* name, const std::string& fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  return Take(name);
}

std::string Element::Required(const char* name) {
  if (!Has(name)) {
    Fail(std::string("<") + node_.name() + "> needs the attribute " + name);
  }
  return Take(name);
}

std::wstring Element::Wide(const char* name, const std::wstring& fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  return metadata::FromUtf8(Take(name));
}

bool Element::Bool(const char* name, bool fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  if (value == "true" || value == "yes") return true;
  if (value == "false" || value == "no") return false;
  Fail(std::string("attribute ") + name + ": found \"" + value +
       "\", expected true or false");
}

int64_t Element::Int(const char* name, int64_t fallback, int64_t most) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  // Decimal, or hex after 0x; a leading zero does not mean octal (010 is
  // ten milliseconds, not eight).
  const bool hex = value.size() > 2 && value[0] == '0' &&
                   (value[1] == 'x' || value[1] == 'X');
  const char* digits = value.c_str() + (hex ? 2 : 0);
  char* end = nullptr;
  errno = 0;
  long long parsed = std::strtoll(digits, &end, hex ? 16 : 10);
  if (value.empty() || *digits == '-' || *digits == '+' || *digits == ' ' ||
      end == digits || *end != '\0' || parsed < 0 || errno == ERANGE) {
    Fail(std::string("attribute ") + name + ": found \"" + value +
         "\", expected a non-negative number");
  }
  if (parsed > most) {
    Fail(std::string("attribute ") + name + ": found " + value + ", the most is " +
         std::to_string(most) + " (docs/scenarios.md, \"Limits\")");
  }
  return parsed;
}

HRESULT Element::Hresult(const char* name) {
  std::string value = Required(name);
  std::optional<HRESULT> hr = ParseHresult(value);
  if (!hr) {
    Fail(std::string("attribute ") + name + ": \"" + value +
         "\" is not an HRESULT (a name such as VSS_E_BAD_STATE, or hex such "
         "as 0x80042301)");
  }
  return *hr;
}

std::vector<std::string> Element::Words(const char* name) {
  std::istringstream in(Required(name));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

void Element::Finish() {
  for (pugi::xml_attribute a : node_.attributes()) {
    if (used_.count(a.name()) == 0) {
      std::set<std::string> names = used_;
      names.insert(known_.begin(), known_.end());
      std::string expected;
      for (const std::string& u : names) {
        expected += (expected.empty() ? "" : ", ") + u;
      }
      Fail(std::string("unknown attribute ") + a.name() + " on <" +
           node_.name() + ">; expected " +
           (expected.empty() ? "no attributes" : "one of " + expected));
    }
  }
}

void Element::Leaf() const {
  TextOnly();
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      Fail(std::string("unexpected text inside <") + node_.name() + ">");
    }
  }
}

void Element::TextOnly() const {
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_element) {
      Element(reader_, child)
          .Fail(std::string("<") + node_.name() +
                "> takes no child elements; found <" + child.name() + ">");
    }
  }
}

std::vector<pugi::xml_node> Element::Children() const {
  std::vector<pugi::xml_node> children;
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_element) {
      children.push_back(child);
    } else if (child.type() == pugi::node_pcdata ||
               child.type() == pugi::node_cdata) {
      Fail(std::string("unexpected text inside <") + node_.name() + ">");
    }
  }
  return children;
}

std::string Element::Content() const {
  std::string text;
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

std::string OneOf(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

std::string Choice(Element& e, const char* attribute,
                   const std::vector<std::string>& names) {
  std::string value = e.Required(attribute);
  if (std::find(names.begin(), names.end(), value) == names.end()) {
    e.Fail(std::string("attribute ") + attribute + ": found \"" + value +
           "\", expected " + OneOf(names));
  }
  return value;
}

void UnknownChild(const Element& parent, const Element& child,
                  const char* expected) {
  child.Fail(std::string("unknown element <") + child.node().name() +
             "> inside <" + parent.node().name() + ">; expected " + expected);
}

std::vector<std::wstring> WideWords(Element& e, const char* name) {
  std::vector<std::wstring> words;
  for (const std::string& w : e.Words(name)) {
    words.push_back(metadata::FromUtf8(w));
  }
  return words;
}

}  // namespace vssemu::scenario::loader
