// The Backup Components Document (BCD) as plain data: what the requester
// chose to back up or restore, and what writers recorded about it
// (protocol.md section 10.3).
//
// Contract: these types hold values only; they check nothing. The requester
// operations (bcd_requester_ops.h) and the writer-side views
// (bcd_component.h) enforce the argument rules, the XML layer (bcd_xml.h)
// reads and writes the document. Writers and components are held through
// shared_ptr so that a COM view handed to a writer or requester stays valid
// while the document changes or is dropped; copying a BackupComponentsDocument
// is therefore explicit (Clone). operator== compares contents, never
// identity. Optional strings are std::optional: absent means the getter hands
// out a NULL BSTR. The document never depends on the Writer Metadata Document.
#ifndef VSSEMU_METADATA_BCD_MODEL_H_
#define VSSEMU_METADATA_BCD_MODEL_H_

#include <vss.h>
#include <vswriter.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metadata/filedesc.h"
#include "metadata/position_index.h"

namespace vssemu::metadata {

// A file the writer wants backed up only in part
// (IVssComponent::AddPartialFile).
struct BcdPartialFile {
  std::wstring path;
  std::wstring filename;
  // "offset:length,..." or the path of a binary ranges file, as the writer
  // gave it at backup.
  std::wstring ranges;
  std::optional<std::wstring> metadata;
  // Where the requester moved the ranges file at restore (SetRangesFilePath);
  // when present, GetPartialFile reports it instead of ranges.
  std::optional<std::wstring> relocated_ranges;

  // Returns the ranges a reader sees: the relocated file if any.
  const std::wstring& effective_ranges() const {
    return relocated_ranges ? *relocated_ranges : ranges;
  }
  bool operator==(const BcdPartialFile&) const = default;
};

// Files the writer marks as changed since the last backup
// (AddDifferencedFilesByLastModifyTime / ...LSN).
struct BcdDifferencedFile {
  std::wstring path;
  std::wstring filespec;
  bool recursive = false;
  // Set by the LSN variant only.
  std::optional<std::wstring> lsn;
  // FILETIME as one number (100 ns units since 1601, UTC); 0 = "not given".
  std::uint64_t last_modify_time = 0;

  bool operator==(const BcdDifferencedFile&) const = default;
};

// A subcomponent the requester restores alone (AddRestoreSubcomponent).
struct BcdRestoreSubcomponent {
  std::wstring logical_path;  // "" = root.
  std::wstring name;
  bool repair = false;

  bool operator==(const BcdRestoreSubcomponent&) const = default;
};

// A writer's file-by-file restore redirection (AddDirectedTarget).
struct BcdDirectedTarget {
  std::wstring source_path;
  std::wstring source_filename;
  std::optional<std::wstring> source_ranges;
  std::wstring destination_path;
  std::wstring destination_filename;
  std::optional<std::wstring> destination_ranges;

  bool operator==(const BcdDirectedTarget&) const = default;
};

// A component-level failure (IVssComponentEx2::SetFailure); all defaults
// mean "no failure reported".
struct BcdComponentFailure {
  HRESULT hr = S_OK;
  HRESULT hr_application = S_OK;
  BoxedText message;
  DWORD reserved = 0;

  bool operator==(const BcdComponentFailure&) const = default;
};

// One explicitly included component and everything stored about it.
struct BcdComponent {
  // Provided, so that BcdComponent() sets each member as declared below
  // and does not first zero every byte of the record as value
  // initialization of a class with an implicit constructor does: a
  // requester adds one per component on every backup.
  BcdComponent() {}

  VSS_COMPONENT_TYPE type = VSS_CT_FILEGROUP;
  std::wstring logical_path;  // "" = root.
  std::wstring name;

  // Backup time.
  bool backup_succeeded = false;
  // SetBackupSucceeded was called for it in this backup (not saved: the
  // requester's obligation of spec 9.5).
  bool backup_reported = false;
  BoxedText backup_options;
  BoxedText backup_metadata;
  BoxedText backup_stamp;
  BoxedText previous_backup_stamp;
  std::vector<BcdPartialFile> partial_files;
  std::vector<BcdDifferencedFile> differenced_files;
  BoxedText prepare_for_backup_failure_msg;
  BoxedText post_snapshot_failure_msg;

  // Restore time.
  bool selected_for_restore = false;
  std::vector<BcdRestoreSubcomponent> restore_subcomponents;
  bool additional_restores = false;
  BoxedText restore_options;
  BoxedText restore_metadata;
  // Default per protocol.md 11.3: obey the restore method.
  VSS_RESTORE_TARGET restore_target = VSS_RT_ORIGINAL;
  std::vector<BcdDirectedTarget> directed_targets;
  std::vector<FileSpec> new_targets;  // alternate_location = new path.
  // alternate_location = destination.
  std::vector<FileSpec> alternate_location_mappings;
  VSS_FILE_RESTORE_STATUS file_restore_status = VSS_RS_UNDEFINED;
  BoxedText pre_restore_failure_msg;
  BoxedText post_restore_failure_msg;
  bool authoritative_restore = false;
  VSS_ROLLFORWARD_TYPE roll_forward_type = VSS_RF_UNDEFINED;
  BoxedText roll_forward_point;
  BoxedText restore_name;

  // Any time a writer holds the component.
  BcdComponentFailure failure;

  // Returns whether this component has the given identity (NULL path = "").
  bool Matches(VSS_COMPONENT_TYPE ct, std::wstring_view logical_path_in,
               std::wstring_view name_in) const;
  bool operator==(const BcdComponent&) const = default;
};

// Makes a component, empty or a copy, for a document's list. Its memory
// comes from the block cache (memory/block_cache.h): a requester adds every
// component of a backup and the backup drops them all at its end, more of
// one size than the general heap keeps ready.
std::shared_ptr<BcdComponent> MakeBcdComponent();
std::shared_ptr<BcdComponent> MakeBcdComponent(const BcdComponent& copy);

// The components of one writer instance (WRITER_COMPONENTS).
struct BcdWriterComponents {
  VSS_ID instance_id = GUID_NULL;
  VSS_ID writer_id = GUID_NULL;  // The writer class.
  std::optional<std::wstring> instance_name;
  DWORD backup_schema = 0;
  std::vector<std::shared_ptr<BcdComponent>> components;

  // Returns a deep copy (no component shared with this one).
  BcdWriterComponents Clone() const;
  // Returns the component with that path and name, of any type, or a null
  // pointer. The reference is to the entry's own pointer (no reference
  // count is taken: lookups are on every requester call), valid until the
  // entry's components change; copy it to keep the component.
  const std::shared_ptr<BcdComponent>& FindByPathAndName(
      std::wstring_view logical_path, std::wstring_view name) const;
  // Erases that component (the same object) from components.
  void EraseComponent(const std::shared_ptr<BcdComponent>& component);
  // Compares contents, component by component.
  bool operator==(const BcdWriterComponents& other) const;

 private:
  PositionIndex by_path_and_name_;
};

// A volume added to the snapshot set (AddToSnapshotSet); stored, never read
// back through the SDK (protocol.md 10.3).
struct BcdSnapshot {
  std::wstring volume_name;
  VSS_ID snapshot_id = GUID_NULL;
  VSS_ID provider_id = GUID_NULL;

  bool operator==(const BcdSnapshot&) const = default;
};

// The whole document: operation state plus one entry per writer instance
// that has explicitly included components.
class BackupComponentsDocument {
 public:
  BackupComponentsDocument() = default;
  BackupComponentsDocument(BackupComponentsDocument&&) = default;
  BackupComponentsDocument& operator=(BackupComponentsDocument&&) = default;
  // Copies would silently share writers and components; use Clone.
  BackupComponentsDocument(const BackupComponentsDocument&) = delete;
  BackupComponentsDocument& operator=(const BackupComponentsDocument&) = delete;

  // Returns a deep copy that shares nothing with this document.
  BackupComponentsDocument Clone() const;
  // Returns the entry of that writer instance, or a null pointer; like
  // FindByPathAndName, a reference valid until the writers change.
  const std::shared_ptr<BcdWriterComponents>& FindWriterInstance(
      const VSS_ID& instance_id) const;
  // Erases that writer instance's entry (the same object) from writers.
  void EraseWriter(const std::shared_ptr<BcdWriterComponents>& writer);
  // Compares contents, writer by writer.
  bool operator==(const BackupComponentsDocument& other) const;

  // SetBackupState.
  bool select_components = false;
  bool bootable_system_state = false;
  VSS_BACKUP_TYPE backup_type = VSS_BT_UNDEFINED;
  bool partial_file_support = false;
  // SetRestoreState; writers treat UNDEFINED as BY_COPY.
  VSS_RESTORE_TYPE restore_type = VSS_RTYPE_UNDEFINED;
  VSS_ID snapshot_set_id = GUID_NULL;
  LONG context = VSS_CTX_BACKUP;
  std::vector<BcdSnapshot> snapshots;
  std::vector<std::shared_ptr<BcdWriterComponents>> writers;

 private:
  PositionIndex by_instance_;
};

// Returns whether ancestor (its logical path + "\" + its name) is a proper
// ancestor of a component at descendant_path, by whole path elements
// (protocol.md 9.2).
bool IsAncestorPath(std::wstring_view ancestor_path,
                    std::wstring_view ancestor_name,
                    std::wstring_view descendant_path);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_MODEL_H_
