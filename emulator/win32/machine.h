// The emulated machine as the Win32 functions see it: the volumes and
// shadow copies of the current emulator, where a path lands on them, and
// what is on the host behind it.
//
// Contract:
// - A Machine is a view for the duration of one Win32 call; with no
//   current emulator it has no volumes and locates nothing.
// - Paths are first made full as GetFullPathName makes them, with "C:\"
//   as the process's current directory. Machine variables such as
//   %SystemRoot% are not expanded (Win32 file functions do not).
// - The host side follows paths/host_mapping.h: the same mapping as
//   vssemu::HostPath, so a name a writer or requester uses reaches the
//   same host file through either.
// - A volume without a host folder has an empty root folder and nothing
//   can be created on it.
#ifndef VSSEMU_WIN32_MACHINE_H_
#define VSSEMU_WIN32_MACHINE_H_

#include <sys/stat.h>

#include <windows.h>

#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coordinator/provider_system.h"
#include "coordinator/provider_volumes.h"

namespace vssemu::coordinator {
class Service;
}

namespace vssemu::win32 {

// The current directory of every process on the emulated machine.
inline constexpr std::wstring_view kCurrentDirectory = L"C:\\";

// Says what a located path names on the host.
enum class Existence { kMissingParent, kMissing, kFile, kDirectory };

// Where a path lands: a volume or a shadow copy, and the components below
// its root.
struct Place {
  const coordinator::Volume* volume = nullptr;  // Of a shadow copy: its own.
  const coordinator::SnapshotRecord* shadow_copy = nullptr;
  std::vector<std::wstring> components;  // Below the root; none: the root.
  std::filesystem::path host_root;       // Empty: a volume without files.
  bool writable = true;  // False on a shadow copy that may not change.

  // Returns whether the place is the root folder of its volume.
  bool at_root() const { return components.empty(); }
  // Returns the host path (empty when the volume has no files).
  std::filesystem::path HostPath() const;
  // Returns the place of the folder holding this one (the root's is root).
  Place Parent() const;
  // Returns what exists at the place; fills *info when given and present.
  Existence Examine(struct stat* info = nullptr) const;
};

// A view of the current emulator's machine.
class Machine {
 public:
  // Views the current emulator, or no machine when none is current.
  Machine();

  // Returns the machine's volumes (none without an emulator).
  const std::deque<coordinator::Volume>& volumes() const;
  // Returns the volume whose mount point or volume GUID path is name (any
  // letter case, trailing backslash optional), or nullptr.
  const coordinator::Volume* FindVolume(std::wstring_view name) const;
  // Returns the volume of volume GUID name, or nullptr.
  const coordinator::Volume* FindVolumeByGuid(const GUID& guid) const;
  // Returns the shadow copy with device name device, or nullptr.
  const coordinator::SnapshotRecord* FindShadowCopy(
      std::wstring_view device) const;
  // Returns the NT device name of volume ("\Device\HarddiskVolume1").
  std::wstring DeviceName(const coordinator::Volume& volume) const;
  // Returns where name lands, or nullopt with *error set to the Win32
  // code: ERROR_PATH_NOT_FOUND for a path on no volume and for a shadow
  // copy that does not exist, ERROR_INVALID_NAME for an empty name.
  std::optional<Place> Locate(std::wstring_view name, DWORD* error) const;

 private:
  coordinator::Service* service_ = nullptr;
};

// Converts a host file time to a FILETIME.
FILETIME FiletimeFrom(const struct timespec& time);

// Returns the Win32 attributes of a host file described by info.
DWORD AttributesFrom(const struct stat& info);

}  // namespace vssemu::win32

#endif  // VSSEMU_WIN32_MACHINE_H_
