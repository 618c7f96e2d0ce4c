// FindFirstFileW and the attribute queries, over the host folders behind
// the emulated machine's volumes and shadow copies.
#include <dirent.h>
#include <sys/stat.h>

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

// Fills the attributes, times and size of an entry from host information.
template <typename Data>
void Describe(const struct stat& info, Data* out) {
  out->dwFileAttributes = AttributesFrom(info);
  // The host keeps no creation time that every file system gives; the
  // last write stands in for it.
  out->ftCreationTime = FiletimeFrom(info.st_mtim);
  out->ftLastAccessTime = FiletimeFrom(info.st_atim);
  out->ftLastWriteTime = FiletimeFrom(info.st_mtim);
  const uint64_t size =
      S_ISDIR(info.st_mode) ? 0 : static_cast<uint64_t>(info.st_size);
  out->nFileSizeHigh = static_cast<DWORD>(size >> 32);
  out->nFileSizeLow = static_cast<DWORD>(size & 0xFFFFFFFF);
}

// Makes the entry of name; false when the name does not fit cFileName.
bool MakeEntry(const std::wstring& name, const struct stat& info,
               WIN32_FIND_DATAW* out) {
  if (name.size() >= MAX_PATH) return false;
  *out = {};
  Describe(info, out);
  std::copy(name.begin(), name.end(), out->cFileName);
  return true;
}

// Lists the host folder behind folder, entries matching pattern, sorted by
// name without regard to case as NTFS orders them; a folder that is not a
// root starts with "." and "..".
std::vector<WIN32_FIND_DATAW> List(const Place& folder,
                                   std::wstring_view pattern) {
  std::vector<std::pair<std::wstring, struct stat>> found;
  const std::filesystem::path host = folder.HostPath();
  if (!folder.at_root()) {
    struct stat self, parent;
    folder.Examine(&self);
    folder.Parent().Examine(&parent);
    found.push_back({L".", self});
    found.push_back({L"..", parent});
  }
  if (DIR* dir = host.empty() ? nullptr : ::opendir(host.c_str())) {
    std::vector<std::pair<std::wstring, struct stat>> entries;
    while (const dirent* e = ::readdir(dir)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      struct stat info;
      if (::stat((host / name).c_str(), &info) != 0) continue;
      entries.push_back({paths::Utf8ToWide(name), info});
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return paths::FoldCase(a.first) < paths::FoldCase(b.first);
    });
    found.insert(found.end(), entries.begin(), entries.end());
  }
  std::vector<WIN32_FIND_DATAW> out;
  for (const auto& [name, info] : found) {
    WIN32_FIND_DATAW entry;
    if (paths::MatchesFilespec(name, pattern) && MakeEntry(name, info, &entry)) {
      out.push_back(entry);
    }
  }
  return out;
}

// Locates a file or folder and reads its host information; false with
// the last error set when it does not exist.
bool Lookup(LPCWSTR name, struct stat* info) {
  if (name == nullptr) return Fail(ERROR_INVALID_PARAMETER);
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> place = Machine().Locate(name, &error);
  if (!place) return Fail(error);
  switch (place->Examine(info)) {
    case Existence::kMissingParent:
      return Fail(ERROR_PATH_NOT_FOUND);
    case Existence::kMissing:
      return Fail(ERROR_FILE_NOT_FOUND);
    default:
      return Succeed();
  }
}

}  // namespace

// C linkage: the global functions <vssemu/winshim/winshim_files.h> declares.
extern "C" {

HANDLE WINAPI FindFirstFileW(LPCWSTR lpFileName,
                             LPWIN32_FIND_DATAW lpFindFileData) {
  if (lpFileName == nullptr || lpFindFileData == nullptr) {
    return FailHandle(ERROR_INVALID_PARAMETER);
  }
  const std::wstring full = paths::WithBackslashes(lpFileName);
  const size_t slash = full.rfind(L'\\');
  const std::wstring pattern =
      slash == std::wstring::npos ? full : full.substr(slash + 1);
  // "C:\dir\" names no entry: Windows finds nothing.
  if (pattern.empty()) return FailHandle(ERROR_FILE_NOT_FOUND);
  const std::wstring folder_name =
      slash == std::wstring::npos ? L"." : full.substr(0, slash + 1);
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> folder = Machine().Locate(folder_name, &error);
  if (!folder) return FailHandle(error);
  if (folder->Examine() != Existence::kDirectory) {
    return FailHandle(ERROR_PATH_NOT_FOUND);
  }
  auto listing = std::make_unique<FileListing>();
  listing->entries = List(*folder, pattern);
  if (listing->entries.empty()) return FailHandle(ERROR_FILE_NOT_FOUND);
  *lpFindFileData = listing->entries.front();
  listing->next = 1;
  Succeed();
  return AddHandle(std::move(listing));
}

BOOL WINAPI FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData) {
  FileListing* listing = FindFileListing(hFindFile);
  if (listing == nullptr) return Fail(ERROR_INVALID_HANDLE);
  if (lpFindFileData == nullptr) return Fail(ERROR_INVALID_PARAMETER);
  if (listing->next >= listing->entries.size()) {
    return Fail(ERROR_NO_MORE_FILES);
  }
  *lpFindFileData = listing->entries[listing->next++];
  return Succeed();
}

BOOL WINAPI FindClose(HANDLE hFindFile) {
  return CloseFileListing(hFindFile) ? Succeed() : Fail(ERROR_INVALID_HANDLE);
}

DWORD WINAPI GetFileAttributesW(LPCWSTR lpFileName) {
  struct stat info;
  if (!Lookup(lpFileName, &info)) return INVALID_FILE_ATTRIBUTES;
  return AttributesFrom(info);
}

BOOL WINAPI GetFileAttributesExW(LPCWSTR lpFileName,
                                 GET_FILEEX_INFO_LEVELS fInfoLevelId,
                                 LPVOID lpFileInformation) {
  if (fInfoLevelId != GetFileExInfoStandard || lpFileInformation == nullptr) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  struct stat info;
  if (!Lookup(lpFileName, &info)) return FALSE;
  auto* out = static_cast<WIN32_FILE_ATTRIBUTE_DATA*>(lpFileInformation);
  Describe(info, out);
  return TRUE;
}

}  // extern "C"

}  // namespace vssemu::win32
