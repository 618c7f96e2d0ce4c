// The reference requester: a complete backup as the documentation lays it
// out (spec 2.1), written against the SDK surface the way a careful backup
// application writes it. Tests use it to drive writers through full, copy,
// incremental and differential backups, in component or non-component mode,
// waiting on or polling each IVssAsync.
//
// Sequence: CreateVssBackupComponents, InitializeForBackup, SetContext (when
// not VSS_CTX_BACKUP), SetBackupState, GatherWriterMetadata, component
// selection (spec 9.5), SetPreviousBackupStamp from the previous document
// (incremental and differential), StartSnapshotSet, AddToSnapshotSet per
// volume, PrepareForBackup, writer status, DoSnapshotSet, writer status,
// GetSnapshotProperties + VssFreeSnapshotProperties per snapshot, the
// file copy to the media (when planned), SetBackupSucceeded per added component, BackupComplete, writer status,
// SaveAsXML, Release. A context without writers skips every writer step.
//
// Contract: RunBackup stops at the first failure (a failed call, a failed
// asynchronous operation, or, with fail_on_writer_error, a writer reported
// in a failed state) and still releases everything; once PrepareForBackup
// has succeeded, it calls AbortBackup before releasing unless BackupComplete
// was reached (spec 4.3). It never throws.
#ifndef VSSEMU_REFERENCE_REQUESTER_REFERENCE_REQUESTER_H_
#define VSSEMU_REFERENCE_REQUESTER_REFERENCE_REQUESTER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <windows.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>

#include <vssemu/reference_requester/backup_media.h>

namespace vssemu::scenario {

// What backup to run.
struct BackupPlan {
  enum class WaitStyle {
    kWait,  // IVssAsync::Wait, then QueryStatus once.
    kPoll,  // QueryStatus until it stops returning VSS_S_ASYNC_PENDING.
  };

  VSS_BACKUP_TYPE type = VSS_BT_FULL;
  bool component_mode = true;
  std::vector<std::wstring> volumes = {L"C:\\"};
  LONG context = VSS_CTX_BACKUP;
  WaitStyle wait = WaitStyle::kWait;
  // Ends with AbortBackup right after PrepareForBackup and its status.
  bool abort_after_prepare = false;
  // The BCD saved by an earlier backup (BackupResult::bcd_xml); for
  // incremental and differential backups its backup stamps are handed back
  // with SetPreviousBackupStamp.
  std::wstring previous_bcd_xml;
  // SetBackupState's bBackupBootableSystemState.
  bool bootable_system_state = false;
  // Adds selectable components too; nonselectable ones are always added.
  bool select_optional_components = true;
  // Treats a writer reported in a failed state as a failure of the backup.
  bool fail_on_writer_error = true;
  // Only these components ("logical\\path\\name", or "name" for one at the
  // root), instead of the selection of spec 9.5; a listed component no
  // writer reports fails the backup with VSS_E_OBJECT_NOT_FOUND.
  std::vector<std::wstring> components;
  // Writer filters (spec 15.1), applied before GatherWriterMetadata:
  // DisableWriterClasses, then EnableWriterClasses (a white list once
  // non-empty), then DisableWriterInstances.
  std::vector<VSS_ID> disabled_classes;
  std::vector<VSS_ID> enabled_classes;
  std::vector<VSS_ID> disabled_instances;
  // Whether the backup ends with SetBackupSucceeded and BackupComplete, and
  // whether it saves the BCD with SaveAsXML.
  bool backup_complete = true;
  bool save_as_xml = true;
  // Whether an early end calls AbortBackup (spec 4.3). A requester that
  // forgets it is what this turns off.
  bool abort_on_early_end = true;
  // Backup media (backup_media.h): when set, the files of the added
  // component sets are copied from the shadow copies after DoSnapshotSet
  // (backup_copy.h, step "CopyFiles"), and the saved document is stored
  // there too. Empty: no file is copied.
  std::filesystem::path media;
  // Called after each step that succeeded (an asynchronous call once its
  // operation finished), with the step's name; scenarios inject faults
  // here. May be empty.
  std::function<void(const std::string& step)> after_step;
};

// One writer as GetWriterStatus(Ex) reported it.
struct WriterStatusRow {
  VSS_ID instance_id = GUID_NULL;
  VSS_ID writer_id = GUID_NULL;
  std::wstring name;
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  HRESULT failure = S_OK;
  HRESULT application_hr = S_OK;
  std::wstring application_message;
};

// A component the requester included explicitly (AddComponent).
struct SelectedComponent {
  VSS_ID instance_id = GUID_NULL;
  VSS_ID writer_id = GUID_NULL;
  VSS_COMPONENT_TYPE type = VSS_CT_UNDEFINED;
  std::wstring logical_path;
  std::wstring name;
  // The stamp handed back with SetPreviousBackupStamp ("" if none).
  std::wstring previous_stamp;
};

// A snapshot of the set, as GetSnapshotProperties reported it.
struct SnapshotInfo {
  VSS_ID snapshot_id = GUID_NULL;
  std::wstring original_volume;
  std::wstring device_object;
};

// What happened.
struct BackupResult {
  // S_OK, or the first failure (a call's HRESULT, an operation's status, or
  // the failed writer's failure code).
  HRESULT hr = S_OK;
  // The step that failed ("" on success), e.g. "DoSnapshotSet".
  std::string failed_step;
  // Every step taken, in order (call names and "status after X").
  std::vector<std::string> steps;
  // AbortBackup was called (plan or failure).
  bool aborted = false;
  // The document SaveAsXML returned ("" when the backup did not get there,
  // and in a context without writers).
  std::wstring bcd_xml;
  VSS_ID snapshot_set_id = GUID_NULL;
  std::vector<SnapshotInfo> snapshots;
  std::vector<SelectedComponent> components;
  // The files copied to the media (empty without media).
  std::vector<MediaFile> files;
  // Why the failed step failed, when the step can say more than its
  // HRESULT ("" otherwise).
  std::string message;
  // Writers found by GatherWriterMetadata.
  UINT writer_count = 0;
  // Writer status after PrepareForBackup, DoSnapshotSet and BackupComplete.
  std::vector<WriterStatusRow> status_after_prepare;
  std::vector<WriterStatusRow> status_after_snapshot;
  std::vector<WriterStatusRow> status_after_complete;

  // Returns true when hr is S_OK.
  bool ok() const { return hr == S_OK; }
  // Returns the last status gathered (empty if none).
  const std::vector<WriterStatusRow>& last_status() const;
  // Returns the row of the writer with that name in the last status, or
  // NULL.
  const WriterStatusRow* FindStatus(const std::wstring& writer_name) const;
};

// Runs one backup as described above.
BackupResult RunBackup(const BackupPlan& plan);

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_REFERENCE_REQUESTER_H_
