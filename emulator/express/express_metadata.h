// IVssCreateExpressWriterMetadata: the object IVssExpressWriter::
// CreateMetadata returns, with which an application describes its express
// writer's file-group components.
//
// Contract: every method applies the express writer rules of its sdk-api
// page, then the general argument checks of the matching
// IVssCreateWriterMetadata method (one WriterMetadataCreator builds the
// document, so both kinds of writer produce the same model and XML), and
// changes nothing when it fails. The express rules (docs/protocol.md 13.8, Q42):
// * E_INVALIDARG, as the express pages list, for what they say is not
//   supported: a component type other than VSS_CT_FILEGROUP; component
//   flags other than VSS_CF_NOT_SYSTEM_STATE; a file mask with the
//   differential, incremental or log backup bits; an alternate location;
//   the restore methods VSS_RME_UNDEFINED, VSS_RME_RESTORE_TO_ALTERNATE_
//   LOCATION and VSS_RME_CUSTOM; a writer-restore other than VSS_WRE_NEVER;
//   a backup schema outside VSS_BS_COPY | VSS_BS_INDEPENDENT_SYSTEM_STATE.
// * Accepted, with a kWarn violation, what the pages say "should" not be
//   passed: bRestoreMetadata or bNotifyOnBackupComplete true (reserved), a
//   user procedure, a service name with a method that starts no service.
#ifndef VSSEMU_EXPRESS_EXPRESS_METADATA_H_
#define VSSEMU_EXPRESS_EXPRESS_METADATA_H_

#include <memory>
#include <string_view>

#include <vswriter.h>

#include "com/com_object.h"
#include "com/com_ptr.h"
#include "metadata/wmd_create.h"

namespace vssemu::coordinator {
class Service;
}

namespace vssemu::express {

// Builds an express writer's Writer Metadata Document.
class ExpressWriterMetadataCreator
    : public com::ComObject<ExpressWriterMetadataCreator,
                            IVssCreateExpressWriterMetadata> {
 public:
  using Queryable = com::InterfaceList<IVssCreateExpressWriterMetadata>;

  // Starts an empty document for the writer with this identity; service
  // receives the violations.
  ExpressWriterMetadataCreator(std::shared_ptr<coordinator::Service> service,
                               metadata::WriterIdentity identity);

  // Returns the document built so far.
  const metadata::WriterMetadata& model() const { return creator_->model(); }

  HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath,
                                            LPCWSTR wszFilespec,
                                            bool bRecursive) override;
  HRESULT STDMETHODCALLTYPE AddComponent(
      VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon,
      bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable,
      bool bSelectableForRestore, DWORD dwComponentFlags) override;
  HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(
      LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
      DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE SetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
      LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore,
      bool bRebootRequired) override;
  HRESULT STDMETHODCALLTYPE AddComponentDependency(
      LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId,
      LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName) override;
  HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;

 private:
  // Reports a discouraged but accepted argument of call.
  void Discouraged(const char* call, std::string_view why);

  std::shared_ptr<coordinator::Service> service_;
  com::ComPtr<metadata::WriterMetadataCreator> creator_;
};

}  // namespace vssemu::express

#endif  // VSSEMU_EXPRESS_EXPRESS_METADATA_H_
