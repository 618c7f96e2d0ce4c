#include "metadata/wmd_create.h"

#include <utility>

#include "com/bstr.h"
#include "metadata/component_key.h"
#include "metadata/wmd_xml.h"

namespace vssemu::metadata {
namespace {

// The path/filespec pair every file-set method takes: both required, and
// the filespec may not name directories (spec 9.4).
bool ValidFileArguments(LPCWSTR path, LPCWSTR filespec) {
  return path != nullptr && filespec != nullptr && IsValidFilespec(filespec);
}

FileSpec MakeSpec(std::wstring_view path, std::wstring_view filespec,
                  bool recursive, std::optional<std::wstring> alternate,
                  DWORD mask) {
  FileSpec spec;
  spec.path = path;
  spec.filespec = filespec;
  spec.recursive = recursive;
  spec.alternate_location = std::move(alternate);
  spec.backup_type_mask = mask;
  return spec;
}

}  // namespace

WriterMetadataCreator::WriterMetadataCreator(WriterIdentity identity,
                                             size_t expected_components) {
  model_.identity = std::move(identity);
  model_.components.reserve(expected_components);
}

WriterMetadata WriterMetadataCreator::Take() {
  return std::exchange(model_, WriterMetadata{});
}

HRESULT WriterMetadataCreator::AddIncludeFiles(LPCWSTR, LPCWSTR, bool,
                                               LPCWSTR) {
  // Explicit include lists are unsupported since Windows Server 2003; the
  // method page says so and documents no result, so report "not
  // implemented" rather than pretend the files were recorded.
  return E_NOTIMPL;
}

HRESULT WriterMetadataCreator::AddExcludeFiles(LPCWSTR wszPath,
                                               LPCWSTR wszFilespec,
                                               bool bRecursive) {
  if (!ValidFileArguments(wszPath, wszFilespec)) return E_INVALIDARG;
  model_.exclude_files.push_back(MakeSpec(
      wszPath, wszFilespec, bRecursive, std::nullopt, kDefaultBackupTypeMask));
  return S_OK;
}

HRESULT WriterMetadataCreator::AddComponent(
    VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
    LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon, bool bRestoreMetadata,
    bool bNotifyOnBackupComplete, bool bSelectable, bool bSelectableForRestore,
    DWORD dwComponentFlags) {
  if (ct != VSS_CT_DATABASE && ct != VSS_CT_FILEGROUP) return E_INVALIDARG;
  if (wszComponentName == nullptr) return E_INVALIDARG;
  // Each text is measured once: a writer describes every component on
  // every Identify.
  const std::wstring_view name(wszComponentName);
  if (!IsValidComponentName(name)) return E_INVALIDARG;
  if (pbIcon == nullptr && cbIcon != 0) return E_INVALIDARG;
  const std::wstring_view logical_path = wszLogicalPath != nullptr
                                             ? std::wstring_view(wszLogicalPath)
                                             : std::wstring_view();
  if (Find(logical_path, name) != nullptr) return VSS_E_OBJECT_ALREADY_EXISTS;
  // Starting at four skips the first two regrowths, each of which moves
  // every component already described, and keeps a one-component writer's
  // list in a small block (four are 960 bytes; glibc treats 1,024 and more
  // as large, which costs every run that builds fresh metadata).
  if (model_.components.capacity() == 0) model_.components.reserve(4);
  Component& component = model_.components.emplace_back();
  component.type = ct;
  component.logical_path = logical_path;
  component.name = name;
  component.caption = com::OptionalText(wszCaption);
  if (pbIcon != nullptr) component.icon.assign(pbIcon, pbIcon + cbIcon);
  component.restore_metadata = bRestoreMetadata;
  component.notify_on_backup_complete = bNotifyOnBackupComplete;
  component.selectable = bSelectable;
  component.selectable_for_restore = bSelectableForRestore;
  component.component_flags = dwComponentFlags;
  return S_OK;
}

Component* WriterMetadataCreator::Find(std::wstring_view logical_path,
                                       std::wstring_view name) {
  // The matching rule is FindComponent's (exact, case-sensitive, root "").
  const size_t at = components_.Find(
      model_.components, [&] { return HashPathAndName(logical_path, name); },
      [](const Component& c) { return HashPathAndName(c.logical_path, c.name); },
      [&](const Component& c) {
        return SamePathAndName(c.logical_path, c.name, logical_path, name);
      });
  return at != PositionIndex::kNone ? &model_.components[at] : nullptr;
}

HRESULT WriterMetadataCreator::AddComponentFiles(
    LPCWSTR logical_path, LPCWSTR component_name, LPCWSTR path,
    LPCWSTR filespec, VSS_COMPONENT_TYPE required_type, bool recursive,
    LPCWSTR alternate_location, DWORD mask,
    std::vector<FileSpec> Component::*list) {
  if (component_name == nullptr || !ValidFileArguments(path, filespec)) {
    return E_INVALIDARG;
  }
  Component* component =
      Find(logical_path != nullptr ? std::wstring_view(logical_path)
                                   : std::wstring_view(),
           component_name);
  if (component == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  // The AddFilesToFileGroup page: E_INVALIDARG "if the component is not a
  // file group"; the database pages mirror it for database components.
  if (component->type != required_type) return E_INVALIDARG;
  (component->*list)
      .push_back(MakeSpec(path, filespec, recursive,
                          com::OptionalText(alternate_location), mask));
  return S_OK;
}

HRESULT WriterMetadataCreator::AddDatabaseFiles(LPCWSTR wszLogicalPath,
                                                LPCWSTR wszDatabaseName,
                                                LPCWSTR wszPath,
                                                LPCWSTR wszFilespec,
                                                DWORD dwBackupTypeMask) {
  // Database files are never recursive and have no alternate path.
  return AddComponentFiles(wszLogicalPath, wszDatabaseName, wszPath,
                           wszFilespec, VSS_CT_DATABASE, false, nullptr,
                           dwBackupTypeMask, &Component::database_files);
}

HRESULT WriterMetadataCreator::AddDatabaseLogFiles(LPCWSTR wszLogicalPath,
                                                   LPCWSTR wszDatabaseName,
                                                   LPCWSTR wszPath,
                                                   LPCWSTR wszFilespec,
                                                   DWORD dwBackupTypeMask) {
  return AddComponentFiles(wszLogicalPath, wszDatabaseName, wszPath,
                           wszFilespec, VSS_CT_DATABASE, false, nullptr,
                           dwBackupTypeMask, &Component::database_log_files);
}

HRESULT WriterMetadataCreator::AddFilesToFileGroup(
    LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
    LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
    DWORD dwBackupTypeMask) {
  return AddComponentFiles(wszLogicalPath, wszGroupName, wszPath, wszFilespec,
                           VSS_CT_FILEGROUP, bRecursive, wszAlternateLocation,
                           dwBackupTypeMask, &Component::files);
}

HRESULT WriterMetadataCreator::SetRestoreMethod(
    VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService, LPCWSTR wszUserProcedure,
    VSS_WRITERRESTORE_ENUM writerRestore, bool bRebootRequired) {
  if (!IsDefinedRestoreMethod(method) ||
      !IsDefinedWriterRestore(writerRestore)) {
    return E_INVALIDARG;
  }
  RestoreMethod& restore = model_.restore_method;
  restore.method = method;
  restore.service = com::OptionalText(wszService);
  restore.user_procedure = com::OptionalText(wszUserProcedure);
  restore.writer_restore = writerRestore;
  restore.reboot_required = bRebootRequired;
  return S_OK;
}

HRESULT WriterMetadataCreator::AddAlternateLocationMapping(
    LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec, bool bRecursive,
    LPCWSTR wszDestination) {
  if (!ValidFileArguments(wszSourcePath, wszSourceFilespec) ||
      wszDestination == nullptr) {
    return E_INVALIDARG;
  }
  model_.alternate_location_mappings.push_back(
      MakeSpec(wszSourcePath, wszSourceFilespec, bRecursive,
               std::wstring(wszDestination), kDefaultBackupTypeMask));
  return S_OK;
}

HRESULT WriterMetadataCreator::AddComponentDependency(
    LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId,
    LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName) {
  if (wszForComponentName == nullptr || wszOnComponentName == nullptr ||
      onWriterId == model_.identity.writer_id) {
    return E_INVALIDARG;
  }
  Component* component = Find(
      wszForLogicalPath != nullptr ? wszForLogicalPath : L"", wszForComponentName);
  if (component == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  component->dependencies.push_back(ComponentDependency{
      onWriterId, com::TextOrEmpty(wszOnLogicalPath), wszOnComponentName});
  return S_OK;
}

HRESULT WriterMetadataCreator::SetBackupSchema(DWORD dwSchemaMask) {
  model_.backup_schema = dwSchemaMask;
  return S_OK;
}

HRESULT WriterMetadataCreator::GetDocument(IXMLDOMDocument** pDoc) {
  if (pDoc != nullptr) *pDoc = nullptr;
  return E_NOTIMPL;
}

HRESULT WriterMetadataCreator::SaveAsXML(BSTR* pbstrXML) {
  return com::ReturnBstr(SerializeWriterMetadata(model_), pbstrXML);
}

HRESULT WriterMetadataCreator::AddExcludeFilesFromSnapshot(LPCWSTR wszPath,
                                                           LPCWSTR wszFilespec,
                                                           bool bRecursive) {
  if (!ValidFileArguments(wszPath, wszFilespec)) return E_INVALIDARG;
  model_.exclude_from_snapshot_files.push_back(MakeSpec(
      wszPath, wszFilespec, bRecursive, std::nullopt, kDefaultBackupTypeMask));
  return S_OK;
}

}  // namespace vssemu::metadata
