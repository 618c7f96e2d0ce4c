// Cross-checks the numbers of our SDK mirror headers against the
// public-domain MinGW-w64 headers, read and parsed at test time: every VSS
// HRESULT of vsserror.h, every enumerator of vss.h, vswriter.h and
// vsbackup.h, and the interface IIDs. A MinGW name that our headers lack
// fails too, unless it is on the deliberate-omission list below.
//
// The tests skip when the MinGW-w64 headers are not installed (Debian and
// Ubuntu: package mingw-w64-common). VSSEMU_MINGW_INCLUDE_DIR, when set,
// names the directory holding vss.h, vswriter.h, vsbackup.h and vsserror.h.
#include <gtest/gtest.h>
#include <vsbackup.h>
#include <vss.h>
#include <vsserror.h>
#include <vswriter.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "com/guid_format.h"

namespace {

namespace fs = std::filesystem;

using ValueMap = std::map<std::string, uint32_t>;
using IidMap = std::map<std::string, GUID>;

// --- Our side --------------------------------------------------------------
// Written out name by name from our headers. Compiling this list proves each
// name exists in our headers; comparing it proves each value.

struct NamedValue {
  const char* name;
  uint32_t value;
};

// clang-format off
#define V(name) {#name, static_cast<uint32_t>(name)}
const NamedValue kOurValues[] = {
    // --- vss.h ---
    // VSS_OBJECT_TYPE
    V(VSS_OBJECT_UNKNOWN), V(VSS_OBJECT_NONE), V(VSS_OBJECT_SNAPSHOT_SET),
    V(VSS_OBJECT_SNAPSHOT), V(VSS_OBJECT_PROVIDER), V(VSS_OBJECT_TYPE_COUNT),
    // VSS_SNAPSHOT_STATE
    V(VSS_SS_UNKNOWN), V(VSS_SS_PREPARING), V(VSS_SS_PROCESSING_PREPARE),
    V(VSS_SS_PREPARED), V(VSS_SS_PROCESSING_PRECOMMIT), V(VSS_SS_PRECOMMITTED),
    V(VSS_SS_PROCESSING_COMMIT), V(VSS_SS_COMMITTED),
    V(VSS_SS_PROCESSING_POSTCOMMIT), V(VSS_SS_PROCESSING_PREFINALCOMMIT),
    V(VSS_SS_PREFINALCOMMITTED), V(VSS_SS_PROCESSING_POSTFINALCOMMIT),
    V(VSS_SS_CREATED), V(VSS_SS_ABORTED), V(VSS_SS_DELETED),
    V(VSS_SS_POSTCOMMITTED), V(VSS_SS_COUNT),
    // VSS_VOLUME_SNAPSHOT_ATTRIBUTES
    V(VSS_VOLSNAP_ATTR_PERSISTENT), V(VSS_VOLSNAP_ATTR_NO_AUTORECOVERY),
    V(VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE), V(VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE),
    V(VSS_VOLSNAP_ATTR_NO_WRITERS), V(VSS_VOLSNAP_ATTR_TRANSPORTABLE),
    V(VSS_VOLSNAP_ATTR_NOT_SURFACED), V(VSS_VOLSNAP_ATTR_NOT_TRANSACTED),
    V(VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED), V(VSS_VOLSNAP_ATTR_DIFFERENTIAL),
    V(VSS_VOLSNAP_ATTR_PLEX), V(VSS_VOLSNAP_ATTR_IMPORTED),
    V(VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY), V(VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY),
    V(VSS_VOLSNAP_ATTR_AUTORECOVER), V(VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY),
    V(VSS_VOLSNAP_ATTR_DELAYED_POSTSNAPSHOT), V(VSS_VOLSNAP_ATTR_TXF_RECOVERY),
    V(VSS_VOLSNAP_ATTR_FILE_SHARE),
    // VSS_SNAPSHOT_CONTEXT
    V(VSS_CTX_BACKUP), V(VSS_CTX_FILE_SHARE_BACKUP), V(VSS_CTX_NAS_ROLLBACK),
    V(VSS_CTX_APP_ROLLBACK), V(VSS_CTX_CLIENT_ACCESSIBLE),
    V(VSS_CTX_CLIENT_ACCESSIBLE_WRITERS), V(VSS_CTX_ALL),
    // VSS_PROVIDER_CAPABILITIES
    V(VSS_PRV_CAPABILITY_LEGACY), V(VSS_PRV_CAPABILITY_COMPLIANT),
    V(VSS_PRV_CAPABILITY_LUN_REPOINT), V(VSS_PRV_CAPABILITY_LUN_RESYNC),
    V(VSS_PRV_CAPABILITY_OFFLINE_CREATION),
    V(VSS_PRV_CAPABILITY_MULTIPLE_IMPORT), V(VSS_PRV_CAPABILITY_RECYCLING),
    V(VSS_PRV_CAPABILITY_PLEX), V(VSS_PRV_CAPABILITY_DIFFERENTIAL),
    V(VSS_PRV_CAPABILITY_CLUSTERED),
    // VSS_HARDWARE_OPTIONS
    V(VSS_BREAKEX_FLAG_MASK_LUNS), V(VSS_BREAKEX_FLAG_MAKE_READ_WRITE),
    V(VSS_BREAKEX_FLAG_REVERT_IDENTITY_ALL),
    V(VSS_BREAKEX_FLAG_REVERT_IDENTITY_NONE),
    V(VSS_ONLUNSTATECHANGE_NOTIFY_READ_WRITE),
    V(VSS_ONLUNSTATECHANGE_NOTIFY_LUN_PRE_RECOVERY),
    V(VSS_ONLUNSTATECHANGE_NOTIFY_LUN_POST_RECOVERY),
    V(VSS_ONLUNSTATECHANGE_DO_MASK_LUNS),
    // VSS_RECOVERY_OPTIONS
    V(VSS_RECOVERY_REVERT_IDENTITY_ALL), V(VSS_RECOVERY_NO_VOLUME_CHECK),
    // VSS_WRITER_STATE
    V(VSS_WS_UNKNOWN), V(VSS_WS_STABLE), V(VSS_WS_WAITING_FOR_FREEZE),
    V(VSS_WS_WAITING_FOR_THAW), V(VSS_WS_WAITING_FOR_POST_SNAPSHOT),
    V(VSS_WS_WAITING_FOR_BACKUP_COMPLETE), V(VSS_WS_FAILED_AT_IDENTIFY),
    V(VSS_WS_FAILED_AT_PREPARE_BACKUP), V(VSS_WS_FAILED_AT_PREPARE_SNAPSHOT),
    V(VSS_WS_FAILED_AT_FREEZE), V(VSS_WS_FAILED_AT_THAW),
    V(VSS_WS_FAILED_AT_POST_SNAPSHOT), V(VSS_WS_FAILED_AT_BACKUP_COMPLETE),
    V(VSS_WS_FAILED_AT_PRE_RESTORE), V(VSS_WS_FAILED_AT_POST_RESTORE),
    V(VSS_WS_FAILED_AT_BACKUPSHUTDOWN), V(VSS_WS_COUNT),
    // VSS_BACKUP_TYPE
    V(VSS_BT_UNDEFINED), V(VSS_BT_FULL), V(VSS_BT_INCREMENTAL),
    V(VSS_BT_DIFFERENTIAL), V(VSS_BT_LOG), V(VSS_BT_COPY), V(VSS_BT_OTHER),
    // VSS_RESTORE_TYPE
    V(VSS_RTYPE_UNDEFINED), V(VSS_RTYPE_BY_COPY), V(VSS_RTYPE_IMPORT),
    V(VSS_RTYPE_OTHER),
    // VSS_ROLLFORWARD_TYPE
    V(VSS_RF_UNDEFINED), V(VSS_RF_NONE), V(VSS_RF_ALL), V(VSS_RF_PARTIAL),
    // VSS_PROVIDER_TYPE
    V(VSS_PROV_UNKNOWN), V(VSS_PROV_SYSTEM), V(VSS_PROV_SOFTWARE),
    V(VSS_PROV_HARDWARE), V(VSS_PROV_FILESHARE),
    // VSS_APPLICATION_LEVEL
    V(VSS_APP_UNKNOWN), V(VSS_APP_SYSTEM), V(VSS_APP_BACK_END),
    V(VSS_APP_FRONT_END), V(VSS_APP_SYSTEM_RM), V(VSS_APP_AUTO),
    // VSS_SNAPSHOT_COMPATIBILITY
    V(VSS_SC_DISABLE_DEFRAG), V(VSS_SC_DISABLE_CONTENTINDEX),
    // VSS_SNAPSHOT_PROPERTY_ID
    V(VSS_SPROPID_UNKNOWN), V(VSS_SPROPID_SNAPSHOT_ID),
    V(VSS_SPROPID_SNAPSHOT_SET_ID), V(VSS_SPROPID_SNAPSHOTS_COUNT),
    V(VSS_SPROPID_SNAPSHOT_DEVICE), V(VSS_SPROPID_ORIGINAL_VOLUME),
    V(VSS_SPROPID_ORIGINATING_MACHINE), V(VSS_SPROPID_SERVICE_MACHINE),
    V(VSS_SPROPID_EXPOSED_NAME), V(VSS_SPROPID_EXPOSED_PATH),
    V(VSS_SPROPID_PROVIDER_ID), V(VSS_SPROPID_SNAPSHOT_ATTRIBUTES),
    V(VSS_SPROPID_CREATION_TIMESTAMP), V(VSS_SPROPID_STATUS),
    // VSS_FILE_SPEC_BACKUP_TYPE
    V(VSS_FSBT_FULL_BACKUP_REQUIRED), V(VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED),
    V(VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED), V(VSS_FSBT_LOG_BACKUP_REQUIRED),
    V(VSS_FSBT_FULL_SNAPSHOT_REQUIRED),
    V(VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED),
    V(VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED),
    V(VSS_FSBT_LOG_SNAPSHOT_REQUIRED), V(VSS_FSBT_CREATED_DURING_BACKUP),
    V(VSS_FSBT_ALL_BACKUP_REQUIRED), V(VSS_FSBT_ALL_SNAPSHOT_REQUIRED),
    // VSS_BACKUP_SCHEMA
    V(VSS_BS_UNDEFINED), V(VSS_BS_DIFFERENTIAL), V(VSS_BS_INCREMENTAL),
    V(VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL), V(VSS_BS_LOG), V(VSS_BS_COPY),
    V(VSS_BS_TIMESTAMPED), V(VSS_BS_LAST_MODIFY), V(VSS_BS_LSN),
    V(VSS_BS_WRITER_SUPPORTS_NEW_TARGET),
    V(VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE),
    V(VSS_BS_INDEPENDENT_SYSTEM_STATE), V(VSS_BS_ROLLFORWARD_RESTORE),
    V(VSS_BS_RESTORE_RENAME), V(VSS_BS_AUTHORITATIVE_RESTORE),
    V(VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES),
    // --- vswriter.h ---
    // VSS_USAGE_TYPE
    V(VSS_UT_UNDEFINED), V(VSS_UT_BOOTABLESYSTEMSTATE), V(VSS_UT_SYSTEMSERVICE),
    V(VSS_UT_USERDATA), V(VSS_UT_OTHER),
    // VSS_SOURCE_TYPE
    V(VSS_ST_UNDEFINED), V(VSS_ST_TRANSACTEDDB), V(VSS_ST_NONTRANSACTEDDB),
    V(VSS_ST_OTHER),
    // VSS_RESTOREMETHOD_ENUM
    V(VSS_RME_UNDEFINED), V(VSS_RME_RESTORE_IF_NOT_THERE),
    V(VSS_RME_RESTORE_IF_CAN_REPLACE), V(VSS_RME_STOP_RESTORE_START),
    V(VSS_RME_RESTORE_TO_ALTERNATE_LOCATION), V(VSS_RME_RESTORE_AT_REBOOT),
    V(VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE), V(VSS_RME_CUSTOM),
    V(VSS_RME_RESTORE_STOP_START),
    // VSS_WRITERRESTORE_ENUM
    V(VSS_WRE_UNDEFINED), V(VSS_WRE_NEVER), V(VSS_WRE_IF_REPLACE_FAILS),
    V(VSS_WRE_ALWAYS),
    // VSS_COMPONENT_TYPE
    V(VSS_CT_UNDEFINED), V(VSS_CT_DATABASE), V(VSS_CT_FILEGROUP),
    // VSS_ALTERNATE_WRITER_STATE
    V(VSS_AWS_UNDEFINED), V(VSS_AWS_NO_ALTERNATE_WRITER),
    V(VSS_AWS_ALTERNATE_WRITER_EXISTS), V(VSS_AWS_THIS_IS_ALTERNATE_WRITER),
    // VSS_SUBSCRIBE_MASK
    V(VSS_SM_POST_SNAPSHOT_FLAG), V(VSS_SM_BACKUP_EVENTS_FLAG),
    V(VSS_SM_RESTORE_EVENTS_FLAG), V(VSS_SM_IO_THROTTLING_FLAG),
    V(VSS_SM_ALL_FLAGS),
    // VSS_RESTORE_TARGET
    V(VSS_RT_UNDEFINED), V(VSS_RT_ORIGINAL), V(VSS_RT_ALTERNATE),
    V(VSS_RT_DIRECTED), V(VSS_RT_ORIGINAL_LOCATION),
    // VSS_FILE_RESTORE_STATUS
    V(VSS_RS_UNDEFINED), V(VSS_RS_NONE), V(VSS_RS_ALL), V(VSS_RS_FAILED),
    // VSS_COMPONENT_FLAGS
    V(VSS_CF_BACKUP_RECOVERY), V(VSS_CF_APP_ROLLBACK_RECOVERY),
    V(VSS_CF_NOT_SYSTEM_STATE),
    // --- vsserror.h ---
    V(VSS_E_BAD_STATE), V(VSS_E_UNEXPECTED),
    V(VSS_E_PROVIDER_ALREADY_REGISTERED), V(VSS_E_PROVIDER_NOT_REGISTERED),
    V(VSS_E_PROVIDER_VETO), V(VSS_E_PROVIDER_IN_USE), V(VSS_E_OBJECT_NOT_FOUND),
    V(VSS_S_ASYNC_PENDING), V(VSS_S_ASYNC_FINISHED), V(VSS_S_ASYNC_CANCELLED),
    V(VSS_E_VOLUME_NOT_SUPPORTED), V(VSS_E_OBJECT_ALREADY_EXISTS),
    V(VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER),
    V(VSS_E_UNEXPECTED_PROVIDER_ERROR), V(VSS_E_CORRUPT_XML_DOCUMENT),
    V(VSS_E_INVALID_XML_DOCUMENT), V(VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED),
    V(VSS_E_FLUSH_WRITES_TIMEOUT), V(VSS_E_HOLD_WRITES_TIMEOUT),
    V(VSS_E_UNEXPECTED_WRITER_ERROR), V(VSS_E_SNAPSHOT_SET_IN_PROGRESS),
    V(VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED),
    V(VSS_E_WRITER_INFRASTRUCTURE), V(VSS_E_WRITER_NOT_RESPONDING),
    V(VSS_E_WRITER_ALREADY_SUBSCRIBED), V(VSS_E_UNSUPPORTED_CONTEXT),
    V(VSS_E_VOLUME_IN_USE), V(VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED),
    V(VSS_E_INSUFFICIENT_STORAGE), V(VSS_E_NO_SNAPSHOTS_IMPORTED),
    V(VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED), V(VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED),
    V(VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED),
    V(VSS_E_REMOTE_SERVER_UNAVAILABLE), V(VSS_E_REMOTE_SERVER_UNSUPPORTED),
    V(VSS_E_REVERT_IN_PROGRESS), V(VSS_E_REVERT_VOLUME_LOST),
    V(VSS_E_REBOOT_REQUIRED), V(VSS_E_TRANSACTION_FREEZE_TIMEOUT),
    V(VSS_E_TRANSACTION_THAW_TIMEOUT), V(VSS_E_UNSELECTED_VOLUME),
    V(VSS_E_SNAPSHOT_NOT_IN_SET), V(VSS_E_NESTED_VOLUME_LIMIT),
    V(VSS_E_VOLUME_NOT_LOCAL), V(VSS_E_CLUSTER_TIMEOUT), V(VSS_E_NOT_SUPPORTED),
    V(VSS_E_WRITERERROR_PARTIAL_FAILURE),
    V(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT),
    V(VSS_E_WRITERERROR_OUTOFRESOURCES), V(VSS_E_WRITERERROR_TIMEOUT),
    V(VSS_E_WRITERERROR_RETRYABLE), V(VSS_E_WRITERERROR_NONRETRYABLE),
    V(VSS_E_WRITERERROR_RECOVERY_FAILED), V(VSS_E_BREAK_REVERT_ID_FAILED),
    V(VSS_E_LEGACY_PROVIDER), V(VSS_E_MISSING_DISK),
    V(VSS_E_MISSING_HIDDEN_VOLUME), V(VSS_E_MISSING_VOLUME),
    V(VSS_E_AUTORECOVERY_FAILED), V(VSS_E_DYNAMIC_DISK_ERROR),
    V(VSS_E_NONTRANSPORTABLE_BCD), V(VSS_E_CANNOT_REVERT_DISKID),
    V(VSS_E_RESYNC_IN_PROGRESS), V(VSS_E_CLUSTER_ERROR),
    V(VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED),
    V(VSS_E_ASRERROR_DISK_RECREATION_FAILED), V(VSS_E_ASRERROR_NO_ARCPATH),
    V(VSS_E_ASRERROR_MISSING_DYNDISK), V(VSS_E_ASRERROR_SHARED_CRIDISK),
    V(VSS_E_ASRERROR_DATADISK_RDISK0), V(VSS_E_ASRERROR_RDISK0_TOOSMALL),
    V(VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL),
    V(VSS_E_WRITER_STATUS_NOT_AVAILABLE),
    V(VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED),
    V(VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK),
    V(VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND),
    V(VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE),
    V(VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION),
    V(VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED),
    V(VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN), V(VSS_E_FSS_TIMEOUT),
};
#undef V
// clang-format on

struct NamedIid {
  const char* name;
  IID iid;
};

// clang-format off
#define I(itf) {#itf, __uuidof(itf)}
const NamedIid kOurIids[] = {
    I(IVssEnumObject), I(IVssAsync),
    I(IVssComponent), I(IVssComponentEx), I(IVssComponentEx2),
    I(IVssCreateWriterMetadataEx),
    I(IVssExamineWriterMetadata), I(IVssExamineWriterMetadataEx),
    I(IVssExamineWriterMetadataEx2),
    I(IVssBackupComponents), I(IVssBackupComponentsEx),
    I(IVssBackupComponentsEx2), I(IVssBackupComponentsEx3),
    I(IVssBackupComponentsEx4),
};
#undef I
// clang-format on

// MinGW names that our headers leave out on purpose; they are neither
// compared nor reported as missing. Any other MinGW name we lack fails.
const std::set<std::string> kDeliberatelyOmitted = {
    // Express writers (Windows 8 metadata-only writers registered with
    // IVssExpressWriter) are not emulated.
    "IVssCreateExpressWriterMetadata", "IVssExpressWriter",
    // vsprov.h (the provider side) is not mirrored yet. It is not parsed
    // here, so its names cannot appear; list any that vss.h starts to carry.
};

ValueMap OurValues() {
  ValueMap values;
  for (const NamedValue& v : kOurValues) values[v.name] = v.value;
  return values;
}

IidMap OurIids() {
  IidMap iids;
  for (const NamedIid& i : kOurIids) iids[i.name] = i.iid;
  return iids;
}

// --- Reading C headers -----------------------------------------------------

// Returns the whole text of path (empty when it cannot be read).
std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Returns text without comments and with backslash-newline continuations
// joined; string literals are kept as they are.
std::string StripComments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '"') {
      const size_t end = text.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? text.size() : end + 1;
      out.append(text.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '/' && next == '*') {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
      out += ' ';
    } else if (c == '/' && next == '/') {
      const size_t end = text.find('\n', i);
      i = (end == std::string_view::npos ? text.size() : end) - 1;
    } else if (c == '\\' && (next == '\n' || next == '\r')) {
      i += next == '\r' && i + 2 < text.size() && text[i + 2] == '\n' ? 2 : 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Evaluates the integer constant expressions that enumerators use: decimal,
// hex and octal literals with optional u/l suffixes, names of earlier
// enumerators, parentheses, casts to 32-bit types, unary - ~ and binary
// | ^ & << >> + - with C precedence (precedence climbing).
class ConstExpr {
 public:
  ConstExpr(std::string_view text, const std::map<std::string, int64_t>& names)
      : names_(names) {
    static const std::regex kToken(R"(\s*(\w+|<<|>>|[()|^&+\-~]|\S))");
    const std::string input(text);
    for (std::sregex_iterator it(input.begin(), input.end(), kToken), end;
         it != end; ++it) {
      tokens_.push_back((*it)[1]);
    }
  }

  // Returns the value, or nullopt with error() saying why.
  std::optional<int64_t> Evaluate() {
    int64_t value = Binary(1);
    if (error_.empty() && pos_ != tokens_.size()) {
      Fail("unexpected '" + tokens_[pos_] + "'");
    }
    return error_.empty() ? std::optional<int64_t>(value) : std::nullopt;
  }

  const std::string& error() const { return error_; }

 private:
  // Returns the binding strength of a binary operator, 0 for anything else.
  static int Precedence(const std::string& op) {
    static const std::map<std::string, int> kPrecedence = {
        {"|", 1}, {"^", 2}, {"&", 3}, {"<<", 4}, {">>", 4}, {"+", 5}, {"-", 5}};
    auto it = kPrecedence.find(op);
    return it == kPrecedence.end() ? 0 : it->second;
  }

  // Parses operators that bind at least as strongly as min_precedence.
  int64_t Binary(int min_precedence) {
    int64_t lhs = Unary();
    while (error_.empty() && pos_ < tokens_.size()) {
      const std::string op = tokens_[pos_];
      const int precedence = Precedence(op);
      if (precedence == 0 || precedence < min_precedence) break;
      ++pos_;
      const int64_t rhs = Binary(precedence + 1);
      if (op == "|") lhs |= rhs;
      if (op == "^") lhs ^= rhs;
      if (op == "&") lhs &= rhs;
      if (op == "<<")
        lhs = static_cast<int64_t>(static_cast<uint64_t>(lhs) << (rhs & 63));
      if (op == ">>") lhs >>= (rhs & 63);
      if (op == "+") lhs += rhs;
      if (op == "-") lhs -= rhs;
    }
    return lhs;
  }

  int64_t Unary() {
    if (Accept("-")) return -Unary();
    if (Accept("~")) return ~Unary();
    if (Accept("+")) return Unary();
    if (Accept("(")) {
      if (pos_ + 1 < tokens_.size() && tokens_[pos_ + 1] == ")") {
        // A cast such as (int)0xFFFFFFFF, as our headers write: 32 bits.
        const std::string type = tokens_[pos_];
        pos_ += 2;
        const int64_t value = Unary();
        if (type == "int" || type == "INT" || type == "LONG") {
          return static_cast<int32_t>(static_cast<uint32_t>(value));
        }
        if (type == "unsigned" || type == "UINT" || type == "DWORD") {
          return static_cast<uint32_t>(value);
        }
        return Fail("unsupported cast to '" + type + "'");
      }
      const int64_t value = Binary(1);
      if (!Accept(")")) Fail("missing ')'");
      return value;
    }
    if (pos_ >= tokens_.size()) return Fail("expression ends early");
    const std::string& token = tokens_[pos_++];
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      size_t used = 0;
      uint64_t value = 0;
      try {
        value = std::stoull(token, &used, 0);  // Base 0: 0x hex, 0 octal.
      } catch (const std::exception&) {
        return Fail("bad number '" + token + "'");
      }
      if (token.find_first_not_of("uUlL", used) != std::string::npos) {
        return Fail("bad number '" + token + "'");
      }
      return static_cast<int64_t>(value);
    }
    auto it = names_.find(token);
    if (it == names_.end()) return Fail("unknown name '" + token + "'");
    return it->second;
  }

  bool Accept(std::string_view token) {
    if (pos_ < tokens_.size() && tokens_[pos_] == token) {
      ++pos_;
      return true;
    }
    return false;
  }

  // Records the first error; returns a placeholder value.
  int64_t Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    pos_ = tokens_.size();
    return 0;
  }

  const std::map<std::string, int64_t>& names_;
  std::vector<std::string> tokens_;
  size_t pos_ = 0;
  std::string error_;
};

// What the headers declare, as parsed.
struct Declarations {
  ValueMap hresults;     // #define VSS_[ES]_... ((HRESULT)0x...)
  ValueMap enumerators;  // Every enumerator of every typedef enum { }.
  IidMap iids;           // MIDL_INTERFACE("...") Name, all-zero ones skipped.
  std::vector<std::string> errors;  // What could not be parsed.
};

// Adds the VSS HRESULT macros of text (comments already stripped).
void ParseHresults(const std::string& text, Declarations& out) {
  static const std::regex kDefine(
      R"(#[ \t]*define[ \t]+(VSS_[ES]_\w+)[ \t]+(.*))");
  static const std::regex kValue(
      R"(^\(\(HRESULT\)[ \t]*(0[xX][0-9A-Fa-f]+)[uUlL]*\)[ \t\r]*$)");
  for (std::sregex_iterator it(text.begin(), text.end(), kDefine), end;
       it != end; ++it) {
    const std::string name = (*it)[1];
    const std::string body = (*it)[2];
    std::smatch value;
    if (!std::regex_match(body, value, kValue)) {
      out.errors.push_back("cannot read HRESULT " + name + " = " + body);
      continue;
    }
    out.hresults[name] =
        static_cast<uint32_t>(std::stoull(value[1].str(), nullptr, 16));
  }
}

// Adds the enumerators of every `typedef enum [tag] { ... }` in text
// (comments already stripped). Earlier enumerators, of this or an earlier
// enum, may appear in later values.
void ParseEnums(const std::string& text, std::map<std::string, int64_t>& known,
                Declarations& out) {
  // An optional fixed underlying type (": int", as in our headers) is allowed.
  static const std::regex kEnum(
      R"(typedef\s+enum\s*\w*\s*(?::\s*\w+\s*)?\{([^}]*)\})");
  static const std::regex kPreprocessorLine(R"((^|\n)[ \t]*#[^\n]*)");
  static const std::regex kItem(R"(^\s*(\w+)\s*(?:=([\s\S]*))?$)");
  for (std::sregex_iterator it(text.begin(), text.end(), kEnum), end; it != end;
       ++it) {
    const std::string body =
        std::regex_replace((*it)[1].str(), kPreprocessorLine, "$1");
    int64_t next = 0;
    std::stringstream items(body);
    for (std::string item; std::getline(items, item, ',');) {
      if (item.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      std::smatch parts;
      if (!std::regex_match(item, parts, kItem)) {
        out.errors.push_back("cannot read enumerator '" + item + "'");
        continue;
      }
      const std::string name = parts[1];
      int64_t value = next;
      if (parts[2].matched) {
        ConstExpr expr(parts[2].str(), known);
        std::optional<int64_t> v = expr.Evaluate();
        if (!v) {
          out.errors.push_back(name + ": " + expr.error());
          continue;
        }
        value = *v;
      }
      known[name] = value;
      out.enumerators[name] = static_cast<uint32_t>(value);
      next = value + 1;
    }
  }
}

// Adds the IID of every MIDL_INTERFACE("...") Name in text.
void ParseInterfaces(const std::string& text, Declarations& out) {
  static const std::regex kInterface(
      R"xx(MIDL_INTERFACE\s*\(\s*"([^"]*)"\s*\)\s*(\w+))xx");
  for (std::sregex_iterator it(text.begin(), text.end(), kInterface), end;
       it != end; ++it) {
    const std::string name = (*it)[2];
    std::optional<GUID> iid = vssemu::com::ParseGuid((*it)[1].str());
    if (!iid) {
      out.errors.push_back("bad IID for " + name + ": " + (*it)[1].str());
    } else if (*iid != GUID_NULL) {
      out.iids[name] = *iid;
    }
  }
}

// Parses the given header texts in order, as one translation unit would.
Declarations ParseHeaders(const std::vector<std::string>& texts) {
  Declarations out;
  std::map<std::string, int64_t> known;
  for (const std::string& raw : texts) {
    const std::string text = StripComments(raw);
    ParseHresults(text, out);
    ParseEnums(text, known, out);
    ParseInterfaces(text, out);
  }
  return out;
}

// --- Comparing -------------------------------------------------------------

std::string Show(uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%08X", static_cast<unsigned>(value));
  return buf;
}

std::string Show(const GUID& iid) {
  return vssemu::com::FormatGuid(iid, vssemu::com::GuidStyle::kBracedUpper);
}

struct Differences {
  std::vector<std::string> mismatched;  // "NAME: ours X, MinGW Y"
  std::vector<std::string> missing;     // MinGW names we do not declare.
};

// Compares every name of theirs (MinGW's unless told) with ours, except the
// deliberately omitted.
template <typename Value>
Differences Compare(const std::map<std::string, Value>& mingw,
                    const std::map<std::string, Value>& ours,
                    const std::set<std::string>& omitted,
                    const std::string& theirs_label = "MinGW") {
  Differences d;
  for (const auto& [name, theirs] : mingw) {
    if (omitted.count(name)) continue;
    auto it = ours.find(name);
    if (it == ours.end()) {
      d.missing.push_back(name);
    } else if (!(it->second == theirs)) {
      d.mismatched.push_back(name + ": ours " + Show(it->second) + ", " +
                             theirs_label + " " + Show(theirs));
    }
  }
  return d;
}

// Joins lines for a failure message.
std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

// --- Our headers against themselves --------------------------------------

// Returns the text of our SDK mirror headers, in include order.
std::vector<std::string> OurHeaderTexts() {
  const char* root = std::getenv("VSSEMU_SOURCE_DIR");
  const fs::path dir =
      (root != nullptr
           ? fs::path(root)
           : fs::path(__FILE__).parent_path().parent_path() / "..") /
      "emulator/include/sdk";
  std::vector<std::string> texts;
  for (const char* header :
       {"vsserror.h", "vss.h", "vswriter.h", "vsbackup.h"}) {
    texts.push_back(ReadFile(dir / header));
  }
  return texts;
}

TEST(SdkMirror, ListAboveHasEveryEnumeratorAndHresultOfOurHeaders) {
  // Keeps kOurValues complete, so that what MinGW lacks is still compared
  // here: the values parsed from our header text equal the compiled ones.
  Declarations parsed = ParseHeaders(OurHeaderTexts());
  EXPECT_TRUE(parsed.errors.empty()) << Lines(parsed.errors);
  ASSERT_GE(parsed.enumerators.size(), 150u);
  ASSERT_GE(parsed.hresults.size(), 80u);
  ValueMap all = parsed.enumerators;
  all.insert(parsed.hresults.begin(), parsed.hresults.end());
  Differences d = Compare(all, OurValues(), {}, "header text");
  EXPECT_TRUE(d.mismatched.empty()) << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty()) << "add to kOurValues:" << Lines(d.missing);
  EXPECT_EQ(all.size(), OurValues().size());
}

TEST(SdkMirror, MidlInterfaceTextMatchesTheIidConstant) {
  // MSVC reads the MIDL_INTERFACE text, other compilers the IID_ numbers;
  // both must name the same IID.
  Declarations parsed = ParseHeaders(OurHeaderTexts());
  EXPECT_TRUE(parsed.errors.empty()) << Lines(parsed.errors);
  Differences d = Compare(parsed.iids, OurIids(), {}, "MIDL_INTERFACE text");
  EXPECT_TRUE(d.mismatched.empty()) << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty()) << "add to kOurIids:" << Lines(d.missing);
  EXPECT_EQ(parsed.iids.size(), OurIids().size());
}

// --- Locating MinGW-w64 ----------------------------------------------------

const char* const kHeaders[] = {"vsserror.h", "vss.h", "vswriter.h",
                                "vsbackup.h"};

// Returns $VSSEMU_MINGW_INCLUDE_DIR when set, else the first usual MinGW-w64
// include directory; nullopt unless the directory holds all of kHeaders.
std::optional<fs::path> MingwIncludeDir() {
  std::vector<fs::path> candidates;
  if (const char* dir = std::getenv("VSSEMU_MINGW_INCLUDE_DIR")) {
    candidates.emplace_back(dir);  // An explicit choice: the only candidate.
  } else {
    for (const char* dir :
         {"/usr/share/mingw-w64/include", "/usr/x86_64-w64-mingw32/include",
          "/usr/i686-w64-mingw32/include", "/mingw64/include"}) {
      candidates.emplace_back(dir);
    }
  }
  for (const fs::path& dir : candidates) {
    bool complete = true;
    for (const char* header : kHeaders) {
      std::error_code ec;
      complete = complete && fs::is_regular_file(dir / header, ec);
    }
    if (complete) return dir;
  }
  return std::nullopt;
}

// Parses the MinGW headers once per process.
class MingwValues : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Mingw()) {
      GTEST_SKIP() << "MinGW-w64 VSS headers not found (install "
                      "mingw-w64-common, or set VSSEMU_MINGW_INCLUDE_DIR)";
    }
    ASSERT_TRUE(Mingw()->errors.empty())
        << "could not parse the MinGW headers in " << *MingwIncludeDir() << ":"
        << Lines(Mingw()->errors);
  }

  static const Declarations* Mingw() {
    static const std::optional<Declarations> parsed =
        []() -> std::optional<Declarations> {
      std::optional<fs::path> dir = MingwIncludeDir();
      if (!dir) return std::nullopt;
      std::vector<std::string> texts;
      for (const char* header : kHeaders) {
        texts.push_back(ReadFile(*dir / header));
      }
      return ParseHeaders(texts);
    }();
    return parsed ? &*parsed : nullptr;
  }
};

// --- The parser and the comparison on known input ------------------------

TEST(MingwParser, EvaluatesTheExpressionFormsOfEnumerators) {
  Declarations d = ParseHeaders({R"(
    typedef enum _FLAGS {
        F_ONE = 0x1,
        F_TWO = 2,           /* decimal */
        F_FOUR = 0x4,        // hex
        F_EIGHT = 010,
        F_PAIR = (F_ONE | F_TWO) | F_FOUR,
        F_NESTED = ((F_ONE | F_TWO) | F_FOUR) | F_EIGHT,
        F_ALL = 0xffffffff
    } FLAGS;
    typedef enum _FLAGS *PFLAGS;
    typedef enum LEVEL { L_ZERO, L_ONE, L_FIVE = 5, L_SIX, L_AUTO = -1,
                         L_AFTER_AUTO, L_SHIFTED = 1u << 4, L_MASK = ~0xF & 0xFF,
                         L_SUM = L_FIVE + L_SIX - 1, L_CAST = (int)0xFFFFFFFF } LEVEL;
  )"});
  EXPECT_TRUE(d.errors.empty()) << Lines(d.errors);
  EXPECT_EQ(d.enumerators, (ValueMap{{"F_ONE", 1},
                                     {"F_TWO", 2},
                                     {"F_FOUR", 4},
                                     {"F_EIGHT", 8},
                                     {"F_PAIR", 7},
                                     {"F_NESTED", 15},
                                     {"F_ALL", 0xFFFFFFFFu},
                                     {"L_ZERO", 0},
                                     {"L_ONE", 1},
                                     {"L_FIVE", 5},
                                     {"L_SIX", 6},
                                     {"L_AUTO", 0xFFFFFFFFu},
                                     {"L_AFTER_AUTO", 0},
                                     {"L_SHIFTED", 16},
                                     {"L_MASK", 0xF0},
                                     {"L_SUM", 10},
                                     {"L_CAST", 0xFFFFFFFFu}}));
}

TEST(MingwParser, ReportsWhatItCannotEvaluate) {
  Declarations d = ParseHeaders(
      {"typedef enum { A = NOT_DECLARED, B = (1 | 2, C = 3 * 4 } E;\n"
       "#define VSS_E_ODD (0x80042301)\n"});
  EXPECT_EQ(d.errors.size(), 4u) << Lines(d.errors);
  EXPECT_EQ(d.enumerators.count("A"), 0u);
}

TEST(MingwParser, ReadsHresultsAndInterfaces) {
  Declarations d = ParseHeaders({R"(
    #define VSS_E_BAD_STATE ((HRESULT)0x80042301)
    #define VSS_S_ASYNC_PENDING ((HRESULT)0x00042309L)
    #define VSS_E_CONTINUED \
        ((HRESULT)0x80042414)
    /* #define VSS_E_COMMENTED ((HRESULT)0x80049999) */
    MIDL_INTERFACE("507c37b4-cf5b-4e95-b0af-14eb9767467e")
    IVssAsync : public IUnknown
    MIDL_INTERFACE("00000000-0000-0000-0000-000000000000")
    IVssWMFiledesc : public IUnknown
  )"});
  EXPECT_TRUE(d.errors.empty()) << Lines(d.errors);
  EXPECT_EQ(d.hresults, (ValueMap{{"VSS_E_BAD_STATE", 0x80042301u},
                                  {"VSS_S_ASYNC_PENDING", 0x00042309u},
                                  {"VSS_E_CONTINUED", 0x80042414u}}));
  ASSERT_EQ(d.iids.size(), 1u);
  EXPECT_EQ(d.iids.begin()->first, "IVssAsync");
  EXPECT_EQ(d.iids.begin()->second, IID_IVssAsync);
}

TEST(MingwParser, ComparisonNamesEveryMismatchAndMissingName) {
  const ValueMap mingw = {
      {"SAME", 1}, {"WRONG", 2}, {"ONLY_IN_MINGW", 3}, {"OMITTED", 4}};
  const ValueMap ours = {{"SAME", 1}, {"WRONG", 7}, {"ONLY_OURS", 5}};
  Differences d = Compare(mingw, ours, {"OMITTED"});
  EXPECT_EQ(
      d.mismatched,
      (std::vector<std::string>{"WRONG: ours 0x00000007, MinGW 0x00000002"}));
  EXPECT_EQ(d.missing, (std::vector<std::string>{"ONLY_IN_MINGW"}));
}

// --- Our headers against MinGW-w64 ------------------------------------------

TEST_F(MingwValues, HresultsMatch) {
  // Guards against a parser that silently stops matching.
  ASSERT_GE(Mingw()->hresults.size(), 80u);
  Differences d = Compare(Mingw()->hresults, OurValues(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "values differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW declares, our vsserror.h does not:" << Lines(d.missing);
}

TEST_F(MingwValues, EnumeratorsMatch) {
  ASSERT_GE(Mingw()->enumerators.size(), 150u);
  Differences d =
      Compare(Mingw()->enumerators, OurValues(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "values differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW declares, our headers do not:" << Lines(d.missing);
}

TEST_F(MingwValues, InterfaceIidsMatch) {
  ASSERT_GE(Mingw()->iids.size(), 14u);
  Differences d = Compare(Mingw()->iids, OurIids(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "IIDs differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW gives an IID, our headers do not:" << Lines(d.missing);
}

TEST_F(MingwValues, EveryOmissionIsStillDeclaredByMingw) {
  // An entry MinGW no longer declares (or that we now declare) is stale.
  for (const std::string& name : kDeliberatelyOmitted) {
    EXPECT_TRUE(Mingw()->hresults.count(name) ||
                Mingw()->enumerators.count(name) || Mingw()->iids.count(name))
        << name << " is not in the MinGW headers";
    EXPECT_FALSE(OurValues().count(name) || OurIids().count(name))
        << name << " is declared by our headers after all";
  }
}

}  // namespace
