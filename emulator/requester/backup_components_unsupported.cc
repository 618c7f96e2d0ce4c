// The IVssBackupComponents methods vssemu does not emulate: the
// administrative LUN, exposure and revert operations (out of scope, spec 8.3
// last row). Each returns E_NOTIMPL, is traced, and is listed in the
// README.
#include "requester/backup_components.h"

namespace vssemu::requester {

#define VSSEMU_NOT_EMULATED(call) \
  do {                            \
    FinishPendingWork();          \
    return Traced(call, E_NOTIMPL); \
  } while (0)

// --- Administrative operations (hardware providers, exposure, revert). ----
HRESULT BackupComponents::ImportSnapshots(IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("ImportSnapshots");
}
HRESULT BackupComponents::BreakSnapshotSet(VSS_ID) {
  VSSEMU_NOT_EMULATED("BreakSnapshotSet");
}
HRESULT BackupComponents::ExposeSnapshot(VSS_ID, VSS_PWSZ, LONG, VSS_PWSZ,
                                         VSS_PWSZ* pwszExposed) {
  if (pwszExposed != nullptr) *pwszExposed = nullptr;
  VSSEMU_NOT_EMULATED("ExposeSnapshot");
}
HRESULT BackupComponents::RevertToSnapshot(VSS_ID, BOOL) {
  VSSEMU_NOT_EMULATED("RevertToSnapshot");
}
HRESULT BackupComponents::QueryRevertStatus(VSS_PWSZ, IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("QueryRevertStatus");
}
HRESULT BackupComponents::UnexposeSnapshot(VSS_ID) {
  VSSEMU_NOT_EMULATED("UnexposeSnapshot");
}
HRESULT BackupComponents::BreakSnapshotSetEx(VSS_ID, DWORD,
                                             IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("BreakSnapshotSetEx");
}
HRESULT BackupComponents::PreFastRecovery(VSS_ID, DWORD, IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("PreFastRecovery");
}
HRESULT BackupComponents::FastRecovery(VSS_ID, DWORD, IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("FastRecovery");
}
HRESULT BackupComponents::AddSnapshotToRecoverySet(VSS_ID, DWORD, VSS_PWSZ) {
  VSSEMU_NOT_EMULATED("AddSnapshotToRecoverySet");
}
HRESULT BackupComponents::RecoverSet(DWORD, IVssAsync** ppAsync) {
  if (ppAsync != nullptr) *ppAsync = nullptr;
  VSSEMU_NOT_EMULATED("RecoverSet");
}
HRESULT BackupComponents::GetRootAndLogicalPrefixPaths(VSS_PWSZ,
                                                       VSS_PWSZ* ppwszRootPath,
                                                       VSS_PWSZ* ppwszLogicalPrefix,
                                                       BOOL) {
  if (ppwszRootPath != nullptr) *ppwszRootPath = nullptr;
  if (ppwszLogicalPrefix != nullptr) *ppwszLogicalPrefix = nullptr;
  VSSEMU_NOT_EMULATED("GetRootAndLogicalPrefixPaths");
}

#undef VSSEMU_NOT_EMULATED

}  // namespace vssemu::requester
