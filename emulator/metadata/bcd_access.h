// Who may change a Backup Components Document component through its
// IVssComponent view, and when.
//
// Contract: a view is created with a BcdAccess handle naming the event being
// handled (BcdEvent::kNone for the requester, whose views are read-only).
// Every setter of the view belongs to one BcdSetterGroup; the setter succeeds
// only when IsSetterAllowed(event, group) and returns VSS_E_BAD_STATE
// otherwise. The coordinator keeps a mutable handle and changes the event
// when a callback starts or returns, so a writer that keeps a component
// pointer beyond its callback sees the current rule. The table follows
// protocol.md 10.3, 15.3, Q28 and rule 18.15.
#ifndef VSSEMU_METADATA_BCD_ACCESS_H_
#define VSSEMU_METADATA_BCD_ACCESS_H_

#include <memory>
#include <string_view>

namespace vssemu::metadata {

// The writer event being handled while a view is used; kNone = no writer
// callback is running (the requester's view, or a writer outside callbacks).
enum class BcdEvent {
  kNone,
  kIdentify,
  kPrepareForBackup,
  kPrepareForSnapshot,
  kFreeze,
  kThaw,
  kPostSnapshot,
  kAbort,
  kBackupComplete,
  kBackupShutdown,
  kPreRestore,
  kPostRestore,
};

// The writer-side setters of IVssComponent*, grouped by the rule that
// governs them.
enum class BcdSetterGroup {
  // SetBackupMetadata, AddPartialFile, SetBackupStamp,
  // AddDifferencedFilesByLastModifyTime, AddDifferencedFilesByLastModifyLSN.
  kBackupData,
  kPrepareForBackupFailureMsg,  // SetPrepareForBackupFailureMsg.
  kPostSnapshotFailureMsg,      // SetPostSnapshotFailureMsg.
  // SetRestoreTarget, AddDirectedTarget, SetRestoreMetadata,
  // SetPreRestoreFailureMsg.
  kPreRestoreData,
  kPostRestoreFailureMsg,  // SetPostRestoreFailureMsg.
  kFailure,                // IVssComponentEx2::SetFailure.
};

// Every event and every group, for table-driven callers and tests.
inline constexpr BcdEvent kAllBcdEvents[] = {
    BcdEvent::kNone,
    BcdEvent::kIdentify,
    BcdEvent::kPrepareForBackup,
    BcdEvent::kPrepareForSnapshot,
    BcdEvent::kFreeze,
    BcdEvent::kThaw,
    BcdEvent::kPostSnapshot,
    BcdEvent::kAbort,
    BcdEvent::kBackupComplete,
    BcdEvent::kBackupShutdown,
    BcdEvent::kPreRestore,
    BcdEvent::kPostRestore,
};
inline constexpr BcdSetterGroup kAllBcdSetterGroups[] = {
    BcdSetterGroup::kBackupData,
    BcdSetterGroup::kPrepareForBackupFailureMsg,
    BcdSetterGroup::kPostSnapshotFailureMsg,
    BcdSetterGroup::kPreRestoreData,
    BcdSetterGroup::kPostRestoreFailureMsg,
    BcdSetterGroup::kFailure,
};

// Returns whether a setter of group may run while event is being handled.
bool IsSetterAllowed(BcdEvent event, BcdSetterGroup group);

// Returns the event's name as the trace spells it ("PrepareForBackup").
std::string_view BcdEventName(BcdEvent event);
// Returns the group's name ("BackupData").
std::string_view BcdSetterGroupName(BcdSetterGroup group);

// The access state a view consults on every setter call.
struct BcdAccess {
  BcdEvent event = BcdEvent::kNone;

  // Returns whether the view belongs to a writer callback (not the requester).
  bool writer_side() const { return event != BcdEvent::kNone; }
};

// A shared, coordinator-owned access state; views only read it.
using BcdAccessHandle = std::shared_ptr<const BcdAccess>;

// Makes a fresh mutable access state for event.
std::shared_ptr<BcdAccess> MakeBcdAccess(BcdEvent event);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_ACCESS_H_
