// The rules on what a writer records in the Backup Components Document for
// incremental and differential backups (spec 12.4-12.6), checked once its
// PostSnapshot has run, when everything it may add during a backup is in.
//
// Contract: reports each broken rule as a violation (the documentation
// names no error code for them, so nothing the writer or the requester sees
// changes). Rules:
//   writer.stamp-without-timestamped-schema   SetBackupStamp without
//                                             VSS_BS_TIMESTAMPED (12.4)
//   writer.differenced-files-wrong-backup     differenced files in a backup
//                                             that is neither incremental
//                                             nor differential (12.5)
//   writer.differenced-files-unsupported      ... in an incremental backup
//                                             without VSS_BS_INCREMENTAL, a
//                                             differential one without
//                                             VSS_BS_DIFFERENTIAL, or by
//                                             time without
//                                             VSS_BS_LAST_MODIFY (12.5)
//   writer.partial-file-without-support       AddPartialFile although the
//                                             requester did not enable
//                                             partial files (12.6)
//   writer.partial-file-bad-ranges            ranges that are neither an
//                                             offset:length list nor a
//                                             full path (12.6)
//   writer.file-differenced-and-partial       one file both (12.5)
#ifndef VSSEMU_COORDINATOR_BACKUP_DATA_RULES_H_
#define VSSEMU_COORDINATOR_BACKUP_DATA_RULES_H_

#include <string_view>

#include "coordinator/backup_session.h"
#include "coordinator/service.h"

namespace vssemu::coordinator {

// Checks participant p's components in the session's document.
void CheckWriterBackupData(Service& service, const BackupSession& session,
                           const Participant& p);

// Returns whether ranges is a valid "offset:length,..." list (each number
// decimal or 0x hex, 64-bit) or a full path to a ranges file.
bool IsValidRanges(std::wstring_view ranges);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_BACKUP_DATA_RULES_H_
