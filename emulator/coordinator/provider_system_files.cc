// SystemProvider: the files of volumes backed by host folders. A shadow
// copy of such a volume is a copy of the folder's tree, taken when the set
// commits and removed with the shadow copy's record.
#include <vsserror.h>

#include <algorithm>
#include <exception>

#include "coordinator/provider_system.h"
#include "paths/host_mapping.h"
#include "paths/path_text.h"
#include "paths/vss_paths.h"
#include "platform/host_volumes.h"

namespace vssemu::coordinator {
namespace {

namespace fs = std::filesystem;

// The storage subfolder of a shadow copy: the last component of its device
// object ("HarddiskVolumeShadowCopy3"), plain ASCII on every host.
std::string FolderName(const std::wstring& device_object) {
  return paths::WideToUtf8(paths::DeviceObjectName(device_object));
}

}  // namespace

SystemProvider::~SystemProvider() {
  for (const SnapshotRecord& r : snapshots_) {
    if (!r.storage.empty()) RemoveTree(r.storage);
  }
  // storage_ then removes its own default folder, if it made one.
}

const SnapshotRecord* SystemProvider::FindSnapshotByDevice(
    std::wstring_view device) const {
  for (const SnapshotRecord& r : snapshots_) {
    if (paths::EqualsFolded(r.device_object, device) ||
        paths::EqualsFolded(r.global_device, device)) {
      return &r;
    }
  }
  return nullptr;
}

const SnapshotRecord* SystemProvider::FindSnapshotForPath(
    std::wstring_view path, std::wstring* rest) const {
  std::wstring device;
  if (paths::SplitDevicePath(path, &device, rest)) {
    return FindSnapshotByDevice(device);
  }
  // A host-form device ("\\?\C:\...\HarddiskVolumeShadowCopy1") looks
  // like a drive path, so it is matched before any volume is: whole
  // components only, letter case ignored.
  for (const SnapshotRecord& r : snapshots_) {
    const std::wstring& d = r.device_object;
    if (d == r.global_device || path.size() < d.size()) continue;
    if (!paths::EqualsFolded(path.substr(0, d.size()), d)) continue;
    if (path.size() > d.size() && path[d.size()] != L'\\') continue;
    *rest = std::wstring(path.substr(d.size()));
    return &r;
  }
  return nullptr;
}

bool SystemProvider::IsShadowCopyWritable(const SnapshotRecord& record) const {
  return record.writable;
}

size_t SystemProvider::EraseRecords(
    const std::function<bool(const SnapshotRecord&)>& doomed) {
  for (const SnapshotRecord& r : snapshots_) {
    // A copy that cannot be removed (a host process holds a file open) is
    // left behind; the record goes regardless, as the shadow copy is gone
    // from the machine the emulator shows.
    if (doomed(r) && !r.storage.empty()) RemoveTree(r.storage);
  }
  return std::erase_if(snapshots_, doomed);
}

std::vector<fs::path> SystemProvider::MountedFolders(
    const Volume& volume) const {
  std::vector<fs::path> folders;
  const std::wstring outer = paths::FoldCase(volume.display_name);
  for (const Volume& other : volumes_->volumes()) {
    const std::wstring inner = paths::FoldCase(other.display_name);
    if (inner.size() <= outer.size() || !inner.starts_with(outer)) continue;
    std::wstring below = other.display_name.substr(outer.size());
    folders.push_back(paths::ResolveRelative(volume.directory, below));
  }
  return folders;
}

HRESULT SystemProvider::CopyBackedVolumes(std::vector<SnapshotRecord>& records,
                                          std::vector<VolumeCopy>* copies) {
  HRESULT hr = S_OK;
  for (SnapshotRecord& record : records) {
    const Volume* volume = volumes_->FindVolume(record.original_volume_name);
    if (volume == nullptr || !volume->backed()) continue;
    VolumeCopy report{volume, record.device_object, {}};
    fs::path folder;
    std::error_code ec = storage_.PrepareFolder(
        FolderName(record.device_object), &folder);
    if (ec) {
      report.copy.error = ec;
      report.copy.operation = "prepare the snapshot storage for";
    } else {
      // Set before copying, so a partial copy is removed with the others.
      record.storage = folder;
      // On Windows the device is the copy's folder, which the requester's
      // own CreateFileW can open; elsewhere the GLOBALROOT name stays.
      std::wstring host_device = platform::HostShadowCopyDevice(folder);
      if (!host_device.empty()) record.device_object = std::move(host_device);
      try {
        report.copy = CopyScopedTree(volume->directory, folder,
                                     volume->snapshot_scope,
                                     MountedFolders(*volume));
      } catch (const std::exception&) {
        report.copy.error = std::make_error_code(std::errc::not_enough_memory);
        report.copy.operation = "copy";
      }
    }
    const bool failed = !report.copy.ok();
    if (copies != nullptr) copies->push_back(std::move(report));
    if (failed) {
      hr = VSS_E_UNEXPECTED_PROVIDER_ERROR;
      break;
    }
  }
  if (FAILED(hr)) {
    for (const SnapshotRecord& record : records) {
      if (!record.storage.empty()) RemoveTree(record.storage);
    }
  }
  return hr;
}

}  // namespace vssemu::coordinator
