// The pieces the scenario loader is built from, shared by its files
// (scenario_loader.cc: the scenario, world and writers;
// scenario_loader_requester.cc: the requester's steps and faults;
// scenario_loader_expect.cc: expectations). Not part of the loader's API.
//
// Contract: every reader function takes one element, consumes the
// attributes and children it knows through Element, and throws LoadError
// for the first problem; LoadScenarioText catches it, so nothing
// half-built escapes. Element::Finish reports the attributes no accessor
// consumed, listing those the element knows.
#ifndef VSSEMU_SCENARIO_SCENARIO_LOADER_INTERNAL_H_
#define VSSEMU_SCENARIO_SCENARIO_LOADER_INTERNAL_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "scenario/scenario_model.h"
#include "scenario/scenario_names.h"

namespace vssemu::scenario::loader {

// Thrown inside the loader only: the first error ends the load.
struct LoadError {
  SourceLocation where;
  std::string message;
};

// Maps pugixml offsets to lines and columns of the source text.
class Reader {
 public:
  Reader(std::string_view text, std::string file)
      : text_(text), file_(std::move(file)) {}
  // Returns the 1-based line and column of offset.
  SourceLocation At(ptrdiff_t offset) const;
  // Returns where the attribute name starts in the start tag whose element
  // name is at element_offset; the element's "<" when it is not there.
  SourceLocation AttributeAt(ptrdiff_t element_offset, std::string_view name) const;
  const std::string& file() const { return file_; }

 private:
  std::string_view text_;
  std::string file_;
};

// One element being read: typed attribute access with precise errors.
class Element {
 public:
  Element(const Reader& reader, pugi::xml_node node)
      : reader_(reader), node_(node) {}

  pugi::xml_node node() const { return node_; }
  const Reader& reader() const { return reader_; }
  // Returns where the element starts (its "<").
  SourceLocation where() const;
  // Throws a LoadError at this element; a message about one attribute
  // ("attribute NAME: ...", "unknown attribute NAME ...") is reported at
  // that attribute.
  [[noreturn]] void Fail(const std::string& message) const;

  // Returns whether the attribute is present; also notes name as one this
  // element knows, for the error listing.
  bool Has(const char* name) const {
    known_.insert(name);
    return node_.attribute(name);
  }
  // Each accessor consumes its attribute and returns the fallback when it is
  // absent (Required, Hresult and Words fail instead).
  std::string Text(const char* name, const std::string& fallback = "");
  std::string Required(const char* name);
  std::wstring Wide(const char* name, const std::wstring& fallback = L"");
  bool Bool(const char* name, bool fallback);
  // A non-negative number, decimal or 0x hex, at most most
  // (scenario_limits.h); fallback when absent.
  int64_t Int(const char* name, int64_t fallback, int64_t most);
  HRESULT Hresult(const char* name);
  std::vector<std::string> Words(const char* name);
  template <typename T>
  T Enum(const char* name, const NameTable<T>& table, T fallback);
  // Reports attributes that no accessor consumed.
  void Finish();
  // Rejects child elements and text (elements that take attributes only).
  void Leaf() const;
  // Rejects child elements (elements whose content is text).
  void TextOnly() const;
  // Returns the element children, rejecting text content.
  std::vector<pugi::xml_node> Children() const;
  // Returns the text content as written (pcdata and cdata, in order).
  std::string Content() const;

 private:
  std::string Take(const char* name) {
    used_.insert(name);
    return node_.attribute(name).value();
  }

  const Reader& reader_;
  pugi::xml_node node_;
  std::set<std::string> used_;
  mutable std::set<std::string> known_;
};

template <typename T>
T Element::Enum(const char* name, const NameTable<T>& table, T fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  if (std::optional<T> parsed = table.Find(value)) return *parsed;
  Fail(std::string("attribute ") + name + ": found \"" + value +
       "\", expected one of " + table.List());
}

// Returns "a, b or c".
std::string OneOf(const std::vector<std::string>& names);

// Reads a required attribute whose value is one of names.
std::string Choice(Element& e, const char* attribute,
                   const std::vector<std::string>& names);

// Fails at child: an element parent does not take.
[[noreturn]] void UnknownChild(const Element& parent, const Element& child,
                               const char* expected);

// Reads a list of words as wide strings (paths, component names).
std::vector<std::wstring> WideWords(Element& e, const char* name);

// Returns "" when path (a VSS path) names something strictly below a volume
// of the scenario, without "." or ".." parts; else why not.
std::string BelowAVolume(const Scenario& s, const std::wstring& path);

// Reads <requester> and its <backup> and <restore> children.
void ReadRequester(Element& e, Scenario& s);

// Reads one <fault>.
void ReadFault(Element& e, Scenario& s);

// Reads one <expect>.
void ReadExpectation(Element& e, Scenario& s);

// Reads <explore> (a pinned exploring run).
void ReadPinnedRun(Element& e, Scenario& s);

// Checks, once everything is read, what the requester's steps and faults
// refer to (writers, backups).
void CheckRequesterReferences(const Scenario& s,
                              const std::set<std::string>& writer_ids);

// Checks, once everything is read, what expectations refer to (writers,
// backups, restores, files).
void CheckExpectationReferences(const Scenario& s,
                                const std::set<std::string>& writer_ids);

}  // namespace vssemu::scenario::loader

#endif  // VSSEMU_SCENARIO_SCENARIO_LOADER_INTERNAL_H_
