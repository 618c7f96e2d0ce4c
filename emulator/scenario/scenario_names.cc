#include "scenario/scenario_names.h"

#include <cstdlib>

#include <vsserror.h>

#include "com/hresult_table.h"

namespace vssemu::scenario {

using coordinator::ProviderStep;
using coordinator::WriterEvent;

const NameTable<Strictness>& StrictnessNames() {
  static const NameTable<Strictness> t{{"windows", Strictness::kWindows},
                                       {"warn", Strictness::kWarn},
                                       {"strict", Strictness::kStrict}};
  return t;
}

const NameTable<ProviderStep>& ProviderStepNames() {
  static const NameTable<ProviderStep> t{
      {"BeginPrepareSnapshot", ProviderStep::kBeginPrepareSnapshot},
      {"EndPrepareSnapshots", ProviderStep::kEndPrepareSnapshots},
      {"PreCommitSnapshots", ProviderStep::kPreCommitSnapshots},
      {"CommitSnapshots", ProviderStep::kCommitSnapshots},
      {"PostCommitSnapshots", ProviderStep::kPostCommitSnapshots},
      {"PreFinalCommitSnapshots", ProviderStep::kPreFinalCommitSnapshots},
      {"PostFinalCommitSnapshots", ProviderStep::kPostFinalCommitSnapshots}};
  return t;
}

const NameTable<VSS_COMPONENT_TYPE>& ComponentTypeNames() {
  static const NameTable<VSS_COMPONENT_TYPE> t{{"filegroup", VSS_CT_FILEGROUP},
                                               {"database", VSS_CT_DATABASE}};
  return t;
}

const NameTable<WriterEvent>& EventNames() {
  static const NameTable<WriterEvent> t{
      {"Identify", WriterEvent::kIdentify},
      {"PrepareForBackup", WriterEvent::kPrepareForBackup},
      {"PrepareForSnapshot", WriterEvent::kPrepareForSnapshot},
      {"Freeze", WriterEvent::kFreeze},
      {"Thaw", WriterEvent::kThaw},
      {"PostSnapshot", WriterEvent::kPostSnapshot},
      {"Abort", WriterEvent::kAbort},
      {"BackupComplete", WriterEvent::kBackupComplete},
      {"BackupShutdown", WriterEvent::kBackupShutdown},
      {"PreRestore", WriterEvent::kPreRestore},
      {"PostRestore", WriterEvent::kPostRestore}};
  return t;
}

const NameTable<EventBehaviour::Outcome>& OutcomeNames() {
  static const NameTable<EventBehaviour::Outcome> t{
      {"true", EventBehaviour::Outcome::kReturnTrue},
      {"false", EventBehaviour::Outcome::kReturnFalse},
      {"throw", EventBehaviour::Outcome::kThrow}};
  return t;
}

const NameTable<VSS_RESTOREMETHOD_ENUM>& RestoreMethodNames() {
  static const NameTable<VSS_RESTOREMETHOD_ENUM> t{
      {"restore-if-not-there", VSS_RME_RESTORE_IF_NOT_THERE},
      {"restore-if-can-replace", VSS_RME_RESTORE_IF_CAN_REPLACE},
      {"stop-restore-start", VSS_RME_STOP_RESTORE_START},
      {"restore-to-alternate-location", VSS_RME_RESTORE_TO_ALTERNATE_LOCATION},
      {"restore-at-reboot", VSS_RME_RESTORE_AT_REBOOT},
      {"restore-at-reboot-if-cannot-replace",
       VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE},
      {"custom", VSS_RME_CUSTOM},
      {"restore-stop-start", VSS_RME_RESTORE_STOP_START}};
  return t;
}

const NameTable<VSS_WRITERRESTORE_ENUM>& WriterRestoreNames() {
  static const NameTable<VSS_WRITERRESTORE_ENUM> t{
      {"never", VSS_WRE_NEVER},
      {"if-replace-fails", VSS_WRE_IF_REPLACE_FAILS},
      {"always", VSS_WRE_ALWAYS}};
  return t;
}

const NameTable<VSS_RESTORE_TARGET>& RestoreTargetNames() {
  static const NameTable<VSS_RESTORE_TARGET> t{
      {"original", VSS_RT_ORIGINAL},
      {"alternate", VSS_RT_ALTERNATE},
      {"directed", VSS_RT_DIRECTED},
      {"original-location", VSS_RT_ORIGINAL_LOCATION}};
  return t;
}

const NameTable<VSS_RESTORE_TYPE>& RestoreTypeNames() {
  static const NameTable<VSS_RESTORE_TYPE> t{
      {"by-copy", VSS_RTYPE_BY_COPY},
      {"import", VSS_RTYPE_IMPORT},
      {"other", VSS_RTYPE_OTHER},
      {"undefined", VSS_RTYPE_UNDEFINED}};
  return t;
}

const NameTable<VSS_USAGE_TYPE>& UsageNames() {
  static const NameTable<VSS_USAGE_TYPE> t{
      {"user-data", VSS_UT_USERDATA},
      {"system-service", VSS_UT_SYSTEMSERVICE},
      {"bootable-system-state", VSS_UT_BOOTABLESYSTEMSTATE},
      {"other", VSS_UT_OTHER}};
  return t;
}

const NameTable<VSS_SOURCE_TYPE>& SourceNames() {
  static const NameTable<VSS_SOURCE_TYPE> t{
      {"transacted-db", VSS_ST_TRANSACTEDDB},
      {"nontransacted-db", VSS_ST_NONTRANSACTEDDB},
      {"other", VSS_ST_OTHER}};
  return t;
}

const NameTable<VSS_APPLICATION_LEVEL>& LevelNames() {
  static const NameTable<VSS_APPLICATION_LEVEL> t{
      {"front-end", VSS_APP_FRONT_END},
      {"back-end", VSS_APP_BACK_END},
      {"system", VSS_APP_SYSTEM}};
  return t;
}

const NameTable<VSS_BACKUP_TYPE>& BackupTypeNames() {
  static const NameTable<VSS_BACKUP_TYPE> t{
      {"full", VSS_BT_FULL},       {"incremental", VSS_BT_INCREMENTAL},
      {"differential", VSS_BT_DIFFERENTIAL}, {"log", VSS_BT_LOG},
      {"copy", VSS_BT_COPY},       {"other", VSS_BT_OTHER}};
  return t;
}

const NameTable<LONG>& ContextNames() {
  static const NameTable<LONG> t{
      {"backup", VSS_CTX_BACKUP},
      {"file-share-backup", VSS_CTX_FILE_SHARE_BACKUP},
      {"nas-rollback", VSS_CTX_NAS_ROLLBACK},
      {"app-rollback", VSS_CTX_APP_ROLLBACK},
      {"client-accessible", VSS_CTX_CLIENT_ACCESSIBLE},
      {"client-accessible-writers", VSS_CTX_CLIENT_ACCESSIBLE_WRITERS}};
  return t;
}

const NameTable<VSS_WRITER_STATE>& WriterStateNames() {
  static const NameTable<VSS_WRITER_STATE> t{
      {"STABLE", VSS_WS_STABLE},
      {"WAITING_FOR_FREEZE", VSS_WS_WAITING_FOR_FREEZE},
      {"WAITING_FOR_THAW", VSS_WS_WAITING_FOR_THAW},
      {"WAITING_FOR_POST_SNAPSHOT", VSS_WS_WAITING_FOR_POST_SNAPSHOT},
      {"WAITING_FOR_BACKUP_COMPLETE", VSS_WS_WAITING_FOR_BACKUP_COMPLETE},
      {"FAILED_AT_IDENTIFY", VSS_WS_FAILED_AT_IDENTIFY},
      {"FAILED_AT_PREPARE_BACKUP", VSS_WS_FAILED_AT_PREPARE_BACKUP},
      {"FAILED_AT_PREPARE_SNAPSHOT", VSS_WS_FAILED_AT_PREPARE_SNAPSHOT},
      {"FAILED_AT_FREEZE", VSS_WS_FAILED_AT_FREEZE},
      {"FAILED_AT_THAW", VSS_WS_FAILED_AT_THAW},
      {"FAILED_AT_POST_SNAPSHOT", VSS_WS_FAILED_AT_POST_SNAPSHOT},
      {"FAILED_AT_BACKUP_COMPLETE", VSS_WS_FAILED_AT_BACKUP_COMPLETE},
      {"FAILED_AT_BACKUPSHUTDOWN", VSS_WS_FAILED_AT_BACKUPSHUTDOWN},
      {"FAILED_AT_PRE_RESTORE", VSS_WS_FAILED_AT_PRE_RESTORE},
      {"FAILED_AT_POST_RESTORE", VSS_WS_FAILED_AT_POST_RESTORE},
      {"UNKNOWN", VSS_WS_UNKNOWN}};
  return t;
}

std::optional<HRESULT> ParseHresult(std::string_view text) {
  if (std::optional<HRESULT> named = com::HresultFromName(text)) return named;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::string digits(text.substr(2));
    char* end = nullptr;
    unsigned long long value = std::strtoull(digits.c_str(), &end, 16);
    if (!digits.empty() && end != nullptr && *end == '\0' && value <= 0xFFFFFFFFull) {
      return static_cast<HRESULT>(static_cast<uint32_t>(value));
    }
  }
  return std::nullopt;
}

namespace {

struct Knob {
  const char* name;
  bool ProtocolKnobs::*flag;
};

constexpr Knob kBoolKnobs[] = {
    {"strict-call-order", &ProtocolKnobs::strict_call_order},
    {"failed-writers-get-sequence-events",
     &ProtocolKnobs::failed_writers_get_sequence_events},
    {"failure-with-true-aborts", &ProtocolKnobs::failure_with_true_aborts},
    {"writer-veto-aborts-all", &ProtocolKnobs::writer_veto_aborts_all},
    {"writer-veto-fails-snapshot-set",
     &ProtocolKnobs::writer_veto_fails_snapshot_set},
    {"wait-returns-failure", &ProtocolKnobs::wait_returns_failure},
    {"thaw-in-reverse-level-order", &ProtocolKnobs::thaw_in_reverse_level_order},
    {"unselected-writers-get-prepare-backup",
     &ProtocolKnobs::unselected_writers_get_prepare_backup},
    {"service-honours-writer-restore",
     &ProtocolKnobs::service_honours_writer_restore}};

}  // namespace

bool SetKnob(ProtocolKnobs* knobs, std::string_view name,
             std::string_view value) {
  if (name == "false-without-failure-hr") {
    std::optional<HRESULT> hr = ParseHresult(value);
    if (!hr) return false;
    knobs->false_without_failure_hr = *hr;
    return true;
  }
  for (const Knob& knob : kBoolKnobs) {
    if (name != knob.name) continue;
    if (value != "true" && value != "false") return false;
    knobs->*knob.flag = value == "true";
    return true;
  }
  return false;
}

std::string KnobList() {
  std::string list = "false-without-failure-hr";
  for (const Knob& knob : kBoolKnobs) list += std::string(", ") + knob.name;
  return list;
}

GUID StableClassId(std::string_view id) {
  // FNV-1a over the id, spread into a version-4-shaped GUID.
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  GUID g;
  g.Data1 = static_cast<uint32_t>(h >> 32);
  g.Data2 = static_cast<uint16_t>(h >> 16);
  g.Data3 = static_cast<uint16_t>((h & 0x0FFF) | 0x4000);
  uint64_t l = h * 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 8; ++i) g.Data4[i] = static_cast<uint8_t>(l >> (56 - 8 * i));
  g.Data4[0] = static_cast<uint8_t>((g.Data4[0] & 0x3F) | 0x80);
  return g;
}

}  // namespace vssemu::scenario
