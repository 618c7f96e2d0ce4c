#include "metadata/xml_util.h"

#include <cstdlib>
#include <sstream>

#include "com/bstr.h"
#include "com/guid_format.h"

namespace vssemu::metadata {

std::string ToUtf8(std::wstring_view text) {
  return pugi::as_utf8(std::wstring(text).c_str());
}

std::wstring FromUtf8(std::string_view text) {
  return pugi::as_wide(std::string(text).c_str());
}

void SetYesNo(pugi::xml_node node, const char* name, bool value) {
  node.append_attribute(name).set_value(value ? "yes" : "no");
}

void SetGuid(pugi::xml_node node, const char* name, const GUID& value) {
  node.append_attribute(name).set_value(com::FormatGuid(value).c_str());
}

void SetText(pugi::xml_node node, const char* name, std::wstring_view value) {
  node.append_attribute(name).set_value(ToUtf8(value).c_str());
}

void SetNumber(pugi::xml_node node, const char* name,
               unsigned long long value) {
  node.append_attribute(name).set_value(value);
}

std::optional<bool> ParseYesNo(std::string_view text) {
  if (text == "yes" || text == "true" || text == "1") return true;
  if (text == "no" || text == "false" || text == "0") return false;
  return std::nullopt;
}

std::optional<DWORD> ParseDword(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string s(text);
  char* end = nullptr;
  int base = (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
  unsigned long long v = std::strtoull(s.c_str(), &end, base);
  if (end == nullptr || *end != '\0' || s[0] == '-' || v > 0xFFFFFFFFull) {
    return std::nullopt;
  }
  return static_cast<DWORD>(v);
}

bool ParseDocument(BSTR xml, pugi::xml_document* doc, std::string* error) {
  std::wstring_view text = com::BstrView(xml);
  if (text.empty()) {
    if (error != nullptr) *error = "empty document";
    return false;
  }
  std::string utf8 = ToUtf8(text);
  pugi::xml_parse_result result = doc->load_buffer(
      utf8.data(), utf8.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    if (error != nullptr) {
      *error = std::string(result.description()) + " at offset " +
               std::to_string(result.offset);
    }
    return false;
  }
  return true;
}

std::wstring SaveDocument(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration,
           pugi::encoding_utf8);
  return FromUtf8(out.str());
}

}  // namespace vssemu::metadata
