// The emulated system provider ("Microsoft Software Shadow Copy provider
// 1.0"): which volumes it supports, the checks AddToSnapshotSet makes, the
// provider call sequence of spec 14.4, and the shadow copies it keeps.
//
// Contract:
// - The coordinator owns the snapshot set being built (SnapshotSetPlan) and
//   the ids in it; the provider checks and appends volumes and, from
//   BeginPrepareSnapshot on, tracks one set in progress.
// - Each sequence step returns a StepOutcome: the HRESULT the coordinator
//   must act on (already mapped by MapProviderResult), what the behaviour
//   returned, and the virtual time the step took. A step called out of
//   order returns VSS_E_BAD_STATE without consulting the behaviour.
// - CommitSnapshots creates one record per prepared volume in state
//   VSS_SS_COMMITTED; PostCommit, PreFinalCommit and PostFinalCommit move
//   them to POSTCOMMITTED, PREFINALCOMMITTED and CREATED. AbortSnapshots
//   deletes whatever the set in progress created. Device numbers count from
//   1 over the provider's life and are never reused.
// - Out-parameters follow the SDK: NULL gives E_INVALIDARG; strings are
//   CoTaskMemAlloc'ed (see provider_snapshots.h).
// - A shadow copy of a volume backed by a host folder holds a copy of that
//   folder's tree, taken by CommitSnapshots after its behaviour succeeds
//   (writers are frozen then), in a subfolder of the snapshot storage named
//   after the device ("HarddiskVolumeShadowCopy3"). A copy that fails
//   removes the set's copies, creates no record and makes CommitSnapshots
//   return VSS_E_UNEXPECTED_PROVIDER_ERROR. Whatever deletes a record
//   (DeleteSnapshots, ReleaseAutoReleaseSnapshots, AbortSnapshots, a new
//   set replacing one that died, the provider's destruction) removes its
//   copy.
// - Deterministic: no clock (callers pass virtual time), no randomness (ids
//   come from the caller; volume GUIDs from the seeded VolumeTable).
#ifndef VSSEMU_COORDINATOR_PROVIDER_SYSTEM_H_
#define VSSEMU_COORDINATOR_PROVIDER_SYSTEM_H_

#include <vss.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coordinator/provider_snapshots.h"
#include "coordinator/provider_steps.h"
#include "coordinator/provider_volumes.h"
#include "coordinator/volume_files.h"
#include "sim/virtual_time.h"

namespace vssemu::coordinator {

// Identifies the provider: {b5946137-7b9f-4925-af80-51abd60b20d5}, the real
// system provider's id.
inline constexpr VSS_ID kSystemProviderId = {
    0xb5946137,
    0x7b9f,
    0x4925,
    {0xaf, 0x80, 0x51, 0xab, 0xd6, 0x0b, 0x20, 0xd5}};
// Names the provider as vssadmin lists it.
inline constexpr wchar_t kSystemProviderName[] =
    L"Microsoft Software Shadow Copy provider 1.0";
// Gives the provider's type.
inline constexpr VSS_PROVIDER_TYPE kSystemProviderType = VSS_PROV_SYSTEM;

// Selects the context bits that tell snapshot kinds apart (spec 14.1); Query
// compares these and ignores requester modifiers such as TRANSPORTABLE.
inline constexpr LONG kContextKindMask =
    VSS_VOLSNAP_ATTR_PERSISTENT | VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE |
    VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE | VSS_VOLSNAP_ATTR_NO_WRITERS;

// Returns whether shadow copies made in context are auto-recovered: writers
// take part (no VSS_VOLSNAP_ATTR_NO_WRITERS) and the requester did not ask
// for VSS_VOLSNAP_ATTR_NO_AUTORECOVERY. Such shadow copies carry
// VSS_VOLSNAP_ATTR_AUTORECOVER and writers see it in GetContext during
// PostSnapshot (docs/coordinator.md, "Auto-recovered shadow copies").
constexpr bool AutoRecovers(LONG context) {
  return (context & (VSS_VOLSNAP_ATTR_NO_WRITERS |
                     VSS_VOLSNAP_ATTR_NO_AUTORECOVERY)) == 0;
}

// Sets the limits and names the provider uses.
struct SystemProviderOptions {
  // The originating and service machine of every shadow copy.
  std::wstring machine_name = L"vssemu-host";
  // Volumes per snapshot set (spec 14.3, rule 18.12).
  size_t max_volumes_per_set = 64;
  // Shadow copies per volume for the software provider (spec 14.3).
  size_t max_snapshots_per_volume = 512;
  // Where copies of backed volumes go; empty: a folder of the provider's
  // own under the system's temporary folder (see SnapshotStorage).
  std::filesystem::path snapshot_storage = {};
};

// Names one volume of a snapshot set being built, with its snapshot id.
struct PlannedSnapshot {
  VSS_ID snapshot_id = GUID_NULL;
  const Volume* volume = nullptr;
};

// Holds the snapshot set between StartSnapshotSet and DoSnapshotSet.
struct SnapshotSetPlan {
  VSS_ID set_id = GUID_NULL;
  LONG context = VSS_CTX_BACKUP;
  std::vector<PlannedSnapshot> snapshots;
};

// Reports the copy CommitSnapshots took of one backed volume.
struct VolumeCopy {
  const Volume* volume = nullptr;
  std::wstring device_object;  // The shadow copy's device.
  TreeCopy copy;               // What was copied, or where it failed.
};

// Reports what one provider step produced.
struct StepOutcome {
  HRESULT hr = S_OK;           // What the coordinator acts on (mapped).
  HRESULT provider_hr = S_OK;  // What the provider returned (for the trace).
  sim::Duration took{0};
};

// Emulates the Microsoft Software Shadow Copy provider.
class SystemProvider {
 public:
  // Creates a provider over volumes (not owned; must outlive the provider).
  explicit SystemProvider(const VolumeTable* volumes,
                          SystemProviderOptions options = {});
  // Removes the copies of the shadow copies still alive.
  ~SystemProvider();
  SystemProvider(const SystemProvider&) = delete;
  SystemProvider& operator=(const SystemProvider&) = delete;

  // Replaces the step behaviour (not owned); nullptr restores the default.
  void set_behaviour(ProviderBehaviour* behaviour);
  // Sets what may change a creation step's result after the behaviour
  // succeeded: the faults of an exploring run (choice_points.h). Empty: none.
  using FaultHook = std::function<void(const StepCall&, StepResult*)>;
  void set_fault_hook(FaultHook hook) { fault_hook_ = std::move(hook); }

  // Returns the provider's options.
  const SystemProviderOptions& options() const { return options_; }

  // --- Volume support and set building (AddToSnapshotSet). ---------------

  // Answers IsVolumeSupported: E_INVALIDARG for NULL arguments,
  // VSS_E_OBJECT_NOT_FOUND for an unknown volume,
  // VSS_E_PROVIDER_NOT_REGISTERED for a provider id other than GUID_NULL
  // and ours; otherwise S_OK with *supported telling whether a shadow copy
  // is possible in context (limits such as the 512 per volume ignored;
  // VSS_CTX_ALL asks whether any shadow copy is possible on the volume).
  HRESULT IsVolumeSupported(const VSS_ID& provider_id, LPCWSTR volume_name,
                            LONG context, BOOL* supported) const;

  // Returns the HRESULT AddToSnapshotSet gives for adding volume_name to set
  // with provider_id, checking in this order: E_INVALIDARG,
  // VSS_E_OBJECT_NOT_FOUND, VSS_E_PROVIDER_NOT_REGISTERED,
  // VSS_E_VOLUME_NOT_SUPPORTED (GUID_NULL) or
  // VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER (our id),
  // VSS_E_OBJECT_ALREADY_EXISTS (volume already in the set),
  // VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
  // VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED. On S_OK stores the volume in
  // *volume when volume is not NULL.
  HRESULT CheckVolumeForSet(LPCWSTR volume_name, const VSS_ID& provider_id,
                            const SnapshotSetPlan& set,
                            const Volume** volume = nullptr) const;

  // Checks as CheckVolumeForSet and, on success, appends the volume to *set
  // under snapshot_id (which must not be GUID_NULL: E_INVALIDARG).
  HRESULT AddToSnapshotSet(LPCWSTR volume_name, const VSS_ID& provider_id,
                           const VSS_ID& snapshot_id, SnapshotSetPlan* set);

  // --- The provider call sequence (spec 14.4). ----------------------------

  // Prepares one volume; a set id other than the one in progress starts a
  // new sequence, as a provider must after an attempt that died silently.
  StepOutcome BeginPrepareSnapshot(const VSS_ID& set_id,
                                   const VSS_ID& snapshot_id,
                                   LPCWSTR volume_name, LONG context);
  // Finishes preparing the set in progress.
  StepOutcome EndPrepareSnapshots(const VSS_ID& set_id);
  // Runs the pre-commit step (writers are frozen).
  StepOutcome PreCommitSnapshots(const VSS_ID& set_id);
  // Commits the set: creates its shadow copies, owned by owner and stamped
  // with now, and copies the files of its backed volumes. When copies is
  // not NULL it receives one report per backed volume copied or attempted,
  // in set order (the failed one last).
  StepOutcome CommitSnapshots(const VSS_ID& set_id, uint64_t owner,
                              sim::TimePoint now,
                              std::vector<VolumeCopy>* copies = nullptr);
  // Runs the post-commit step; snapshots_count must equal the number of
  // prepared volumes (E_INVALIDARG otherwise).
  StepOutcome PostCommitSnapshots(const VSS_ID& set_id, LONG snapshots_count);
  // Runs the pre-final-commit step (writers are thawed).
  StepOutcome PreFinalCommitSnapshots(const VSS_ID& set_id);
  // Completes the set: its shadow copies become VSS_SS_CREATED.
  StepOutcome PostFinalCommitSnapshots(const VSS_ID& set_id);
  // Makes the auto-recovered shadow copies of set_id read-only: their
  // writers' PostSnapshot has ended.
  void EndAutoRecovery(const VSS_ID& set_id);
  // Abandons the set in progress and deletes what it created; S_OK at once
  // when set_id is not in progress. Its result is never mapped.
  StepOutcome AbortSnapshots(const VSS_ID& set_id);

  // --- Shadow copies. -----------------------------------------------------

  // Answers GetSnapshotProperties: E_INVALIDARG for NULL prop,
  // VSS_E_OBJECT_NOT_FOUND for an unknown id.
  HRESULT GetSnapshotProperties(const VSS_ID& snapshot_id,
                                VSS_SNAPSHOT_PROP* prop) const;

  // Answers DeleteSnapshots for VSS_OBJECT_SNAPSHOT or
  // VSS_OBJECT_SNAPSHOT_SET (E_INVALIDARG for other types or NULL
  // out-parameters, VSS_E_OBJECT_NOT_FOUND when nothing matches). Deletes in
  // creation order and stops at the first failure, whose id goes to
  // *nondeleted (GUID_NULL on full success). force is accepted and, as the
  // system provider has nothing more to try, changes nothing.
  HRESULT DeleteSnapshots(const VSS_ID& source_id, VSS_OBJECT_TYPE source_type,
                          BOOL force, LONG* deleted, VSS_ID* nondeleted);

  // Answers Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT) for a
  // backup object in context: the completed shadow copies whose context
  // kind matches (all of them for VSS_CTX_ALL), in creation order. S_FALSE
  // with a valid empty enumerator when none match, as vshadow expects.
  // E_INVALIDARG for other ids or types or a NULL out-pointer; E_NOTIMPL for
  // VSS_OBJECT_PROVIDER, which the emulator does not list yet.
  HRESULT Query(const VSS_ID& queried_id, VSS_OBJECT_TYPE queried_type,
                VSS_OBJECT_TYPE returned_type, LONG context,
                IVssEnumObject** out) const;

  // Deletes owner's auto-release shadow copies (those without
  // VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE), as releasing a backup object does;
  // returns how many were deleted. Never consults the behaviour.
  size_t ReleaseAutoReleaseSnapshots(uint64_t owner);

  // Returns the shadow copy with snapshot_id, or nullptr.
  const SnapshotRecord* FindSnapshot(const VSS_ID& snapshot_id) const;

  // Returns the shadow copy whose device object is device (letter case
  // ignored; its GLOBALROOT name always matches too), or nullptr.
  const SnapshotRecord* FindSnapshotByDevice(std::wstring_view device) const;

  // Returns the shadow copy a backslash-separated path lies on (a device
  // name, "\\.\" or "\\?\GLOBALROOT" form or the host form, followed by
  // nothing or by "\rest"), storing in *rest what follows the device; or
  // nullptr when the path is on no shadow copy (*rest is then unspecified).
  const SnapshotRecord* FindSnapshotForPath(std::wstring_view path,
                                            std::wstring* rest) const;

  // Returns whether the files of record's shadow copy may be changed now:
  // the one place that decides it. Only an auto-recovered shadow copy is,
  // from its commit until its writers' PostSnapshot ends.
  bool IsShadowCopyWritable(const SnapshotRecord& record) const;

  // Returns the folder under which copies of backed volumes live (empty
  // until the first copy when no storage was configured).
  const std::filesystem::path& snapshot_storage() const {
    return storage_.root();
  }

  // Returns how many shadow copies exist (in any state).
  size_t LiveSnapshotCount() const { return snapshots_.size(); }

  // Returns how many shadow copies exist of volume.
  size_t SnapshotCountOnVolume(const Volume& volume) const;

 private:
  enum class Phase {
    kPreparing,
    kPrepared,
    kPreCommitted,
    kCommitted,
    kPostCommitted,
    kPreFinalCommitted,
  };
  struct InProgress {
    VSS_ID set_id;
    LONG context;
    std::vector<PlannedSnapshot> prepared;
    Phase phase;
  };

  bool Supports(const Volume& volume, LONG context) const;
  // Runs the behaviour for call and maps its result.
  StepOutcome Run(const StepCall& call);
  // Returns the set in progress if it is set_id and in phase expected.
  InProgress* InPhase(const VSS_ID& set_id, Phase expected);
  // Runs a per-set step that moves the set from `from` to `to`, setting the
  // state of its records to new_state when that is not VSS_SS_UNKNOWN.
  StepOutcome Advance(ProviderStep step, const VSS_ID& set_id, Phase from,
                      Phase to, VSS_SNAPSHOT_STATE new_state);
  void SetStateOfSet(const VSS_ID& set_id, VSS_SNAPSHOT_STATE state);
  void EraseSet(const VSS_ID& set_id);
  // Erases the records doomed selects, removing their copies first; returns
  // how many it erased.
  size_t EraseRecords(const std::function<bool(const SnapshotRecord&)>& doomed);
  // Copies the backed volumes of records (just created, not stored yet);
  // on failure removes the copies made and returns the failure.
  HRESULT CopyBackedVolumes(std::vector<SnapshotRecord>& records,
                            std::vector<VolumeCopy>* copies);
  // Returns the folders of volume's host folder that other volumes are
  // mounted on: its copy leaves them empty.
  std::vector<std::filesystem::path> MountedFolders(const Volume& volume) const;

  const VolumeTable* volumes_;
  SystemProviderOptions options_;
  ProviderBehaviour default_behaviour_;
  ProviderBehaviour* behaviour_ = &default_behaviour_;
  FaultHook fault_hook_;
  std::optional<InProgress> in_progress_;
  std::vector<SnapshotRecord> snapshots_;  // In creation order.
  uint64_t next_device_number_ = 1;
  SnapshotStorage storage_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_PROVIDER_SYSTEM_H_
