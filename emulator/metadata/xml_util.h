// Shared pieces of the two metadata documents' XML: text conversion between
// the SDK's wide strings and pugixml's UTF-8, and the attribute encodings
// seen in documents saved by Windows (yes/no booleans, bare lower-case GUIDs,
// decimal numbers).
#ifndef VSSEMU_METADATA_XML_UTIL_H_
#define VSSEMU_METADATA_XML_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>
#include <vssemu/win32_base.h>

namespace vssemu::metadata {

// Converts between wide strings (UTF-16 or UTF-32) and UTF-8.
std::string ToUtf8(std::wstring_view text);
std::wstring FromUtf8(std::string_view text);

// Writes name="yes" or name="no".
void SetYesNo(pugi::xml_node node, const char* name, bool value);
// Writes a GUID as bare lower case.
void SetGuid(pugi::xml_node node, const char* name, const GUID& value);
// Writes a wide string attribute.
void SetText(pugi::xml_node node, const char* name, std::wstring_view value);
// Writes a decimal attribute.
void SetNumber(pugi::xml_node node, const char* name, unsigned long long value);

// Reads "yes"/"no" (also "true"/"false", "1"/"0"); nullopt if malformed.
std::optional<bool> ParseYesNo(std::string_view text);
// Reads a decimal (or 0x-prefixed hex) 32-bit unsigned number.
std::optional<DWORD> ParseDword(std::string_view text);

// Reads an XML document from a BSTR; records why it failed in *error.
bool ParseDocument(BSTR xml, pugi::xml_document* doc, std::string* error);

// Serialises doc compactly (no declaration, no indentation), as SaveAsXML.
std::wstring SaveDocument(const pugi::xml_document& doc);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_XML_UTIL_H_
