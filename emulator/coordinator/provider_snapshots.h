// Shadow-copy records as the provider keeps them, and their conversion to the
// SDK's VSS_SNAPSHOT_PROP and IVssEnumObject.
//
// Contract: every string a VSS_SNAPSHOT_PROP receives from here is allocated
// with CoTaskMemAlloc, so VssFreeSnapshotProperties (which frees each string
// with CoTaskMemFree) releases it; the exposed name and path are always NULL
// because the emulator does not expose shadow copies. An enumerator owns a
// copy of the records taken when it was made: deleting a shadow copy later
// does not change what an existing enumerator returns.
#ifndef VSSEMU_COORDINATOR_PROVIDER_SNAPSHOTS_H_
#define VSSEMU_COORDINATOR_PROVIDER_SNAPSHOTS_H_

#include <vss.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/virtual_time.h"

namespace vssemu::coordinator {

// Gives the VSS_TIMESTAMP of virtual time zero: 2020-01-01T00:00:00Z in
// FILETIME units (100 ns since 1601-01-01), a fixed date so that traces and
// saved documents do not depend on when a test ran.
inline constexpr VSS_TIMESTAMP kVirtualEpochTimestamp = 132223104000000000LL;

// Converts a virtual time point to a VSS_TIMESTAMP.
VSS_TIMESTAMP TimestampFromVirtualTime(sim::TimePoint t);

// Describes one shadow copy the provider created.
struct SnapshotRecord {
  VSS_ID snapshot_id = GUID_NULL;
  VSS_ID set_id = GUID_NULL;
  LONG snapshots_count = 0;  // Shadow copies in the set when it was created.
  // The device object callers get: the GLOBALROOT name below, or on
  // Windows for a backed volume "\\?\<storage>\HarddiskVolumeShadowCopyN"
  // (platform/host_volumes.h). A host path: only its last component
  // (paths::DeviceObjectName) may reach the trace.
  std::wstring device_object;
  // \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN, always accepted.
  std::wstring global_device;
  std::wstring original_volume_name;  // The volume GUID name.
  std::wstring volume_display_name;   // "C:\", for traces and messages.
  std::wstring originating_machine;
  std::wstring service_machine;
  VSS_ID provider_id = GUID_NULL;
  LONG attributes = 0;  // The context plus provider attributes.
  VSS_TIMESTAMP creation_timestamp = 0;
  VSS_SNAPSHOT_STATE state = VSS_SS_UNKNOWN;
  uint64_t owner = 0;  // Opaque id of the backup object that created it.
  // An auto-recovered shadow copy (VSS_VOLSNAP_ATTR_AUTORECOVER) is
  // writable to writers from its commit until PostSnapshot ends.
  bool writable = false;
  // The host folder holding the copy of a backed volume taken at commit;
  // empty for a volume without files. Never reaches the trace.
  std::filesystem::path storage = {};
};

// Fills *prop from record with CoTaskMemAlloc'ed strings; E_INVALIDARG if
// prop is NULL, E_OUTOFMEMORY (and *prop untouched) if an allocation fails.
HRESULT CopySnapshotProp(const SnapshotRecord& record, VSS_SNAPSHOT_PROP* prop);

// Creates an IVssEnumObject over records (VSS_OBJECT_SNAPSHOT entries, in the
// given order) and stores it, with one reference, in *out.
HRESULT MakeSnapshotEnum(std::vector<SnapshotRecord> records,
                         IVssEnumObject** out);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_PROVIDER_SNAPSHOTS_H_
