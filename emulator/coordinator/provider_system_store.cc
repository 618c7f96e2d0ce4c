// SystemProvider: the shadow copies it keeps — properties, deletion, query
// and the auto-release that follows the release of a backup object.
#include <vsserror.h>

#include <algorithm>
#include <vector>

#include "coordinator/provider_system.h"

namespace vssemu::coordinator {

const SnapshotRecord* SystemProvider::FindSnapshot(
    const VSS_ID& snapshot_id) const {
  for (const SnapshotRecord& r : snapshots_) {
    if (IsEqualGUID(r.snapshot_id, snapshot_id)) return &r;
  }
  return nullptr;
}

size_t SystemProvider::SnapshotCountOnVolume(const Volume& volume) const {
  return static_cast<size_t>(std::count_if(
      snapshots_.begin(), snapshots_.end(), [&volume](const SnapshotRecord& r) {
        return r.original_volume_name == volume.guid_name;
      }));
}

HRESULT SystemProvider::GetSnapshotProperties(const VSS_ID& snapshot_id,
                                              VSS_SNAPSHOT_PROP* prop) const {
  if (prop == nullptr) return E_INVALIDARG;
  const SnapshotRecord* record = FindSnapshot(snapshot_id);
  if (record == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  return CopySnapshotProp(*record, prop);
}

HRESULT SystemProvider::DeleteSnapshots(const VSS_ID& source_id,
                                        VSS_OBJECT_TYPE source_type,
                                        BOOL /*force*/, LONG* deleted,
                                        VSS_ID* nondeleted) {
  if (deleted == nullptr || nondeleted == nullptr) return E_INVALIDARG;
  *deleted = 0;
  *nondeleted = GUID_NULL;
  if (source_type != VSS_OBJECT_SNAPSHOT &&
      source_type != VSS_OBJECT_SNAPSHOT_SET) {
    return E_INVALIDARG;
  }
  // Collect the ids first: deleting while walking snapshots_ would skip
  // records, and the creation order is the order the caller can predict.
  std::vector<VSS_ID> targets;
  for (const SnapshotRecord& r : snapshots_) {
    const VSS_ID& key =
        source_type == VSS_OBJECT_SNAPSHOT ? r.snapshot_id : r.set_id;
    if (IsEqualGUID(key, source_id)) targets.push_back(r.snapshot_id);
  }
  if (targets.empty()) return VSS_E_OBJECT_NOT_FOUND;
  for (const VSS_ID& id : targets) {
    const SnapshotRecord* record = FindSnapshot(id);
    const Volume* volume = volumes_->FindVolume(record->original_volume_name);
    // DeleteSnapshots is synchronous: the step's virtual duration has no
    // one to wait for it and is not reported.
    StepOutcome outcome =
        Run(StepCall{ProviderStep::kDeleteSnapshot, record->set_id, id, volume,
                     record->attributes});
    if (FAILED(outcome.hr)) {
      *nondeleted = id;
      return outcome.hr;
    }
    EraseRecords([&id](const SnapshotRecord& r) {
      return IsEqualGUID(r.snapshot_id, id);
    });
    ++*deleted;
  }
  return S_OK;
}

HRESULT SystemProvider::Query(const VSS_ID& queried_id,
                              VSS_OBJECT_TYPE queried_type,
                              VSS_OBJECT_TYPE returned_type, LONG context,
                              IVssEnumObject** out) const {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  if (!IsEqualGUID(queried_id, GUID_NULL) || queried_type != VSS_OBJECT_NONE) {
    return E_INVALIDARG;
  }
  if (returned_type == VSS_OBJECT_PROVIDER) return E_NOTIMPL;
  if (returned_type != VSS_OBJECT_SNAPSHOT) return E_INVALIDARG;
  // Query reports completed shadow copies of the caller's context only; a
  // set still being created is not visible yet.
  std::vector<SnapshotRecord> selected;
  for (const SnapshotRecord& r : snapshots_) {
    if (r.state != VSS_SS_CREATED) continue;
    if (context != VSS_CTX_ALL &&
        (r.attributes & kContextKindMask) != (context & kContextKindMask)) {
      continue;
    }
    selected.push_back(r);
  }
  bool none = selected.empty();
  HRESULT hr = MakeSnapshotEnum(std::move(selected), out);
  if (FAILED(hr)) return hr;
  return none ? S_FALSE : S_OK;
}

size_t SystemProvider::ReleaseAutoReleaseSnapshots(uint64_t owner) {
  return EraseRecords([owner](const SnapshotRecord& r) {
    return r.owner == owner &&
           (r.attributes & VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE) == 0;
  });
}

}  // namespace vssemu::coordinator
