// IVssComponentEx2 over one component of a Backup Components Document: the
// object a writer receives from IVssWriterComponents::GetComponent during an
// event, and a requester from IVssWriterComponentsExt::GetComponent.
//
// Contract: the view shares ownership of the component, so it stays valid
// however long the caller keeps it, and reads and writes the live model (a
// requester sees what writers set). QueryInterface answers IUnknown,
// IVssComponent, IVssComponentEx and IVssComponentEx2. Every getter returns
// E_INVALIDARG for a NULL out-pointer (all out-pointers of a method are
// checked before anything is allocated) and for an index out of range;
// absent strings come back as NULL BSTRs, the root logical path included
// (protocol.md 9.2: the root is NULL). Every setter first asks the
// access handle (bcd_access.h) and returns VSS_E_BAD_STATE when its group is
// not allowed in the current event; only then are arguments checked. A
// setter changes the model only when it returns S_OK. String setters for a
// single value accept NULL and store "absent".
#ifndef VSSEMU_METADATA_BCD_COMPONENT_H_
#define VSSEMU_METADATA_BCD_COMPONENT_H_

#include <vswriter.h>

#include <memory>

#include "com/com_object.h"
#include "metadata/bcd_access.h"
#include "metadata/bcd_model.h"

namespace vssemu::metadata {

class BcdComponentView
    : public com::ComObject<BcdComponentView, IVssComponentEx2> {
 public:
  using Queryable =
      com::InterfaceList<IVssComponent, IVssComponentEx, IVssComponentEx2>;

  // Views component with the given access; a null access is read-only.
  BcdComponentView(std::shared_ptr<BcdComponent> component,
                   BcdAccessHandle access);

  // IVssComponent.
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrPath) override;
  HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* pct) override;
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* pbstrName) override;
  HRESULT STDMETHODCALLTYPE GetBackupSucceeded(bool* pbSucceeded) override;
  HRESULT STDMETHODCALLTYPE
  GetAlternateLocationMappingCount(UINT* pcMappings) override;
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(
      UINT iMapping, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR wszData) override;
  HRESULT STDMETHODCALLTYPE GetBackupMetadata(BSTR* pbstrData) override;
  HRESULT STDMETHODCALLTYPE AddPartialFile(LPCWSTR wszPath, LPCWSTR wszFilename,
                                           LPCWSTR wszRanges,
                                           LPCWSTR wszMetadata) override;
  HRESULT STDMETHODCALLTYPE GetPartialFileCount(UINT* pcPartialFiles) override;
  HRESULT STDMETHODCALLTYPE GetPartialFile(UINT iPartialFile, BSTR* pbstrPath,
                                           BSTR* pbstrFilename,
                                           BSTR* pbstrRange,
                                           BSTR* pbstrMetadata) override;
  HRESULT STDMETHODCALLTYPE
  IsSelectedForRestore(bool* pbSelectedForRestore) override;
  HRESULT STDMETHODCALLTYPE
  GetAdditionalRestores(bool* pbAdditionalRestores) override;
  HRESULT STDMETHODCALLTYPE GetNewTargetCount(UINT* pcNewTarget) override;
  HRESULT STDMETHODCALLTYPE GetNewTarget(UINT iNewTarget,
                                         IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE AddDirectedTarget(
      LPCWSTR wszSourcePath, LPCWSTR wszSourceFilename,
      LPCWSTR wszSourceRangeList, LPCWSTR wszDestinationPath,
      LPCWSTR wszDestinationFilename, LPCWSTR wszDestinationRangeList) override;
  HRESULT STDMETHODCALLTYPE
  GetDirectedTargetCount(UINT* pcDirectedTarget) override;
  HRESULT STDMETHODCALLTYPE GetDirectedTarget(
      UINT iDirectedTarget, BSTR* pbstrSourcePath, BSTR* pbstrSourceFileName,
      BSTR* pbstrSourceRangeList, BSTR* pbstrDestinationPath,
      BSTR* pbstrDestinationFilename, BSTR* pbstrDestinationRangeList) override;
  HRESULT STDMETHODCALLTYPE
  SetRestoreMetadata(LPCWSTR wszRestoreMetadata) override;
  HRESULT STDMETHODCALLTYPE
  GetRestoreMetadata(BSTR* pbstrRestoreMetadata) override;
  HRESULT STDMETHODCALLTYPE
  SetRestoreTarget(VSS_RESTORE_TARGET target) override;
  HRESULT STDMETHODCALLTYPE
  GetRestoreTarget(VSS_RESTORE_TARGET* pTarget) override;
  HRESULT STDMETHODCALLTYPE
  SetPreRestoreFailureMsg(LPCWSTR wszPreRestoreFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  GetPreRestoreFailureMsg(BSTR* pbstrPreRestoreFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  SetPostRestoreFailureMsg(LPCWSTR wszPostRestoreFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  GetPostRestoreFailureMsg(BSTR* pbstrPostRestoreFailureMsg) override;
  HRESULT STDMETHODCALLTYPE SetBackupStamp(LPCWSTR wszBackupStamp) override;
  HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* pbstrBackupStamp) override;
  HRESULT STDMETHODCALLTYPE
  GetPreviousBackupStamp(BSTR* pbstrBackupStamp) override;
  HRESULT STDMETHODCALLTYPE GetBackupOptions(BSTR* pbstrBackupOptions) override;
  HRESULT STDMETHODCALLTYPE
  GetRestoreOptions(BSTR* pbstrRestoreOptions) override;
  HRESULT STDMETHODCALLTYPE
  GetRestoreSubcomponentCount(UINT* pcRestoreSubcomponent) override;
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(UINT iComponent,
                                                   BSTR* pbstrLogicalPath,
                                                   BSTR* pbstrComponentName,
                                                   bool* pbRepair) override;
  HRESULT STDMETHODCALLTYPE
  GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS* pStatus) override;
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(
      LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive,
      FILETIME ftLastModifyTime) override;
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(
      LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive,
      BSTR bstrLsnString) override;
  HRESULT STDMETHODCALLTYPE
  GetDifferencedFilesCount(UINT* pcDifferencedFiles) override;
  HRESULT STDMETHODCALLTYPE GetDifferencedFile(
      UINT iDifferencedFile, BSTR* pbstrPath, BSTR* pbstrFilespec,
      BOOL* pbRecursive, BSTR* pbstrLsnString,
      FILETIME* pftLastModifyTime) override;

  // IVssComponentEx.
  HRESULT STDMETHODCALLTYPE
  SetPrepareForBackupFailureMsg(LPCWSTR wszFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  SetPostSnapshotFailureMsg(LPCWSTR wszFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  GetPrepareForBackupFailureMsg(BSTR* pbstrFailureMsg) override;
  HRESULT STDMETHODCALLTYPE
  GetPostSnapshotFailureMsg(BSTR* pbstrFailureMsg) override;
  HRESULT STDMETHODCALLTYPE GetAuthoritativeRestore(bool* pbAuth) override;
  HRESULT STDMETHODCALLTYPE GetRollForward(VSS_ROLLFORWARD_TYPE* pRollType,
                                           BSTR* pbstrPoint) override;
  HRESULT STDMETHODCALLTYPE GetRestoreName(BSTR* pbstrName) override;

  // IVssComponentEx2.
  HRESULT STDMETHODCALLTYPE SetFailure(HRESULT hr, HRESULT hrApplication,
                                       LPCWSTR wszApplicationMessage,
                                       DWORD dwReserved) override;
  HRESULT STDMETHODCALLTYPE GetFailure(HRESULT* phr, HRESULT* phrApplication,
                                       BSTR* pbstrApplicationMessage,
                                       DWORD* pdwReserved) override;

 private:
  // Returns whether a setter of group may run now.
  bool Allowed(BcdSetterGroup group) const;

  std::shared_ptr<BcdComponent> component_;
  BcdAccessHandle access_;
};

// Hands a new view of component to the caller as IVssComponent
// (E_INVALIDARG for a NULL out-pointer or component).
HRESULT ReturnBcdComponentView(std::shared_ptr<BcdComponent> component,
                               BcdAccessHandle access, IVssComponent** out);

// Returns whether hr may be passed to IVssComponentEx2::SetFailure: S_OK or
// one of the five writer errors of protocol.md 3.3.
bool IsComponentFailureCode(HRESULT hr);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_COMPONENT_H_
