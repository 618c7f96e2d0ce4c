// Enumeration strings of the BCD XML (see bcd_xml_enums.h).
#include "metadata/bcd_xml_enums.h"

#include <cctype>
#include <span>

namespace vssemu::metadata::bcd_xml {
namespace {

template <typename T>
struct Name {
  T value;
  const char* text;
};

// "full" and "filegroup" are observed (10.4); the rest follow their style.
constexpr Name<VSS_BACKUP_TYPE> kBackupTypes[] = {
    {VSS_BT_UNDEFINED, "undefined"},
    {VSS_BT_FULL, "full"},
    {VSS_BT_INCREMENTAL, "incremental"},
    {VSS_BT_DIFFERENTIAL, "differential"},
    {VSS_BT_LOG, "log"},
    {VSS_BT_COPY, "copy"},
    {VSS_BT_OTHER, "other"},
};
constexpr Name<VSS_COMPONENT_TYPE> kComponentTypes[] = {
    {VSS_CT_UNDEFINED, "undefined"},
    {VSS_CT_DATABASE, "database"},
    {VSS_CT_FILEGROUP, "filegroup"},
};
constexpr Name<VSS_RESTORE_TYPE> kRestoreTypes[] = {
    {VSS_RTYPE_UNDEFINED, "undefined"},
    {VSS_RTYPE_BY_COPY, "byCopy"},
    {VSS_RTYPE_IMPORT, "import"},
    {VSS_RTYPE_OTHER, "other"},
};
constexpr Name<VSS_RESTORE_TARGET> kRestoreTargets[] = {
    {VSS_RT_UNDEFINED, "undefined"},
    {VSS_RT_ORIGINAL, "original"},
    {VSS_RT_ALTERNATE, "alternate"},
    {VSS_RT_DIRECTED, "directed"},
    {VSS_RT_ORIGINAL_LOCATION, "originalLocation"},
};
constexpr Name<VSS_FILE_RESTORE_STATUS> kFileRestoreStatuses[] = {
    {VSS_RS_UNDEFINED, "undefined"},
    {VSS_RS_NONE, "none"},
    {VSS_RS_ALL, "all"},
    {VSS_RS_FAILED, "failed"},
};
constexpr Name<VSS_ROLLFORWARD_TYPE> kRollForwardTypes[] = {
    {VSS_RF_UNDEFINED, "undefined"},
    {VSS_RF_NONE, "none"},
    {VSS_RF_ALL, "all"},
    {VSS_RF_PARTIAL, "partial"},
};

template <typename T>
const char* Lookup(std::span<const Name<T>> table, T value) {
  for (const Name<T>& name : table) {
    if (name.value == value) return name.text;
  }
  // Out-of-range values cannot be represented; write something the loader
  // rejects rather than a plausible wrong value.
  return "invalid";
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

template <typename T>
std::optional<T> Parse(std::span<const Name<T>> table, std::string_view text) {
  for (const Name<T>& name : table) {
    if (EqualsIgnoringCase(name.text, text)) return name.value;
  }
  return std::nullopt;
}

}  // namespace

const char* ToXml(VSS_BACKUP_TYPE value) {
  return Lookup<VSS_BACKUP_TYPE>(kBackupTypes, value);
}
const char* ToXml(VSS_COMPONENT_TYPE value) {
  return Lookup<VSS_COMPONENT_TYPE>(kComponentTypes, value);
}
const char* ToXml(VSS_RESTORE_TYPE value) {
  return Lookup<VSS_RESTORE_TYPE>(kRestoreTypes, value);
}
const char* ToXml(VSS_RESTORE_TARGET value) {
  return Lookup<VSS_RESTORE_TARGET>(kRestoreTargets, value);
}
const char* ToXml(VSS_FILE_RESTORE_STATUS value) {
  return Lookup<VSS_FILE_RESTORE_STATUS>(kFileRestoreStatuses, value);
}
const char* ToXml(VSS_ROLLFORWARD_TYPE value) {
  return Lookup<VSS_ROLLFORWARD_TYPE>(kRollForwardTypes, value);
}

template <>
std::optional<VSS_BACKUP_TYPE> FromXml(std::string_view text) {
  return Parse<VSS_BACKUP_TYPE>(kBackupTypes, text);
}
template <>
std::optional<VSS_COMPONENT_TYPE> FromXml(std::string_view text) {
  return Parse<VSS_COMPONENT_TYPE>(kComponentTypes, text);
}
template <>
std::optional<VSS_RESTORE_TYPE> FromXml(std::string_view text) {
  return Parse<VSS_RESTORE_TYPE>(kRestoreTypes, text);
}
template <>
std::optional<VSS_RESTORE_TARGET> FromXml(std::string_view text) {
  return Parse<VSS_RESTORE_TARGET>(kRestoreTargets, text);
}
template <>
std::optional<VSS_FILE_RESTORE_STATUS> FromXml(std::string_view text) {
  return Parse<VSS_FILE_RESTORE_STATUS>(kFileRestoreStatuses, text);
}
template <>
std::optional<VSS_ROLLFORWARD_TYPE> FromXml(std::string_view text) {
  return Parse<VSS_ROLLFORWARD_TYPE>(kRollForwardTypes, text);
}

}  // namespace vssemu::metadata::bcd_xml
