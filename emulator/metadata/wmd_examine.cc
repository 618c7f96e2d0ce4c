#include "metadata/wmd_examine.h"

#include <utility>

#include "com/bstr.h"
#include "metadata/wmd_component_view.h"
#include "metadata/wmd_xml.h"

namespace vssemu::metadata {

HRESULT ExamineWriterMetadata::GetIdentity(VSS_ID* pidInstance,
                                           VSS_ID* pidWriter,
                                           BSTR* pbstrWriterName,
                                           VSS_USAGE_TYPE* pUsage,
                                           VSS_SOURCE_TYPE* pSource) {
  // All pointers are checked first so that a failure allocates nothing the
  // caller would not know to free.
  if (pidInstance == nullptr || pidWriter == nullptr ||
      pbstrWriterName == nullptr || pUsage == nullptr || pSource == nullptr) {
    return E_INVALIDARG;
  }
  const WriterIdentity& identity = metadata_->identity;
  HRESULT hr = com::ReturnBstr(identity.writer_name, pbstrWriterName);
  if (FAILED(hr)) return hr;
  *pidInstance = identity.instance_id;
  *pidWriter = identity.writer_id;
  *pUsage = identity.usage;
  *pSource = identity.source;
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetIdentityEx(
    VSS_ID* pidInstance, VSS_ID* pidWriter, BSTR* pbstrWriterName,
    BSTR* pbstrInstanceName, VSS_USAGE_TYPE* pUsage, VSS_SOURCE_TYPE* pSource) {
  if (pbstrInstanceName == nullptr) return E_INVALIDARG;
  HRESULT hr =
      GetIdentity(pidInstance, pidWriter, pbstrWriterName, pUsage, pSource);
  if (FAILED(hr)) return hr;
  hr = com::ReturnOptionalBstr(metadata_->identity.instance_name,
                               pbstrInstanceName);
  if (FAILED(hr)) {
    SysFreeString(*pbstrWriterName);
    *pbstrWriterName = nullptr;
  }
  return hr;
}

HRESULT ExamineWriterMetadata::GetFileCounts(UINT* pcIncludeFiles,
                                             UINT* pcExcludeFiles,
                                             UINT* pcComponents) {
  if (pcIncludeFiles == nullptr || pcExcludeFiles == nullptr ||
      pcComponents == nullptr) {
    return E_INVALIDARG;
  }
  *pcIncludeFiles = static_cast<UINT>(metadata_->include_files.size());
  *pcExcludeFiles = static_cast<UINT>(metadata_->exclude_files.size());
  *pcComponents = static_cast<UINT>(metadata_->components.size());
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetIncludeFile(UINT iFile,
                                              IVssWMFiledesc** ppFiledesc) {
  // Documented as unsupported; a stored document that still has an include
  // list is served like the exclude list rather than hidden.
  return ReturnIndexedFiledesc(metadata_->include_files, iFile, ppFiledesc,
                               VSS_E_OBJECT_NOT_FOUND);
}

HRESULT ExamineWriterMetadata::GetExcludeFile(UINT iFile,
                                              IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(metadata_->exclude_files, iFile, ppFiledesc,
                               VSS_E_OBJECT_NOT_FOUND);
}

HRESULT ExamineWriterMetadata::GetComponent(UINT iComponent,
                                            IVssWMComponent** ppComponent) {
  if (ppComponent == nullptr) return E_INVALIDARG;
  *ppComponent = nullptr;
  if (iComponent >= metadata_->components.size()) {
    return VSS_E_OBJECT_NOT_FOUND;
  }
  // Aliasing pointer: the view keeps the whole document alive but sees only
  // its component.
  std::shared_ptr<const Component> component(
      metadata_, &metadata_->components[iComponent]);
  *ppComponent =
      com::MakeComObject<WmComponentView>(std::move(component)).detach();
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetRestoreMethod(
    VSS_RESTOREMETHOD_ENUM* pMethod, BSTR* pbstrService,
    BSTR* pbstrUserProcedure, VSS_WRITERRESTORE_ENUM* pwriterRestore,
    bool* pbRebootRequired, UINT* pcMappings) {
  if (pMethod == nullptr || pbstrService == nullptr ||
      pbstrUserProcedure == nullptr || pwriterRestore == nullptr ||
      pbRebootRequired == nullptr || pcMappings == nullptr) {
    return E_INVALIDARG;
  }
  const RestoreMethod& restore = metadata_->restore_method;
  HRESULT hr = com::ReturnOptionalBstr(restore.service, pbstrService);
  if (FAILED(hr)) return hr;
  hr = com::ReturnOptionalBstr(restore.user_procedure, pbstrUserProcedure);
  if (FAILED(hr)) {
    SysFreeString(*pbstrService);
    *pbstrService = nullptr;
    return hr;
  }
  *pMethod = restore.method;
  *pwriterRestore = restore.writer_restore;
  *pbRebootRequired = restore.reboot_required;
  *pcMappings =
      static_cast<UINT>(metadata_->alternate_location_mappings.size());
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetAlternateLocationMapping(
    UINT iMapping, IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(metadata_->alternate_location_mappings, iMapping,
                               ppFiledesc, VSS_E_OBJECT_NOT_FOUND);
}

HRESULT ExamineWriterMetadata::GetBackupSchema(DWORD* pdwSchemaMask) {
  if (pdwSchemaMask == nullptr) return E_INVALIDARG;
  *pdwSchemaMask = metadata_->backup_schema;
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetDocument(IXMLDOMDocument** pDoc) {
  if (pDoc != nullptr) *pDoc = nullptr;
  return E_NOTIMPL;
}

HRESULT ExamineWriterMetadata::SaveAsXML(BSTR* pbstrXML) {
  if (pbstrXML == nullptr) return E_INVALIDARG;
  return com::ReturnBstr(SerializeWriterMetadata(*metadata_), pbstrXML);
}

HRESULT ExamineWriterMetadata::LoadFromXML(BSTR bstrXML) {
  WmdParseResult parsed = ParseWriterMetadata(com::BstrView(bstrXML));
  if (!parsed) return VSS_E_INVALID_XML_DOCUMENT;
  metadata_ =
      std::make_shared<const WriterMetadata>(std::move(*parsed.metadata));
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetVersion(DWORD* pdwMajorVersion,
                                          DWORD* pdwMinorVersion) {
  if (pdwMajorVersion == nullptr || pdwMinorVersion == nullptr) {
    return E_INVALIDARG;
  }
  *pdwMajorVersion = metadata_->identity.major_version;
  *pdwMinorVersion = metadata_->identity.minor_version;
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetExcludeFromSnapshotCount(
    UINT* pcExcludedFromSnapshot) {
  if (pcExcludedFromSnapshot == nullptr) return E_INVALIDARG;
  *pcExcludedFromSnapshot =
      static_cast<UINT>(metadata_->exclude_from_snapshot_files.size());
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetExcludeFromSnapshotFile(
    UINT iFile, IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(metadata_->exclude_from_snapshot_files, iFile,
                               ppFiledesc, E_INVALIDARG);
}

com::ComPtr<ExamineWriterMetadata> MakeExamineWriterMetadata(
    std::shared_ptr<const WriterMetadata> metadata) {
  return com::MakeComObject<ExamineWriterMetadata>(std::move(metadata));
}

HRESULT CreateExamineWriterMetadata(BSTR xml, IVssExamineWriterMetadata** out,
                                    std::string* error) {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  WmdParseResult parsed = ParseWriterMetadata(com::BstrView(xml));
  if (error != nullptr) *error = parsed.error;
  if (!parsed) return VSS_E_INVALID_XML_DOCUMENT;
  *out = MakeExamineWriterMetadata(std::make_shared<const WriterMetadata>(
                                       std::move(*parsed.metadata)))
             .detach();
  return S_OK;
}

}  // namespace vssemu::metadata
