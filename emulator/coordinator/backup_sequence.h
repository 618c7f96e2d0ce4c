// The backup protocol as the service runs it: which writers receive which
// event, in which order, and what each outcome does to the writer's state
// (spec sections 2-6, with the defaults of section 17).
//
// Contract: the Queue* functions append the steps of one asynchronous
// requester call to an Operation; the Deliver* functions run synchronous
// events (AbortBackup, BackupShutdown) at once. Every delivery goes through
// Service::RunCallback and is traced.
#ifndef VSSEMU_COORDINATOR_BACKUP_SEQUENCE_H_
#define VSSEMU_COORDINATOR_BACKUP_SEQUENCE_H_

#include <string_view>
#include <vector>

#include "coordinator/backup_session.h"
#include "coordinator/operation.h"
#include "coordinator/service.h"

namespace vssemu::coordinator {

// What one delivery did.
struct Delivery {
  sim::Duration took{0};  // Virtual time the callback took.
  bool returned = true;   // The callback's return value.
};

// Delivers event to participant p, applies the outcome to its state
// (spec 3.2-3.4) and reports what happened. Does not raise Aborts: callers
// decide who else is affected.
Delivery Deliver(Service& service, BackupSession& session, Participant& p,
                 WriterEvent event);

// Queues event to each of writers, in the order the run chooses at site
// (spec 6.2, Q20; choice_points.h); mark, when given, runs on each writer
// just before its delivery.
void QueueInChosenOrder(Service& service, BackupSession& session,
                        Operation& op, std::string_view site,
                        std::vector<Participant*> writers, WriterEvent event,
                        void (*mark)(Participant&) = nullptr);

// GatherWriterMetadata: Identify to every subscribed, enabled writer.
void QueueIdentify(Service& service, BackupSession& session, Operation& op);

// GatherWriterStatus: freezes the status rows of the identified writers.
void QueueStatusGather(Service& service, BackupSession& session,
                       Operation& op);

// PrepareForBackup: selects the participants and delivers PrepareForBackup.
void QueuePrepareForBackup(Service& service, BackupSession& session,
                           Operation& op);

// DoSnapshotSet: PrepareForSnapshot, Freeze by level, the provider commit,
// Thaw and PostSnapshot, with the freeze windows on virtual time.
void QueueSnapshotSet(Service& service, BackupSession& session, Operation& op);

// BackupComplete: BackupComplete to the participants still in the backup.
void QueueBackupComplete(Service& service, BackupSession& session,
                         Operation& op);

// Aborts one participant: ends its freeze window, delivers Abort and keeps
// the state it had (Q7); returns the time OnAbort took.
sim::Duration AbortParticipant(Service& service, BackupSession& session,
                               Participant& p);

// AbortBackup: Abort to every participant that received PrepareForBackup and
// has not handled PostSnapshot (spec 4.2); returns how many were aborted.
size_t DeliverAbortBackup(Service& service, BackupSession& session);

// Spec 6.3: Identify may overlap any other operation. An exploring run may
// insert, at a chosen place among op's steps (choice site
// intruder.identify), another requester's GatherWriterMetadata: Identify to
// every subscribed writer, in a session of its own.
void QueueIntruder(Service& service, Operation& op);

// Final Release of a backup object: BackupShutdown to every participant
// that received PrepareForBackup (spec 4.4, Q16); an exploring run may
// deliver it a second of virtual time later (choice site shutdown.delay).
void DeliverBackupShutdown(Service& service, BackupSession& session);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_BACKUP_SEQUENCE_H_
