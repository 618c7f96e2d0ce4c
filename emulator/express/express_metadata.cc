#include "express/express_metadata.h"

#include <string>
#include <utility>

#include "coordinator/service.h"
#include "metadata/wmd_express_rules.h"

namespace vssemu::express {
namespace {

bool StartsService(VSS_RESTOREMETHOD_ENUM method) {
  return method == VSS_RME_STOP_RESTORE_START ||
         method == VSS_RME_RESTORE_STOP_START;
}

}  // namespace

ExpressWriterMetadataCreator::ExpressWriterMetadataCreator(
    std::shared_ptr<coordinator::Service> service,
    metadata::WriterIdentity identity)
    : service_(std::move(service)),
      creator_(com::MakeComObject<metadata::WriterMetadataCreator>(
          std::move(identity))) {}

void ExpressWriterMetadataCreator::Discouraged(const char* call,
                                               std::string_view why) {
  std::string message = "IVssCreateExpressWriterMetadata::";
  message += call;
  message += ": ";
  message += why;
  service_->Violate("express.discouraged-argument", "13.8", std::move(message));
}

HRESULT ExpressWriterMetadataCreator::AddExcludeFiles(LPCWSTR wszPath,
                                                      LPCWSTR wszFilespec,
                                                      bool bRecursive) {
  return creator_->AddExcludeFiles(wszPath, wszFilespec, bRecursive);
}

HRESULT ExpressWriterMetadataCreator::AddComponent(
    VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
    LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon, bool bRestoreMetadata,
    bool bNotifyOnBackupComplete, bool bSelectable, bool bSelectableForRestore,
    DWORD dwComponentFlags) {
  if (!metadata::ExpressComponent(ct, dwComponentFlags)) return E_INVALIDARG;
  const HRESULT hr = creator_->AddComponent(
      ct, wszLogicalPath, wszComponentName, wszCaption, pbIcon, cbIcon,
      bRestoreMetadata, bNotifyOnBackupComplete, bSelectable,
      bSelectableForRestore, dwComponentFlags);
  if (SUCCEEDED(hr) && (bRestoreMetadata || bNotifyOnBackupComplete)) {
    Discouraged("AddComponent",
                "bRestoreMetadata and bNotifyOnBackupComplete are reserved "
                "for express writers and should be false");
  }
  return hr;
}

HRESULT ExpressWriterMetadataCreator::AddFilesToFileGroup(
    LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
    LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
    DWORD dwBackupTypeMask) {
  if (!metadata::ExpressFiles(dwBackupTypeMask, wszAlternateLocation != nullptr)) {
    return E_INVALIDARG;
  }
  return creator_->AddFilesToFileGroup(wszLogicalPath, wszGroupName, wszPath,
                                       wszFilespec, bRecursive, nullptr,
                                       dwBackupTypeMask);
}

HRESULT ExpressWriterMetadataCreator::SetRestoreMethod(
    VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
    LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore,
    bool bRebootRequired) {
  if (!metadata::ExpressRestoreMethod(method, writerRestore)) return E_INVALIDARG;
  const HRESULT hr = creator_->SetRestoreMethod(
      method, wszService, wszUserProcedure, writerRestore, bRebootRequired);
  if (FAILED(hr)) return hr;
  if (wszUserProcedure != nullptr) {
    Discouraged("SetRestoreMethod", "wszUserProcedure is reserved and should be NULL");
  }
  if (StartsService(method) && wszService == nullptr) {
    Discouraged("SetRestoreMethod",
                "a method that stops and starts a service needs the service's name");
  } else if (!StartsService(method) && wszService != nullptr) {
    Discouraged("SetRestoreMethod",
                "wszService should be NULL unless the method stops and starts a service");
  }
  return hr;
}

HRESULT ExpressWriterMetadataCreator::AddComponentDependency(
    LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId,
    LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName) {
  return creator_->AddComponentDependency(wszForLogicalPath,
                                          wszForComponentName, onWriterId,
                                          wszOnLogicalPath, wszOnComponentName);
}

HRESULT ExpressWriterMetadataCreator::SetBackupSchema(DWORD dwSchemaMask) {
  if (!metadata::ExpressBackupSchema(dwSchemaMask)) return E_INVALIDARG;
  return creator_->SetBackupSchema(dwSchemaMask);
}

HRESULT ExpressWriterMetadataCreator::SaveAsXML(BSTR* pbstrXML) {
  return creator_->SaveAsXML(pbstrXML);
}

}  // namespace vssemu::express
