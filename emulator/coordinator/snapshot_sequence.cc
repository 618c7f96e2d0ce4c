// DoSnapshotSet: the writer events and provider steps of spec 14.4, in
// order, with each writer's freeze window on virtual time (spec 5):
//
//   PrepareForSnapshot (each writer)
//   provider BeginPrepareSnapshot (each volume), EndPrepareSnapshots
//   Freeze: front-end writers, then back-end, then system (spec 6.1)
//   provider PreCommitSnapshots; flush-and-hold; CommitSnapshots; release;
//            PostCommitSnapshots
//   Thaw (reverse level order by default, Q20)
//   provider PreFinalCommitSnapshots, PostFinalCommitSnapshots
//   PostSnapshot (each writer)
//
// A writer's Freeze or Thaw veto aborts that writer (or, by knob, all of
// them, Q13/Q17); a freeze window that expires aborts that writer with
// VSS_E_WRITERERROR_TIMEOUT (Q7); a provider failure aborts every writer of
// the set and fails DoSnapshotSet. Writerless contexts skip the writers.
#include <algorithm>
#include <memory>
#include <utility>

#include <vsserror.h>

#include "coordinator/backup_data_rules.h"
#include "coordinator/backup_sequence.h"
#include "coordinator/snapshot_provider.h"

namespace vssemu::coordinator {
namespace {

// Shared state of one DoSnapshotSet run.
struct SnapshotRun {
  std::vector<Participant*> writers;  // In the set, registration order.
  sim::TimePoint hold_started;
};

bool InSequence(const Service& service, const Participant& p) {
  // A writer that left stays in: delivering to it records that it does not
  // respond (Q3).
  if (p.aborted) return false;
  return !p.failed || service.options().knobs.failed_writers_get_sequence_events;
}

// Aborts every writer of the run that has not finished PostSnapshot.
sim::Duration AbortAll(Service& service, BackupSession& session,
                       SnapshotRun& run) {
  std::vector<Participant*> order;
  for (Participant* p : run.writers) {
    if (p->aborted || p->post_snapshot_done || p->gone) continue;
    order.push_back(p);
  }
  service.choice_points().Order("order.abort", &order);
  sim::Duration took{0};
  for (Participant* p : order) took += AbortParticipant(service, session, *p);
  return took;
}

// Ends the run with a provider or coordinator failure (spec 4.1).
void FailRun(Service& service, BackupSession& session, SnapshotRun& run,
             Operation& op, HRESULT hr) {
  if (session.provider_prepared && !session.provider_aborted) {
    session.provider_aborted = true;
    RunProviderStep(service, session, ProviderStep::kAbortSnapshots);
  }
  AbortAll(service, session, run);
  op.Fail(hr);
}

// Starts p's freeze window: if Thaw has not reached it in time, the service
// aborts it with VSS_E_WRITERERROR_TIMEOUT (spec 5, Q7).
void StartFreezeWindow(Service& service, BackupSession& session,
                       Participant& p) {
  const sim::Duration window = sim::Milliseconds(p.writer->freeze_timeout_ms);
  p.frozen = true;
  // VSS holds nothing for an express writer, so nothing of it can time out
  // (Q41).
  if (p.writer->express) return;
  p.freeze_timer = service.scheduler().PostAfter(window, [&service, &session,
                                                          &p] {
    p.freeze_timer.reset();
    if (!p.frozen) return;
    service.Record("timer", {{"name", "freeze-window-expired"},
                             {"writer", p.writer->TraceName()}});
    AbortParticipant(service, session, p);
    const VSS_WRITER_STATE before = p.state;
    p.state = VSS_WS_FAILED_AT_FREEZE;
    p.failure = WriterFailure{VSS_E_WRITERERROR_TIMEOUT, S_FALSE, {}};
    p.failed = true;
    service.Record("state", {{"writer", p.writer->TraceName()},
                             {"state", WriterStateName(p.state)},
                             {"failure", TraceHr(p.failure.hr)}});
    service.monitor().OnState(p, WriterEvent::kFreeze, before);
  });
}

// Handles a Freeze or Thaw veto by p (spec 3.4, 4.1).
void OnVeto(Service& service, BackupSession& session, SnapshotRun& run,
            Participant& p, Operation& op, bool returned) {
  const ProtocolKnobs& knobs = service.options().knobs;
  if (returned && !knobs.failure_with_true_aborts) return;  // Q10a.
  if (knobs.writer_veto_aborts_all) {
    AbortAll(service, session, run);
  } else {
    AbortParticipant(service, session, p);
  }
  if (knobs.writer_veto_fails_snapshot_set) {
    FailRun(service, session, run, op, VSS_E_UNEXPECTED_WRITER_ERROR);
  }
}

// Queues one writer event per writer still in the sequence.
void QueueWriterEvent(Service& service, BackupSession& session,
                      std::shared_ptr<SnapshotRun> run, Operation& op,
                      WriterEvent event, std::vector<Participant*> order) {
  for (Participant* p : order) {
    op.Then([&service, &session, run, p, event, &op]() -> sim::Duration {
      // Spec 4.2: a frozen writer gets Thaw or Abort, so a writer that
      // reported a failure but returned true from Freeze (Q10a, not
      // aborted) is still thawed.
      const bool frozen = event == WriterEvent::kThaw && p->frozen && !p->aborted;
      if (!InSequence(service, *p) && !frozen) return sim::Duration(0);
      if (event == WriterEvent::kThaw && !p->frozen) return sim::Duration(0);
      if (event == WriterEvent::kPrepareForSnapshot) p->got_prepare_snapshot = true;
      if (event == WriterEvent::kFreeze) StartFreezeWindow(service, session, *p);
      if (event == WriterEvent::kThaw) {
        p->frozen = false;
        if (p->freeze_timer) {
          service.scheduler().Cancel(*p->freeze_timer);
          p->freeze_timer.reset();
        }
      }
      const bool failed_before = p->failed;
      Delivery delivery = Deliver(service, session, *p, event);
      if (event == WriterEvent::kPostSnapshot) {
        p->post_snapshot_done = true;
        CheckWriterBackupData(service, session, *p);
      }
      if (!failed_before && p->failed && FailureRaisesAbort(event)) {
        OnVeto(service, session, *run, *p, op, delivery.returned);
      }
      return delivery.took;
    });
  }
}

// Queues a provider step; a failure ends the run.
void QueueProviderStep(Service& service, BackupSession& session,
                       std::shared_ptr<SnapshotRun> run, Operation& op,
                       ProviderStep kind) {
  op.Then([&service, &session, run, &op, kind]() -> sim::Duration {
    // Q36: an empty set still runs the writer events, with no provider call.
    if (session.plan.snapshots.empty()) return sim::Duration(0);
    if (kind == ProviderStep::kCommitSnapshots) {
      run->hold_started = service.now();
      service.Record("hold", {{"name", "flush-and-hold"}});
      if (service.options().flush_writes_fail ||
          service.choice_points().FaultFires(FaultKind::kFlush, "flush")) {
        // Q18: a failed flush, unlike an expired hold, is FLUSH.
        service.Record("hold", {{"name", "flush"}, {"result", "failed"}});
        FailRun(service, session, *run, op, VSS_E_FLUSH_WRITES_TIMEOUT);
        return sim::Duration(0);
      }
    }
    ProviderStepResult result = RunProviderStep(service, session, kind);
    if (kind == ProviderStep::kEndPrepareSnapshots) {
      session.provider_prepared = true;
    }
    if (FAILED(result.hr)) {
      FailRun(service, session, *run, op, result.hr);
      return sim::Duration(0);
    }
    return result.took;
  });
  if (kind != ProviderStep::kCommitSnapshots) return;
  // The hold ends when CommitSnapshots returns, once the time it took has
  // passed; spec 5: the kernel holds writes for at most 10 s (Q18: HOLD).
  op.Then([&service, &session, run, &op]() -> sim::Duration {
    if (session.plan.snapshots.empty()) return sim::Duration(0);
    if (service.now() - run->hold_started > std::chrono::seconds(10)) {
      service.Record("hold", {{"name", "release"}, {"result", "timeout"}});
      FailRun(service, session, *run, op, VSS_E_HOLD_WRITES_TIMEOUT);
      return sim::Duration(0);
    }
    service.Record("hold", {{"name", "release"}});
    return sim::Duration(0);
  });
}

// Queues the step before the Thaws that decides how Thaw meets the freeze
// windows (spec 5): in good time (option 0), at the last microsecond of the
// earliest window still running (Thaw wins the race), or, as a fault, just
// after it (the window expires first and the writer is aborted with
// VSS_E_WRITERERROR_TIMEOUT).
void QueueFreezeRace(Service& service, std::shared_ptr<SnapshotRun> run,
                     Operation& op) {
  op.Then([&service, run]() -> sim::Duration {
    // The freeze windows still running end when their timers are due.
    std::optional<sim::TimePoint> earliest;
    for (const Participant* p : run->writers) {
      if (!p->frozen || p->aborted || !p->freeze_timer) continue;
      std::optional<sim::TimePoint> end = service.scheduler().due(*p->freeze_timer);
      if (end && (!earliest || *end < *earliest)) earliest = end;
    }
    if (!earliest || *earliest <= service.now()) return sim::Duration(0);
    ChoicePoints& points = service.choice_points();
    const bool late_allowed = points.FaultPossible(FaultKind::kFreezeTimeout);
    size_t pick = points.Choose(service.options().exploration.freeze_race,
                                "race.freeze-window", late_allowed ? 3 : 2);
    if (late_allowed && !service.options().exploration.freeze_race) {
      pick = points.Choose(true, "fault.freeze-timeout", 2) == 1 ? 2 : 0;
    }
    const sim::Duration left = *earliest - service.now();
    if (pick == 1) return left - sim::Duration(1);
    if (pick == 2) {
      points.NoteFault(FaultKind::kFreezeTimeout, "Thaw");
      return left;  // The timer was posted first, so it fires first.
    }
    return sim::Duration(0);
  });
}

}  // namespace

void QueueSnapshotSet(Service& service, BackupSession& session, Operation& op) {
  auto run = std::make_shared<SnapshotRun>();
  const bool writers = session.ContextUsesWriters();
  if (writers) {
    run->writers.reserve(session.participants.size());
    for (auto& p : session.participants) {
      if (p->selected && InSequence(service, *p)) run->writers.push_back(p.get());
    }
  }
  ChoicePoints& points = service.choice_points();
  auto rank = [](const Participant* p) { return FreezeRank(p->writer->level); };
  std::vector<Participant*> prepare_order = run->writers;
  points.Order("order.prepare-snapshot", &prepare_order);
  // Spec 6.1: Freeze by level; Q20: any order within a level.
  std::vector<Participant*> freeze_order = run->writers;
  std::stable_sort(freeze_order.begin(), freeze_order.end(),
                   [&](const Participant* a, const Participant* b) {
                     return rank(a) < rank(b);
                   });
  points.OrderWithin("order.freeze", &freeze_order, rank);
  // Q20: Thaw order is undocumented; the knob gives the default, a choice
  // the other one.
  bool reverse = service.options().knobs.thaw_in_reverse_level_order;
  const bool levels = std::any_of(
      run->writers.begin(), run->writers.end(), [&](const Participant* p) {
        return rank(p) != rank(run->writers.front());
      });
  const ExplorationOptions& explore = service.options().exploration;
  if (levels && points.Choose(explore.orders && explore.thaw_level_order,
                              "order.thaw-levels", 2) == 1) {
    reverse = !reverse;
  }
  std::vector<Participant*> thaw_order = run->writers;
  std::stable_sort(thaw_order.begin(), thaw_order.end(),
                   [&](const Participant* a, const Participant* b) {
                     return reverse ? rank(a) > rank(b) : rank(a) < rank(b);
                   });
  points.OrderWithin("order.thaw", &thaw_order, rank);
  std::vector<Participant*> post_order = run->writers;
  points.Order("order.post-snapshot", &post_order);

  QueueWriterEvent(service, session, run, op, WriterEvent::kPrepareForSnapshot,
                   std::move(prepare_order));
  QueueProviderStep(service, session, run, op,
                    ProviderStep::kBeginPrepareSnapshot);
  QueueProviderStep(service, session, run, op,
                    ProviderStep::kEndPrepareSnapshots);
  QueueWriterEvent(service, session, run, op, WriterEvent::kFreeze,
                   std::move(freeze_order));
  for (ProviderStep kind :
       {ProviderStep::kPreCommitSnapshots, ProviderStep::kCommitSnapshots,
        ProviderStep::kPostCommitSnapshots}) {
    QueueProviderStep(service, session, run, op, kind);
  }
  QueueFreezeRace(service, run, op);
  QueueWriterEvent(service, session, run, op, WriterEvent::kThaw,
                   std::move(thaw_order));
  for (ProviderStep kind : {ProviderStep::kPreFinalCommitSnapshots,
                                ProviderStep::kPostFinalCommitSnapshots}) {
    QueueProviderStep(service, session, run, op, kind);
  }
  QueueWriterEvent(service, session, run, op, WriterEvent::kPostSnapshot,
                   std::move(post_order));
  // Auto-recovery ends with the writers' PostSnapshot: from here on the
  // shadow copies are read-only.
  op.Then([&service, &session]() -> sim::Duration {
    service.provider().EndAutoRecovery(session.snapshot_set_id);
    return sim::Duration(0);
  });
}

}  // namespace vssemu::coordinator
