#include "metadata/wmd_encoding.h"

#include <cstddef>
#include <utility>

namespace vssemu::metadata {
namespace {

// One table per enum drives both directions, so the two can never disagree.
constexpr std::pair<VSS_USAGE_TYPE, const char*> kUsage[] = {
    {VSS_UT_UNDEFINED, "UNDEFINED"},
    {VSS_UT_BOOTABLESYSTEMSTATE, "BOOTABLE_SYSTEM_STATE"},
    {VSS_UT_SYSTEMSERVICE, "SYSTEM_SERVICE"},
    {VSS_UT_USERDATA, "USER_DATA"},
    {VSS_UT_OTHER, "OTHER"},
};

constexpr std::pair<VSS_SOURCE_TYPE, const char*> kSource[] = {
    {VSS_ST_UNDEFINED, "UNDEFINED"},
    {VSS_ST_TRANSACTEDDB, "TRANSACTION_DB"},
    {VSS_ST_NONTRANSACTEDDB, "NONTRANSACTION_DB"},
    {VSS_ST_OTHER, "OTHER"},
};

// Windows writes REPLACE_AT_REBOOT for VSS_RME_RESTORE_AT_REBOOT and
// REPLACE_AT_REBOOT_IF_CANNOT_REPLACE for ..._IF_CANNOT_REPLACE (spec 10.2);
// the unobserved ones follow the same "describe the action" style.
constexpr std::pair<VSS_RESTOREMETHOD_ENUM, const char*> kMethod[] = {
    {VSS_RME_UNDEFINED, "UNDEFINED"},
    {VSS_RME_RESTORE_IF_NOT_THERE, "RESTORE_IF_NOT_THERE"},
    {VSS_RME_RESTORE_IF_CAN_REPLACE, "RESTORE_IF_CAN_BE_REPLACED"},
    {VSS_RME_STOP_RESTORE_START, "STOP_RESTART_SERVICE"},
    {VSS_RME_RESTORE_TO_ALTERNATE_LOCATION, "RESTORE_TO_ALTERNATE_LOCATION"},
    {VSS_RME_RESTORE_AT_REBOOT, "REPLACE_AT_REBOOT"},
    {VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE,
     "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE"},
    {VSS_RME_CUSTOM, "CUSTOM"},
    {VSS_RME_RESTORE_STOP_START, "RESTORE_STOP_START"},
};

// Observed in lower case ("always", "never"); the others follow suit.
constexpr std::pair<VSS_WRITERRESTORE_ENUM, const char*> kWriterRestore[] = {
    {VSS_WRE_UNDEFINED, "undefined"},
    {VSS_WRE_NEVER, "never"},
    {VSS_WRE_IF_REPLACE_FAILS, "ifReplaceFails"},
    {VSS_WRE_ALWAYS, "always"},
};

template <typename Enum, size_t N>
const char* ToString(const std::pair<Enum, const char*> (&table)[N],
                     Enum value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return nullptr;
}

template <typename Enum, size_t N>
std::optional<Enum> FromString(const std::pair<Enum, const char*> (&table)[N],
                               std::string_view text) {
  for (const auto& [v, name] : table) {
    if (text == name) return v;
  }
  return std::nullopt;
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

const char* UsageToString(VSS_USAGE_TYPE value) {
  return ToString(kUsage, value);
}
std::optional<VSS_USAGE_TYPE> UsageFromString(std::string_view text) {
  return FromString(kUsage, text);
}

const char* SourceToString(VSS_SOURCE_TYPE value) {
  return ToString(kSource, value);
}
std::optional<VSS_SOURCE_TYPE> SourceFromString(std::string_view text) {
  return FromString(kSource, text);
}

const char* RestoreMethodToString(VSS_RESTOREMETHOD_ENUM value) {
  return ToString(kMethod, value);
}
std::optional<VSS_RESTOREMETHOD_ENUM> RestoreMethodFromString(
    std::string_view text) {
  return FromString(kMethod, text);
}

const char* WriterRestoreToString(VSS_WRITERRESTORE_ENUM value) {
  return ToString(kWriterRestore, value);
}
std::optional<VSS_WRITERRESTORE_ENUM> WriterRestoreFromString(
    std::string_view text) {
  return FromString(kWriterRestore, text);
}

std::string EncodeBase64(const std::vector<BYTE>& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= bytes[i + 2];
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64Alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64Alphabet[n & 63] : '=';
  }
  return out;
}

std::optional<std::vector<BYTE>> DecodeBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::vector<BYTE> out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    // Padding may only close the final quartet: "xx==" or "xxx=".
    int pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    unsigned n = 0;
    for (int k = 0; k < 4; ++k) {
      int v = k >= 4 - pad ? 0 : Base64Value(text[i + k]);
      if (v < 0) return std::nullopt;
      n = (n << 6) | static_cast<unsigned>(v);
    }
    out.push_back(static_cast<BYTE>(n >> 16));
    if (pad < 2) out.push_back(static_cast<BYTE>(n >> 8));
    if (pad < 1) out.push_back(static_cast<BYTE>(n));
  }
  return out;
}

}  // namespace vssemu::metadata
