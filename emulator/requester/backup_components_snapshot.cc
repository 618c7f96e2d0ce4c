// IVssBackupComponents: the snapshot set, PrepareForBackup, DoSnapshotSet,
// BackupComplete, AbortBackup, and the shadow copies they leave.
#include <vsserror.h>

#include "coordinator/backup_sequence.h"
#include "coordinator/selection_rules.h"
#include "coordinator/snapshot_provider.h"
#include "metadata/xml_util.h"
#include "requester/backup_components.h"

namespace vssemu::requester {

HRESULT BackupComponents::StartSnapshotSet(VSS_ID* pSnapshotSetId) {
  FinishPendingWork();
  if (pSnapshotSetId == nullptr) return Traced("StartSnapshotSet", E_INVALIDARG);
  if (!ForBackup() || session_.set_started || session_.prepare_started) {
    return OutOfSequence("StartSnapshotSet", "requester.start-set-out-of-order",
                         "8.3", "StartSnapshotSet comes once, after "
                                "InitializeForBackup and before "
                                "PrepareForBackup");
  }
  if (service_->options().knobs.strict_call_order &&
      session_.ContextUsesWriters() && !session_.gathered) {
    return OutOfSequence("StartSnapshotSet", "requester.strict-order", "2.1",
                         "with strict call order, the metadata is gathered "
                         "before StartSnapshotSet (Q1)");
  }
  if (session_.context == VSS_CTX_ALL) {
    return OutOfSequence("StartSnapshotSet", "requester.context-all", "14.1",
                         "VSS_CTX_ALL cannot create shadow copies");
  }
  if (!service_->LockSnapshotSet(&session_)) {
    return Traced("StartSnapshotSet", VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  }
  session_.snapshot_set_id = service_->ids().Next();
  session_.plan = coordinator::SnapshotSetPlan{session_.snapshot_set_id,
                                               session_.context,
                                               {}};
  session_.set_started = true;
  *pSnapshotSetId = session_.snapshot_set_id;
  return Traced("StartSnapshotSet", S_OK);
}

HRESULT BackupComponents::AddToSnapshotSet(VSS_PWSZ pwszVolumeName,
                                           VSS_ID ProviderId,
                                           VSS_ID* pidSnapshot) {
  FinishPendingWork();
  if (pwszVolumeName == nullptr || pidSnapshot == nullptr) {
    return Traced("AddToSnapshotSet", E_INVALIDARG);
  }
  if (!session_.set_started || session_.snapshot_started) {
    return OutOfSequence("AddToSnapshotSet", "requester.add-volume-out-of-order",
                         "8.3", "volumes are added between StartSnapshotSet "
                                "and DoSnapshotSet");
  }
  const VSS_ID snapshot_id = service_->ids().Next();
  HRESULT hr = service_->provider().AddToSnapshotSet(
      pwszVolumeName, ProviderId, snapshot_id, &session_.plan);
  if (SUCCEEDED(hr)) {
    const coordinator::Volume* volume = session_.plan.snapshots.back().volume;
    session_.volumes.push_back(
        coordinator::SetVolume{volume->display_name, snapshot_id, {}});
    session_.bcd.snapshots.push_back(metadata::BcdSnapshot{
        volume->display_name, snapshot_id, coordinator::kSystemProviderId});
    *pidSnapshot = snapshot_id;
    service_->Record("volume", {{"requester", name_},
                                {"volume", metadata::ToUtf8(volume->display_name)},
                                {"snapshot", coordinator::TraceGuid(snapshot_id)}});
  }
  return Traced("AddToSnapshotSet", hr);
}

HRESULT BackupComponents::IsVolumeSupported(VSS_ID ProviderId,
                                            VSS_PWSZ pwszVolumeName,
                                            BOOL* pbSupportedByThisProvider) {
  FinishPendingWork();
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("IsVolumeSupported", "requester.not-initialized",
                         "8.3", "initialize the object first");
  }
  return Traced("IsVolumeSupported",
                service_->provider().IsVolumeSupported(
                    ProviderId, pwszVolumeName, session_.context,
                    pbSupportedByThisProvider));
}

HRESULT BackupComponents::PrepareForBackup(IVssAsync** ppAsync) {
  FinishPendingWork();
  if (ppAsync == nullptr) return Traced("PrepareForBackup", E_INVALIDARG);
  *ppAsync = nullptr;
  if (!ForBackup() || !session_.backup_state_set || !session_.set_started ||
      session_.prepare_started) {
    return OutOfSequence("PrepareForBackup", "requester.prepare-out-of-order",
                         "8.3", "PrepareForBackup comes once, after "
                                "SetBackupState and StartSnapshotSet");
  }
  if (!session_.ContextUsesWriters()) {
    return OutOfSequence("PrepareForBackup", "requester.writerless-context",
                         "8.3", "the context has no writers (spec Q21)");
  }
  if (!session_.gathered) {
    return OutOfSequence("PrepareForBackup", "requester.prepare-before-gather",
                         "2.1", "gather the writer metadata first");
  }
  session_.prepare_started = true;
  CheckComponentMode();
  CheckRequiredComponents();
  return StartAsync(
      "PrepareForBackup",
      [this](coordinator::Operation& op) {
        coordinator::QueuePrepareForBackup(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.prepared = true; }, ppAsync);
}

HRESULT BackupComponents::DoSnapshotSet(IVssAsync** ppAsync) {
  FinishPendingWork();
  if (ppAsync == nullptr) return Traced("DoSnapshotSet", E_INVALIDARG);
  *ppAsync = nullptr;
  const bool writers = session_.ContextUsesWriters();
  if (!ForBackup() || !session_.set_started || session_.snapshot_started ||
      session_.aborted || (writers && !session_.gathered)) {
    return OutOfSequence("DoSnapshotSet", "requester.snapshot-out-of-order",
                         "2.1", "DoSnapshotSet needs InitializeForBackup, "
                                "StartSnapshotSet and, with writers, "
                                "GatherWriterMetadata; it runs once");
  }
  if (writers && !session_.prepare_started) {
    return OutOfSequence("DoSnapshotSet", "requester.snapshot-before-prepare",
                         "8.3", "PrepareForBackup must come first");
  }
  session_.snapshot_started = true;
  return StartAsync(
      "DoSnapshotSet",
      [this](coordinator::Operation& op) {
        coordinator::QueueSnapshotSet(*service_, session_, op);
      },
      [this](coordinator::Operation& op) {
        if (op.status() == VSS_S_ASYNC_FINISHED) {
          session_.snapshot_done = true;
        } else {
          session_.snapshot_failed = true;
        }
        // Spec 1.6: the set is no longer in creation.
        service_->UnlockSnapshotSet(&session_);
      },
      ppAsync);
}

HRESULT BackupComponents::BackupComplete(IVssAsync** ppAsync) {
  FinishPendingWork();
  if (ppAsync == nullptr) return Traced("BackupComplete", E_INVALIDARG);
  *ppAsync = nullptr;
  if (!ForBackup() || !session_.snapshot_done || session_.complete_started ||
      session_.aborted) {
    return OutOfSequence("BackupComplete", "requester.complete-out-of-order",
                         "4.3", "BackupComplete comes once, after a "
                                "successful DoSnapshotSet");
  }
  if (!session_.ContextUsesWriters()) {
    return OutOfSequence("BackupComplete", "requester.writerless-context",
                         "8.3", "the context has no writers (spec Q21)");
  }
  session_.complete_started = true;
  CheckComponentsReported();
  return StartAsync(
      "BackupComplete",
      [this](coordinator::Operation& op) {
        coordinator::QueueBackupComplete(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.completed = true; }, ppAsync);
}

HRESULT BackupComponents::AbortBackup() {
  FinishPendingWork();
  if (!ForBackup()) {
    return OutOfSequence("AbortBackup", "requester.not-initialized", "4.3",
                         "initialize the object first");
  }
  // Spec 4.3: with nothing in progress the call is ignored.
  if (session_.aborted || (!session_.prepare_started && !session_.set_started)) {
    return Traced("AbortBackup", S_OK);
  }
  session_.aborted = true;
  // Spec 14.4: the provider hears AbortSnapshots only once it prepared the
  // set, and only once (a failed DoSnapshotSet has already sent it).
  if (session_.provider_prepared && !session_.provider_aborted &&
      !session_.snapshot_done) {
    session_.provider_aborted = true;
    coordinator::RunProviderStep(*service_, session_,
                                 coordinator::ProviderStep::kAbortSnapshots);
  }
  coordinator::DeliverAbortBackup(*service_, session_);
  service_->UnlockSnapshotSet(&session_);
  return Traced("AbortBackup", S_OK);
}

HRESULT BackupComponents::GetSnapshotProperties(VSS_ID SnapshotId,
                                                VSS_SNAPSHOT_PROP* pProp) {
  FinishPendingWork();
  if (pProp == nullptr) return Traced("GetSnapshotProperties", E_INVALIDARG);
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("GetSnapshotProperties", "requester.not-initialized",
                         "8.3", "initialize the object first");
  }
  return Traced("GetSnapshotProperties",
                service_->provider().GetSnapshotProperties(SnapshotId, pProp));
}

HRESULT BackupComponents::DeleteSnapshots(VSS_ID SourceObjectId,
                                          VSS_OBJECT_TYPE eSourceObjectType,
                                          BOOL bForceDelete,
                                          LONG* plDeletedSnapshots,
                                          VSS_ID* pNondeletedSnapshotID) {
  FinishPendingWork();
  return Traced("DeleteSnapshots",
                service_->provider().DeleteSnapshots(
                    SourceObjectId, eSourceObjectType, bForceDelete,
                    plDeletedSnapshots, pNondeletedSnapshotID));
}

HRESULT BackupComponents::Query(VSS_ID QueriedObjectId,
                                VSS_OBJECT_TYPE eQueriedObjectType,
                                VSS_OBJECT_TYPE eReturnedObjectsType,
                                IVssEnumObject** ppEnum) {
  FinishPendingWork();
  return Traced("Query", service_->provider().Query(
                             QueriedObjectId, eQueriedObjectType,
                             eReturnedObjectsType, session_.context, ppEnum));
}

void BackupComponents::CheckComponentMode() {
  if (session_.bcd.select_components || session_.bcd.writers.empty()) return;
  // The documentation only asks for SetBackupState before PrepareForBackup,
  // so AddComponent is accepted in any order; components added to a backup
  // that is not in component mode reach no writer (Q2).
  service_->Violate("requester.add-without-component-mode", "2.1",
                    "components were added, but SetBackupState did not "
                    "select component mode: writers get no components");
}

void BackupComponents::CheckRequiredComponents() {
  if (!session_.bcd.select_components) return;
  // Walk the document's writers (not all identified ones) so the check stays
  // linear in the number of writers.
  for (const auto& entry : session_.bcd.writers) {
    coordinator::Participant* p = session_.FindInstance(entry->instance_id);
    if (p == nullptr || !p->metadata) continue;
    for (const metadata::Component* c :
         coordinator::MissingRequiredComponents(*p->metadata, p->MetadataIndex(),
                                                 *entry)) {
      service_->Violate("requester.missing-required-component", "9.2",
                        p->writer->TraceName() + ": " +
                            metadata::ToUtf8(c->name) +
                            " is not selectable and has no selectable "
                            "ancestor, so it must be added whenever any "
                            "component of the writer is");
    }
  }
}

void BackupComponents::CheckComponentsReported() {
  if (!session_.bcd.select_components) return;
  for (const auto& entry : session_.bcd.writers) {
    for (const auto& c : entry->components) {
      if (c->backup_reported) continue;
      service_->Violate("requester.component-not-reported", "9.5",
                        "BackupComplete: " +
                            metadata::ToUtf8(metadata::FullComponentPath(
                                c->logical_path, c->name)) +
                            " was added but SetBackupSucceeded was never "
                            "called for it (item 6)");
    }
  }
}

void BackupComponents::ReleaseSnapshots() {
  // Spec 4.4: releasing the object deletes its auto-release shadow copies.
  size_t deleted = service_->provider().ReleaseAutoReleaseSnapshots(session_.id);
  if (deleted > 0) {
    service_->Record("provider", {{"step", "AutoRelease"},
                                  {"requester", name_},
                                  {"deleted", std::to_string(deleted)}});
  }
}

}  // namespace vssemu::requester
