#include "platform/host_volumes.h"

#include "paths/vss_paths.h"

#if defined(_WIN32)
#include <windows.h>

#include <system_error>
#endif

namespace vssemu::platform {

#if defined(_WIN32)

std::optional<GUID> HostVolumeGuid(std::wstring_view drive_root) {
  const std::optional<std::wstring> root = paths::DriveRootedFolder(drive_root);
  // Only a bare drive root can be a host volume's mount point here; a
  // mounted folder of the emulated machine is the test's own invention.
  if (!root || root->size() != 3) return std::nullopt;
  // A drive letter with no root folder (unused, or a substituted letter that
  // Wine lists without a volume behind it) has no GUID to ask for, and
  // asking a removable drive without media would prompt the user.
  const UINT type = GetDriveTypeW(root->c_str());
  if (type != DRIVE_FIXED && type != DRIVE_REMOTE && type != DRIVE_RAMDISK) {
    return std::nullopt;
  }
  wchar_t name[64] = {};
  if (!GetVolumeNameForVolumeMountPointW(root->c_str(), name, 64)) {
    return std::nullopt;
  }
  std::wstring_view rest;
  std::optional<GUID> guid = paths::ParseVolumeGuidPrefix(name, &rest);
  if (!guid || rest != L"\\") return std::nullopt;
  return guid;
}

std::wstring HostShadowCopyDevice(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(folder, ec);
  if (ec) absolute = folder;
  std::wstring text = absolute.lexically_normal().make_preferred().wstring();
  while (!text.empty() && text.back() == L'\\') text.pop_back();
  // "\\?\" turns off Win32 path parsing, so the folder must be absolute and
  // clean already (lexically_normal above), and the device must not carry
  // the prefix twice.
  if (text.starts_with(paths::kLongPathPrefix)) return text;
  return std::wstring(paths::kLongPathPrefix) + text;
}

#else

std::optional<GUID> HostVolumeGuid(std::wstring_view) { return std::nullopt; }

std::wstring HostShadowCopyDevice(const std::filesystem::path&) { return {}; }

#endif

}  // namespace vssemu::platform
