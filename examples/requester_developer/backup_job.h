// A backup job as a backup application writes one: a full component-mode
// backup of every writer's components on C:\, with a switch for a bug seen
// in the field (releasing the backup object after a failed DoSnapshotSet
// without AbortBackup, which leaves the writers' state to VSS).
#ifndef BACKUP_JOB_H_
#define BACKUP_JOB_H_

#include <windows.h>
#include <vss.h>

struct BackupJobOptions {
  bool forget_abort_after_failure = false;  // The bug.
};

// Runs the backup; S_OK, or the first failure.
HRESULT RunBackupJob(const BackupJobOptions& options);

#endif  // BACKUP_JOB_H_
