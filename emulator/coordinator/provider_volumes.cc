#include "coordinator/provider_volumes.h"

#include <vsserror.h>

#include <utility>

#include "paths/path_text.h"
#include "paths/vss_paths.h"
#include "platform/host_volumes.h"

namespace vssemu::coordinator {

using paths::DriveRootedFolder;
using paths::FoldCase;
using paths::kLongPathPrefix;
using paths::ParseVolumeGuidPrefix;

GUID GuidFromPrng(sim::Prng& prng) {
  uint64_t high = prng.Next();
  uint64_t low = prng.Next();
  GUID g;
  g.Data1 = static_cast<uint32_t>(high >> 32);
  g.Data2 = static_cast<uint16_t>(high >> 16);
  // Version 4 and the RFC 4122 variant, so generated ids look like the
  // random GUIDs Windows hands out.
  g.Data3 = static_cast<uint16_t>((high & 0x0FFF) | 0x4000);
  for (int i = 0; i < 8; ++i) {
    g.Data4[i] = static_cast<unsigned char>(low >> (8 * (7 - i)));
  }
  g.Data4[0] = static_cast<unsigned char>((g.Data4[0] & 0x3F) | 0x80);
  return g;
}

VolumeTable::VolumeTable(uint64_t guid_seed) : prng_(guid_seed) {}

VolumeTable VolumeTable::WithDefaultVolumes(uint64_t guid_seed) {
  VolumeTable table(guid_seed);
  table.Add(VolumeSpec{.display_name = L"C:\\"});
  return table;
}

HRESULT VolumeTable::Add(const VolumeSpec& spec, const Volume** added) {
  std::optional<std::wstring> display = DriveRootedFolder(spec.display_name);
  if (!display) return E_INVALIDARG;
  if (spec.guid && IsEqualGUID(*spec.guid, GUID_NULL)) return E_INVALIDARG;
  if (FindByDisplayName(FoldCase(*display)) != nullptr) {
    return VSS_E_OBJECT_ALREADY_EXISTS;
  }
  // Draw the GUID only after validating, so a refused Add does not shift
  // the GUIDs of the volumes added after it.
  GUID guid = spec.guid ? *spec.guid : GuidFromPrng(prng_);
  if (!spec.guid && spec.host_guid) {
    if (std::optional<GUID> host = platform::HostVolumeGuid(*display)) {
      guid = *host;
    }
  }
  for (const Volume& v : volumes_) {
    if (IsEqualGUID(v.guid, guid)) return VSS_E_OBJECT_ALREADY_EXISTS;
  }
  volumes_.push_back(
      Volume{.display_name = std::move(*display),
             .guid = guid,
             .guid_name = paths::VolumeGuidName(guid),
             .supported_by_system_provider = spec.supported_by_system_provider,
             .ntfs = spec.ntfs,
             .directory = spec.directory,
             .snapshot_scope = spec.snapshot_scope});
  if (added != nullptr) *added = &volumes_.back();
  return S_OK;
}

const Volume* VolumeTable::FindVolume(std::wstring_view name) const {
  if (name.starts_with(kLongPathPrefix)) return FindByGuidName(name);
  std::optional<std::wstring> folder = DriveRootedFolder(name);
  if (!folder) return nullptr;
  return FindByDisplayName(FoldCase(*folder));
}

const Volume* VolumeTable::FindByGuidName(std::wstring_view name) const {
  std::wstring_view rest;
  std::optional<GUID> guid = ParseVolumeGuidPrefix(name, &rest);
  if (!guid || !(rest.empty() || rest == L"\\")) return nullptr;
  for (const Volume& v : volumes_) {
    if (IsEqualGUID(v.guid, *guid)) return &v;
  }
  return nullptr;
}

const Volume* VolumeTable::FindByDisplayName(std::wstring_view folded) const {
  for (const Volume& v : volumes_) {
    if (FoldCase(v.display_name) == folded) return &v;
  }
  return nullptr;
}

const Volume* VolumeTable::FindVolumeForPath(std::wstring_view path,
                                             std::wstring* rest) const {
  const std::wstring expanded =
      paths::WithBackslashes(paths::ExpandMachineVariables(path));
  std::wstring_view view = expanded;
  if (view.starts_with(kLongPathPrefix)) {
    std::wstring_view below;
    std::optional<GUID> guid = ParseVolumeGuidPrefix(view, &below);
    if (guid) {
      if (!(below.empty() || below.starts_with(L'\\'))) return nullptr;
      for (const Volume& v : volumes_) {
        if (!IsEqualGUID(v.guid, *guid)) continue;
        if (rest != nullptr) *rest = below.empty() ? below : below.substr(1);
        return &v;
      }
      return nullptr;
    }
    view.remove_prefix(kLongPathPrefix.size());  // "\\?\C:\..." is "C:\...".
  }
  std::optional<std::wstring> folder = DriveRootedFolder(view);
  if (!folder) return nullptr;
  std::wstring folded = FoldCase(*folder);
  // The trailing backslash on both sides makes "C:\Mount\D\" a prefix of
  // "C:\MOUNT\D\X\" but not of "C:\MOUNT\DX\".
  const Volume* best = nullptr;
  size_t best_length = 0;
  for (const Volume& v : volumes_) {
    std::wstring display = FoldCase(v.display_name);
    if (folded.starts_with(display) && display.size() > best_length) {
      best = &v;
      best_length = display.size();
    }
  }
  // Folding keeps lengths, so the unfolded folder splits at the same place
  // and the rest keeps the caller's spelling.
  if (best != nullptr && rest != nullptr) *rest = folder->substr(best_length);
  return best;
}

}  // namespace vssemu::coordinator
