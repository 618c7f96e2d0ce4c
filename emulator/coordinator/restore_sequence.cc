// PreRestore and PostRestore delivery (spec 11.1, 3.2 last rows).
#include "coordinator/restore_sequence.h"

#include <utility>
#include <vector>

#include "coordinator/backup_sequence.h"
#include "metadata/wmd_encoding.h"
#include "metadata/xml_util.h"

namespace vssemu::coordinator {
namespace {

// Returns whether entry has a component the requester selected for restore.
bool HasSelectedComponent(const metadata::BcdWriterComponents& entry) {
  for (const auto& c : entry.components) {
    if (c->selected_for_restore) return true;
  }
  return false;
}

// Returns the writer's VSS_WRITERRESTORE_ENUM from its gathered metadata.
VSS_WRITERRESTORE_ENUM WriterRestoreOf(const Participant& p) {
  return p.metadata != nullptr ? p.metadata->restore_method.writer_restore
                               : VSS_WRE_UNDEFINED;
}

// Traces the restore method a selected writer asked for (spec 11.2) and
// applies its writer-restore setting at PreRestore (rule 3, Q29); returns
// whether the writer receives PreRestore.
bool TakesRestoreEvents(Service& service, const Participant& p) {
  TraceFields fields = {{"writer", p.writer->TraceName()}};
  if (p.metadata != nullptr) {
    const metadata::RestoreMethod& r = p.metadata->restore_method;
    const char* method = metadata::RestoreMethodToString(r.method);
    const char* writer_restore =
        metadata::WriterRestoreToString(r.writer_restore);
    fields.push_back({"method", method != nullptr ? method : "?"});
    fields.push_back(
        {"writer_restore", writer_restore != nullptr ? writer_restore : "?"});
    if (r.service) fields.push_back({"service", metadata::ToUtf8(*r.service)});
    if (r.reboot_required) fields.push_back({"reboot_required", "true"});
  }
  service.Record("restore_method", fields);
  if (WriterRestoreOf(p) != VSS_WRE_NEVER) return true;
  if (service.options().knobs.service_honours_writer_restore) {
    service.Record("skipped", {{"name", "PreRestore"},
                               {"writer", p.writer->TraceName()},
                               {"reason", "writer restore never"}});
    return false;
  }
  // An express writer is always VSS_WRE_NEVER, and restoring its components
  // is the requester's whole part in its restore (Q45): VSS answers its
  // events.
  if (p.writer->express) return true;
  service.Violate("requester.restore-involves-never-writer", "11.1",
                  p.writer->TraceName() +
                      " asked for no restore events (VSS_WRE_NEVER) but has "
                      "a component selected for restore");
  return true;
}

// Applies VSS_WRE_IF_REPLACE_FAILS at PostRestore when the service honours
// it (Q29): the writer hears PostRestore only when a selected component's
// files were not all restored.
bool WantsPostRestore(Service& service, const Participant& p) {
  if (!service.options().knobs.service_honours_writer_restore ||
      WriterRestoreOf(p) != VSS_WRE_IF_REPLACE_FAILS || p.bcd_entry == nullptr) {
    return true;
  }
  for (const auto& c : p.bcd_entry->components) {
    if (c->selected_for_restore &&
        (c->file_restore_status == VSS_RS_NONE ||
         c->file_restore_status == VSS_RS_FAILED)) {
      return true;
    }
  }
  service.Record("skipped", {{"name", "PostRestore"},
                             {"writer", p.writer->TraceName()},
                             {"reason", "restore did not fail"}});
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

const metadata::WriterMetadata* LiveMetadata(const BackupSession& session,
                                             const VSS_ID& writer_id) {
  for (const Participant* p : session.Identified()) {
    const metadata::WriterIdentity& id = p->writer->identity;
    if (id.writer_id == writer_id || id.instance_id == writer_id) {
      return p->metadata.get();
    }
  }
  return nullptr;
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
  std::vector<Participant*> order;
  for (Participant* p : session.Identified()) {
    p->bcd_entry = RestoreEntryFor(session, *p);
    // Participation rule 1: nothing selected, no restore events.
    p->selected =
        p->bcd_entry != nullptr && HasSelectedComponent(*p->bcd_entry);
    if (!p->selected) continue;
    if (!TakesRestoreEvents(service, *p)) {
      p->selected = false;
      continue;
    }
    order.push_back(p);
  }
  QueueInChosenOrder(service, session, op, "order.pre-restore",
                     std::move(order), WriterEvent::kPreRestore,
                     [](Participant& p) { p.got_pre_restore = true; });
}

// VSS_RS_UNDEFINED is not supported for the components of an express
// writer: by PostRestore the requester has said how the files of each one
// it selected were restored (docs/protocol.md 13.8, Q45).
void CheckExpressRestoreStatus(Service& service, const Participant& p) {
  if (!p.writer->express || p.bcd_entry == nullptr) return;
  for (const auto& c : p.bcd_entry->components) {
    if (!c->selected_for_restore || c->file_restore_status != VSS_RS_UNDEFINED) {
      continue;
    }
    std::string message = p.writer->TraceName();
    message += ": component ";
    message += metadata::ToUtf8(metadata::FullComponentPath(c->logical_path, c->name));
    message += " of an express writer has no file restore status at PostRestore "
               "(SetFileRestoreStatus)";
    service.Violate("requester.express-restore-status-undefined", "13.8",
                    std::move(message));
  }
}

void QueuePostRestore(Service& service, BackupSession& session, Operation& op) {
  std::vector<Participant*> order;
  for (Participant* p : session.Identified()) {
    if (!p->got_pre_restore) continue;
    CheckExpressRestoreStatus(service, *p);
    // Q4: a writer that failed an event gets no further sequence events.
    if (p->failed &&
        !service.options().knobs.failed_writers_get_sequence_events) {
      continue;
    }
    if (!WantsPostRestore(service, *p)) continue;
    order.push_back(p);
  }
  QueueInChosenOrder(service, session, op, "order.post-restore",
                     std::move(order), WriterEvent::kPostRestore);
}

}  // namespace vssemu::coordinator
