// IVssComponentEx2 view: the writer-side setters (see bcd_component.h). Each
// setter asks the access table first, so a requester view or a writer in
// the wrong event gets VSS_E_BAD_STATE whatever the arguments
// (protocol.md 13.7: writer setters called from the requester side fail
// with VSS_E_BAD_STATE).
#include <cstdint>

#include "com/bstr.h"
#include "metadata/bcd_component.h"

namespace vssemu::metadata {

using G = BcdSetterGroup;

bool IsComponentFailureCode(HRESULT hr) {
  // 3.3: SetFailure takes S_OK and the five SetWriterFailure codes; unlike
  // SetWriterFailureEx it does not take PARTIAL_FAILURE.
  switch (hr) {
    case S_OK:
    case VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT:
    case VSS_E_WRITERERROR_OUTOFRESOURCES:
    case VSS_E_WRITERERROR_TIMEOUT:
    case VSS_E_WRITERERROR_RETRYABLE:
    case VSS_E_WRITERERROR_NONRETRYABLE:
      return true;
    default:
      return false;
  }
}

HRESULT BcdComponentView::SetBackupMetadata(LPCWSTR wszData) {
  if (!Allowed(G::kBackupData)) return VSS_E_BAD_STATE;
  component_->backup_metadata = com::OptionalText(wszData);
  return S_OK;
}

HRESULT BcdComponentView::AddPartialFile(LPCWSTR wszPath, LPCWSTR wszFilename,
                                         LPCWSTR wszRanges,
                                         LPCWSTR wszMetadata) {
  if (!Allowed(G::kBackupData)) return VSS_E_BAD_STATE;
  // Without a file or ranges the entry tells the requester nothing to copy.
  if (wszPath == nullptr || wszFilename == nullptr || wszRanges == nullptr) {
    return E_INVALIDARG;
  }
  component_->partial_files.push_back(BcdPartialFile{
      wszPath, wszFilename, wszRanges, com::OptionalText(wszMetadata), {}});
  return S_OK;
}

HRESULT BcdComponentView::SetBackupStamp(LPCWSTR wszBackupStamp) {
  if (!Allowed(G::kBackupData)) return VSS_E_BAD_STATE;
  component_->backup_stamp = com::OptionalText(wszBackupStamp);
  return S_OK;
}

HRESULT BcdComponentView::AddDifferencedFilesByLastModifyTime(
    LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive,
    FILETIME ftLastModifyTime) {
  if (!Allowed(G::kBackupData)) return VSS_E_BAD_STATE;
  if (wszPath == nullptr || wszFilespec == nullptr) return E_INVALIDARG;
  std::uint64_t time =
      (static_cast<std::uint64_t>(ftLastModifyTime.dwHighDateTime) << 32) |
      ftLastModifyTime.dwLowDateTime;
  component_->differenced_files.push_back(BcdDifferencedFile{
      wszPath, wszFilespec, bRecursive != FALSE, std::nullopt, time});
  return S_OK;
}

HRESULT BcdComponentView::AddDifferencedFilesByLastModifyLSN(
    LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, BSTR bstrLsnString) {
  if (!Allowed(G::kBackupData)) return VSS_E_BAD_STATE;
  // The LSN is the whole point of this variant, so it is required.
  if (wszPath == nullptr || wszFilespec == nullptr ||
      bstrLsnString == nullptr) {
    return E_INVALIDARG;
  }
  component_->differenced_files.push_back(
      BcdDifferencedFile{wszPath, wszFilespec, bRecursive != FALSE,
                         std::wstring(com::BstrView(bstrLsnString)), 0});
  return S_OK;
}

HRESULT BcdComponentView::AddDirectedTarget(LPCWSTR wszSourcePath,
                                            LPCWSTR wszSourceFilename,
                                            LPCWSTR wszSourceRangeList,
                                            LPCWSTR wszDestinationPath,
                                            LPCWSTR wszDestinationFilename,
                                            LPCWSTR wszDestinationRangeList) {
  if (!Allowed(G::kPreRestoreData)) return VSS_E_BAD_STATE;
  // Range lists may be NULL (whole file); the four names may not.
  if (wszSourcePath == nullptr || wszSourceFilename == nullptr ||
      wszDestinationPath == nullptr || wszDestinationFilename == nullptr) {
    return E_INVALIDARG;
  }
  component_->directed_targets.push_back(BcdDirectedTarget{
      wszSourcePath, wszSourceFilename, com::OptionalText(wszSourceRangeList),
      wszDestinationPath, wszDestinationFilename,
      com::OptionalText(wszDestinationRangeList)});
  return S_OK;
}

HRESULT BcdComponentView::SetRestoreMetadata(LPCWSTR wszRestoreMetadata) {
  if (!Allowed(G::kPreRestoreData)) return VSS_E_BAD_STATE;
  component_->restore_metadata = com::OptionalText(wszRestoreMetadata);
  return S_OK;
}

HRESULT BcdComponentView::SetRestoreTarget(VSS_RESTORE_TARGET target) {
  if (!Allowed(G::kPreRestoreData)) return VSS_E_BAD_STATE;
  // 11.3: UNDEFINED is a writer error, not a target.
  if (target < VSS_RT_ORIGINAL || target > VSS_RT_ORIGINAL_LOCATION) {
    return E_INVALIDARG;
  }
  component_->restore_target = target;
  return S_OK;
}

HRESULT BcdComponentView::SetPreRestoreFailureMsg(
    LPCWSTR wszPreRestoreFailureMsg) {
  if (!Allowed(G::kPreRestoreData)) return VSS_E_BAD_STATE;
  component_->pre_restore_failure_msg =
      com::OptionalText(wszPreRestoreFailureMsg);
  return S_OK;
}

HRESULT BcdComponentView::SetPostRestoreFailureMsg(
    LPCWSTR wszPostRestoreFailureMsg) {
  if (!Allowed(G::kPostRestoreFailureMsg)) return VSS_E_BAD_STATE;
  component_->post_restore_failure_msg =
      com::OptionalText(wszPostRestoreFailureMsg);
  return S_OK;
}

HRESULT BcdComponentView::SetPrepareForBackupFailureMsg(LPCWSTR wszFailureMsg) {
  if (!Allowed(G::kPrepareForBackupFailureMsg)) return VSS_E_BAD_STATE;
  component_->prepare_for_backup_failure_msg = com::OptionalText(wszFailureMsg);
  return S_OK;
}

HRESULT BcdComponentView::SetPostSnapshotFailureMsg(LPCWSTR wszFailureMsg) {
  if (!Allowed(G::kPostSnapshotFailureMsg)) return VSS_E_BAD_STATE;
  component_->post_snapshot_failure_msg = com::OptionalText(wszFailureMsg);
  return S_OK;
}

HRESULT BcdComponentView::SetFailure(HRESULT hr, HRESULT hrApplication,
                                     LPCWSTR wszApplicationMessage,
                                     DWORD dwReserved) {
  if (!Allowed(G::kFailure)) return VSS_E_BAD_STATE;
  if (!IsComponentFailureCode(hr)) return E_INVALIDARG;
  // dwReserved is stored as given: the documentation reserves it without
  // saying that a non-zero value is an error.
  component_->failure = BcdComponentFailure{
      hr, hrApplication, com::OptionalText(wszApplicationMessage), dwReserved};
  return S_OK;
}

}  // namespace vssemu::metadata
