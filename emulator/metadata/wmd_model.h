// The Writer Metadata Document (WMD) as plain data: what a writer declares
// in OnIdentify and what a requester reads through IVssExamineWriterMetadata.
//
// Contract: the model holds values only; it has no COM, XML or validation of
// its own beyond the small helpers below. WriterMetadataCreator
// (wmd_create.h) is the only producer that enforces the documented argument
// rules; the XML loader (wmd_xml.h) enforces the same structural rules on
// stored documents. A logical path is never absent: the root is "" (the SDK
// lets writers pass NULL or "" for it, and both mean the same component).
// Every struct compares with ==, so a round trip is checked with one
// EXPECT_EQ.
#ifndef VSSEMU_METADATA_WMD_MODEL_H_
#define VSSEMU_METADATA_WMD_MODEL_H_

#include <vswriter.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <vssemu/metadata/filedesc.h>

namespace vssemu::metadata {

// Who the writer is (CVssWriter::Initialize / CVssWriterEx::InitializeEx).
struct WriterIdentity {
  GUID writer_id = GUID_NULL;    // The writer class id.
  GUID instance_id = GUID_NULL;  // Generated per writer instance by VSS.
  std::wstring writer_name;
  std::optional<std::wstring> instance_name;
  VSS_USAGE_TYPE usage = VSS_UT_UNDEFINED;
  VSS_SOURCE_TYPE source = VSS_ST_UNDEFINED;
  DWORD major_version = 0;
  DWORD minor_version = 0;

  bool operator==(const WriterIdentity&) const = default;
};

// The writer-wide restore method (IVssCreateWriterMetadata::SetRestoreMethod).
struct RestoreMethod {
  VSS_RESTOREMETHOD_ENUM method = VSS_RME_UNDEFINED;
  std::optional<std::wstring> service;
  std::optional<std::wstring> user_procedure;
  VSS_WRITERRESTORE_ENUM writer_restore = VSS_WRE_UNDEFINED;
  bool reboot_required = false;

  bool operator==(const RestoreMethod&) const = default;
};

// A dependency of a component on another writer's component.
struct ComponentDependency {
  GUID writer_id = GUID_NULL;
  std::wstring logical_path;  // "" for the root; may start with \\host\.
  std::wstring component_name;

  bool operator==(const ComponentDependency&) const = default;
};

// One component (database or file group) with its file sets.
struct Component {
  // Provided, so that Component() (emplace_back) sets each member as
  // declared below without first zeroing every byte of the record (value
  // initialization of a class with an implicit constructor does that).
  Component() {}

  VSS_COMPONENT_TYPE type = VSS_CT_FILEGROUP;
  std::wstring logical_path;  // "" for the root.
  std::wstring name;
  BoxedText caption;  // Boxed: most have none.
  std::vector<BYTE> icon;
  bool restore_metadata = false;
  bool notify_on_backup_complete = false;
  bool selectable = false;
  bool selectable_for_restore = false;
  DWORD component_flags = 0;
  // File-group files (AddFilesToFileGroup); alternate_location is the
  // alternate path.
  std::vector<FileSpec> files;
  // Database data files and log files; never recursive, no alternate path.
  std::vector<FileSpec> database_files;
  std::vector<FileSpec> database_log_files;
  std::vector<ComponentDependency> dependencies;

  bool operator==(const Component&) const = default;
};

// A whole Writer Metadata Document.
struct WriterMetadata {
  WriterIdentity identity;
  RestoreMethod restore_method;
  // Explicit include list: unsupported since Windows Server 2003, kept only
  // so that a stored document that has one survives a load/save round trip.
  std::vector<FileSpec> include_files;
  std::vector<FileSpec> exclude_files;
  std::vector<FileSpec> exclude_from_snapshot_files;
  // Restore-time mappings; alternate_location is the destination.
  std::vector<FileSpec> alternate_location_mappings;
  DWORD backup_schema = VSS_BS_UNDEFINED;
  std::vector<Component> components;

  bool operator==(const WriterMetadata&) const = default;
};

// Returns the component with this logical path and name, or nullptr.
const Component* FindComponent(const WriterMetadata& metadata,
                               std::wstring_view logical_path,
                               std::wstring_view name);
// Returns the component with this logical path and name, or nullptr.
Component* FindComponent(WriterMetadata* metadata,
                         std::wstring_view logical_path,
                         std::wstring_view name);

// Returns a component's full path: its logical path and name joined by a
// backslash, or the name alone at the root ("Instances\Main\Orders").
std::wstring FullComponentPath(std::wstring_view logical_path,
                               std::wstring_view name);

// Tells whether a component name is acceptable: not empty, no backslash.
bool IsValidComponentName(std::wstring_view name);

// Tells whether a filespec is acceptable: a pattern without directory parts.
bool IsValidFilespec(std::wstring_view filespec);

// Tells whether value is one of the defined VSS_RESTOREMETHOD_ENUM values.
bool IsDefinedRestoreMethod(VSS_RESTOREMETHOD_ENUM value);
// Tells whether value is one of the defined VSS_WRITERRESTORE_ENUM values.
bool IsDefinedWriterRestore(VSS_WRITERRESTORE_ENUM value);
// Tells whether value is one of the defined VSS_USAGE_TYPE values.
bool IsDefinedUsage(VSS_USAGE_TYPE value);
// Tells whether value is one of the defined VSS_SOURCE_TYPE values.
bool IsDefinedSource(VSS_SOURCE_TYPE value);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_MODEL_H_
