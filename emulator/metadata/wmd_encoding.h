// Value encodings of the Writer Metadata Document XML: the string forms of
// the WMD enumerations and base64 for the component icon.
//
// Contract: every defined enum value has exactly one string and every string
// maps back to that value (FromString(ToString(v)) == v); strings match
// case-sensitively, as Windows writes them. ToString of an undefined value
// returns nullptr. The full list of strings is in wmd_xml.h.
#ifndef VSSEMU_METADATA_WMD_ENCODING_H_
#define VSSEMU_METADATA_WMD_ENCODING_H_

#include <vswriter.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::metadata {

// Returns the `usage` string of value, or nullptr if value is undefined.
const char* UsageToString(VSS_USAGE_TYPE value);
// Parses a `usage` string; nullopt if unknown.
std::optional<VSS_USAGE_TYPE> UsageFromString(std::string_view text);

// Returns the `dataSource` string of value, or nullptr if undefined.
const char* SourceToString(VSS_SOURCE_TYPE value);
// Parses a `dataSource` string; nullopt if unknown.
std::optional<VSS_SOURCE_TYPE> SourceFromString(std::string_view text);

// Returns the RESTORE_METHOD `method` string of value, or nullptr.
const char* RestoreMethodToString(VSS_RESTOREMETHOD_ENUM value);
// Parses a `method` string; nullopt if unknown.
std::optional<VSS_RESTOREMETHOD_ENUM> RestoreMethodFromString(
    std::string_view text);

// Returns the `writerRestore` string of value, or nullptr.
const char* WriterRestoreToString(VSS_WRITERRESTORE_ENUM value);
// Parses a `writerRestore` string; nullopt if unknown.
std::optional<VSS_WRITERRESTORE_ENUM> WriterRestoreFromString(
    std::string_view text);

// Encodes bytes as standard base64 with padding.
std::string EncodeBase64(const std::vector<BYTE>& bytes);
// Decodes standard base64 (padding required, no whitespace); nullopt if
// malformed.
std::optional<std::vector<BYTE>> DecodeBase64(std::string_view text);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_ENCODING_H_
