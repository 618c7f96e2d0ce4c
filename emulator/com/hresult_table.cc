#include "com/hresult_table.h"

#include <vsserror.h>

#include <algorithm>
#include <cstdio>

namespace vssemu::com {
namespace {

// One entry per macro: the value is the macro itself and the name is its
// spelling, so neither can drift from the SDK mirror headers.
#define VSSEMU_HRESULT(macro, meaning) \
  HresultInfo { macro, #macro, meaning }

// Every code of vsserror.h plus the common COM codes, sorted by name (byte
// order, as std::string_view compares) so that HresultFromName can bisect.
// tests/com/hresult_table_test.cc checks that every macro of vsserror.h is
// here.
constexpr HresultInfo kTable[] = {
    VSSEMU_HRESULT(E_ABORT, "The operation was aborted."),
    VSSEMU_HRESULT(E_ACCESSDENIED,
                   "Access denied; for VSS usually a caller without backup "
                   "privilege or administrator rights."),
    VSSEMU_HRESULT(E_FAIL, "Unspecified failure."),
    VSSEMU_HRESULT(E_HANDLE, "A handle is not valid."),
    VSSEMU_HRESULT(E_INVALIDARG, "One of the parameter values is not valid."),
    VSSEMU_HRESULT(E_NOINTERFACE,
                   "The object does not support the requested interface."),
    VSSEMU_HRESULT(E_NOTIMPL, "The method is not implemented."),
    VSSEMU_HRESULT(E_OUTOFMEMORY, "Memory could not be allocated."),
    VSSEMU_HRESULT(E_POINTER,
                   "A required pointer argument is NULL or not valid."),
    VSSEMU_HRESULT(E_UNEXPECTED,
                   "An unexpected, catastrophic failure occurred."),
    VSSEMU_HRESULT(S_FALSE,
                   "The call succeeded with a negative or partial answer (the "
                   "'false' success code)."),
    VSSEMU_HRESULT(S_OK, "The call succeeded."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL,
                   "ASR restore: there are not enough disks of sufficient size "
                   "to recreate every critical disk."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED,
                   "ASR restore: a disk that was critical at backup time is on "
                   "the exclusion list."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_DATADISK_RDISK0,
        "ASR restore: the disk marked active in the BIOS is a data disk."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED,
                   "ASR restore: too few disks, or disks too small, to match "
                   "the disks in the backup."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_DISK_RECREATION_FAILED,
                   "ASR restore: a disk that the backup needs could not be "
                   "recreated on this computer."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED,
                   "ASR: a critical dynamic disk is a virtual hard disk, which "
                   "is not supported."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION,
        "ASR restore: no usable disk is left once offline, cluster shared and "
        "excluded disks are set aside."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_MISSING_DYNDISK,
        "ASR backup: a disk that holds part of a dynamic volume is missing."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_NO_ARCPATH,
                   "ASR restore: restart the computer to finish preparing a "
                   "disk, then run the restore again."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE,
                   "ASR restore: no fixed disk is available to recreate the "
                   "backed-up volumes."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_RDISK0_TOOSMALL,
                   "ASR restore: the disk marked active in the BIOS is smaller "
                   "than the original system disk."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND,
        "ASR restore: no disk can be used to recover the system disk."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_SHARED_CRIDISK,
                   "ASR: a selected critical volume is on a cluster shared "
                   "disk, which is not supported."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN,
                   "ASR backup: the active system partition is hidden or has "
                   "an unrecognized file system."),
    VSSEMU_HRESULT(VSS_E_AUTORECOVERY_FAILED,
                   "Auto-recovery of the shadow copy did not finish."),
    VSSEMU_HRESULT(VSS_E_BAD_STATE,
                   "The object is not initialized, is in the wrong mode "
                   "(backup versus restore), or the call is out of sequence."),
    VSSEMU_HRESULT(VSS_E_BREAK_REVERT_ID_FAILED,
                   "Breaking the set failed: disk identities could not be "
                   "reverted because the target identity is already present."),
    VSSEMU_HRESULT(VSS_E_CANNOT_REVERT_DISKID,
                   "The MBR signature or GPT id of a disk could not be set to "
                   "the intended value."),
    VSSEMU_HRESULT(VSS_E_CLUSTER_ERROR,
                   "Clustered disks could not be listed or put into cluster "
                   "maintenance mode."),
    VSSEMU_HRESULT(VSS_E_CLUSTER_TIMEOUT,
                   "Preparing a cluster shared volume for backup timed out."),
    VSSEMU_HRESULT(VSS_E_CORRUPT_XML_DOCUMENT,
                   "The XML document is malformed or does not fit the schema "
                   "(older code, replaced by VSS_E_INVALID_XML_DOCUMENT)."),
    VSSEMU_HRESULT(VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK,
                   "A critical volume selected for backup is on a disk that "
                   "ASR cannot back up."),
    VSSEMU_HRESULT(
        VSS_E_DYNAMIC_DISK_ERROR,
        "Handling the dynamic disks involved in the operation failed."),
    VSSEMU_HRESULT(VSS_E_FLUSH_WRITES_TIMEOUT,
                   "Flushing writes to a volume before the shadow copy timed "
                   "out, usually because the volume is busy."),
    VSSEMU_HRESULT(VSS_E_FSS_TIMEOUT,
                   "Preparing a file share shadow copy for backup timed out."),
    VSSEMU_HRESULT(VSS_E_HOLD_WRITES_TIMEOUT,
                   "Writes to a volume could not be held for the shadow copy "
                   "in time, usually because of heavy I/O."),
    VSSEMU_HRESULT(VSS_E_INSUFFICIENT_STORAGE,
                   "There is not enough space for the shadow copy storage or "
                   "other shadow copy data."),
    VSSEMU_HRESULT(VSS_E_INVALID_XML_DOCUMENT,
                   "The XML document is malformed or does not fit the schema."),
    VSSEMU_HRESULT(VSS_E_LEGACY_PROVIDER,
                   "This version of the hardware provider does not support the "
                   "operation."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED,
        "No more shadow copy storage (diff area) associations can be made."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED,
        "The operation already involves as many remote computers as allowed."),
    VSSEMU_HRESULT(VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED,
                   "The volume already has as many shadow copies as the system "
                   "or provider allows."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
        "The shadow copy set already holds as many volumes as allowed."),
    VSSEMU_HRESULT(VSS_E_MISSING_DISK,
                   "A disk that should have appeared in the system did not."),
    VSSEMU_HRESULT(
        VSS_E_MISSING_HIDDEN_VOLUME,
        "A hidden volume that should have appeared in the system did not."),
    VSSEMU_HRESULT(VSS_E_MISSING_VOLUME,
                   "A volume that should have appeared in the system did not."),
    VSSEMU_HRESULT(VSS_E_NESTED_VOLUME_LIMIT,
                   "The volume is nested too deeply (e.g. a VHD inside a VHD) "
                   "to take part."),
    VSSEMU_HRESULT(VSS_E_NONTRANSPORTABLE_BCD,
                   "The Backup Components Document is for a non-transportable "
                   "shadow copy; this needs a transportable one."),
    VSSEMU_HRESULT(
        VSS_E_NOT_SUPPORTED,
        "The operation is not supported (for example by an express writer)."),
    VSSEMU_HRESULT(VSS_E_NO_SNAPSHOTS_IMPORTED,
                   "None of the shadow copies could be imported."),
    VSSEMU_HRESULT(VSS_E_OBJECT_ALREADY_EXISTS,
                   "The object already exists, e.g. a component with this "
                   "logical path and name was already added."),
    VSSEMU_HRESULT(VSS_E_OBJECT_NOT_FOUND,
                   "The volume, shadow copy, component or writer named in the "
                   "call does not exist."),
    VSSEMU_HRESULT(VSS_E_PROVIDER_ALREADY_REGISTERED,
                   "The provider is already registered."),
    VSSEMU_HRESULT(VSS_E_PROVIDER_IN_USE,
                   "The provider is in use, so it cannot be unregistered."),
    VSSEMU_HRESULT(VSS_E_PROVIDER_NOT_REGISTERED,
                   "The provider id does not name a registered provider."),
    VSSEMU_HRESULT(
        VSS_E_PROVIDER_VETO,
        "The provider failed the operation; the details go to the event log."),
    VSSEMU_HRESULT(VSS_E_REBOOT_REQUIRED,
                   "The computer must be restarted after this operation."),
    VSSEMU_HRESULT(VSS_E_REMOTE_SERVER_UNAVAILABLE,
                   "The remote server cannot be reached."),
    VSSEMU_HRESULT(VSS_E_REMOTE_SERVER_UNSUPPORTED,
                   "The remote server's VSS cannot create shadow copies on "
                   "behalf of a remote caller."),
    VSSEMU_HRESULT(
        VSS_E_RESYNC_IN_PROGRESS,
        "A LUN resynchronization is already running, so another cannot start."),
    VSSEMU_HRESULT(VSS_E_REVERT_IN_PROGRESS,
                   "The volume is already being reverted; a second revert must "
                   "wait for the first to end."),
    VSSEMU_HRESULT(VSS_E_REVERT_VOLUME_LOST,
                   "The volume disappeared while it was being reverted."),
    VSSEMU_HRESULT(VSS_E_SNAPSHOT_NOT_IN_SET,
                   "The shadow copy id is not part of the set recorded in the "
                   "Backup Components Document."),
    VSSEMU_HRESULT(
        VSS_E_SNAPSHOT_SET_IN_PROGRESS,
        "Another shadow copy set is being created; try again later."),
    VSSEMU_HRESULT(VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED,
                   "Some shadow copies could not be imported (failure code)."),
    VSSEMU_HRESULT(VSS_E_TRANSACTION_FREEZE_TIMEOUT,
                   "Freezing a transaction manager (KTM) timed out."),
    VSSEMU_HRESULT(
        VSS_E_TRANSACTION_THAW_TIMEOUT,
        "A transaction manager stayed frozen too long before it was thawed."),
    VSSEMU_HRESULT(
        VSS_E_UNEXPECTED,
        "VSS hit an unexpected error; the details go to the event log."),
    VSSEMU_HRESULT(VSS_E_UNEXPECTED_PROVIDER_ERROR,
                   "The provider returned an error code that its contract does "
                   "not allow."),
    VSSEMU_HRESULT(
        VSS_E_UNEXPECTED_WRITER_ERROR,
        "Delivering events to the writers, or talking to them, failed."),
    VSSEMU_HRESULT(VSS_E_UNSELECTED_VOLUME,
                   "The operation would overwrite a volume that was not "
                   "explicitly selected."),
    VSSEMU_HRESULT(
        VSS_E_UNSUPPORTED_CONTEXT,
        "The provider does not support the requested shadow copy context."),
    VSSEMU_HRESULT(VSS_E_VOLUME_IN_USE,
                   "The shadow copy storage association is in use, so it "
                   "cannot be deleted."),
    VSSEMU_HRESULT(
        VSS_E_VOLUME_NOT_LOCAL,
        "The volume being backed up is not mounted on this computer."),
    VSSEMU_HRESULT(VSS_E_VOLUME_NOT_SUPPORTED,
                   "No provider can shadow-copy this volume (with the "
                   "requested attributes)."),
    VSSEMU_HRESULT(VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER,
                   "The named provider cannot shadow-copy this volume."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT,
                   "The shadow copy set lacks volumes that the writer's "
                   "selected components need."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_NONRETRYABLE,
        "The writer hit an error that will likely happen again on retry."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_OUTOFRESOURCES,
                   "The writer ran out of memory or another resource."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_PARTIAL_FAILURE,
                   "Some of the writer's components failed; each component's "
                   "own failure tells which."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_RECOVERY_FAILED,
        "The writer failed while recovering the shadow copy volume."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_RETRYABLE,
                   "The writer hit a transient error; retrying the whole "
                   "operation will likely work."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_TIMEOUT,
        "The time allowed between Freeze and Thaw ran out for the writer."),
    VSSEMU_HRESULT(
        VSS_E_WRITER_ALREADY_SUBSCRIBED,
        "The writer is already subscribed; Subscribe may succeed only once."),
    VSSEMU_HRESULT(VSS_E_WRITER_INFRASTRUCTURE,
                   "VSS could not contact the writers; the writer "
                   "infrastructure is not working."),
    VSSEMU_HRESULT(VSS_E_WRITER_NOT_RESPONDING,
                   "A writer did not answer; it may have exited or hung."),
    VSSEMU_HRESULT(VSS_E_WRITER_STATUS_NOT_AVAILABLE,
                   "A writer's status is unavailable, e.g. it has no "
                   "backup/restore session slot left."),
    VSSEMU_HRESULT(VSS_S_ASYNC_CANCELLED,
                   "The asynchronous operation was cancelled."),
    VSSEMU_HRESULT(VSS_S_ASYNC_FINISHED,
                   "The asynchronous operation completed successfully."),
    VSSEMU_HRESULT(VSS_S_ASYNC_PENDING,
                   "The asynchronous operation is still running."),
    VSSEMU_HRESULT(VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED,
                   "The import succeeded for some shadow copies but not for "
                   "all (success code)."),
};

#undef VSSEMU_HRESULT

// Holds when the names ascend strictly: sorted, and no name twice.
constexpr bool NamesAscend(std::span<const HresultInfo> table) {
  for (size_t i = 1; i < table.size(); ++i) {
    if (std::string_view(table[i - 1].name) >= table[i].name) return false;
  }
  return true;
}
static_assert(NamesAscend(kTable), "keep kTable sorted by name");

}  // namespace

std::span<const HresultInfo> AllHresults() { return kTable; }

const HresultInfo* FindHresult(HRESULT hr) {
  for (const HresultInfo& info : kTable) {
    if (info.value == hr) return &info;
  }
  return nullptr;
}

const char* HresultName(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->name : nullptr;
}

const char* HresultMeaning(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->meaning : nullptr;
}

std::string HresultToString(HRESULT hr) {
  if (const char* name = HresultName(hr)) return name;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%08X", static_cast<unsigned>(hr));
  return buf;
}

std::optional<HRESULT> HresultFromName(std::string_view name) {
  const HresultInfo* it =
      std::lower_bound(std::begin(kTable), std::end(kTable), name,
                       [](const HresultInfo& info, std::string_view key) {
                         return info.name < key;
                       });
  if (it == std::end(kTable) || name != it->name) return std::nullopt;
  return it->value;
}

}  // namespace vssemu::com
