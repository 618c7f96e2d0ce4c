// PreRestore and PostRestore delivery (spec 11.1, 3.2 last rows).
#include "coordinator/restore_sequence.h"

#include "coordinator/backup_sequence.h"

namespace vssemu::coordinator {
namespace {

// Returns whether entry has a component the requester selected for restore.
bool HasSelectedComponent(const metadata::BcdWriterComponents& entry) {
  for (const auto& c : entry.components) {
    if (c->selected_for_restore) return true;
  }
  return false;
}

}  // namespace

bool HasLiveWriter(const BackupSession& session, const VSS_ID& writer_id) {
  for (const Participant* p : session.Identified()) {
    const metadata::WriterIdentity& id = p->writer->identity;
    if (id.writer_id == writer_id || id.instance_id == writer_id) return true;
  }
  return false;
}

std::shared_ptr<metadata::BcdWriterComponents> RestoreEntryFor(
    const BackupSession& session, const Participant& p) {
  const metadata::WriterIdentity& me = p.writer->identity;
  if (auto own = session.bcd.FindWriterInstance(me.instance_id)) return own;
  // The instance that was backed up may be gone (a restarted writer gets a
  // new instance id); its class's first live instance stands in for it.
  for (const Participant* other : session.Identified()) {
    if (other->writer->identity.writer_id != me.writer_id) continue;
    if (other != &p) return nullptr;  // An earlier instance takes it.
    break;
  }
  for (const auto& entry : session.bcd.writers) {
    if (entry->writer_id != me.writer_id) continue;
    bool owned = false;
    for (const Participant* other : session.Identified()) {
      owned =
          owned || other->writer->identity.instance_id == entry->instance_id;
    }
    if (!owned) return entry;
  }
  return nullptr;
}

void QueuePreRestore(Service& service, BackupSession& session, Operation& op) {
  for (Participant* p : session.Identified()) {
    p->bcd_entry = RestoreEntryFor(session, *p);
    // Participation rule 1: nothing selected, no restore events.
    p->selected =
        p->bcd_entry != nullptr && HasSelectedComponent(*p->bcd_entry);
    if (!p->selected) continue;
    op.Then([&service, &session, p] {
      p->got_pre_restore = true;
      return Deliver(service, session, *p, WriterEvent::kPreRestore).took;
    });
  }
}

void QueuePostRestore(Service& service, BackupSession& session, Operation& op) {
  for (Participant* p : session.Identified()) {
    if (!p->got_pre_restore) continue;
    // Q4: a writer that failed an event gets no further sequence events.
    if (p->failed &&
        !service.options().knobs.failed_writers_get_sequence_events) {
      continue;
    }
    op.Then([&service, &session, p] {
      return Deliver(service, session, *p, WriterEvent::kPostRestore).took;
    });
  }
}

}  // namespace vssemu::coordinator
