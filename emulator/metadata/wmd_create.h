// IVssCreateWriterMetadataEx: the object a writer fills in OnIdentify /
// OnIdentifyEx to build its Writer Metadata Document.
//
// Contract: every method applies the argument checks documented on its
// sdk-api page and changes nothing when it fails, so the model is always a
// valid document. The coordinator creates one WriterMetadataCreator per
// Identify event with the writer's identity, passes it to the callback (as
// IVssCreateWriterMetadataEx*, or as a plain IVssCreateWriterMetadata*
// through static_cast), then keeps the result with model() or Take(). The
// object is a ComObject: it starts with one reference and is freed on the
// last Release.
//
// Choices where the documentation is silent (spec section 17 style):
// * AddIncludeFiles returns E_NOTIMPL and records nothing: the page says
//   "Not supported. This method is reserved for system use."
// * GetDocument returns E_NOTIMPL (no MSXML DOM in the emulator).
// * SetRestoreMethod accepts every defined value, including VSS_RME_UNDEFINED
//   and VSS_WRE_UNDEFINED (the enum pages call them a writer error that the
//   requester detects, not an argument error); anything outside the enums is
//   E_INVALIDARG. A missing service name for the stop/start methods is not
//   rejected here either: that is a protocol matter for the checkers.
// * Only NULL makes a required string invalid; "" is accepted (no page
//   rejects it), except that a component name must not be empty.
// * AddComponent: a NULL icon with a non-zero size is E_INVALIDARG; a
//   non-NULL icon with size 0 means "no icon".
// * AddComponentDependency: a dependency on the writer's own class id is
//   E_INVALIDARG ("Dependencies upon components managed by the current
//   writer are not permitted").
// * Argument errors are reported before VSS_E_OBJECT_NOT_FOUND, which is
//   reported before a component-type mismatch (E_INVALIDARG).
#ifndef VSSEMU_METADATA_WMD_CREATE_H_
#define VSSEMU_METADATA_WMD_CREATE_H_

#include <vswriter.h>

#include "com/com_object.h"
#include "metadata/position_index.h"
#include "metadata/wmd_model.h"

namespace vssemu::metadata {

// Builds a Writer Metadata Document through IVssCreateWriterMetadataEx.
class WriterMetadataCreator
    : public com::ComObject<WriterMetadataCreator, IVssCreateWriterMetadataEx> {
 public:
  using Queryable = com::InterfaceList<IVssCreateWriterMetadataEx>;

  // Starts an empty document for the writer with this identity, with room
  // for expected_components components.
  explicit WriterMetadataCreator(WriterIdentity identity,
                                 size_t expected_components = 0);

  // Returns the document built so far.
  const WriterMetadata& model() const { return model_; }
  // Moves the document out; the object then holds an empty document.
  WriterMetadata Take();

  // IVssCreateWriterMetadata.
  HRESULT STDMETHODCALLTYPE
  AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive,
                  LPCWSTR wszAlternateLocation) override;
  HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath,
                                            LPCWSTR wszFilespec,
                                            bool bRecursive) override;
  HRESULT STDMETHODCALLTYPE AddComponent(
      VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon,
      bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable,
      bool bSelectableForRestore, DWORD dwComponentFlags) override;
  HRESULT STDMETHODCALLTYPE AddDatabaseFiles(LPCWSTR wszLogicalPath,
                                             LPCWSTR wszDatabaseName,
                                             LPCWSTR wszPath,
                                             LPCWSTR wszFilespec,
                                             DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE AddDatabaseLogFiles(
      LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(
      LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
      DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE SetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
      LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore,
      bool bRebootRequired) override;
  HRESULT STDMETHODCALLTYPE
  AddAlternateLocationMapping(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec,
                              bool bRecursive, LPCWSTR wszDestination) override;
  HRESULT STDMETHODCALLTYPE AddComponentDependency(
      LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId,
      LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName) override;
  HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) override;
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;

  // IVssCreateWriterMetadataEx.
  HRESULT STDMETHODCALLTYPE AddExcludeFilesFromSnapshot(
      LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive) override;

 private:
  // Shared by the three Add*Files* methods: checks the arguments, finds the
  // component and checks its type, then appends the file set to the list
  // that list picks from it.
  HRESULT AddComponentFiles(LPCWSTR logical_path, LPCWSTR component_name,
                            LPCWSTR path, LPCWSTR filespec,
                            VSS_COMPONENT_TYPE required_type, bool recursive,
                            LPCWSTR alternate_location, DWORD mask,
                            std::vector<FileSpec> Component::*list);

  // Returns the component of model_ with this path and name, or nullptr.
  Component* Find(std::wstring_view logical_path, std::wstring_view name);

  WriterMetadata model_;
  PositionIndex components_;  // Of model_.components.
};

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_CREATE_H_
