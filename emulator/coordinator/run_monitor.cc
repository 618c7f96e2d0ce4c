#include "coordinator/run_monitor.h"

#include <string>

#include "com/live_objects.h"
#include "coordinator/backup_session.h"
#include "coordinator/service.h"

namespace vssemu::coordinator {

void RunMonitor::Report(const char* rule, const char* section, const Track& t,
                        WriterEvent event, const char* why) {
  service_->Violate(
      rule, section,
      t.writer + " received " + std::string(EventName(event)) + " " + why);
}

void RunMonitor::BeforeEvent(const WriterRecord& writer,
                             const BackupSession& session, WriterEvent event) {
  Track& t = tracks_[{session.id, writer.registration}];
  if (t.writer.empty()) t.writer = writer.TraceName();
  if (t.shut_down) {
    Report("order.event-after-shutdown", "4.4", t, event,
           "after BackupShutdown ended its part in the backup");
  }
  // Spec 4.2: after Abort, only another Abort and BackupShutdown.
  const bool after_abort_ok = event == WriterEvent::kAbort ||
                              event == WriterEvent::kBackupShutdown;
  if (t.aborted && !after_abort_ok) {
    Report("order.event-after-abort", "4.2", t, event, "after Abort");
  }
  switch (event) {
    case WriterEvent::kFreeze: {
      if (!t.prepared_snapshot) {
        Report("order.freeze-without-prepare-snapshot", "6.2", t, event,
               "without PrepareForSnapshot first");
      }
      // Spec 6.1: front-end, then back-end, then system.
      int rank = FreezeRank(writer.level);
      auto [it, first] = freeze_rank_.emplace(session.id, rank);
      if (!first && rank < it->second) {
        Report("order.freeze-level", "6.1", t, event,
               "after a writer of a later application level");
      }
      if (rank > it->second) it->second = rank;
      t.frozen = true;
      break;
    }
    case WriterEvent::kThaw:
      if (!t.frozen) {
        Report("order.thaw-without-freeze", "4.2", t, event,
               "while not frozen (no Freeze, or already thawed or aborted)");
      }
      t.frozen = false;
      break;
    case WriterEvent::kPrepareForSnapshot:
      t.prepared_snapshot = true;
      break;
    case WriterEvent::kPostSnapshot:
      if (t.frozen) {
        Report("order.post-snapshot-while-frozen", "6.2", t, event,
               "before Thaw");
      }
      t.post_snapshot = true;
      break;
    case WriterEvent::kAbort:
      if (t.post_snapshot) {
        Report("order.abort-after-post-snapshot", "4.2", t, event,
               "after PostSnapshot");
      }
      t.aborted = true;
      t.frozen = false;
      break;
    case WriterEvent::kBackupShutdown:
      if (!session.released) {
        Report("order.shutdown-before-release", "4.4", t, event,
               "while the requester still holds the backup object");
      }
      t.shut_down = true;
      break;
    default:
      break;
  }
}

void RunMonitor::SessionEnded(uint64_t session_id) {
  tracks_.erase(tracks_.lower_bound({session_id, 0}),
                tracks_.lower_bound({session_id + 1, 0}));
  freeze_rank_.erase(session_id);
}

void RunMonitor::OnState(const Participant& p, WriterEvent event,
                         VSS_WRITER_STATE before) {
  const VSS_WRITER_STATE after = p.state;
  if (after == before) return;
  const bool legal = after == StateAfterSuccess(event) ||
                     after == StateAfterFailure(event);
  // A failure stays until BackupShutdown ends the session (spec 3.2, Q4).
  const bool cleared = IsFailureState(before) && !IsFailureState(after) &&
                       event != WriterEvent::kBackupShutdown;
  if (!legal || cleared) {
    service_->Violate("state.illegal-transition", "3.2",
                      p.writer->TraceName() + " went from " +
                          std::string(WriterStateName(before)) + " to " +
                          std::string(WriterStateName(after)) + " at " +
                          std::string(EventName(event)));
  }
}

void RunMonitor::CheckEndOfRun(const RunBaseline& baseline) {
  for (const auto& [key, t] : tracks_) {
    if (t.frozen) {
      service_->Violate("liveness.writer-frozen", "4.2",
                        t.writer + " was frozen and never received Thaw or "
                                   "Abort");
    }
  }
  for (const BackupSession* session : service_->sessions()) {
    service_->Violate("requester.backup-object-leaked", "4.3",
                      "requester#" + std::to_string(session->id) +
                          " was never released (an IVssBackupComponents "
                          "object is released after every backup)");
  }
  if (service_->open_operations() > 0) {
    service_->Violate("liveness.async-pending", "7",
                      std::to_string(service_->open_operations()) +
                          " asynchronous operation(s) never ended");
  }
  if (service_->snapshot_set_locked()) {
    service_->Violate("requester.snapshot-set-in-progress", "4.3",
                      "a snapshot set is still being created (AbortBackup "
                      "ends one between StartSnapshotSet and the end of "
                      "DoSnapshotSet)");
  }
  const long objects = com::LiveObjectCount() - baseline.live_objects;
  if (objects > 0) {
    service_->Violate("requester.leaked-com-object", "4.3",
                      std::to_string(objects) +
                          " COM object(s) from vssemu were never released");
  }
  std::optional<long> bstrs = com::LiveBstrCount();
  if (bstrs && baseline.live_bstrs && *bstrs > *baseline.live_bstrs) {
    service_->Violate("requester.leaked-bstr", "4.3",
                      std::to_string(*bstrs - *baseline.live_bstrs) +
                          " BSTR(s) were never freed");
  }
}

}  // namespace vssemu::coordinator
