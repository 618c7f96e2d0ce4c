#include "win32/machine.h"

#include <vssemu/emulator.h>

#include <system_error>

#include "coordinator/service.h"
#include "harness/current_emulator.h"
#include "paths/host_mapping.h"
#include "paths/path_text.h"
#include "paths/vss_paths.h"

namespace vssemu::win32 {
namespace {

namespace fs = std::filesystem;

// FILETIME of 1970-01-01 (100 ns units since 1601).
constexpr int64_t kUnixEpochFiletime = 116444736000000000LL;

const std::deque<coordinator::Volume>& NoVolumes() {
  static const std::deque<coordinator::Volume> none;
  return none;
}

}  // namespace

fs::path Place::HostPath() const {
  if (host_root.empty()) return {};
  return paths::ResolveBelow(host_root, components);
}

Place Place::Parent() const {
  Place parent = *this;
  if (!parent.components.empty()) parent.components.pop_back();
  return parent;
}

Existence Place::Examine(struct stat* info) const {
  struct stat local;
  struct stat* out = info != nullptr ? info : &local;
  if (host_root.empty()) {
    // A volume without files: an empty root folder.
    *out = {};
    out->st_mode = S_IFDIR | 0555;
    if (at_root()) return Existence::kDirectory;
    return components.size() == 1 ? Existence::kMissing
                                  : Existence::kMissingParent;
  }
  const fs::path host = HostPath();
  if (::stat(host.c_str(), out) == 0) {
    return S_ISDIR(out->st_mode) ? Existence::kDirectory : Existence::kFile;
  }
  struct stat parent;
  const fs::path parent_host = Parent().HostPath();
  const bool parent_is_folder =
      ::stat(parent_host.c_str(), &parent) == 0 && S_ISDIR(parent.st_mode);
  return parent_is_folder ? Existence::kMissing : Existence::kMissingParent;
}

Machine::Machine() {
  Emulator* emulator = harness::CurrentEmulatorIfAny();
  if (emulator != nullptr) service_ = emulator->service().get();
}

const std::deque<coordinator::Volume>& Machine::volumes() const {
  return service_ != nullptr ? service_->volumes().volumes() : NoVolumes();
}

const coordinator::Volume* Machine::FindVolume(std::wstring_view name) const {
  return service_ != nullptr ? service_->volumes().FindVolume(name) : nullptr;
}

const coordinator::Volume* Machine::FindVolumeByGuid(const GUID& guid) const {
  for (const coordinator::Volume& v : volumes()) {
    if (IsEqualGUID(v.guid, guid)) return &v;
  }
  return nullptr;
}

const coordinator::SnapshotRecord* Machine::FindShadowCopy(
    std::wstring_view device) const {
  if (service_ == nullptr) return nullptr;
  return service_->provider().FindSnapshotByDevice(device);
}

std::wstring Machine::DeviceName(const coordinator::Volume& volume) const {
  size_t number = 1;
  for (const coordinator::Volume& v : volumes()) {
    if (&v == &volume) break;
    ++number;
  }
  return L"\\Device\\HarddiskVolume" + std::to_wstring(number);
}

std::optional<Place> Machine::Locate(std::wstring_view name,
                                     DWORD* error) const {
  *error = ERROR_PATH_NOT_FOUND;
  if (name.empty()) {
    *error = ERROR_INVALID_NAME;
    return std::nullopt;
  }
  if (service_ == nullptr) return std::nullopt;
  const std::wstring full =
      paths::WithBackslashes(paths::FullPathName(name, kCurrentDirectory));
  Place place;
  std::wstring device, rest;
  place.shadow_copy = service_->provider().FindSnapshotForPath(full, &rest);
  if (place.shadow_copy == nullptr &&
      paths::SplitDevicePath(full, &device, &rest)) {
    return std::nullopt;  // A device that is no (longer a) shadow copy.
  }
  if (place.shadow_copy != nullptr) {
    place.volume = FindVolume(place.shadow_copy->original_volume_name);
    place.host_root = place.shadow_copy->storage;
    place.writable =
        service_->provider().IsShadowCopyWritable(*place.shadow_copy);
  } else {
    place.volume = service_->volumes().FindVolumeForPath(
        paths::NormaliseDrivePath(full), &rest);
    if (place.volume == nullptr) return std::nullopt;
    place.host_root = place.volume->directory;
  }
  place.components = paths::SplitBelowRoot(rest);
  return place;
}

FILETIME FiletimeFrom(const struct timespec& time) {
  const int64_t ticks = static_cast<int64_t>(time.tv_sec) * 10000000 +
                        time.tv_nsec / 100 + kUnixEpochFiletime;
  FILETIME out;
  out.dwLowDateTime = static_cast<DWORD>(ticks & 0xFFFFFFFF);
  out.dwHighDateTime = static_cast<DWORD>(static_cast<uint64_t>(ticks) >> 32);
  return out;
}

DWORD AttributesFrom(const struct stat& info) {
  if (S_ISDIR(info.st_mode)) return FILE_ATTRIBUTE_DIRECTORY;
  // New files on NTFS carry the archive bit; a host file nobody may write
  // is what Windows calls read-only.
  DWORD attributes = FILE_ATTRIBUTE_ARCHIVE;
  if ((info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
    attributes |= FILE_ATTRIBUTE_READONLY;
  }
  return attributes;
}

}  // namespace vssemu::win32
