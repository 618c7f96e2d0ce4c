// IVssExamineWriterMetadataEx2: how a requester reads a Writer Metadata
// Document, live (GetWriterMetadata, made from the coordinator's model) or
// stored (CreateVssExamineWriterMetadata, made from XML).
//
// Contract: the object reads a shared, immutable WriterMetadata; component
// views it hands out share that document, so they outlive the object and a
// LoadFromXML (which swaps in a new document only when the whole XML
// loaded). QueryInterface answers IVssExamineWriterMetadata, ...Ex and
// ...Ex2. Every getter rejects NULL out-pointers with E_INVALIDARG before
// writing anything. Out-of-range indexes follow each method's page:
// VSS_E_OBJECT_NOT_FOUND for GetComponent, GetIncludeFile, GetExcludeFile
// and GetAlternateLocationMapping; E_INVALIDARG for
// GetExcludeFromSnapshotFile, whose page lists no VSS_E_OBJECT_NOT_FOUND.
// GetDocument is E_NOTIMPL (no MSXML DOM). GetRestoreMethod reports the
// number of alternate location mappings in *pcMappings.
#ifndef VSSEMU_METADATA_WMD_EXAMINE_H_
#define VSSEMU_METADATA_WMD_EXAMINE_H_

#include <vsbackup.h>

#include <memory>
#include <string>

#include "com/com_object.h"
#include "com/com_ptr.h"
#include "metadata/wmd_model.h"

namespace vssemu::metadata {

// Reads a Writer Metadata Document through IVssExamineWriterMetadataEx2.
class ExamineWriterMetadata
    : public com::ComObject<ExamineWriterMetadata,
                            IVssExamineWriterMetadataEx2> {
 public:
  using Queryable =
      com::InterfaceList<IVssExamineWriterMetadata, IVssExamineWriterMetadataEx,
                         IVssExamineWriterMetadataEx2>;

  // Reads metadata (which must not be null).
  explicit ExamineWriterMetadata(std::shared_ptr<const WriterMetadata> metadata)
      : metadata_(std::move(metadata)) {}

  // Returns the document currently read.
  const std::shared_ptr<const WriterMetadata>& metadata() const {
    return metadata_;
  }

  // IVssExamineWriterMetadata.
  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                        BSTR* pbstrWriterName,
                                        VSS_USAGE_TYPE* pUsage,
                                        VSS_SOURCE_TYPE* pSource) override;
  HRESULT STDMETHODCALLTYPE GetFileCounts(UINT* pcIncludeFiles,
                                          UINT* pcExcludeFiles,
                                          UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE
  GetIncludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE
  GetExcludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE
  GetComponent(UINT iComponent, IVssWMComponent** ppComponent) override;
  HRESULT STDMETHODCALLTYPE GetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM* pMethod, BSTR* pbstrService,
      BSTR* pbstrUserProcedure, VSS_WRITERRESTORE_ENUM* pwriterRestore,
      bool* pbRebootRequired, UINT* pcMappings) override;
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(
      UINT iMapping, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD* pdwSchemaMask) override;
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;
  HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR bstrXML) override;

  // IVssExamineWriterMetadataEx.
  HRESULT STDMETHODCALLTYPE GetIdentityEx(VSS_ID* pidInstance,
                                          VSS_ID* pidWriter,
                                          BSTR* pbstrWriterName,
                                          BSTR* pbstrInstanceName,
                                          VSS_USAGE_TYPE* pUsage,
                                          VSS_SOURCE_TYPE* pSource) override;

  // IVssExamineWriterMetadataEx2.
  HRESULT STDMETHODCALLTYPE GetVersion(DWORD* pdwMajorVersion,
                                       DWORD* pdwMinorVersion) override;
  HRESULT STDMETHODCALLTYPE
  GetExcludeFromSnapshotCount(UINT* pcExcludedFromSnapshot) override;
  HRESULT STDMETHODCALLTYPE
  GetExcludeFromSnapshotFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;

 private:
  std::shared_ptr<const WriterMetadata> metadata_;
};

// Makes a reader over metadata (for the coordinator's GetWriterMetadata).
com::ComPtr<ExamineWriterMetadata> MakeExamineWriterMetadata(
    std::shared_ptr<const WriterMetadata> metadata);

// Loads a stored document into a new reader (CreateVssExamineWriterMetadata):
// E_INVALIDARG for a NULL out, VSS_E_INVALID_XML_DOCUMENT (and *out NULL)
// for NULL, empty, malformed or schema-invalid XML; *error, if given,
// receives the loader's reason.
HRESULT CreateExamineWriterMetadata(BSTR xml, IVssExamineWriterMetadata** out,
                                    std::string* error = nullptr);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_EXAMINE_H_
