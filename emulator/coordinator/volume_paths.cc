#include "coordinator/volume_paths.h"

#include <exception>
#include <string>

#include "coordinator/provider_system.h"
#include "coordinator/provider_volumes.h"
#include "paths/host_mapping.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

namespace fs = std::filesystem;

// Finds the host folder and the part below it that vss_path names.
bool FindRoot(const VolumeTable& volumes, const SystemProvider& provider,
              std::wstring_view vss_path, fs::path* root, std::wstring* rest) {
  const std::wstring path =
      paths::WithBackslashes(paths::ExpandMachineVariables(vss_path));
  std::wstring device;
  if (const SnapshotRecord* record = provider.FindSnapshotForPath(path, rest)) {
    if (record->storage.empty()) return false;
    *root = record->storage;
    return true;
  }
  // A GLOBALROOT device that is no (longer a) shadow copy maps nowhere,
  // rather than falling through to the volumes.
  if (paths::SplitDevicePath(path, &device, rest)) return false;
  const Volume* volume =
      volumes.FindVolumeForPath(paths::NormaliseDrivePath(path), rest);
  if (volume == nullptr || !volume->backed()) return false;
  *root = volume->directory;
  return true;
}

}  // namespace

fs::path HostPathOf(const VolumeTable& volumes, const SystemProvider& provider,
                    std::wstring_view vss_path) {
  try {
    fs::path root;
    std::wstring rest;
    if (!FindRoot(volumes, provider, vss_path, &root, &rest)) return {};
    return paths::ResolveRelative(root, rest);
  } catch (const std::exception&) {
    return {};  // Nothing may escape to code under test.
  }
}

}  // namespace vssemu::coordinator
