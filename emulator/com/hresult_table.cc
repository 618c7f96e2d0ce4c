#include "com/hresult_table.h"

#include <vsserror.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vssemu::com {
namespace {

// One entry per macro: the value is the macro itself and the name is its
// spelling, so neither can drift from the SDK mirror headers. Then three
// one-line texts: the meaning, who raises the code, and what a requester
// should do about it.
#define VSSEMU_HRESULT(macro, meaning, raised_by, requester_action)        \
  HresultInfo {                                                            \
    macro, #macro, meaning, raised_by, requester_action, sizeof(#macro) - 1 \
  }

// Every code of vsserror.h plus the common COM codes, sorted by name (byte
// order, as std::string_view compares) so that HresultFromName can bisect.
// tests/com/hresult_table_test.cc checks that every macro of vsserror.h is
// here.
constexpr HresultInfo kTable[] = {
    VSSEMU_HRESULT(
        E_ABORT, "The operation was aborted.",
        "Any COM component that gives up on a cancelled operation; the VSS "
        "service turns a provider's E_ABORT into "
        "VSS_E_UNEXPECTED_PROVIDER_ERROR.",
        "Find out what cancelled the operation; call AbortBackup if a backup "
        "was under way, release the object and start again."),
    VSSEMU_HRESULT(
        E_ACCESSDENIED,
        "Access denied; for VSS usually a caller without backup privilege or "
        "administrator rights.",
        "CreateVssBackupComponents, InitializeForBackup/InitializeForRestore "
        "and most later calls, for a caller without backup privileges or "
        "administrator rights; a provider called by a non-privileged client.",
        "Run the requester as an administrator or backup operator with the "
        "backup (and for restore the restore) privilege enabled; retrying "
        "unchanged will not help."),
    VSSEMU_HRESULT(
        E_FAIL, "Unspecified failure.",
        "Any component, as a failure with no better code; the VSS service "
        "turns a provider's E_FAIL into VSS_E_UNEXPECTED_PROVIDER_ERROR.",
        "Read the event log of whoever returned it; no retry rule is "
        "documented, so release the object and start again at most once or "
        "twice."),
    VSSEMU_HRESULT(E_HANDLE, "A handle is not valid.",
                   "Windows or COM code handed a handle that is not valid; no "
                   "VSS requester method documents it.",
                   "Treat it as a bug in the caller: check the lifetime of the "
                   "handles passed in."),
    VSSEMU_HRESULT(
        E_INVALIDARG, "One of the parameter values is not valid.",
        "Any call, for a NULL out-pointer or bad argument (e.g. an unsupported "
        "context for SetContext); a provider given a bad parameter.",
        "Fix the call: check every pointer and value against the method's "
        "documentation; retrying unchanged gives the same code."),
    VSSEMU_HRESULT(
        E_NOINTERFACE, "The object does not support the requested interface.",
        "QueryInterface on any VSS object, for an interface it does not "
        "implement (e.g. a newer IVssBackupComponentsEx on an older system).",
        "Fall back to the older interface, or skip the feature that needs the "
        "newer one."),
    VSSEMU_HRESULT(
        E_NOTIMPL, "The method is not implemented.",
        "A method this version of Windows does not implement, e.g. SetContext "
        "on Windows XP.",
        "Use the older call sequence, or require a newer version of Windows."),
    VSSEMU_HRESULT(E_OUTOFMEMORY, "Memory could not be allocated.",
                   "Any VSS call (the VSS service or the requester library), "
                   "or a provider out of memory or other system resources.",
                   "Free memory or reduce load, release the backup components "
                   "object and start again."),
    VSSEMU_HRESULT(E_POINTER,
                   "A required pointer argument is NULL or not valid.",
                   "COM methods given a NULL or bad pointer argument (VSS "
                   "methods usually answer E_INVALIDARG instead).",
                   "Fix the call: pass a valid pointer."),
    VSSEMU_HRESULT(
        E_UNEXPECTED, "An unexpected, catastrophic failure occurred.",
        "The VSS service before Windows 7 / Server 2008 R2 (later ones return "
        "VSS_E_UNEXPECTED); a provider's E_UNEXPECTED becomes "
        "VSS_E_UNEXPECTED_PROVIDER_ERROR.",
        "Read the Application event log, release the object and start again."),
    VSSEMU_HRESULT(
        S_FALSE,
        "The call succeeded with a negative or partial answer (the 'false' "
        "success code).",
        "Calls that succeed with a no or a partial answer (e.g. an enumerator "
        "with fewer items left than asked for); not a valid provider return, "
        "where the VSS service turns it into VSS_E_UNEXPECTED_PROVIDER_ERROR.",
        "Nothing to fix: treat it as success, and read the method's "
        "documentation for what the 'false' answer means."),
    VSSEMU_HRESULT(
        S_OK, "The call succeeded.",
        "Every call that succeeded; also the failure code a writer reports "
        "(SetWriterFailureEx, SetFailure) when it did not fail.",
        "Nothing; go on with the next step."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL,
        "ASR restore: there are not enough disks of sufficient size to "
        "recreate every critical disk.",
        "The ASR writer during an ASR restore, when it matches the backed-up "
        "disks to this computer's disks.",
        "Attach enough disks, each at least as large as the original critical "
        "disk, then restore again; see the ASR documentation."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED,
        "ASR restore: a disk that was critical at backup time is on the "
        "exclusion list.",
        "The ASR writer during an ASR restore, when the requester excluded a "
        "disk that holds critical volumes.",
        "Take the critical disk off the exclusion list, then restore again."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_DATADISK_RDISK0,
        "ASR restore: the disk marked active in the BIOS is a data disk.",
        "The ASR writer during an ASR restore, when it checks the BIOS boot "
        "disk.",
        "Make the intended system disk the first boot disk in the BIOS, then "
        "restore again; see the ASR documentation."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED,
                   "ASR restore: too few disks, or disks too small, to match "
                   "the disks in the backup.",
                   "The ASR writer during an ASR restore, when it assigns this "
                   "computer's disks to the backed-up ones.",
                   "Attach more disks, or larger ones, so that every backed-up "
                   "disk has a target; then restore again."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_DISK_RECREATION_FAILED,
                   "ASR restore: a disk that the backup needs could not be "
                   "recreated on this computer.",
                   "The ASR writer during an ASR restore, when it recreates a "
                   "disk layout.",
                   "Check that disk and the ASR entries of the event log; see "
                   "the ASR documentation."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED,
        "ASR: a critical dynamic disk is a virtual hard disk, which is not "
        "supported.",
        "The ASR writer, for a critical volume on a dynamic virtual hard disk.",
        "Leave that volume out of the ASR backup, or move it off the virtual "
        "disk."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION,
        "ASR restore: no usable disk is left once offline, cluster shared and "
        "excluded disks are set aside.",
        "The ASR writer during an ASR restore, after it sets aside offline, "
        "cluster shared and excluded disks.",
        "Bring a fixed disk online or exclude fewer disks, then restore "
        "again."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_MISSING_DYNDISK,
        "ASR backup: a disk that holds part of a dynamic volume is missing.",
        "The ASR writer during an ASR backup, when it describes the dynamic "
        "volumes.",
        "Bring the missing disk online or repair the dynamic volume, then back "
        "up again."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_NO_ARCPATH,
                   "ASR restore: restart the computer to finish preparing a "
                   "disk, then run the restore again.",
                   "The ASR writer during an ASR restore, when a disk is not "
                   "yet ready for use.",
                   "Restart the computer, then run the restore again."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE,
                   "ASR restore: no fixed disk is available to recreate the "
                   "backed-up volumes.",
                   "The ASR writer during an ASR restore.",
                   "Attach a fixed disk that can take the backed-up volumes, "
                   "then restore again."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_RDISK0_TOOSMALL,
                   "ASR restore: the disk marked active in the BIOS is smaller "
                   "than the original system disk.",
                   "The ASR writer during an ASR restore, when it checks the "
                   "BIOS boot disk.",
                   "Boot from a disk at least as large as the original system "
                   "disk, then restore again."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND,
        "ASR restore: no disk can be used to recover the system disk.",
        "The ASR writer during an ASR restore.",
        "Attach a disk that can hold the system disk, then restore again; see "
        "the ASR documentation."),
    VSSEMU_HRESULT(
        VSS_E_ASRERROR_SHARED_CRIDISK,
        "ASR: a selected critical volume is on a cluster shared disk, which is "
        "not supported.",
        "The ASR writer, when a critical volume is on a cluster shared disk.",
        "Leave the volume on the cluster shared disk out of the ASR backup."),
    VSSEMU_HRESULT(VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN,
                   "ASR backup: the active system partition is hidden or has "
                   "an unrecognized file system.",
                   "The ASR writer during an ASR backup, when it checks the "
                   "system partition.",
                   "Unhide the system partition or give it a file system "
                   "Windows recognizes, then back up again."),
    VSSEMU_HRESULT(
        VSS_E_AUTORECOVERY_FAILED,
        "Auto-recovery of the shadow copy did not finish.",
        "The VSS service during DoSnapshotSet, when writers' recovery of a "
        "shadow copy made with the auto-recover attribute does not finish.",
        "Gather writer status to see which writer failed, read the event log, "
        "and create the shadow copy again."),
    VSSEMU_HRESULT(
        VSS_E_BAD_STATE,
        "The object is not initialized, is in the wrong mode (backup versus "
        "restore), or the call is out of sequence.",
        "The VSS service, for a requester call on an object that is not "
        "initialized, is in the wrong mode (backup versus restore) or is "
        "called out of sequence; a provider in the wrong state.",
        "Fix the call order against the method's documented preconditions; an "
        "IVssBackupComponents object is single-use, so after a failure release "
        "it and start over."),
    VSSEMU_HRESULT(VSS_E_BREAK_REVERT_ID_FAILED,
                   "Breaking the set failed: disk identities could not be "
                   "reverted because the target identity is already present.",
                   "The VSS service during BreakSnapshotSetEx, when it reverts "
                   "the disk identities of a hardware shadow copy set.",
                   "Take the disk that already has that identity offline, or "
                   "break without reverting identities; see the hardware "
                   "provider's documentation."),
    VSSEMU_HRESULT(VSS_E_CANNOT_REVERT_DISKID,
                   "The MBR signature or GPT id of a disk could not be set to "
                   "the intended value.",
                   "A hardware provider, when it cannot give a disk the "
                   "requested MBR signature or GPT id.",
                   "Read the provider's entry in the Application event log; "
                   "see the provider's documentation."),
    VSSEMU_HRESULT(VSS_E_CLUSTER_ERROR,
                   "Clustered disks could not be listed or put into cluster "
                   "maintenance mode.",
                   "The VSS service, when it works with clustered disks "
                   "(listing them or putting them in maintenance mode).",
                   "Check the cluster's health and event log, then retry once "
                   "the cluster is stable; see the cluster documentation."),
    VSSEMU_HRESULT(VSS_E_CLUSTER_TIMEOUT,
                   "Preparing a cluster shared volume for backup timed out.",
                   "The VSS service, when a cluster shared volume cannot be "
                   "prepared for backup in time.",
                   "Reduce load on the cluster, wait and retry; see the "
                   "cluster documentation."),
    VSSEMU_HRESULT(VSS_E_CORRUPT_XML_DOCUMENT,
                   "The XML document is malformed or does not fit the schema "
                   "(older code, replaced by VSS_E_INVALID_XML_DOCUMENT).",
                   "Older versions of the VSS service, when a Writer Metadata "
                   "or Backup Components Document does not load.",
                   "Pass the XML exactly as VSS produced it (SaveAsXML, "
                   "GetWriterMetadata); never edit it by hand."),
    VSSEMU_HRESULT(VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK,
                   "A critical volume selected for backup is on a disk that "
                   "ASR cannot back up.",
                   "The VSS service (ASR), when a critical volume selected for "
                   "backup is on a disk ASR cannot handle.",
                   "Move the critical volume to a supported disk, or leave it "
                   "out of the ASR backup; see the ASR documentation."),
    VSSEMU_HRESULT(
        VSS_E_DYNAMIC_DISK_ERROR,
        "Handling the dynamic disks involved in the operation failed.",
        "The VSS service, when it handles dynamic disks, e.g. while importing "
        "or breaking a hardware shadow copy set.",
        "Check the dynamic disks in Disk Management and the event log; see the "
        "hardware provider's documentation."),
    VSSEMU_HRESULT(
        VSS_E_FLUSH_WRITES_TIMEOUT,
        "Flushing writes to a volume before the shadow copy timed out, usually "
        "because the volume is busy.",
        "The VSS service during DoSnapshotSet, when a volume's writes cannot "
        "be flushed before the 10-second hold window runs out.",
        "Reduce I/O on the volumes, wait about ten minutes and retry, at most "
        "three times."),
    VSSEMU_HRESULT(VSS_E_FSS_TIMEOUT,
                   "Preparing a file share shadow copy for backup timed out.",
                   "The VSS service during a shadow copy of a file share "
                   "(VSS_CTX_FILE_SHARE_BACKUP), when the file server does not "
                   "prepare in time.",
                   "Reduce load on the file server and check its File Server "
                   "VSS Agent service, then retry."),
    VSSEMU_HRESULT(VSS_E_HOLD_WRITES_TIMEOUT,
                   "Writes to a volume could not be held for the shadow copy "
                   "in time, usually because of heavy I/O.",
                   "The VSS service during DoSnapshotSet, when writes to a "
                   "volume cannot be held for the 10-second commit window.",
                   "Reduce I/O on the volumes, wait about ten minutes and "
                   "retry, at most three times."),
    VSSEMU_HRESULT(VSS_E_INSUFFICIENT_STORAGE,
                   "There is not enough space for the shadow copy storage or "
                   "other shadow copy data.",
                   "A provider during DoSnapshotSet (seen only through "
                   "QueryStatus), when its shadow copy storage is full.",
                   "Free disk space, enlarge the shadow copy storage or delete "
                   "old shadow copies, then retry."),
    VSSEMU_HRESULT(VSS_E_INVALID_XML_DOCUMENT,
                   "The XML document is malformed or does not fit the schema.",
                   "The VSS service at InitializeForRestore, SetBackupState, "
                   "GetWriterMetadata, AddComponent and other calls that load "
                   "or change a Writer Metadata or Backup Components Document.",
                   "Pass the XML exactly as SaveAsXML produced it; check that "
                   "it was stored and read back unchanged."),
    VSSEMU_HRESULT(
        VSS_E_LEGACY_PROVIDER,
        "This version of the hardware provider does not support the operation.",
        "The VSS service, when the call needs a newer hardware provider "
        "interface than the registered provider has.",
        "Update the hardware provider, or avoid the call; see the provider's "
        "documentation."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED,
        "No more shadow copy storage (diff area) associations can be made.",
        "The system provider, when a shadow copy storage association is added.",
        "Remove an association that is no longer needed, then try again."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED,
        "The operation already involves as many remote computers as allowed.",
        "The VSS service, during a shadow copy of file shares on remote "
        "servers.",
        "Put shares of fewer remote servers in one shadow copy set."),
    VSSEMU_HRESULT(VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED,
                   "The volume already has as many shadow copies as the system "
                   "or provider allows.",
                   "The VSS service or a provider at AddToSnapshotSet, when "
                   "the volume already has as many shadow copies as allowed.",
                   "Delete older shadow copies of the volume "
                   "(DeleteSnapshots), then retry."),
    VSSEMU_HRESULT(
        VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
        "The shadow copy set already holds as many volumes as allowed.",
        "The VSS service at AddToSnapshotSet, when the set already holds the "
        "maximum number of volumes (64).",
        "Split the volumes over several shadow copy sets, one after another."),
    VSSEMU_HRESULT(VSS_E_MISSING_DISK,
                   "A disk that should have appeared in the system did not.",
                   "The VSS service while importing, breaking or recovering a "
                   "hardware shadow copy set.",
                   "Check that the provider's LUNs are presented to this "
                   "computer; see the hardware provider's documentation."),
    VSSEMU_HRESULT(
        VSS_E_MISSING_HIDDEN_VOLUME,
        "A hidden volume that should have appeared in the system did not.",
        "The VSS service while importing, breaking or recovering a hardware "
        "shadow copy set.",
        "Check that the provider's LUNs are presented to this computer; see "
        "the hardware provider's documentation."),
    VSSEMU_HRESULT(VSS_E_MISSING_VOLUME,
                   "A volume that should have appeared in the system did not.",
                   "The VSS service while importing, breaking or recovering a "
                   "hardware shadow copy set.",
                   "Check that the provider's LUNs are presented to this "
                   "computer; see the hardware provider's documentation."),
    VSSEMU_HRESULT(VSS_E_NESTED_VOLUME_LIMIT,
                   "The volume is nested too deeply (e.g. a VHD inside a VHD) "
                   "to take part.",
                   "The VSS service at IsVolumeSupported, AddToSnapshotSet or "
                   "DoSnapshotSet, for a virtual disk nested too deeply or put "
                   "in one set with its host volume.",
                   "Leave the nested volume out of the set, or shadow-copy it "
                   "and its host volume in separate sets."),
    VSSEMU_HRESULT(
        VSS_E_NONTRANSPORTABLE_BCD,
        "The Backup Components Document is for a non-transportable shadow "
        "copy; this needs a transportable one.",
        "The VSS service at ImportSnapshots or a fast-recovery call, given the "
        "document of a non-transportable shadow copy.",
        "Create the shadow copy as transportable (through a hardware provider) "
        "and use that set's document."),
    VSSEMU_HRESULT(
        VSS_E_NOT_SUPPORTED,
        "The operation is not supported (for example by an express writer).",
        "The VSS service, for an operation the writer or the context cannot "
        "do, e.g. a restriction of express writers.",
        "Do not retry as is; use a supported way to reach the same goal."),
    VSSEMU_HRESULT(VSS_E_NO_SNAPSHOTS_IMPORTED,
                   "None of the shadow copies could be imported.",
                   "The VSS service at ImportSnapshots, when no shadow copy of "
                   "the set can be imported.",
                   "Check that the LUNs are visible to this computer and read "
                   "the provider's event log entries; see the hardware "
                   "provider's documentation."),
    VSSEMU_HRESULT(VSS_E_OBJECT_ALREADY_EXISTS,
                   "The object already exists, e.g. a component with this "
                   "logical path and name was already added.",
                   "The VSS service at AddComponent (the same logical path and "
                   "name twice) and similar calls that add to a document.",
                   "Add each component once; the first call already added it."),
    VSSEMU_HRESULT(VSS_E_OBJECT_NOT_FOUND,
                   "The volume, shadow copy, component or writer named in the "
                   "call does not exist.",
                   "The VSS service or a provider, when an id, index, volume, "
                   "component or writer named in the call does not exist (e.g. "
                   "SetBackupSucceeded for a component never added).",
                   "Check the id or index against what the gather calls "
                   "returned; a missing writer may need its service started."),
    VSSEMU_HRESULT(
        VSS_E_PROVIDER_ALREADY_REGISTERED,
        "The provider is already registered.",
        "The VSS service, when a provider is registered a second time.",
        "Nothing to do if it is the same provider; otherwise unregister the "
        "old one first."),
    VSSEMU_HRESULT(
        VSS_E_PROVIDER_IN_USE,
        "The provider is in use, so it cannot be unregistered.",
        "The VSS service, when a provider is unregistered while it is in use.",
        "Wait until the provider's shadow copy operations end, then unregister "
        "it again."),
    VSSEMU_HRESULT(VSS_E_PROVIDER_NOT_REGISTERED,
                   "The provider id does not name a registered provider.",
                   "The VSS service at AddToSnapshotSet, IsVolumeSupported and "
                   "similar calls given a provider id that is not registered.",
                   "Pass GUID_NULL to let VSS choose a provider, or install "
                   "and register the one named."),
    VSSEMU_HRESULT(
        VSS_E_PROVIDER_VETO,
        "The provider failed the operation; the details go to the event log.",
        "A provider that fails the operation (for DoSnapshotSet seen only "
        "through QueryStatus); it logs the reason in the Application event "
        "log.",
        "Read the provider's event log entry; wait about ten minutes and "
        "retry, at most three times."),
    VSSEMU_HRESULT(VSS_E_REBOOT_REQUIRED,
                   "The computer must be restarted after this operation.",
                   "A provider during DoSnapshotSet, when it needs a restart "
                   "before it can work.",
                   "Restart the computer, then run the backup again."),
    VSSEMU_HRESULT(
        VSS_E_REMOTE_SERVER_UNAVAILABLE, "The remote server cannot be reached.",
        "The VSS service, during a shadow copy of a file share on a remote "
        "server.",
        "Check the network and that the file server is running, then retry."),
    VSSEMU_HRESULT(VSS_E_REMOTE_SERVER_UNSUPPORTED,
                   "The remote server's VSS cannot create shadow copies on "
                   "behalf of a remote caller.",
                   "The VSS service, during a shadow copy of a file share on a "
                   "remote server.",
                   "Use a file server that supports shadow copies for remote "
                   "callers, or run the backup on the server itself."),
    VSSEMU_HRESULT(
        VSS_E_RESYNC_IN_PROGRESS,
        "A LUN resynchronization is already running, so another cannot start.",
        "The VSS service at a LUN resynchronization request, when one is "
        "already running.",
        "Wait for the running resynchronization to end; see the hardware "
        "provider's documentation."),
    VSSEMU_HRESULT(VSS_E_REVERT_IN_PROGRESS,
                   "The volume is already being reverted; a second revert must "
                   "wait for the first to end.",
                   "The VSS service at RevertToSnapshot, while the volume is "
                   "already being reverted.",
                   "Wait for the first revert to finish (QueryRevertStatus), "
                   "then try again."),
    VSSEMU_HRESULT(VSS_E_REVERT_VOLUME_LOST,
                   "The volume disappeared while it was being reverted.",
                   "The VSS service during RevertToSnapshot.",
                   "The revert did not finish: check the volume in Disk "
                   "Management and the event log."),
    VSSEMU_HRESULT(
        VSS_E_SNAPSHOT_NOT_IN_SET,
        "The shadow copy id is not part of the set recorded in the Backup "
        "Components Document.",
        "The VSS service at calls such as BreakSnapshotSetEx or RecoverSet, "
        "given a shadow copy id that is not in the document's set.",
        "Use the shadow copy ids recorded in that set's Backup Components "
        "Document."),
    VSSEMU_HRESULT(VSS_E_SNAPSHOT_SET_IN_PROGRESS,
                   "Another shadow copy set is being created; try again later.",
                   "The VSS service at StartSnapshotSet (or AddToSnapshotSet "
                   "for cluster shared volumes and scale-out shares): only one "
                   "shadow copy set can be created at a time.",
                   "Wait for the other creation to finish, then retry (a few "
                   "times, minutes apart); or fail the backup."),
    VSSEMU_HRESULT(
        VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED,
        "Some shadow copies could not be imported (failure code).",
        "The VSS service at ImportSnapshots, when only some of the shadow "
        "copies can be imported.",
        "Use the shadow copies that were imported and check the LUNs of the "
        "others; see the hardware provider's documentation."),
    VSSEMU_HRESULT(VSS_E_TRANSACTION_FREEZE_TIMEOUT,
                   "Freezing a transaction manager (KTM) timed out.",
                   "The VSS service during DoSnapshotSet, when a kernel "
                   "transaction manager cannot be frozen in time.",
                   "Reduce transaction load and retry, or create the shadow "
                   "copy with VSS_VOLSNAP_ATTR_NOT_TRANSACTED if transactions "
                   "need not be consistent."),
    VSSEMU_HRESULT(
        VSS_E_TRANSACTION_THAW_TIMEOUT,
        "A transaction manager stayed frozen too long before it was thawed.",
        "The VSS service during DoSnapshotSet, when a kernel transaction "
        "manager stays frozen past its limit.",
        "Reduce load on the volumes and retry."),
    VSSEMU_HRESULT(
        VSS_E_UNEXPECTED,
        "VSS hit an unexpected error; the details go to the event log.",
        "The VSS service, from any call, for an internal error; the details go "
        "to the event log.",
        "Read the Application and System event logs, release the object and "
        "start again."),
    VSSEMU_HRESULT(
        VSS_E_UNEXPECTED_PROVIDER_ERROR,
        "The provider returned an error code that its contract does not allow.",
        "The VSS service, in place of a code a provider may not return "
        "(S_FALSE, E_FAIL, E_UNEXPECTED, E_ABORT, ...); for DoSnapshotSet seen "
        "only through QueryStatus.",
        "Read the event log entry that names the provider and method; wait "
        "about ten minutes and retry, at most three times."),
    VSSEMU_HRESULT(
        VSS_E_UNEXPECTED_WRITER_ERROR,
        "Delivering events to the writers, or talking to them, failed.",
        "The VSS service, e.g. from BackupComplete, when delivering an event "
        "to the writers fails.",
        "Gather writer status to see which writer is affected, and check the "
        "event log and the writers' services."),
    VSSEMU_HRESULT(
        VSS_E_UNSELECTED_VOLUME,
        "The operation would overwrite a volume that was not explicitly "
        "selected.",
        "The VSS service during a revert or recovery (e.g. RecoverSet) that "
        "would overwrite a volume not selected for it.",
        "Select the volume explicitly, or recover a set that does not touch "
        "it."),
    VSSEMU_HRESULT(
        VSS_E_UNSUPPORTED_CONTEXT,
        "The provider does not support the requested shadow copy context.",
        "A provider or the VSS service, for a shadow copy context it does not "
        "support (SetContext, AddToSnapshotSet).",
        "Choose another context, or a provider that supports this one."),
    VSSEMU_HRESULT(VSS_E_VOLUME_IN_USE,
                   "The shadow copy storage association is in use, so it "
                   "cannot be deleted.",
                   "The system provider, when a shadow copy storage "
                   "association that still serves shadow copies is deleted.",
                   "Delete the shadow copies that use that storage first, then "
                   "the association."),
    VSSEMU_HRESULT(
        VSS_E_VOLUME_NOT_LOCAL,
        "The volume being backed up is not mounted on this computer.",
        "The VSS service, when a volume in the operation is not mounted on "
        "this computer.",
        "Back up the volume on the computer it belongs to, or mount it here."),
    VSSEMU_HRESULT(VSS_E_VOLUME_NOT_SUPPORTED,
                   "No provider can shadow-copy this volume (with the "
                   "requested attributes).",
                   "The VSS service at AddToSnapshotSet with GUID_NULL as "
                   "provider, when no provider supports the volume; a "
                   "provider, for a volume it cannot handle.",
                   "Check IsVolumeSupported first; leave the volume out, or "
                   "install a provider that supports it."),
    VSSEMU_HRESULT(VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER,
                   "The named provider cannot shadow-copy this volume.",
                   "The VSS service or the named provider at AddToSnapshotSet.",
                   "Pass GUID_NULL to let VSS choose a provider, or name one "
                   "that supports the volume."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT,
                   "The shadow copy set lacks volumes that the writer's "
                   "selected components need.",
                   "A writer via SetWriterFailure (or SetFailure on a "
                   "component); the requester reads it from GetWriterStatus.",
                   "Add the volumes that the writer's selected components need "
                   "to the shadow copy set and retry."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_NONRETRYABLE,
        "The writer hit an error that will likely happen again on retry.",
        "A writer via SetWriterFailure or SetWriterFailureEx; the requester "
        "reads it from GetWriterStatus.",
        "Do not retry with VSS, the error will recur: fix the writer's "
        "application, or back up without this writer if its data is not "
        "needed."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_OUTOFRESOURCES,
                   "The writer ran out of memory or another resource.",
                   "A writer via SetWriterFailure or SetWriterFailureEx; the "
                   "requester reads it from GetWriterStatus.",
                   "Reduce system load, wait about ten minutes and retry, up "
                   "to three times."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_PARTIAL_FAILURE,
        "Some of the writer's components failed; each component's own failure "
        "tells which.",
        "A writer via SetWriterFailureEx, with the failure of each component "
        "set by IVssComponentEx2::SetFailure.",
        "Read each component's failure with IVssComponentEx2::GetFailure and "
        "handle it by its own code."),
    VSSEMU_HRESULT(VSS_E_WRITERERROR_RECOVERY_FAILED,
                   "The writer failed while recovering the shadow copy volume.",
                   "A writer, when recovering an auto-recover shadow copy "
                   "fails (not one of the codes SetWriterFailure documents).",
                   "No documented guidance: read the writer's event log "
                   "entries and create the shadow copy again."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_RETRYABLE,
        "The writer hit a transient error; retrying the whole operation will "
        "likely work.",
        "A writer via SetWriterFailure or SetWriterFailureEx, for a transient "
        "problem; the requester reads it from GetWriterStatus.",
        "Wait about ten minutes and retry, up to three times; if it persists, "
        "restart the service or application that hosts the writer."),
    VSSEMU_HRESULT(
        VSS_E_WRITERERROR_TIMEOUT,
        "The time allowed between Freeze and Thaw ran out for the writer.",
        "A writer via SetWriterFailure, or the VSS service itself (the "
        "coordinator) when the writer's freeze window (dwTimeoutFreeze, 60 s "
        "by default) expires before Thaw.",
        "Reduce system load, wait about ten minutes and retry, up to three "
        "times."),
    VSSEMU_HRESULT(
        VSS_E_WRITER_ALREADY_SUBSCRIBED,
        "The writer is already subscribed; Subscribe may succeed only once.",
        "The writer library at CVssWriter::Subscribe, when the writer is "
        "already subscribed; a requester never sees it.",
        "Nothing for a requester; a writer must subscribe once per writer "
        "object."),
    VSSEMU_HRESULT(
        VSS_E_WRITER_INFRASTRUCTURE,
        "VSS could not contact the writers; the writer infrastructure is not "
        "working.",
        "The VSS service at GatherWriterMetadata or GatherWriterStatus, when "
        "it cannot reach the writers.",
        "Check that the VSS and COM+ Event System services run (restart them "
        "if needed), then start again with a new object."),
    VSSEMU_HRESULT(
        VSS_E_WRITER_NOT_RESPONDING,
        "A writer did not answer; it may have exited or hung.",
        "The VSS service, as a writer's status, when the writer did not answer "
        "an event.",
        "Severe: do not retry with VSS as is; restart the service or "
        "application that hosts the writer, or back up without it."),
    VSSEMU_HRESULT(
        VSS_E_WRITER_STATUS_NOT_AVAILABLE,
        "A writer's status is unavailable, e.g. it has no backup/restore "
        "session slot left.",
        "The VSS service, as a writer's status, e.g. when the writer has no "
        "backup/restore session slot left.",
        "Retry when the system is less busy, e.g. with fewer backups at once."),
    VSSEMU_HRESULT(VSS_S_ASYNC_CANCELLED,
                   "The asynchronous operation was cancelled.",
                   "IVssAsync: QueryStatus (in its result) after Cancel, and "
                   "Cancel when the operation was already cancelled.",
                   "The operation did not complete: call AbortBackup if a "
                   "backup was under way, then release the object."),
    VSSEMU_HRESULT(VSS_S_ASYNC_FINISHED,
                   "The asynchronous operation completed successfully.",
                   "IVssAsync: QueryStatus (in its result) once the operation "
                   "completed, and Cancel when it had already completed.",
                   "Nothing; go on with the next step."),
    VSSEMU_HRESULT(VSS_S_ASYNC_PENDING,
                   "The asynchronous operation is still running.",
                   "IVssAsync: QueryStatus (in its result) while the operation "
                   "is still running.",
                   "Call Wait, or query again later."),
    VSSEMU_HRESULT(
        VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED,
        "The import succeeded for some shadow copies but not for all (success "
        "code).",
        "The VSS service at ImportSnapshots, when some but not all of the "
        "shadow copies were imported.",
        "Use the shadow copies that were imported and check the LUNs of the "
        "others; see the hardware provider's documentation."),
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

// Holds when no name has a lower-case letter, so that HresultFromName can
// find a name given in any case by bisecting on its upper-case spelling.
constexpr bool NamesAreUpperCase(std::span<const HresultInfo> table) {
  for (const HresultInfo& info : table) {
    for (char c : std::string_view(info.name)) {
      if (c >= 'a' && c <= 'z') return false;
    }
  }
  return true;
}
static_assert(NamesAreUpperCase(kTable), "HRESULT names are upper case");

// Holds when text is one non-empty line.
constexpr bool IsOneLine(const char* text) {
  std::string_view view(text);
  return !view.empty() && view.find('\n') == std::string_view::npos;
}

// Holds when every entry has its three texts, each on one line.
constexpr bool TextsAreOneLine(std::span<const HresultInfo> table) {
  for (const HresultInfo& info : table) {
    if (!IsOneLine(info.meaning) || !IsOneLine(info.raised_by) ||
        !IsOneLine(info.requester_action)) {
      return false;
    }
  }
  return true;
}
static_assert(TextsAreOneLine(kTable),
              "every meaning, raised_by and requester_action is one line");

}  // namespace

std::span<const HresultInfo> AllHresults() { return kTable; }

const HresultInfo* FindHresult(HRESULT hr) {
  // The table is in name order; every traced result is looked up by value,
  // so keep a second order, by value, for a binary search, and S_OK, the
  // result of nearly every call, at hand.
  static const HresultInfo* const s_ok = [] {
    for (const HresultInfo& info : kTable) {
      if (info.value == S_OK) return &info;
    }
    return static_cast<const HresultInfo*>(nullptr);
  }();
  if (hr == S_OK) return s_ok;
  static const std::vector<const HresultInfo*> by_value = [] {
    std::vector<const HresultInfo*> index;
    for (const HresultInfo& info : kTable) index.push_back(&info);
    std::stable_sort(index.begin(), index.end(),
                     [](const HresultInfo* a, const HresultInfo* b) {
                       return a->value < b->value;
                     });
    return index;
  }();
  auto it = std::lower_bound(
      by_value.begin(), by_value.end(), hr,
      [](const HresultInfo* info, HRESULT key) { return info->value < key; });
  return it != by_value.end() && (*it)->value == hr ? *it : nullptr;
}

const char* HresultName(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->name : nullptr;
}

const char* HresultMeaning(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->meaning : nullptr;
}

void HresultText::Look(HRESULT hr) {
  if (const HresultInfo* info = FindHresult(hr)) {
    name_ = info->name;
    name_size_ = info->name_size;
    return;
  }
  static constexpr char kDigits[] = "0123456789ABCDEF";
  uint32_t value = static_cast<uint32_t>(hr);
  hex_[0] = '0';
  hex_[1] = 'x';
  for (int i = 9; i >= 2; --i, value >>= 4) hex_[i] = kDigits[value & 0xF];
}

std::string HresultToString(HRESULT hr) {
  return std::string(HresultText(hr).view());
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

std::optional<HRESULT> HresultFromNameIgnoringCase(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return HresultFromName(upper);
}

}  // namespace vssemu::com
