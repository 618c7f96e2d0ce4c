// The reference requester's restore (spec 11): a careful backup
// application bringing back what RunBackup put on the media, written
// against the SDK surface.
//
// Sequence: CreateVssBackupComponents, InitializeForRestore (the stored
// document), SetRestoreState, GatherWriterMetadata, SetSelectedForRestore
// per component (a writer that is not running answers
// VSS_E_OBJECT_NOT_FOUND: its files are restored without it, rule 2),
// AddNewTarget per planned new target, SetAdditionalRestores, PreRestore,
// writer status, GetWriterComponents (restore targets), the copy, then per
// component AddAlternativeLocationMapping for mappings used and
// SetFileRestoreStatus, PostRestore, writer status, Release.
//
// Where each file goes, first match wins:
// 1. a planned new target whose file set names the file (spec 11.4);
// 2. the writer's alternate location mapping of the file set (from the
//    stored metadata), when the restore target is VSS_RT_ALTERNATE, or the
//    restore method is VSS_RME_RESTORE_TO_ALTERNATE_LOCATION and the target
//    is not VSS_RT_ORIGINAL_LOCATION (11.2, 11.3);
// 3. its original location.
// VSS_RME_RESTORE_IF_NOT_THERE restores a component only when none of its
// files exists at its destination (else file restore status VSS_RS_NONE);
// the other methods overwrite. Directed targets, reboot-time and
// service-restarting methods are traced by the service but restored like
// VSS_RME_RESTORE_IF_CAN_REPLACE.
//
// Contract: as RunBackup: stops at the first failure, releases everything,
// never throws.
#ifndef VSSEMU_REFERENCE_REQUESTER_REFERENCE_RESTORE_H_
#define VSSEMU_REFERENCE_REQUESTER_REFERENCE_RESTORE_H_

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <vssemu/reference_requester/backup_media.h>
#include <vssemu/reference_requester/reference_requester.h>

namespace vssemu::scenario {

// A new target the requester gives a component's file set (AddNewTarget).
struct NewTarget {
  std::wstring component;  // "logical\path\name".
  MediaFileSet file_set;
  std::wstring destination;  // Replaces the file set's path.
};

// What restore to run.
struct RestorePlan {
  std::filesystem::path media;  // Required: where RunBackup put the files.
  VSS_RESTORE_TYPE type = VSS_RTYPE_BY_COPY;
  // Only these components ("logical\path\name"), else every component of
  // the stored document.
  std::vector<std::wstring> components;
  std::vector<NewTarget> new_targets;
  // SetAdditionalRestores(true) on every component: more restores follow.
  bool additional_restores = false;
  BackupPlan::WaitStyle wait = BackupPlan::WaitStyle::kWait;
  bool fail_on_writer_error = true;
  // Called after each step that succeeded; may be empty.
  std::function<void(const std::string& step)> after_step;
};

// One file the restore handled.
struct RestoredFile {
  std::wstring component;
  std::wstring original;     // Where it was at backup.
  std::wstring destination;  // Where it was restored ("" if it was not).
  std::wstring media_path;   // Its copy on the media.
};

// What happened.
struct RestoreResult {
  HRESULT hr = S_OK;
  std::string failed_step;
  std::string message;
  std::vector<std::string> steps;
  std::vector<RestoredFile> files;
  // Components restored without their writer (it was not running).
  std::vector<std::wstring> without_writer;
  std::vector<WriterStatusRow> status_after_pre_restore;
  std::vector<WriterStatusRow> status_after_post_restore;

  bool ok() const { return hr == S_OK; }
};

// Runs one restore as described above.
RestoreResult RunRestore(const RestorePlan& plan);

// Compares every restored file with its copy on the media, byte for byte;
// returns one line per difference ("" entries never), empty when all match.
std::vector<std::string> VerifyRestoredFiles(const RestorePlan& plan,
                                             const RestoreResult& result);

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_REFERENCE_RESTORE_H_
