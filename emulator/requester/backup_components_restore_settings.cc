// IVssBackupComponents(Ex2): the settings a requester gives the components
// it restores (spec 11.1 steps 8, 9 and 14; 11.4-11.6) and the phase rules
// on when each may be called.
//
// Documented errors are returned as Windows returns them (VSS_E_BAD_STATE
// outside the call's window, VSS_E_OBJECT_NOT_FOUND for a component or file
// set that does not exist). Rules the documentation states without an
// error code (a schema bit the writer did not advertise, a subcomponent
// that is not selectable for restore) are reported as violations and the
// call succeeds, so code that works on Windows keeps working here.
#include <vsserror.h>

#include "coordinator/restore_rules.h"
#include "coordinator/restore_sequence.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/xml_util.h"
#include "requester/backup_components.h"

namespace vssemu::requester {
namespace {

// Returns the live metadata's component, or NULL.
const metadata::Component* LiveComponent(
    const coordinator::BackupSession& session, VSS_ID writer_id,
    LPCWSTR logical_path, LPCWSTR name) {
  const metadata::WriterMetadata* wmd =
      coordinator::LiveMetadata(session, writer_id);
  if (wmd == nullptr || name == nullptr) return nullptr;
  return metadata::FindComponent(
      *wmd, logical_path != nullptr ? logical_path : L"", name);
}

}  // namespace

HRESULT BackupComponents::CheckRestoreWindow(const char* call,
                                             RestoreWindow window) {
  if (!ForRestore()) {
    return OutOfSequence(call, "requester.restore-call-in-backup", "8.3",
                         "call InitializeForRestore first");
  }
  switch (window) {
    case RestoreWindow::kBeforePreRestore:
      if (!session_.pre_restore_started) return S_OK;
      return OutOfSequence(call, "requester.restore-setting-after-prerestore",
                           "11.1", "this setting must precede PreRestore");
    case RestoreWindow::kUntilPostRestore:
      if (!session_.post_restore_started) return S_OK;
      return OutOfSequence(call, "requester.restore-setting-after-postrestore",
                           "11.6", "this setting must precede PostRestore");
    case RestoreWindow::kCopyPhase:
      if (session_.pre_restored && !session_.post_restore_started) return S_OK;
      return OutOfSequence(call, "requester.copy-phase-call-out-of-order",
                           "11.1",
                           "this call belongs between PreRestore and "
                           "PostRestore");
  }
  return S_OK;
}

void BackupComponents::CheckSchemaBit(const char* call, VSS_ID writerId,
                                      VSS_COMPONENT_TYPE ct,
                                      LPCWSTR wszLogicalPath,
                                      LPCWSTR wszComponentName,
                                      DWORD schema_bit) {
  std::shared_ptr<metadata::BcdWriterComponents> entry;
  if (metadata::FindBcdComponent(session_.bcd, writerId, ct, wszLogicalPath,
                                 wszComponentName, &entry) == nullptr) {
    return;  // The document operation reports VSS_E_OBJECT_NOT_FOUND.
  }
  if ((entry->backup_schema & schema_bit) != 0) return;
  service_->Violate("requester.restore-setting-unsupported", "12.2",
                    std::string(call) + ": the writer's backup schema lacks " +
                        coordinator::BackupSchemaBitName(schema_bit));
}

HRESULT BackupComponents::AddRestoreSubcomponent(
    VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
    LPCWSTR wszComponentName, LPCWSTR wszSubcomponentLogicalPath,
    LPCWSTR wszSubcomponentName, bool bRepair) {
  FinishPendingWork();
  const char* call = "AddRestoreSubcomponent";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  // Step 8: the subcomponent must be one the running writer describes, and
  // selectable for restore.
  if (coordinator::LiveMetadata(session_, writerId) != nullptr &&
      wszSubcomponentName != nullptr) {
    const metadata::Component* sub = LiveComponent(
        session_, writerId, wszSubcomponentLogicalPath, wszSubcomponentName);
    if (sub == nullptr) return Traced(call, VSS_E_OBJECT_NOT_FOUND);
    if (!sub->selectable_for_restore) {
      service_->Violate("requester.subcomponent-not-selectable-for-restore",
                        "11.1",
                        std::string(call) + ": " +
                            metadata::ToUtf8(wszSubcomponentName) +
                            " is not selectable for restore");
    }
  }
  return Traced(call, metadata::AddRestoreSubcomponent(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, wszSubcomponentLogicalPath,
                          wszSubcomponentName, bRepair));
}

HRESULT BackupComponents::SetRestoreOptions(VSS_ID writerId,
                                            VSS_COMPONENT_TYPE ct,
                                            LPCWSTR wszLogicalPath,
                                            LPCWSTR wszComponentName,
                                            LPCWSTR wszRestoreOptions) {
  FinishPendingWork();
  const char* call = "SetRestoreOptions";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  const metadata::Component* live =
      LiveComponent(session_, writerId, wszLogicalPath, wszComponentName);
  if (live != nullptr && !live->selectable) {
    service_->Violate("requester.restore-options-on-nonselectable", "11.6",
                      std::string(call) +
                          ": restore options belong to components that are "
                          "selectable for backup");
  }
  return Traced(call, metadata::SetRestoreOptions(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, wszRestoreOptions));
}

HRESULT BackupComponents::SetAdditionalRestores(VSS_ID writerId,
                                                VSS_COMPONENT_TYPE ct,
                                                LPCWSTR wszLogicalPath,
                                                LPCWSTR wszComponentName,
                                                bool bAdditionalRestores) {
  FinishPendingWork();
  const char* call = "SetAdditionalRestores";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kUntilPostRestore);
  if (hr != S_OK) return hr;
  return Traced(call, metadata::SetAdditionalRestores(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, bAdditionalRestores));
}

HRESULT BackupComponents::AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                       LPCWSTR wszLogicalPath,
                                       LPCWSTR wszComponentName,
                                       LPCWSTR wszPath, LPCWSTR wszFileName,
                                       bool bRecursive,
                                       LPCWSTR wszAlternatePath) {
  FinishPendingWork();
  const char* call = "AddNewTarget";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  // Spec 11.4: the path, file specification and recursion flag must name a
  // file set of the component (documented as VSS_E_OBJECT_NOT_FOUND).
  const metadata::WriterMetadata* wmd =
      coordinator::LiveMetadata(session_, writerId);
  const metadata::Component* live =
      LiveComponent(session_, writerId, wszLogicalPath, wszComponentName);
  if (live != nullptr && wszPath != nullptr && wszFileName != nullptr &&
      !coordinator::ComponentSetHasFileSet(*wmd, *live, wszPath, wszFileName,
                                           bRecursive)) {
    return Traced(call, VSS_E_OBJECT_NOT_FOUND);
  }
  CheckSchemaBit(call, writerId, ct, wszLogicalPath, wszComponentName,
                 VSS_BS_WRITER_SUPPORTS_NEW_TARGET);
  return Traced(call, metadata::AddNewTarget(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, wszPath, wszFileName, bRecursive,
                          wszAlternatePath));
}

HRESULT BackupComponents::AddAlternativeLocationMapping(
    VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
    LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFilespec,
    bool bRecursive, LPCWSTR wszDestination) {
  FinishPendingWork();
  const char* call = "AddAlternativeLocationMapping";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kCopyPhase);
  if (hr != S_OK) return hr;
  const metadata::WriterMetadata* wmd =
      coordinator::LiveMetadata(session_, writerId);
  const metadata::Component* live =
      LiveComponent(session_, writerId, wszLogicalPath, wszComponentName);
  if (live != nullptr && wszPath != nullptr && wszFilespec != nullptr &&
      !coordinator::ComponentSetHasFileSet(*wmd, *live, wszPath, wszFilespec,
                                           bRecursive)) {
    service_->Violate("requester.mapping-without-file-set", "11.4",
                      std::string(call) +
                          ": the path, file specification and recursion flag "
                          "match no file set of the component set");
  }
  return Traced(call, metadata::AddAlternativeLocationMapping(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, wszPath, wszFilespec, bRecursive,
                          wszDestination));
}

HRESULT BackupComponents::SetRangesFilePath(VSS_ID writerId,
                                            VSS_COMPONENT_TYPE ct,
                                            LPCWSTR wszLogicalPath,
                                            LPCWSTR wszComponentName,
                                            UINT iPartialFile,
                                            LPCWSTR wszRangesFile) {
  FinishPendingWork();
  const char* call = "SetRangesFilePath";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kCopyPhase);
  if (hr != S_OK) return hr;
  return Traced(call, metadata::SetRangesFilePath(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, iPartialFile, wszRangesFile));
}

HRESULT BackupComponents::SetFileRestoreStatus(
    VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
    LPCWSTR wszComponentName, VSS_FILE_RESTORE_STATUS status) {
  FinishPendingWork();
  const char* call = "SetFileRestoreStatus";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kCopyPhase);
  if (hr != S_OK) return hr;
  return Traced(call, metadata::SetFileRestoreStatus(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, status));
}

HRESULT BackupComponents::SetAuthoritativeRestore(VSS_ID writerId,
                                                  VSS_COMPONENT_TYPE ct,
                                                  LPCWSTR wszLogicalPath,
                                                  LPCWSTR wszComponentName,
                                                  bool bAuth) {
  FinishPendingWork();
  const char* call = "SetAuthoritativeRestore";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  CheckSchemaBit(call, writerId, ct, wszLogicalPath, wszComponentName,
                 VSS_BS_AUTHORITATIVE_RESTORE);
  return Traced(call, metadata::SetAuthoritativeRestore(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, bAuth));
}

HRESULT BackupComponents::SetRollForward(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath,
                                         LPCWSTR wszComponentName,
                                         VSS_ROLLFORWARD_TYPE rollType,
                                         LPCWSTR wszRollForwardPoint) {
  FinishPendingWork();
  const char* call = "SetRollForward";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  CheckSchemaBit(call, writerId, ct, wszLogicalPath, wszComponentName,
                 VSS_BS_ROLLFORWARD_RESTORE);
  return Traced(call, metadata::SetRollForward(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, rollType, wszRollForwardPoint));
}

HRESULT BackupComponents::SetRestoreName(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath,
                                         LPCWSTR wszComponentName,
                                         LPCWSTR wszRestoreName) {
  FinishPendingWork();
  const char* call = "SetRestoreName";
  HRESULT hr = CheckRestoreWindow(call, RestoreWindow::kBeforePreRestore);
  if (hr != S_OK) return hr;
  CheckSchemaBit(call, writerId, ct, wszLogicalPath, wszComponentName,
                 VSS_BS_RESTORE_RENAME);
  return Traced(call, metadata::SetRestoreName(
                          &session_.bcd, writerId, ct, wszLogicalPath,
                          wszComponentName, wszRestoreName));
}

}  // namespace vssemu::requester
