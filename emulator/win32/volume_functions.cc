// The Win32 volume management functions over the emulated machine's
// volumes (docs/sdk.md, "Win32 volume and file functions").
#include <windows.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "paths/path_text.h"
#include "paths/vss_paths.h"
#include "win32/handles.h"
#include "win32/machine.h"
#include "win32/win32_errors.h"

namespace vssemu::win32 {
namespace {

using coordinator::Volume;

// Copies text and its NUL into buffer when they fit in length characters.
bool CopyOut(std::wstring_view text, LPWSTR buffer, DWORD length) {
  if (buffer == nullptr || text.size() + 1 > length) return false;
  std::copy(text.begin(), text.end(), buffer);
  buffer[text.size()] = L'\0';
  return true;
}

// Copies a multi-string (each string NUL-terminated, then one more NUL);
// returns the characters it takes.
DWORD MultiString(const std::vector<std::wstring>& strings, LPWSTR buffer,
                  DWORD length, bool* fits) {
  DWORD needed = 1;
  for (const std::wstring& s : strings) needed += static_cast<DWORD>(s.size() + 1);
  *fits = buffer != nullptr && needed <= length;
  if (*fits) {
    for (const std::wstring& s : strings) {
      buffer = std::copy(s.begin(), s.end(), buffer);
      *buffer++ = L'\0';
    }
    *buffer = L'\0';
  }
  return needed;
}

// Returns the shadow copy whose device root path is root (the device name
// with or without a trailing backslash), or nullptr.
const coordinator::SnapshotRecord* ShadowCopyRoot(const Machine& machine,
                                                   std::wstring_view root) {
  std::wstring device, rest;
  if (!paths::SplitDevicePath(paths::WithBackslashes(root), &device, &rest) ||
      !(rest.empty() || rest == L"\\")) {
    return nullptr;
  }
  return machine.FindShadowCopy(device);
}

// Returns the drive-letter volumes' roots, in letter order.
std::vector<std::wstring> DriveRoots(const Machine& machine) {
  std::vector<std::wstring> roots;
  for (const Volume& v : machine.volumes()) {
    if (v.display_name.size() == 3) roots.push_back(v.display_name);
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

}  // namespace

// Declared in <vssemu/winshim/winshim_files.h> at global scope: a function with C
// linkage is the same function in every namespace, so these definitions
// are the global ones and still see this namespace's helpers.
extern "C" {

BOOL WINAPI GetVolumeNameForVolumeMountPointW(LPCWSTR lpszVolumeMountPoint,
                                              LPWSTR lpszVolumeName,
                                              DWORD cchBufferLength) {
  if (lpszVolumeMountPoint == nullptr || lpszVolumeName == nullptr) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  std::wstring_view mount_point(lpszVolumeMountPoint);
  // The documentation requires the trailing backslash.
  if (mount_point.empty() || mount_point.back() != L'\\') {
    return Fail(ERROR_INVALID_NAME);
  }
  Machine machine;
  const Volume* volume = machine.FindVolume(mount_point);
  if (volume == nullptr) {
    DWORD error = ERROR_SUCCESS;
    // A folder on a volume that no volume is mounted at.
    return Fail(machine.Locate(mount_point, &error) ? ERROR_NOT_A_REPARSE_POINT
                                                    : ERROR_FILE_NOT_FOUND);
  }
  if (!CopyOut(volume->guid_name, lpszVolumeName, cchBufferLength)) {
    return Fail(ERROR_FILENAME_EXCED_RANGE);
  }
  return Succeed();
}

BOOL WINAPI GetVolumePathNameW(LPCWSTR lpszFileName, LPWSTR lpszVolumePathName,
                               DWORD cchBufferLength) {
  if (lpszFileName == nullptr || lpszVolumePathName == nullptr) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  // Documented: an empty path fails with the last error ERROR_SUCCESS.
  if (*lpszFileName == L'\0') return Fail(ERROR_SUCCESS);
  Machine machine;
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> place = machine.Locate(lpszFileName, &error);
  if (!place) return Fail(error);
  std::wstring root;
  if (place->shadow_copy != nullptr) {
    root = place->shadow_copy->device_object + L"\\";
  } else {
    const std::wstring full = paths::WithBackslashes(
        paths::FullPathName(lpszFileName, kCurrentDirectory));
    std::wstring_view rest;
    if (paths::ParseVolumeGuidPrefix(full, &rest)) {
      root = place->volume->guid_name;
    } else {
      // "\\?\Q:\Windows" gives "\\?\Q:\": the prefix stays.
      root = full.starts_with(paths::kLongPathPrefix)
                 ? std::wstring(paths::kLongPathPrefix) +
                       place->volume->display_name
                 : place->volume->display_name;
    }
  }
  if (CopyOut(root, lpszVolumePathName, cchBufferLength)) return Succeed();
  // Documented: one character short drops the trailing backslash.
  if (cchBufferLength == root.size() && root.back() == L'\\' &&
      CopyOut(std::wstring_view(root).substr(0, root.size() - 1),
              lpszVolumePathName, cchBufferLength)) {
    return Succeed();
  }
  return Fail(ERROR_FILENAME_EXCED_RANGE);
}

BOOL WINAPI GetVolumePathNamesForVolumeNameW(LPCWSTR lpszVolumeName,
                                             LPWSTR lpszVolumePathNames,
                                             DWORD cchBufferLength,
                                             LPDWORD lpcchReturnLength) {
  if (lpszVolumeName == nullptr || lpcchReturnLength == nullptr) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  std::wstring_view name(lpszVolumeName);
  std::wstring_view rest;
  std::optional<GUID> guid = paths::ParseVolumeGuidPrefix(name, &rest);
  if (!guid || rest != L"\\") return Fail(ERROR_INVALID_NAME);
  Machine machine;
  const coordinator::Volume* volume = machine.FindVolumeByGuid(*guid);
  if (volume == nullptr) return Fail(ERROR_FILE_NOT_FOUND);
  bool fits = false;
  *lpcchReturnLength = MultiString({volume->display_name}, lpszVolumePathNames,
                                   cchBufferLength, &fits);
  return fits ? Succeed() : Fail(ERROR_MORE_DATA);
}

HANDLE WINAPI FindFirstVolumeW(LPWSTR lpszVolumeName, DWORD cchBufferLength) {
  auto listing = std::make_unique<VolumeListing>();
  for (const coordinator::Volume& v : Machine().volumes()) {
    listing->names.push_back(v.guid_name);
  }
  if (listing->names.empty()) return FailHandle(ERROR_NO_MORE_FILES);
  if (!CopyOut(listing->names.front(), lpszVolumeName, cchBufferLength)) {
    return FailHandle(ERROR_FILENAME_EXCED_RANGE);
  }
  listing->next = 1;
  Succeed();
  return AddHandle(std::move(listing));
}

BOOL WINAPI FindNextVolumeW(HANDLE hFindVolume, LPWSTR lpszVolumeName,
                            DWORD cchBufferLength) {
  VolumeListing* listing = FindVolumeListing(hFindVolume);
  if (listing == nullptr) return Fail(ERROR_INVALID_HANDLE);
  if (listing->next >= listing->names.size()) {
    return Fail(ERROR_NO_MORE_FILES);
  }
  if (!CopyOut(listing->names[listing->next], lpszVolumeName,
               cchBufferLength)) {
    return Fail(ERROR_FILENAME_EXCED_RANGE);
  }
  ++listing->next;
  return Succeed();
}

BOOL WINAPI FindVolumeClose(HANDLE hFindVolume) {
  return CloseVolumeListing(hFindVolume) ? Succeed()
                                         : Fail(ERROR_INVALID_HANDLE);
}

DWORD WINAPI QueryDosDeviceW(LPCWSTR lpDeviceName, LPWSTR lpTargetPath,
                             DWORD ucchMax) {
  Machine machine;
  std::vector<std::wstring> strings;
  if (lpDeviceName == nullptr) {
    // Every DOS device name: the drive letters and the volume GUID names.
    for (const std::wstring& root : DriveRoots(machine)) {
      strings.push_back(root.substr(0, 2));
    }
    for (const coordinator::Volume& v : machine.volumes()) {
      strings.push_back(v.guid_name.substr(4, v.guid_name.size() - 5));
    }
  } else {
    std::wstring_view name(lpDeviceName);
    // "C:" or "Volume{guid}", never with a trailing backslash.
    const coordinator::Volume* volume = nullptr;
    if (!name.empty() && name.back() != L'\\') {
      volume = name.size() == 2 ? machine.FindVolume(name)
                                : machine.FindVolume(L"\\\\?\\" +
                                                     std::wstring(name));
    }
    if (volume == nullptr) return FailZero(ERROR_FILE_NOT_FOUND);
    strings.push_back(machine.DeviceName(*volume));
  }
  bool fits = false;
  const DWORD needed = MultiString(strings, lpTargetPath, ucchMax, &fits);
  if (!fits) return FailZero(ERROR_INSUFFICIENT_BUFFER);
  Succeed();
  return needed;
}

UINT WINAPI GetDriveTypeW(LPCWSTR lpRootPathName) {
  Machine machine;
  std::wstring_view root =
      lpRootPathName != nullptr ? lpRootPathName : kCurrentDirectory;
  if (machine.FindVolume(root) != nullptr ||
      ShadowCopyRoot(machine, root) != nullptr) {
    return DRIVE_FIXED;
  }
  return DRIVE_NO_ROOT_DIR;
}

BOOL WINAPI GetVolumeInformationW(LPCWSTR lpRootPathName,
                                  LPWSTR lpVolumeNameBuffer,
                                  DWORD nVolumeNameSize,
                                  LPDWORD lpVolumeSerialNumber,
                                  LPDWORD lpMaximumComponentLength,
                                  LPDWORD lpFileSystemFlags,
                                  LPWSTR lpFileSystemNameBuffer,
                                  DWORD nFileSystemNameSize) {
  Machine machine;
  std::wstring_view root =
      lpRootPathName != nullptr ? lpRootPathName : kCurrentDirectory;
  if (root.empty() || root.back() != L'\\') return Fail(ERROR_INVALID_NAME);
  const coordinator::SnapshotRecord* shadow_copy =
      ShadowCopyRoot(machine, root);
  const coordinator::Volume* volume =
      shadow_copy != nullptr
          ? machine.FindVolume(shadow_copy->original_volume_name)
          : machine.FindVolume(root);
  if (volume == nullptr) {
    DWORD error = ERROR_SUCCESS;
    return Fail(machine.Locate(root, &error) ? ERROR_DIR_NOT_ROOT
                                             : ERROR_PATH_NOT_FOUND);
  }
  const std::wstring_view file_system = volume->ntfs ? L"NTFS" : L"FAT32";
  DWORD flags = volume->ntfs ? FILE_CASE_SENSITIVE_SEARCH |
                                   FILE_CASE_PRESERVED_NAMES |
                                   FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS
                             : FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK;
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> place = machine.Locate(root, &error);
  if (place && !place->writable) flags |= FILE_READ_ONLY_VOLUME;
  if ((lpVolumeNameBuffer != nullptr &&
       !CopyOut(L"", lpVolumeNameBuffer, nVolumeNameSize)) ||
      (lpFileSystemNameBuffer != nullptr &&
       !CopyOut(file_system, lpFileSystemNameBuffer, nFileSystemNameSize))) {
    return Fail(ERROR_MORE_DATA);
  }
  // A serial number fixed by the volume GUID: the same on every run.
  if (lpVolumeSerialNumber != nullptr) *lpVolumeSerialNumber = volume->guid.Data1;
  if (lpMaximumComponentLength != nullptr) *lpMaximumComponentLength = 255;
  if (lpFileSystemFlags != nullptr) *lpFileSystemFlags = flags;
  return Succeed();
}

DWORD WINAPI GetLogicalDriveStringsW(DWORD nBufferLength, LPWSTR lpBuffer) {
  bool fits = false;
  const DWORD needed =
      MultiString(DriveRoots(Machine()), lpBuffer, nBufferLength, &fits);
  Succeed();
  // Success: the characters copied but the final NUL; too small: the size
  // the buffer needs, final NUL included (always more than nBufferLength).
  return fits ? needed - 1 : needed;
}

}  // extern "C"

}  // namespace vssemu::win32
