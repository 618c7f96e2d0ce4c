// The reference requester's file copy (spec 9.4, 9.5, 12.7): after
// DoSnapshotSet, the files of every component set it added are read from
// the shadow copies (through vssemu::HostPath, as a Windows requester opens
// \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\...) and copied to the
// backup media with the writers' metadata documents and a manifest
// (backup_media.h).
//
// What is copied, in the processing order of spec 12.7:
// 1. Differenced files (incremental and differential backups): a file that a
//    writer named with AddDifferencedFilesByLastModifyTime and a non-zero
//    time is copied only when it changed after that time.
// 2. Partial files are copied whole (the emulated volumes are small; the
//    ranges stay in the document for the writer).
// 3. Every other file of the component set's file sets, except the files
//    the writer excludes (AddExcludeFiles).
// A volume without files (no host folder) contributes nothing; a file set on
// a volume that is not in the snapshot set fails the copy with
// VSS_E_OBJECT_NOT_FOUND, as a requester that forgot a volume would.
#ifndef VSSEMU_REFERENCE_REQUESTER_BACKUP_COPY_H_
#define VSSEMU_REFERENCE_REQUESTER_BACKUP_COPY_H_

#include <string>

#include <vssemu/reference_requester/reference_requester.h>

namespace vssemu::scenario {

// Copies the backup's files to plan.media (which must be set); fills
// result->files. Returns S_OK or the failure, with *error explaining it.
HRESULT CopyBackupFiles(IVssBackupComponents* backup, const BackupPlan& plan,
                        BackupResult* result, std::string* error);

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_BACKUP_COPY_H_
