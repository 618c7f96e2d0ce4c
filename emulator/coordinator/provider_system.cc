// SystemProvider: volume support, set building and the call sequence. The
// shadow-copy store (properties, delete, query, release) is in
// provider_system_store.cc, the files of backed volumes in
// provider_system_files.cc.
#include "coordinator/provider_system.h"

#include <vsserror.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

// A refusal the provider decides itself, before its behaviour is asked.
StepOutcome Refuse(HRESULT hr) { return StepOutcome{hr, hr, sim::Duration{0}}; }

bool IsOurIdOrNull(const VSS_ID& provider_id) {
  return IsEqualGUID(provider_id, GUID_NULL) ||
         IsEqualGUID(provider_id, kSystemProviderId);
}

}  // namespace

SystemProvider::SystemProvider(const VolumeTable* volumes,
                               SystemProviderOptions options)
    : volumes_(volumes),
      options_(std::move(options)),
      storage_(options_.snapshot_storage) {}

void SystemProvider::set_behaviour(ProviderBehaviour* behaviour) {
  behaviour_ = behaviour != nullptr ? behaviour : &default_behaviour_;
}

bool SystemProvider::Supports(const Volume& volume, LONG context) const {
  if (!volume.supported_by_system_provider) return false;
  // VSS_CTX_ALL asks whether any shadow copy is possible on the volume.
  if (context == VSS_CTX_ALL) return true;
  if ((context & VSS_VOLSNAP_ATTR_PERSISTENT) != 0 && !volume.ntfs) {
    return false;
  }
  // The system provider makes copy-on-write (differential) shadow copies
  // only: split mirrors and transportable shadow copies need a hardware
  // provider (spec 14.2).
  constexpr LONG kHardwareOnly =
      VSS_VOLSNAP_ATTR_PLEX | VSS_VOLSNAP_ATTR_TRANSPORTABLE;
  return (context & kHardwareOnly) == 0;
}

HRESULT SystemProvider::IsVolumeSupported(const VSS_ID& provider_id,
                                          LPCWSTR volume_name, LONG context,
                                          BOOL* supported) const {
  if (volume_name == nullptr || supported == nullptr) return E_INVALIDARG;
  *supported = FALSE;
  const Volume* volume = volumes_->FindVolume(volume_name);
  if (volume == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  if (!IsOurIdOrNull(provider_id)) return VSS_E_PROVIDER_NOT_REGISTERED;
  *supported = Supports(*volume, context) ? TRUE : FALSE;
  return S_OK;
}

HRESULT SystemProvider::CheckVolumeForSet(LPCWSTR volume_name,
                                          const VSS_ID& provider_id,
                                          const SnapshotSetPlan& set,
                                          const Volume** volume_out) const {
  if (volume_name == nullptr) return E_INVALIDARG;
  // The volume is resolved before the provider is chosen, as the service
  // does: an unknown volume is "not found" whatever provider was named.
  const Volume* volume = volumes_->FindVolume(volume_name);
  if (volume == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  if (!IsOurIdOrNull(provider_id)) return VSS_E_PROVIDER_NOT_REGISTERED;
  if (!Supports(*volume, set.context)) {
    // With GUID_NULL the service found no provider at all; with a named
    // provider it is that provider that refused.
    return IsEqualGUID(provider_id, GUID_NULL)
               ? VSS_E_VOLUME_NOT_SUPPORTED
               : VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER;
  }
  bool already_in_set = std::any_of(
      set.snapshots.begin(), set.snapshots.end(),
      [volume](const PlannedSnapshot& p) { return p.volume == volume; });
  if (already_in_set) return VSS_E_OBJECT_ALREADY_EXISTS;
  if (set.snapshots.size() >= options_.max_volumes_per_set) {
    return VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED;
  }
  if (SnapshotCountOnVolume(*volume) >= options_.max_snapshots_per_volume) {
    return VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED;
  }
  if (volume_out != nullptr) *volume_out = volume;
  return S_OK;
}

HRESULT SystemProvider::AddToSnapshotSet(LPCWSTR volume_name,
                                         const VSS_ID& provider_id,
                                         const VSS_ID& snapshot_id,
                                         SnapshotSetPlan* set) {
  if (set == nullptr || IsEqualGUID(snapshot_id, GUID_NULL)) {
    return E_INVALIDARG;
  }
  const Volume* volume = nullptr;
  HRESULT hr = CheckVolumeForSet(volume_name, provider_id, *set, &volume);
  if (FAILED(hr)) return hr;
  set->snapshots.push_back(PlannedSnapshot{snapshot_id, volume});
  return S_OK;
}

StepOutcome SystemProvider::Run(const StepCall& call) {
  StepResult result = behaviour_->OnStep(call);
  if (fault_hook_ && SUCCEEDED(result.hr)) fault_hook_(call, &result);
  // Virtual time only moves forward; a negative duration from a behaviour
  // would make the scheduler assert far from the cause.
  if (result.took < sim::Duration::zero()) result.took = sim::Duration::zero();
  return StepOutcome{MapProviderResult(call.step, result.hr), result.hr,
                     result.took};
}

SystemProvider::InProgress* SystemProvider::InPhase(const VSS_ID& set_id,
                                                    Phase expected) {
  if (!in_progress_ || !IsEqualGUID(in_progress_->set_id, set_id) ||
      in_progress_->phase != expected) {
    return nullptr;
  }
  return &*in_progress_;
}

StepOutcome SystemProvider::BeginPrepareSnapshot(const VSS_ID& set_id,
                                                 const VSS_ID& snapshot_id,
                                                 LPCWSTR volume_name,
                                                 LONG context) {
  if (volume_name == nullptr || IsEqualGUID(set_id, GUID_NULL) ||
      IsEqualGUID(snapshot_id, GUID_NULL) || context == VSS_CTX_ALL) {
    return Refuse(E_INVALIDARG);
  }
  const Volume* volume = volumes_->FindVolume(volume_name);
  if (volume == nullptr) return Refuse(VSS_E_OBJECT_NOT_FOUND);
  if (!Supports(*volume, context)) {
    return Refuse(VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  }
  if (!in_progress_ || !IsEqualGUID(in_progress_->set_id, set_id)) {
    // A new set id means the previous attempt died without an abort: start
    // over, and drop anything it committed, since that set never completed.
    if (in_progress_) EraseSet(in_progress_->set_id);
    in_progress_ = InProgress{set_id, context, {}, Phase::kPreparing};
  } else if (in_progress_->phase != Phase::kPreparing) {
    return Refuse(VSS_E_BAD_STATE);
  } else if (in_progress_->context != context) {
    return Refuse(E_INVALIDARG);  // One set has one context.
  }
  for (const PlannedSnapshot& p : in_progress_->prepared) {
    if (p.volume == volume || IsEqualGUID(p.snapshot_id, snapshot_id)) {
      return Refuse(E_INVALIDARG);
    }
  }
  StepOutcome outcome = Run(StepCall{ProviderStep::kBeginPrepareSnapshot,
                                     set_id, snapshot_id, volume, context});
  if (SUCCEEDED(outcome.hr)) {
    in_progress_->prepared.push_back(PlannedSnapshot{snapshot_id, volume});
  }
  return outcome;
}

StepOutcome SystemProvider::Advance(ProviderStep step, const VSS_ID& set_id,
                                    Phase from, Phase to,
                                    VSS_SNAPSHOT_STATE new_state) {
  InProgress* set = InPhase(set_id, from);
  if (set == nullptr) return Refuse(VSS_E_BAD_STATE);
  StepOutcome outcome =
      Run(StepCall{step, set_id, GUID_NULL, nullptr, set->context});
  if (SUCCEEDED(outcome.hr)) {
    set->phase = to;
    if (new_state != VSS_SS_UNKNOWN) SetStateOfSet(set_id, new_state);
  }
  return outcome;
}

StepOutcome SystemProvider::EndPrepareSnapshots(const VSS_ID& set_id) {
  return Advance(ProviderStep::kEndPrepareSnapshots, set_id, Phase::kPreparing,
                 Phase::kPrepared, VSS_SS_UNKNOWN);
}

StepOutcome SystemProvider::PreCommitSnapshots(const VSS_ID& set_id) {
  return Advance(ProviderStep::kPreCommitSnapshots, set_id, Phase::kPrepared,
                 Phase::kPreCommitted, VSS_SS_UNKNOWN);
}

StepOutcome SystemProvider::CommitSnapshots(const VSS_ID& set_id,
                                            uint64_t owner,
                                            sim::TimePoint now,
                                            std::vector<VolumeCopy>* copies) {
  InProgress* set = InPhase(set_id, Phase::kPreCommitted);
  if (set == nullptr) return Refuse(VSS_E_BAD_STATE);
  StepOutcome outcome = Run(StepCall{ProviderStep::kCommitSnapshots, set_id,
                                     GUID_NULL, nullptr, set->context});
  if (FAILED(outcome.hr)) return outcome;
  // The system provider's shadow copies are copy-on-write, which vssadmin
  // and vshadow report as "Differential" on every one of them.
  LONG attributes = set->context | VSS_VOLSNAP_ATTR_DIFFERENTIAL;
  const bool auto_recovered = AutoRecovers(set->context);
  if (auto_recovered) attributes |= VSS_VOLSNAP_ATTR_AUTORECOVER;
  std::vector<SnapshotRecord> created;
  created.reserve(set->prepared.size());
  for (const PlannedSnapshot& p : set->prepared) {
    const std::wstring device =
        paths::ShadowCopyDeviceName(next_device_number_++);
    created.push_back(SnapshotRecord{
        .snapshot_id = p.snapshot_id,
        .set_id = set_id,
        .snapshots_count = static_cast<LONG>(set->prepared.size()),
        .device_object = device,
        .global_device = device,
        .original_volume_name = p.volume->guid_name,
        .volume_display_name = p.volume->display_name,
        .originating_machine = options_.machine_name,
        .service_machine = options_.machine_name,
        .provider_id = kSystemProviderId,
        .attributes = attributes,
        .creation_timestamp = TimestampFromVirtualTime(now),
        .state = VSS_SS_COMMITTED,
        .owner = owner,
        .writable = auto_recovered});
  }
  // The commit instant: writers are frozen and I/O is held, so the copy is
  // what the shadow copy would show.
  HRESULT copied = CopyBackedVolumes(created, copies);
  if (FAILED(copied)) return StepOutcome{copied, copied, outcome.took};
  snapshots_.insert(snapshots_.end(), std::make_move_iterator(created.begin()),
                    std::make_move_iterator(created.end()));
  set->phase = Phase::kCommitted;
  return outcome;
}

StepOutcome SystemProvider::PostCommitSnapshots(const VSS_ID& set_id,
                                                LONG snapshots_count) {
  InProgress* set = InPhase(set_id, Phase::kCommitted);
  if (set == nullptr) return Refuse(VSS_E_BAD_STATE);
  if (snapshots_count != static_cast<LONG>(set->prepared.size())) {
    return Refuse(E_INVALIDARG);
  }
  return Advance(ProviderStep::kPostCommitSnapshots, set_id, Phase::kCommitted,
                 Phase::kPostCommitted, VSS_SS_POSTCOMMITTED);
}

StepOutcome SystemProvider::PreFinalCommitSnapshots(const VSS_ID& set_id) {
  return Advance(ProviderStep::kPreFinalCommitSnapshots, set_id,
                 Phase::kPostCommitted, Phase::kPreFinalCommitted,
                 VSS_SS_PREFINALCOMMITTED);
}

StepOutcome SystemProvider::PostFinalCommitSnapshots(const VSS_ID& set_id) {
  InProgress* set = InPhase(set_id, Phase::kPreFinalCommitted);
  if (set == nullptr) return Refuse(VSS_E_BAD_STATE);
  StepOutcome outcome = Run(StepCall{ProviderStep::kPostFinalCommitSnapshots,
                                     set_id, GUID_NULL, nullptr, set->context});
  if (SUCCEEDED(outcome.hr)) {
    SetStateOfSet(set_id, VSS_SS_CREATED);
    in_progress_.reset();  // The set is complete; nothing left to abort.
  }
  return outcome;
}

void SystemProvider::EndAutoRecovery(const VSS_ID& set_id) {
  for (SnapshotRecord& r : snapshots_) {
    if (IsEqualGUID(r.set_id, set_id)) r.writable = false;
  }
}

StepOutcome SystemProvider::AbortSnapshots(const VSS_ID& set_id) {
  if (!in_progress_ || !IsEqualGUID(in_progress_->set_id, set_id)) {
    return StepOutcome{};  // Nothing of that set is in progress.
  }
  StepOutcome outcome =
      Run(StepCall{ProviderStep::kAbortSnapshots, set_id, GUID_NULL, nullptr,
                   in_progress_->context});
  // A provider must abort whatever it answers: "no partial commit".
  EraseSet(set_id);
  in_progress_.reset();
  return outcome;
}

void SystemProvider::SetStateOfSet(const VSS_ID& set_id,
                                   VSS_SNAPSHOT_STATE state) {
  for (SnapshotRecord& r : snapshots_) {
    if (IsEqualGUID(r.set_id, set_id)) r.state = state;
  }
}

void SystemProvider::EraseSet(const VSS_ID& set_id) {
  EraseRecords([&set_id](const SnapshotRecord& r) {
    return IsEqualGUID(r.set_id, set_id);
  });
}

}  // namespace vssemu::coordinator
