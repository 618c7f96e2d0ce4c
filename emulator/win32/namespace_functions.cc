// The Win32 functions that change the file namespace (folders, deletes,
// copies, moves) and GetFullPathNameW, over the emulated machine.
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "paths/vss_paths.h"
#include "win32/machine.h"
#include "win32/win32_errors.h"

namespace vssemu::win32 {
namespace {

namespace fs = std::filesystem;

// Locates name for a call that changes the namespace: false with the last
// error set when it is on no volume, on a shadow copy that may not change
// (ERROR_WRITE_PROTECT, before anything else is checked) or on a volume
// without a host folder (ERROR_ACCESS_DENIED).
bool LocateForChange(LPCWSTR name, Place* place) {
  if (name == nullptr) return Fail(ERROR_INVALID_PARAMETER);
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> found = Machine().Locate(name, &error);
  if (!found) return Fail(error);
  if (!found->writable) return Fail(ERROR_WRITE_PROTECT);
  if (found->host_root.empty()) return Fail(ERROR_ACCESS_DENIED);
  *place = std::move(*found);
  return true;
}

// Locates an existing regular file to read; false with the last error set.
bool LocateSource(LPCWSTR name, Place* place) {
  if (name == nullptr) return Fail(ERROR_INVALID_PARAMETER);
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> found = Machine().Locate(name, &error);
  if (!found) return Fail(error);
  switch (found->Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kMissing:
      return Fail(ERROR_FILE_NOT_FOUND);
    default:
      break;
  }
  *place = std::move(*found);
  return true;
}

// Whether two places are on the same volume or shadow copy.
bool SameVolume(const Place& a, const Place& b) {
  return a.volume == b.volume && a.shadow_copy == b.shadow_copy;
}

// Copies a host file with its last-write time and permission bits, as
// CopyFile keeps attributes and the last-write time.
bool CopyHostFile(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return Fail(ErrorFromErrno(ec.value()));
  const auto when = fs::last_write_time(from, ec);
  if (!ec) fs::last_write_time(to, when, ec);
  return true;
}

}  // namespace

// C linkage: the global functions <vssemu/winshim/winshim_files.h> declares.
extern "C" {

BOOL WINAPI CreateDirectoryW(LPCWSTR lpPathName,
                             LPSECURITY_ATTRIBUTES /*lpSecurityAttributes*/) {
  Place place;
  if (!LocateForChange(lpPathName, &place)) return FALSE;
  switch (place.Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kMissing:
      break;
    default:
      return Fail(ERROR_ALREADY_EXISTS);
  }
  if (::mkdir(place.HostPath().c_str(), 0777) != 0) {
    return Fail(ErrorFromErrno(errno));
  }
  return Succeed();
}

BOOL WINAPI RemoveDirectoryW(LPCWSTR lpPathName) {
  Place place;
  if (!LocateForChange(lpPathName, &place)) return FALSE;
  if (place.at_root()) return Fail(ERROR_ACCESS_DENIED);
  switch (place.Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kMissing:
      return Fail(ERROR_FILE_NOT_FOUND);
    case Existence::kFile:
      return Fail(ERROR_DIRECTORY);
    case Existence::kDirectory:
      break;
  }
  if (::rmdir(place.HostPath().c_str()) != 0) {
    return Fail(errno == EEXIST ? ERROR_DIR_NOT_EMPTY : ErrorFromErrno(errno));
  }
  return Succeed();
}

BOOL WINAPI DeleteFileW(LPCWSTR lpFileName) {
  Place place;
  if (!LocateForChange(lpFileName, &place)) return FALSE;
  switch (place.Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kMissing:
      return Fail(ERROR_FILE_NOT_FOUND);
    case Existence::kDirectory:
      return Fail(ERROR_ACCESS_DENIED);
    case Existence::kFile:
      break;
  }
  if (::unlink(place.HostPath().c_str()) != 0) {
    return Fail(ErrorFromErrno(errno));
  }
  return Succeed();
}

BOOL WINAPI CopyFileW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName,
                      BOOL bFailIfExists) {
  Place from, to;
  if (!LocateSource(lpExistingFileName, &from)) return FALSE;
  if (from.Examine() == Existence::kDirectory) {
    return Fail(ERROR_ACCESS_DENIED);
  }
  if (!LocateForChange(lpNewFileName, &to)) return FALSE;
  switch (to.Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kDirectory:
      return Fail(ERROR_ACCESS_DENIED);
    case Existence::kFile:
      if (bFailIfExists) return Fail(ERROR_FILE_EXISTS);
      break;
    case Existence::kMissing:
      break;
  }
  if (!CopyHostFile(from.HostPath(), to.HostPath())) return FALSE;
  return Succeed();
}

BOOL WINAPI MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName,
                        DWORD dwFlags) {
  // Moves at the next reboot have no meaning on an emulated machine.
  if (lpNewFileName == nullptr || (dwFlags & MOVEFILE_DELAY_UNTIL_REBOOT)) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  Place from, to;
  if (!LocateSource(lpExistingFileName, &from)) return FALSE;
  if (!from.writable) return Fail(ERROR_WRITE_PROTECT);
  if (from.at_root()) return Fail(ERROR_ACCESS_DENIED);
  if (!LocateForChange(lpNewFileName, &to)) return FALSE;
  const bool folder = from.Examine() == Existence::kDirectory;
  switch (to.Examine()) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kDirectory:
      return Fail(ERROR_ACCESS_DENIED);
    case Existence::kFile:
      if ((dwFlags & MOVEFILE_REPLACE_EXISTING) == 0 || folder) {
        return Fail(ERROR_ALREADY_EXISTS);
      }
      break;
    case Existence::kMissing:
      break;
  }
  // Across volumes a file is copied then deleted, and only when allowed;
  // even when both host folders share one host file system.
  if (!SameVolume(from, to)) {
    if (folder || (dwFlags & MOVEFILE_COPY_ALLOWED) == 0) {
      return Fail(ERROR_NOT_SAME_DEVICE);
    }
    if (!CopyHostFile(from.HostPath(), to.HostPath())) return FALSE;
    ::unlink(from.HostPath().c_str());
    return Succeed();
  }
  if (::rename(from.HostPath().c_str(), to.HostPath().c_str()) != 0) {
    return Fail(ErrorFromErrno(errno));
  }
  return Succeed();
}

DWORD WINAPI GetFullPathNameW(LPCWSTR lpFileName, DWORD nBufferLength,
                              LPWSTR lpBuffer, LPWSTR* lpFilePart) {
  if (lpFileName == nullptr || *lpFileName == L'\0') {
    return FailZero(ERROR_INVALID_NAME);
  }
  const std::wstring full = paths::FullPathName(lpFileName, kCurrentDirectory);
  // Too small: the size needed, the terminating NUL included.
  if (lpBuffer == nullptr || full.size() + 1 > nBufferLength) {
    SetLastError(ERROR_SUCCESS);
    return static_cast<DWORD>(full.size() + 1);
  }
  std::copy(full.begin(), full.end(), lpBuffer);
  lpBuffer[full.size()] = L'\0';
  if (lpFilePart != nullptr) {
    const size_t slash = full.rfind(L'\\');
    // A path ending with a backslash names no file part.
    *lpFilePart = slash + 1 < full.size() ? lpBuffer + slash + 1 : nullptr;
  }
  SetLastError(ERROR_SUCCESS);
  return static_cast<DWORD>(full.size());
}

}  // extern "C"

}  // namespace vssemu::win32
