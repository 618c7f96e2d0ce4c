// Event delivery and the outcome rules of spec 3.2-3.4. The snapshot
// sequence itself (DoSnapshotSet) lives in snapshot_sequence.cc.
#include "coordinator/backup_sequence.h"

#include <vsserror.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "com/com_object.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/wmd_create.h"

namespace vssemu::coordinator {
namespace {

// Makes the writer-side IVssWriterComponents for a callback in *view, or
// leaves it empty when the writer has no component in the document
// (non-component mode, or nothing selected), as the SDK passes NULL then.
void ComponentsFor(BackupSession& session, Participant& p,
                   std::optional<metadata::BcdWriterComponentsView>* view) {
  // A restore is always in component mode (spec 11.1 step 7), whatever the
  // saved document says about the backup.
  const bool component_mode =
      session.kind == BackupSession::Kind::kRestore ||
      session.bcd.select_components;
  if (!p.bcd_entry || !component_mode) return;
  view->emplace(p.bcd_entry, p.access);
}

// Calls the On* method of event on writer; IVssWriterComponents* events get
// the document view.
bool CallWriter(Service& service, BackupSession& session, Participant& p,
                WriterEvent event,
                std::shared_ptr<const metadata::WriterMetadata>* identified) {
  WriterRecord& w = *p.writer;
  if (w.express) {
    // VSS answers for an express writer: its registered metadata at
    // Identify, success at every other event (docs/protocol.md, Q40).
    if (event == WriterEvent::kIdentify) *identified = w.express;
    return true;
  }
  CVssWriter* writer = w.writer;
  // The view lives for the callback only, as the SDK's does.
  std::optional<metadata::BcdWriterComponentsView> components;
  ComponentsFor(session, p, &components);
  IVssWriterComponents* view = components ? &*components : nullptr;
  switch (event) {
    case WriterEvent::kIdentify: {
      auto creator = com::MakeComObject<metadata::WriterMetadataCreator>(
          w.identity, w.components_identified);
      // Spec Q12: writers made by CreateWriterEx get OnIdentifyEx.
      bool ok = w.writer_ex != nullptr
                    ? w.writer_ex->OnIdentifyEx(creator.get())
                    : writer->OnIdentify(
                          static_cast<IVssCreateWriterMetadata*>(creator.get()));
      *identified =
          std::make_shared<const metadata::WriterMetadata>(creator->Take());
      w.components_identified = (*identified)->components.size();
      return ok;
    }
    case WriterEvent::kPrepareForBackup: return writer->OnPrepareBackup(view);
    case WriterEvent::kPrepareForSnapshot: return writer->OnPrepareSnapshot();
    case WriterEvent::kFreeze: return writer->OnFreeze();
    case WriterEvent::kThaw: return writer->OnThaw();
    case WriterEvent::kPostSnapshot: return writer->OnPostSnapshot(view);
    case WriterEvent::kAbort: return writer->OnAbort();
    case WriterEvent::kBackupComplete: return writer->OnBackupComplete(view);
    case WriterEvent::kBackupShutdown:
      // Spec 4.4: the id of the set, GUID_NULL if none was created.
      return writer->OnBackupShutdown(
          session.snapshot_done ? session.snapshot_set_id : GUID_NULL);
    case WriterEvent::kPreRestore: return writer->OnPreRestore(view);
    case WriterEvent::kPostRestore: return writer->OnPostRestore(view);
    case WriterEvent::kNone: break;
  }
  (void)service;
  return true;
}

void RecordState(Service& service, const Participant& p) {
  if (!service.tracing()) return;
  const com::HresultText failure(p.failure.hr);
  TraceField fields[3] = {{"writer", p.writer->TraceName()},
                          {"state", WriterStateName(p.state)},
                          {"failure", failure}};
  service.Record("state", std::span<const TraceField>(
                              fields, p.failure.hr != S_OK ? 3 : 2));
}

}  // namespace

Delivery Deliver(Service& service, BackupSession& session, Participant& p,
                 WriterEvent event) {
  WriterRecord& w = *p.writer;
  if (!w.alive() || p.gone) {
    // Spec Q3: a writer that left mid-session does not respond.
    p.failure = WriterFailure{VSS_E_WRITER_NOT_RESPONDING, S_FALSE, {}};
    service.Record("skipped", {{"name", EventName(event)},
                               {"writer", w.TraceName()},
                               {"reason", "writer gone"}});
    return Delivery{sim::Duration(0), false};
  }
  const VSS_WRITER_STATE before = p.state;
  std::shared_ptr<const metadata::WriterMetadata> identified;
  CallbackOutcome outcome = service.RunCallback(
      w, &session, &p, event,
      [&] { return CallWriter(service, session, p, event, &identified); });

  if (event == WriterEvent::kIdentify) {
    if (outcome.failure) {
      service.Violate("writer.failure-in-identify", "3.4",
                      w.TraceName() +
                          " called SetWriterFailure inside OnIdentify");
    }
    if (outcome.returned) session.MarkIdentified(&p);
    p.state = outcome.returned ? VSS_WS_STABLE : VSS_WS_FAILED_AT_IDENTIFY;
    if (outcome.returned) p.metadata = std::move(identified);
    RecordState(service, p);
    service.monitor().OnState(p, event, before);
    return Delivery{outcome.spent, outcome.returned};
  }

  if (event == WriterEvent::kAbort) {
    // Spec Q7: the state after an Abort is the state before it, whatever
    // OnAbort returned.
    return Delivery{outcome.spent, outcome.returned};
  }
  const bool failure_set = outcome.failure && outcome.failure->hr != S_OK;
  if (outcome.returned && !failure_set) {
    // A writer that failed earlier in the session keeps reporting that
    // failure (a Thaw after a failed Freeze, Q10a; later events with the Q4
    // knob); BackupShutdown ends the session and returns it to stable.
    if (!p.failed || event == WriterEvent::kBackupShutdown) {
      p.state = StateAfterSuccess(event);
    }
    if (outcome.failure) p.failure = *outcome.failure;  // S_OK with details.
  } else {
    p.state = StateAfterFailure(event);
    p.failed = true;
    p.failure = failure_set
                    ? *outcome.failure
                    : WriterFailure{service.options().knobs.false_without_failure_hr,
                                    S_FALSE,
                                    {}};
  }
  RecordState(service, p);
  service.monitor().OnState(p, event, before);
  return Delivery{outcome.spent, outcome.returned};
}

void QueueInChosenOrder(Service& service, BackupSession& session,
                        Operation& op, std::string_view site,
                        std::vector<Participant*> writers, WriterEvent event,
                        void (*mark)(Participant&)) {
  service.choice_points().Order(site, &writers);
  for (Participant* p : writers) {
    op.Then([&service, &session, p, event, mark] {
      if (mark != nullptr) mark(*p);
      return Deliver(service, session, *p, event).took;
    });
  }
}

void QueueIdentify(Service& service, BackupSession& session, Operation& op) {
  std::vector<Participant*> order;
  order.reserve(service.writers().size());
  session.participants.reserve(session.participants.size() +
                               service.writers().size());
  for (const auto& writer : service.writers()) {
    if (!writer->subscribed || !writer->alive()) continue;
    // Spec 15.1: disabled classes and instances receive no event at all.
    if (session.FiltersOut(*writer)) {
      service.Record("filtered", {{"writer", writer->TraceName()}});
      continue;
    }
    order.push_back(session.AddParticipant(writer));
  }
  // Spec Q20: Identify has no documented order across writers; the metadata
  // lists follow the order in which the writers answered.
  QueueInChosenOrder(service, session, op, "order.identify", std::move(order),
                     WriterEvent::kIdentify);
}

void QueueStatusGather(Service& service, BackupSession& session,
                       Operation& op) {
  op.Then([&service, &session] {
    session.status.clear();
    // Spec 3.2: only writers whose Identify succeeded for this requester.
    for (Participant* p : session.Identified()) {
      const metadata::WriterIdentity& id = p->writer->identity;
      session.status.push_back(
          StatusEntry{id.instance_id, id.writer_id, id.writer_name, p->state,
                      p->failure});
    }
    service.Record("status", {{"requester", std::to_string(session.id)},
                              {"writers", std::to_string(session.status.size())}});
    return sim::Duration(0);
  });
}

void QueuePrepareForBackup(Service& service, BackupSession& session,
                           Operation& op) {
  const bool component_mode = session.bcd.select_components;
  std::vector<Participant*> order;
  order.reserve(session.Identified().size());
  for (Participant* p : session.Identified()) {
    // Spec 9.2 / Q39: in component mode a writer with no explicitly
    // added component takes no further part; in non-component mode every
    // identified writer does (Q2).
    p->bcd_entry = session.bcd.FindWriterInstance(p->writer->identity.instance_id);
    p->selected = !component_mode || p->bcd_entry != nullptr;
    if (!p->selected &&
        !service.options().knobs.unselected_writers_get_prepare_backup) {
      continue;
    }
    order.push_back(p);
  }
  QueueInChosenOrder(service, session, op, "order.prepare-backup",
                     std::move(order), WriterEvent::kPrepareForBackup,
                     [](Participant& p) { p.got_prepare_backup = true; });
}

void QueueBackupComplete(Service& service, BackupSession& session,
                         Operation& op) {
  std::vector<Participant*> order;
  order.reserve(session.Identified().size());
  for (Participant* p : session.Identified()) {
    if (!p->selected || p->aborted) continue;
    if (p->failed && !service.options().knobs.failed_writers_get_sequence_events) {
      continue;
    }
    order.push_back(p);
  }
  QueueInChosenOrder(service, session, op, "order.backup-complete",
                     std::move(order), WriterEvent::kBackupComplete);
}

sim::Duration AbortParticipant(Service& service, BackupSession& session,
                               Participant& p) {
  if (p.freeze_timer) {
    service.scheduler().Cancel(*p.freeze_timer);
    p.freeze_timer.reset();
  }
  p.frozen = false;
  sim::Duration took = Deliver(service, session, p, WriterEvent::kAbort).took;
  p.aborted = true;
  // Spec 4.2: a writer may receive Abort more than once.
  if (service.choice_points().Choose(
          service.options().exploration.repeated_abort, "abort.repeat", 2) ==
      1) {
    took += Deliver(service, session, p, WriterEvent::kAbort).took;
  }
  return took;
}

size_t DeliverAbortBackup(Service& service, BackupSession& session) {
  size_t count = 0;
  std::vector<Participant*> order;
  for (auto& participant : session.participants) {
    // Spec 4.2: never after PostSnapshot; Q4: failed writers still get it.
    if (!participant->got_prepare_backup || participant->post_snapshot_done) {
      continue;
    }
    order.push_back(participant.get());
  }
  service.choice_points().Order("order.abort", &order);
  for (Participant* participant : order) {
    Participant& p = *participant;
    sim::Duration took = AbortParticipant(service, session, p);
    ++count;
    // AbortBackup is synchronous: the time OnAbort took passes now.
    service.scheduler().RunUntil([] { return false; }, service.now() + took);
  }
  return count;
}

void QueueIntruder(Service& service, Operation& op) {
  const size_t place = service.choice_points().Choose(
      service.options().exploration.second_requester, "intruder.identify",
      op.steps_left() + 1);
  if (place == 0) return;
  op.InsertAt(place - 1, [&service]() -> sim::Duration {
    BackupSession other(service.NextRequester(), service.ids().Next());
    other.kind = BackupSession::Kind::kBackup;
    service.Record("note", {{"requester", "requester#" + std::to_string(other.id)},
                            {"intruder", "GatherWriterMetadata"}});
    sim::Duration took{0};
    for (const auto& writer : service.writers()) {
      if (!writer->subscribed || !writer->alive()) continue;
      Participant* p = other.AddParticipant(writer);
      took += Deliver(service, other, *p, WriterEvent::kIdentify).took;
    }
    return took;
  });
}

void DeliverBackupShutdown(Service& service, BackupSession& session) {
  std::vector<Participant*> order;
  order.reserve(session.participants.size());
  for (auto& participant : session.participants) {
    if (participant->got_prepare_backup) order.push_back(participant.get());
  }
  if (order.empty()) return;
  service.choice_points().Order("order.backup-shutdown", &order);
  if (service.choice_points().Choose(
          service.options().exploration.shutdown_timing, "shutdown.delay",
          2) == 1) {
    // Spec 4.4: the infrastructure raises BackupShutdown once the object is
    // released, at a time of its choosing; a second later in virtual time,
    // what the requester does next (another backup) comes first. The object
    // is gone by then, so the event works on a copy of its participants.
    auto later = std::make_shared<BackupSession>(session.id, session.session_id);
    later->kind = session.kind;
    later->context = session.context;
    later->snapshot_done = session.snapshot_done;
    later->snapshot_set_id = session.snapshot_set_id;
    later->released = true;
    for (Participant* p : order) {
      Participant* copy = later->AddParticipant(p->writer);
      *copy = *p;
      copy->freeze_timer.reset();
    }
    service.Record("note", {{"requester", "requester#" + std::to_string(session.id)},
                            {"backup_shutdown", "delayed 1 s"}});
    service.scheduler().PostAfter(std::chrono::seconds(1), [&service, later] {
      for (auto& p : later->participants) {
        Deliver(service, *later, *p, WriterEvent::kBackupShutdown);
      }
    });
    return;
  }
  for (Participant* p : order) {
    sim::Duration took =
        Deliver(service, session, *p, WriterEvent::kBackupShutdown).took;
    service.scheduler().RunUntil([] { return false; }, service.now() + took);
  }
}

}  // namespace vssemu::coordinator
