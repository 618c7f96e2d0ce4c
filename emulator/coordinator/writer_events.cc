#include "coordinator/writer_events.h"

#include <vsserror.h>

namespace vssemu::coordinator {

VSS_WRITER_STATE StateAfterSuccess(WriterEvent event) {
  switch (event) {
    case WriterEvent::kPrepareForSnapshot: return VSS_WS_WAITING_FOR_FREEZE;
    case WriterEvent::kFreeze: return VSS_WS_WAITING_FOR_THAW;
    case WriterEvent::kThaw: return VSS_WS_WAITING_FOR_POST_SNAPSHOT;
    case WriterEvent::kPostSnapshot: return VSS_WS_WAITING_FOR_BACKUP_COMPLETE;
    default: return VSS_WS_STABLE;
  }
}

VSS_WRITER_STATE StateAfterFailure(WriterEvent event) {
  switch (event) {
    case WriterEvent::kIdentify: return VSS_WS_FAILED_AT_IDENTIFY;
    case WriterEvent::kPrepareForBackup: return VSS_WS_FAILED_AT_PREPARE_BACKUP;
    case WriterEvent::kPrepareForSnapshot:
      return VSS_WS_FAILED_AT_PREPARE_SNAPSHOT;
    case WriterEvent::kFreeze: return VSS_WS_FAILED_AT_FREEZE;
    case WriterEvent::kThaw: return VSS_WS_FAILED_AT_THAW;
    case WriterEvent::kPostSnapshot: return VSS_WS_FAILED_AT_POST_SNAPSHOT;
    case WriterEvent::kBackupComplete: return VSS_WS_FAILED_AT_BACKUP_COMPLETE;
    case WriterEvent::kBackupShutdown: return VSS_WS_FAILED_AT_BACKUPSHUTDOWN;
    case WriterEvent::kPreRestore: return VSS_WS_FAILED_AT_PRE_RESTORE;
    case WriterEvent::kPostRestore: return VSS_WS_FAILED_AT_POST_RESTORE;
    default: return VSS_WS_UNKNOWN;
  }
}

bool FailureRaisesAbort(WriterEvent event) {
  return event == WriterEvent::kFreeze || event == WriterEvent::kThaw;
}

std::string_view WriterStateName(VSS_WRITER_STATE state) {
  switch (state) {
    case VSS_WS_UNKNOWN: return "UNKNOWN";
    case VSS_WS_STABLE: return "STABLE";
    case VSS_WS_WAITING_FOR_FREEZE: return "WAITING_FOR_FREEZE";
    case VSS_WS_WAITING_FOR_THAW: return "WAITING_FOR_THAW";
    case VSS_WS_WAITING_FOR_POST_SNAPSHOT: return "WAITING_FOR_POST_SNAPSHOT";
    case VSS_WS_WAITING_FOR_BACKUP_COMPLETE:
      return "WAITING_FOR_BACKUP_COMPLETE";
    case VSS_WS_FAILED_AT_IDENTIFY: return "FAILED_AT_IDENTIFY";
    case VSS_WS_FAILED_AT_PREPARE_BACKUP: return "FAILED_AT_PREPARE_BACKUP";
    case VSS_WS_FAILED_AT_PREPARE_SNAPSHOT: return "FAILED_AT_PREPARE_SNAPSHOT";
    case VSS_WS_FAILED_AT_FREEZE: return "FAILED_AT_FREEZE";
    case VSS_WS_FAILED_AT_THAW: return "FAILED_AT_THAW";
    case VSS_WS_FAILED_AT_POST_SNAPSHOT: return "FAILED_AT_POST_SNAPSHOT";
    case VSS_WS_FAILED_AT_BACKUP_COMPLETE: return "FAILED_AT_BACKUP_COMPLETE";
    case VSS_WS_FAILED_AT_PRE_RESTORE: return "FAILED_AT_PRE_RESTORE";
    case VSS_WS_FAILED_AT_POST_RESTORE: return "FAILED_AT_POST_RESTORE";
    case VSS_WS_FAILED_AT_BACKUPSHUTDOWN: return "FAILED_AT_BACKUPSHUTDOWN";
    case VSS_WS_COUNT: break;
  }
  return "?";
}

const char* LevelName(VSS_APPLICATION_LEVEL level) {
  switch (level) {
    case VSS_APP_UNKNOWN: return "UNKNOWN";
    case VSS_APP_SYSTEM: return "SYSTEM";
    case VSS_APP_BACK_END: return "BACK_END";
    case VSS_APP_FRONT_END: return "FRONT_END";
    case VSS_APP_SYSTEM_RM: return "SYSTEM_RM";
    case VSS_APP_AUTO: return "AUTO";
  }
  return "?";
}

bool IsFailureState(VSS_WRITER_STATE state) {
  return state >= VSS_WS_FAILED_AT_IDENTIFY &&
         state <= VSS_WS_FAILED_AT_BACKUPSHUTDOWN;
}

int FreezeRank(VSS_APPLICATION_LEVEL level) {
  switch (level) {
    case VSS_APP_FRONT_END: return 0;
    case VSS_APP_BACK_END: return 1;
    case VSS_APP_SYSTEM: return 2;
    case VSS_APP_SYSTEM_RM: return 3;
    default: return 4;
  }
}

bool IsWriterFailureCode(HRESULT hr) {
  return hr == VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT ||
         hr == VSS_E_WRITERERROR_OUTOFRESOURCES ||
         hr == VSS_E_WRITERERROR_TIMEOUT ||
         hr == VSS_E_WRITERERROR_RETRYABLE ||
         hr == VSS_E_WRITERERROR_NONRETRYABLE;
}

}  // namespace vssemu::coordinator
