// The access table of IVssComponent setters (see bcd_access.h).
#include "metadata/bcd_access.h"

namespace vssemu::metadata {
namespace {

using E = BcdEvent;
using G = BcdSetterGroup;

struct Rule {
  BcdSetterGroup group;
  BcdEvent events[8];  // Terminated by kNone (never an allowed event).
};

// One row per setter group: the events during which it may be called.
constexpr Rule kRules[] = {
    // 10.3 [DOC]: SetBackupStamp and AddDifferencedFiles* only during backup,
    // not in BackupComplete/BackupShutdown; SetBackupMetadata and
    // AddPartialFile follow the same rule [INFER]. Q28 narrows the window to
    // the two backup callbacks that receive the components.
    {G::kBackupData, {E::kPrepareForBackup, E::kPostSnapshot}},
    // 15.3 [DOC]: only inside OnPrepareBackup.
    {G::kPrepareForBackupFailureMsg, {E::kPrepareForBackup}},
    // 15.3 [INFER by symmetry]: only inside OnPostSnapshot.
    {G::kPostSnapshotFailureMsg, {E::kPostSnapshot}},
    // 10.3: SetRestoreTarget is restore-only [DOC]; AddDirectedTarget,
    // SetRestoreMetadata, SetPreRestoreFailureMsg belong to PreRestore [INFER].
    {G::kPreRestoreData, {E::kPreRestore}},
    // 15.3 [INFER]: only inside OnPostRestore.
    {G::kPostRestoreFailureMsg, {E::kPostRestore}},
    // 15.3 [DOC]: any handler except Identify; but 10.3 and rule 18.15 make
    // the document read-only from BackupComplete on, so BackupComplete and
    // BackupShutdown are excluded as well.
    {G::kFailure,
     {E::kPrepareForBackup, E::kPrepareForSnapshot, E::kFreeze, E::kThaw,
      E::kPostSnapshot, E::kAbort, E::kPreRestore, E::kPostRestore}},
};

}  // namespace

bool IsSetterAllowed(BcdEvent event, BcdSetterGroup group) {
  // The requester never writes through a view: it has IVssBackupComponents.
  if (event == BcdEvent::kNone) return false;
  for (const Rule& rule : kRules) {
    if (rule.group != group) continue;
    for (BcdEvent allowed : rule.events) {
      if (allowed == BcdEvent::kNone) break;
      if (allowed == event) return true;
    }
  }
  return false;
}

std::string_view BcdEventName(BcdEvent event) {
  switch (event) {
    case E::kNone:
      return "None";
    case E::kIdentify:
      return "Identify";
    case E::kPrepareForBackup:
      return "PrepareForBackup";
    case E::kPrepareForSnapshot:
      return "PrepareForSnapshot";
    case E::kFreeze:
      return "Freeze";
    case E::kThaw:
      return "Thaw";
    case E::kPostSnapshot:
      return "PostSnapshot";
    case E::kAbort:
      return "Abort";
    case E::kBackupComplete:
      return "BackupComplete";
    case E::kBackupShutdown:
      return "BackupShutdown";
    case E::kPreRestore:
      return "PreRestore";
    case E::kPostRestore:
      return "PostRestore";
  }
  return "?";
}

std::string_view BcdSetterGroupName(BcdSetterGroup group) {
  switch (group) {
    case G::kBackupData:
      return "BackupData";
    case G::kPrepareForBackupFailureMsg:
      return "PrepareForBackupFailureMsg";
    case G::kPostSnapshotFailureMsg:
      return "PostSnapshotFailureMsg";
    case G::kPreRestoreData:
      return "PreRestoreData";
    case G::kPostRestoreFailureMsg:
      return "PostRestoreFailureMsg";
    case G::kFailure:
      return "Failure";
  }
  return "?";
}

std::shared_ptr<BcdAccess> MakeBcdAccess(BcdEvent event) {
  auto access = std::make_shared<BcdAccess>();
  access->event = event;
  return access;
}

}  // namespace vssemu::metadata
