// IVssComponentEx2 view: construction and getters (see bcd_component.h;
// setters live in bcd_component_setters.cc).
#include "metadata/bcd_component.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "com/bstr.h"

namespace vssemu::metadata {
namespace {

// Allocates several BSTR out-parameters all or nothing, so that a getter
// never leaves the caller holding some strings after an E_OUTOFMEMORY.
class BstrBatch {
 public:
  void Add(const std::optional<std::wstring>& value, BSTR* out) {
    items_.push_back({value, out});
  }
  void Add(const std::wstring& value, BSTR* out) {
    items_.push_back({value, out});
  }
  HRESULT Commit() {
    std::vector<com::Bstr> made;
    made.reserve(items_.size());
    for (const Item& item : items_) {
      made.emplace_back();
      if (item.value) {
        made.back() = com::Bstr(*item.value);
        if (made.back().get() == nullptr) return E_OUTOFMEMORY;
      }
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      *items_[i].out = made[i].detach();
    }
    return S_OK;
  }

 private:
  struct Item {
    std::optional<std::wstring> value;
    BSTR* out;
  };
  std::vector<Item> items_;
};

// The root logical path is NULL, not "" (protocol.md 9.2).
std::optional<std::wstring> PathOrNull(const std::wstring& logical_path) {
  if (logical_path.empty()) return std::nullopt;
  return logical_path;
}

}  // namespace

BcdComponentView::BcdComponentView(std::shared_ptr<BcdComponent> component,
                                   BcdAccessHandle access)
    : component_(std::move(component)), access_(std::move(access)) {}

bool BcdComponentView::Allowed(BcdSetterGroup group) const {
  return access_ != nullptr && IsSetterAllowed(access_->event, group);
}

HRESULT BcdComponentView::GetLogicalPath(BSTR* pbstrPath) {
  return com::ReturnOptionalBstr(PathOrNull(component_->logical_path),
                                 pbstrPath);
}

HRESULT BcdComponentView::GetComponentType(VSS_COMPONENT_TYPE* pct) {
  if (pct == nullptr) return E_INVALIDARG;
  *pct = component_->type;
  return S_OK;
}

HRESULT BcdComponentView::GetComponentName(BSTR* pbstrName) {
  return com::ReturnBstr(component_->name, pbstrName);
}

HRESULT BcdComponentView::GetBackupSucceeded(bool* pbSucceeded) {
  if (pbSucceeded == nullptr) return E_INVALIDARG;
  *pbSucceeded = component_->backup_succeeded;
  return S_OK;
}

HRESULT BcdComponentView::GetAlternateLocationMappingCount(UINT* pcMappings) {
  if (pcMappings == nullptr) return E_INVALIDARG;
  *pcMappings =
      static_cast<UINT>(component_->alternate_location_mappings.size());
  return S_OK;
}

HRESULT BcdComponentView::GetAlternateLocationMapping(
    UINT iMapping, IVssWMFiledesc** ppFiledesc) {
  if (ppFiledesc == nullptr ||
      iMapping >= component_->alternate_location_mappings.size()) {
    return E_INVALIDARG;
  }
  return ReturnFiledesc(component_->alternate_location_mappings[iMapping],
                        ppFiledesc);
}

HRESULT BcdComponentView::GetBackupMetadata(BSTR* pbstrData) {
  return com::ReturnOptionalBstr(component_->backup_metadata, pbstrData);
}

HRESULT BcdComponentView::GetPartialFileCount(UINT* pcPartialFiles) {
  if (pcPartialFiles == nullptr) return E_INVALIDARG;
  *pcPartialFiles = static_cast<UINT>(component_->partial_files.size());
  return S_OK;
}

HRESULT BcdComponentView::GetPartialFile(UINT iPartialFile, BSTR* pbstrPath,
                                         BSTR* pbstrFilename, BSTR* pbstrRange,
                                         BSTR* pbstrMetadata) {
  if (pbstrPath == nullptr || pbstrFilename == nullptr ||
      pbstrRange == nullptr || pbstrMetadata == nullptr ||
      iPartialFile >= component_->partial_files.size()) {
    return E_INVALIDARG;
  }
  const BcdPartialFile& file = component_->partial_files[iPartialFile];
  BstrBatch batch;
  batch.Add(file.path, pbstrPath);
  batch.Add(file.filename, pbstrFilename);
  // SetRangesFilePath relocations are what readers see (11.4).
  batch.Add(file.effective_ranges(), pbstrRange);
  batch.Add(file.metadata, pbstrMetadata);
  return batch.Commit();
}

HRESULT BcdComponentView::IsSelectedForRestore(bool* pbSelectedForRestore) {
  if (pbSelectedForRestore == nullptr) return E_INVALIDARG;
  *pbSelectedForRestore = component_->selected_for_restore;
  return S_OK;
}

HRESULT BcdComponentView::GetAdditionalRestores(bool* pbAdditionalRestores) {
  if (pbAdditionalRestores == nullptr) return E_INVALIDARG;
  *pbAdditionalRestores = component_->additional_restores;
  return S_OK;
}

HRESULT BcdComponentView::GetNewTargetCount(UINT* pcNewTarget) {
  if (pcNewTarget == nullptr) return E_INVALIDARG;
  *pcNewTarget = static_cast<UINT>(component_->new_targets.size());
  return S_OK;
}

HRESULT BcdComponentView::GetNewTarget(UINT iNewTarget,
                                       IVssWMFiledesc** ppFiledesc) {
  if (ppFiledesc == nullptr || iNewTarget >= component_->new_targets.size()) {
    return E_INVALIDARG;
  }
  return ReturnFiledesc(component_->new_targets[iNewTarget], ppFiledesc);
}

HRESULT BcdComponentView::GetDirectedTargetCount(UINT* pcDirectedTarget) {
  if (pcDirectedTarget == nullptr) return E_INVALIDARG;
  *pcDirectedTarget = static_cast<UINT>(component_->directed_targets.size());
  return S_OK;
}

HRESULT BcdComponentView::GetDirectedTarget(
    UINT iDirectedTarget, BSTR* pbstrSourcePath, BSTR* pbstrSourceFileName,
    BSTR* pbstrSourceRangeList, BSTR* pbstrDestinationPath,
    BSTR* pbstrDestinationFilename, BSTR* pbstrDestinationRangeList) {
  if (pbstrSourcePath == nullptr || pbstrSourceFileName == nullptr ||
      pbstrSourceRangeList == nullptr || pbstrDestinationPath == nullptr ||
      pbstrDestinationFilename == nullptr ||
      pbstrDestinationRangeList == nullptr ||
      iDirectedTarget >= component_->directed_targets.size()) {
    return E_INVALIDARG;
  }
  const BcdDirectedTarget& t = component_->directed_targets[iDirectedTarget];
  BstrBatch batch;
  batch.Add(t.source_path, pbstrSourcePath);
  batch.Add(t.source_filename, pbstrSourceFileName);
  batch.Add(t.source_ranges, pbstrSourceRangeList);
  batch.Add(t.destination_path, pbstrDestinationPath);
  batch.Add(t.destination_filename, pbstrDestinationFilename);
  batch.Add(t.destination_ranges, pbstrDestinationRangeList);
  return batch.Commit();
}

HRESULT BcdComponentView::GetRestoreMetadata(BSTR* pbstrRestoreMetadata) {
  return com::ReturnOptionalBstr(component_->restore_metadata,
                                 pbstrRestoreMetadata);
}

HRESULT BcdComponentView::GetRestoreTarget(VSS_RESTORE_TARGET* pTarget) {
  if (pTarget == nullptr) return E_INVALIDARG;
  *pTarget = component_->restore_target;
  return S_OK;
}

HRESULT BcdComponentView::GetPreRestoreFailureMsg(
    BSTR* pbstrPreRestoreFailureMsg) {
  return com::ReturnOptionalBstr(component_->pre_restore_failure_msg,
                                 pbstrPreRestoreFailureMsg);
}

HRESULT BcdComponentView::GetPostRestoreFailureMsg(
    BSTR* pbstrPostRestoreFailureMsg) {
  return com::ReturnOptionalBstr(component_->post_restore_failure_msg,
                                 pbstrPostRestoreFailureMsg);
}

HRESULT BcdComponentView::GetBackupStamp(BSTR* pbstrBackupStamp) {
  return com::ReturnOptionalBstr(component_->backup_stamp, pbstrBackupStamp);
}

HRESULT BcdComponentView::GetPreviousBackupStamp(BSTR* pbstrBackupStamp) {
  return com::ReturnOptionalBstr(component_->previous_backup_stamp,
                                 pbstrBackupStamp);
}

HRESULT BcdComponentView::GetBackupOptions(BSTR* pbstrBackupOptions) {
  return com::ReturnOptionalBstr(component_->backup_options,
                                 pbstrBackupOptions);
}

HRESULT BcdComponentView::GetRestoreOptions(BSTR* pbstrRestoreOptions) {
  return com::ReturnOptionalBstr(component_->restore_options,
                                 pbstrRestoreOptions);
}

HRESULT BcdComponentView::GetRestoreSubcomponentCount(
    UINT* pcRestoreSubcomponent) {
  if (pcRestoreSubcomponent == nullptr) return E_INVALIDARG;
  *pcRestoreSubcomponent =
      static_cast<UINT>(component_->restore_subcomponents.size());
  return S_OK;
}

HRESULT BcdComponentView::GetRestoreSubcomponent(UINT iComponent,
                                                 BSTR* pbstrLogicalPath,
                                                 BSTR* pbstrComponentName,
                                                 bool* pbRepair) {
  if (pbstrLogicalPath == nullptr || pbstrComponentName == nullptr ||
      pbRepair == nullptr ||
      iComponent >= component_->restore_subcomponents.size()) {
    return E_INVALIDARG;
  }
  const BcdRestoreSubcomponent& sub =
      component_->restore_subcomponents[iComponent];
  BstrBatch batch;
  batch.Add(PathOrNull(sub.logical_path), pbstrLogicalPath);
  batch.Add(sub.name, pbstrComponentName);
  HRESULT hr = batch.Commit();
  if (SUCCEEDED(hr)) *pbRepair = sub.repair;
  return hr;
}

HRESULT BcdComponentView::GetFileRestoreStatus(
    VSS_FILE_RESTORE_STATUS* pStatus) {
  if (pStatus == nullptr) return E_INVALIDARG;
  *pStatus = component_->file_restore_status;
  return S_OK;
}

HRESULT BcdComponentView::GetDifferencedFilesCount(UINT* pcDifferencedFiles) {
  if (pcDifferencedFiles == nullptr) return E_INVALIDARG;
  *pcDifferencedFiles = static_cast<UINT>(component_->differenced_files.size());
  return S_OK;
}

HRESULT BcdComponentView::GetDifferencedFile(
    UINT iDifferencedFile, BSTR* pbstrPath, BSTR* pbstrFilespec,
    BOOL* pbRecursive, BSTR* pbstrLsnString, FILETIME* pftLastModifyTime) {
  if (pbstrPath == nullptr || pbstrFilespec == nullptr ||
      pbRecursive == nullptr || pbstrLsnString == nullptr ||
      pftLastModifyTime == nullptr ||
      iDifferencedFile >= component_->differenced_files.size()) {
    return E_INVALIDARG;
  }
  const BcdDifferencedFile& file =
      component_->differenced_files[iDifferencedFile];
  BstrBatch batch;
  batch.Add(file.path, pbstrPath);
  batch.Add(file.filespec, pbstrFilespec);
  batch.Add(file.lsn, pbstrLsnString);
  HRESULT hr = batch.Commit();
  if (FAILED(hr)) return hr;
  *pbRecursive = file.recursive ? TRUE : FALSE;
  pftLastModifyTime->dwLowDateTime =
      static_cast<DWORD>(file.last_modify_time & 0xFFFFFFFFu);
  pftLastModifyTime->dwHighDateTime =
      static_cast<DWORD>(file.last_modify_time >> 32);
  return S_OK;
}

HRESULT BcdComponentView::GetPrepareForBackupFailureMsg(BSTR* pbstrFailureMsg) {
  return com::ReturnOptionalBstr(component_->prepare_for_backup_failure_msg,
                                 pbstrFailureMsg);
}

HRESULT BcdComponentView::GetPostSnapshotFailureMsg(BSTR* pbstrFailureMsg) {
  return com::ReturnOptionalBstr(component_->post_snapshot_failure_msg,
                                 pbstrFailureMsg);
}

HRESULT BcdComponentView::GetAuthoritativeRestore(bool* pbAuth) {
  if (pbAuth == nullptr) return E_INVALIDARG;
  *pbAuth = component_->authoritative_restore;
  return S_OK;
}

HRESULT BcdComponentView::GetRollForward(VSS_ROLLFORWARD_TYPE* pRollType,
                                         BSTR* pbstrPoint) {
  if (pRollType == nullptr || pbstrPoint == nullptr) return E_INVALIDARG;
  HRESULT hr =
      com::ReturnOptionalBstr(component_->roll_forward_point, pbstrPoint);
  if (SUCCEEDED(hr)) *pRollType = component_->roll_forward_type;
  return hr;
}

HRESULT BcdComponentView::GetRestoreName(BSTR* pbstrName) {
  return com::ReturnOptionalBstr(component_->restore_name, pbstrName);
}

HRESULT BcdComponentView::GetFailure(HRESULT* phr, HRESULT* phrApplication,
                                     BSTR* pbstrApplicationMessage,
                                     DWORD* pdwReserved) {
  // All four are documented as required.
  if (phr == nullptr || phrApplication == nullptr ||
      pbstrApplicationMessage == nullptr || pdwReserved == nullptr) {
    return E_INVALIDARG;
  }
  const BcdComponentFailure& failure = component_->failure;
  HRESULT hr =
      com::ReturnOptionalBstr(failure.message, pbstrApplicationMessage);
  if (FAILED(hr)) return hr;
  *phr = failure.hr;
  *phrApplication = failure.hr_application;
  *pdwReserved = failure.reserved;
  return S_OK;
}

HRESULT ReturnBcdComponentView(std::shared_ptr<BcdComponent> component,
                               BcdAccessHandle access, IVssComponent** out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  if (component == nullptr) return E_INVALIDARG;
  com::ComPtr<BcdComponentView> view = com::MakeComObject<BcdComponentView>(
      std::move(component), std::move(access));
  *out = static_cast<IVssComponentEx2*>(view.detach());
  return S_OK;
}

}  // namespace vssemu::metadata
