// Where the emulated machine meets the host's own volumes: the one place
// that asks the operating system about them. On Windows (and under Wine) a
// requester calls the real GetVolumeNameForVolumeMountPointW and opens
// files with the real CreateFileW, so the names the emulator hands out must
// be names the host understands:
// - a drive root that is a volume of the host ("C:\") keeps the host's
//   volume GUID name, so the name the OS gives a requester is one
//   AddToSnapshotSet knows;
// - a shadow copy of a volume backed by a host folder is named after the
//   folder holding its copy, "\\?\<storage>\HarddiskVolumeShadowCopyN",
//   which CreateFileW and FindFirstFileW open with a relative path appended.
// Off Windows every function here answers "nothing", and the emulator keeps
// its own names (volume GUIDs from the seeded PRNG, and
// "\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN").
//
// Contract: no state, no clock, no randomness; nothing throws except on
// allocation failure. The answers depend on the host, so they must never
// reach the trace (callers trace display names and device object names).
#ifndef VSSEMU_PLATFORM_HOST_VOLUMES_H_
#define VSSEMU_PLATFORM_HOST_VOLUMES_H_

#include <vssemu/win32_base.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vssemu::platform {

// Returns the GUID of the host volume mounted at drive_root ("C:\", with
// the trailing backslash), or nothing when the host has no such volume or
// is not Windows.
std::optional<GUID> HostVolumeGuid(std::wstring_view drive_root);

// Returns the device name a shadow copy whose copy lives in folder (an
// absolute host folder) is given on this host: "\\?\" + folder, without a
// trailing backslash, on Windows; empty elsewhere (the caller keeps the
// "\\?\GLOBALROOT\Device\..." name).
std::wstring HostShadowCopyDevice(const std::filesystem::path& folder);

}  // namespace vssemu::platform

#endif  // VSSEMU_PLATFORM_HOST_VOLUMES_H_
