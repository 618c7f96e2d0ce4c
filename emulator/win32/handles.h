// The handles the Win32 functions of vssemu hand out: open files and
// folders (CreateFileW), file listings (FindFirstFileW) and volume
// enumerations (FindFirstVolumeW).
//
// Contract:
// - A handle value is a number of this table, never an address: values
//   start high, grow by four (as Windows handles do) and are never reused
//   in a process, so a closed or made-up handle is always told apart and
//   gets ERROR_INVALID_HANDLE. No value equals NULL or
//   INVALID_HANDLE_VALUE.
// - Each handle has one kind; a handle of another kind is invalid for a
//   function (CloseHandle does not close a listing, FindClose not a file).
// - The table is guarded by a mutex; an object found stays valid until its
//   handle is closed.
#ifndef VSSEMU_WIN32_HANDLES_H_
#define VSSEMU_WIN32_HANDLES_H_

#include <windows.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace vssemu::win32 {

// An open file or folder.
struct OpenFile {
  int fd = -1;              // The host descriptor (-1 on a volume without files).
  bool directory = false;   // Opened with FILE_FLAG_BACKUP_SEMANTICS.
  bool can_read = false;
  bool can_write = false;
  std::string delete_on_close;  // Host path to remove on close, if asked.
};

// A listing of the entries FindFirstFileW matched.
struct FileListing {
  std::vector<WIN32_FIND_DATAW> entries;
  size_t next = 0;
};

// A volume enumeration: the volume GUID paths when it started.
struct VolumeListing {
  std::vector<std::wstring> names;
  size_t next = 0;
};

// Adds file and returns its new handle.
HANDLE AddHandle(std::unique_ptr<OpenFile> file);
// Adds listing and returns its new handle.
HANDLE AddHandle(std::unique_ptr<FileListing> listing);
// Adds listing and returns its new handle.
HANDLE AddHandle(std::unique_ptr<VolumeListing> listing);

// Returns the open file of handle, or nullptr.
OpenFile* FindOpenFile(HANDLE handle);
// Returns the file listing of handle, or nullptr.
FileListing* FindFileListing(HANDLE handle);
// Returns the volume listing of handle, or nullptr.
VolumeListing* FindVolumeListing(HANDLE handle);

// Removes an open file's handle and returns the file, or nullptr.
std::unique_ptr<OpenFile> TakeOpenFile(HANDLE handle);
// Removes a file listing's handle; returns whether there was one.
bool CloseFileListing(HANDLE handle);
// Removes a volume listing's handle; returns whether there was one.
bool CloseVolumeListing(HANDLE handle);

}  // namespace vssemu::win32

#endif  // VSSEMU_WIN32_HANDLES_H_
