// The restore protocol as the service runs it (spec 11.1): which writers
// receive PreRestore and PostRestore, and with which part of the saved
// Backup Components Document.
//
// Contract: like backup_sequence.h, the Queue* functions append the steps
// of one asynchronous requester call to an Operation and every delivery
// goes through Deliver (so the outcome rules of spec 3.2-3.4 apply). A
// writer takes part only if one of its components in the document is
// selected for restore (participation rule 1). The writer's restore method
// is traced at PreRestore (spec 11.2). Events are withheld by the writer's
// VSS_WRITERRESTORE_ENUM only with the Q29 knob
// service_honours_writer_restore; by default that is the requester's job,
// and selecting a component of a VSS_WRE_NEVER writer is a violation.
#ifndef VSSEMU_COORDINATOR_RESTORE_SEQUENCE_H_
#define VSSEMU_COORDINATOR_RESTORE_SEQUENCE_H_

#include <memory>

#include "coordinator/backup_session.h"
#include "coordinator/operation.h"
#include "coordinator/service.h"

namespace vssemu::coordinator {

// Returns whether an identified writer of class writer_id (or with that
// instance id) runs in this session (participation rule 2).
bool HasLiveWriter(const BackupSession& session, const VSS_ID& writer_id);

// Returns the document entry that restores through participant p: its own
// instance's entry, else the entry of another instance of its class that no
// identified writer owns (the class's first live instance takes it, spec
// 11.1 rule 4); NULL if none.
std::shared_ptr<metadata::BcdWriterComponents> RestoreEntryFor(
    const BackupSession& session, const Participant& p);

// Returns the metadata the first identified writer of class writer_id (or
// with that instance id) reported in this session's gather, or NULL.
const metadata::WriterMetadata* LiveMetadata(const BackupSession& session,
                                             const VSS_ID& writer_id);

// PreRestore: selects the participants and delivers PreRestore to them.
void QueuePreRestore(Service& service, BackupSession& session, Operation& op);

// PostRestore: delivers PostRestore to the writers that received
// PreRestore and did not fail it (Q4 knob: failed writers too).
void QueuePostRestore(Service& service, BackupSession& session, Operation& op);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_RESTORE_SEQUENCE_H_
