// The strings the BCD XML uses for enumerations (see bcd_xml.h), shared by
// the writer and the reader so that both directions use one table.
//
// Contract: every value of each enumeration has exactly one string; parsing
// is case-insensitive and returns nullopt for anything else.
#ifndef VSSEMU_METADATA_BCD_XML_ENUMS_H_
#define VSSEMU_METADATA_BCD_XML_ENUMS_H_

#include <vss.h>
#include <vswriter.h>

#include <optional>
#include <string_view>

namespace vssemu::metadata::bcd_xml {

// Returns the XML string of a value.
const char* ToXml(VSS_BACKUP_TYPE value);
const char* ToXml(VSS_COMPONENT_TYPE value);
const char* ToXml(VSS_RESTORE_TYPE value);
const char* ToXml(VSS_RESTORE_TARGET value);
const char* ToXml(VSS_FILE_RESTORE_STATUS value);
const char* ToXml(VSS_ROLLFORWARD_TYPE value);

// Parses a string into the value of enumeration T.
template <typename T>
std::optional<T> FromXml(std::string_view text);

}  // namespace vssemu::metadata::bcd_xml

#endif  // VSSEMU_METADATA_BCD_XML_ENUMS_H_
