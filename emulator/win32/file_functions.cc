// CreateFileW and the calls on the handle it returns, over the host files
// behind the emulated machine's volumes and shadow copies.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>

#include <cerrno>
#include <memory>
#include <string>

#include "win32/handles.h"
#include "win32/machine.h"
#include "win32/win32_errors.h"

namespace vssemu::win32 {
namespace {

constexpr DWORD kWriteAccess = GENERIC_WRITE | GENERIC_ALL;
constexpr DWORD kReadAccess = GENERIC_READ | GENERIC_ALL | GENERIC_EXECUTE;

bool Creates(DWORD disposition, Existence existence) {
  return disposition == CREATE_NEW || disposition == CREATE_ALWAYS ||
         (disposition == OPEN_ALWAYS && existence == Existence::kMissing);
}

// Checks a disposition against what exists; ERROR_SUCCESS when it may go on.
DWORD CheckDisposition(DWORD disposition, Existence existence) {
  if (existence == Existence::kMissingParent) return ERROR_PATH_NOT_FOUND;
  const bool exists = existence != Existence::kMissing;
  if (disposition == CREATE_NEW && exists) return ERROR_FILE_EXISTS;
  if ((disposition == OPEN_EXISTING || disposition == TRUNCATE_EXISTING) &&
      !exists) {
    return ERROR_FILE_NOT_FOUND;
  }
  return ERROR_SUCCESS;
}

// Opens a folder: a handle that reads no data (FILE_FLAG_BACKUP_SEMANTICS).
HANDLE OpenFolder(const Place& place, DWORD disposition) {
  if (disposition != OPEN_EXISTING && disposition != OPEN_ALWAYS) {
    return FailHandle(ERROR_ACCESS_DENIED);
  }
  auto file = std::make_unique<OpenFile>();
  file->directory = true;
  if (!place.host_root.empty()) {
    file->fd = ::open(place.HostPath().c_str(),
                      O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (file->fd < 0) return FailHandle(ErrorFromErrno(errno));
  }
  SetLastError(disposition == OPEN_ALWAYS ? ERROR_ALREADY_EXISTS
                                          : ERROR_SUCCESS);
  return AddHandle(std::move(file));
}

// Opens or creates a file on the host once every Win32 rule has passed.
HANDLE OpenHostFile(const Place& place, DWORD access, DWORD disposition,
                    DWORD flags, Existence existence) {
  const bool write = (access & kWriteAccess) != 0;
  const bool read = (access & kReadAccess) != 0;
  int mode = write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY;
  mode |= O_CLOEXEC;
  if (Creates(disposition, existence)) mode |= O_CREAT;
  if (disposition == CREATE_NEW) mode |= O_EXCL;
  if (disposition == CREATE_ALWAYS || disposition == TRUNCATE_EXISTING) {
    mode |= O_TRUNC;
  }
  const std::string host = place.HostPath().string();
  auto file = std::make_unique<OpenFile>();
  file->fd = ::open(host.c_str(), mode, 0666);
  if (file->fd < 0) return FailHandle(ErrorFromErrno(errno));
  file->can_read = read;
  file->can_write = write;
  if ((flags & FILE_FLAG_DELETE_ON_CLOSE) != 0) file->delete_on_close = host;
  const bool existed = existence == Existence::kFile;
  SetLastError((disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS) &&
                       existed
                   ? ERROR_ALREADY_EXISTS
                   : ERROR_SUCCESS);
  return AddHandle(std::move(file));
}

// Reads or writes count bytes at the handle's pointer, or at the offset
// of overlapped (a synchronous handle: the call completes before it
// returns, and the pointer moves past what was transferred).
BOOL Transfer(HANDLE handle, void* data, DWORD count, LPDWORD done,
              LPOVERLAPPED overlapped, bool writing) {
  OpenFile* file = FindOpenFile(handle);
  if (file == nullptr) return Fail(ERROR_INVALID_HANDLE);
  if (done == nullptr && overlapped == nullptr) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  if (done != nullptr) *done = 0;
  if (file->directory) return Fail(ERROR_INVALID_FUNCTION);
  if (!(writing ? file->can_write : file->can_read)) {
    return Fail(ERROR_ACCESS_DENIED);
  }
  if (overlapped != nullptr) {
    const off_t offset = static_cast<off_t>(
        (static_cast<uint64_t>(overlapped->OffsetHigh) << 32) |
        overlapped->Offset);
    if (::lseek(file->fd, offset, SEEK_SET) < 0) {
      return Fail(ErrorFromErrno(errno));
    }
  }
  DWORD total = 0;
  auto* bytes = static_cast<char*>(data);
  while (total < count) {
    const ssize_t n = writing ? ::write(file->fd, bytes + total, count - total)
                              : ::read(file->fd, bytes + total, count - total);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail(ErrorFromErrno(errno));
    if (n == 0) break;  // End of file.
    total += static_cast<DWORD>(n);
  }
  if (done != nullptr) *done = total;
  if (overlapped != nullptr) {
    overlapped->Internal = 0;
    overlapped->InternalHigh = total;
    // At or past the end, a positioned read reports ERROR_HANDLE_EOF.
    if (!writing && total == 0 && count > 0) return Fail(ERROR_HANDLE_EOF);
  }
  return Succeed();
}

// Returns the size of an open file, or -1 with the last error set.
int64_t SizeOf(HANDLE handle) {
  OpenFile* file = FindOpenFile(handle);
  if (file == nullptr) {
    Fail(ERROR_INVALID_HANDLE);
    return -1;
  }
  if (file->fd < 0) return 0;  // The root of a volume without files.
  struct stat info;
  if (::fstat(file->fd, &info) != 0) {
    Fail(ErrorFromErrno(errno));
    return -1;
  }
  return S_ISDIR(info.st_mode) ? 0 : static_cast<int64_t>(info.st_size);
}

}  // namespace

// C linkage: the global functions <vssemu/winshim/winshim_files.h> declares.
extern "C" {

HANDLE WINAPI CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess,
                          DWORD /*dwShareMode*/,
                          LPSECURITY_ATTRIBUTES /*lpSecurityAttributes*/,
                          DWORD dwCreationDisposition,
                          DWORD dwFlagsAndAttributes,
                          HANDLE /*hTemplateFile*/) {
  const DWORD disposition = dwCreationDisposition;
  if (lpFileName == nullptr || disposition < CREATE_NEW ||
      disposition > TRUNCATE_EXISTING ||
      (disposition == TRUNCATE_EXISTING &&
       (dwDesiredAccess & kWriteAccess) == 0) ||
      (dwFlagsAndAttributes & FILE_FLAG_OVERLAPPED) != 0) {
    return FailHandle(ERROR_INVALID_PARAMETER);
  }
  DWORD error = ERROR_SUCCESS;
  std::optional<Place> place = Machine().Locate(lpFileName, &error);
  if (!place) return FailHandle(error);
  const Existence existence = place->Examine();
  if (existence == Existence::kDirectory) {
    if ((dwFlagsAndAttributes & FILE_FLAG_BACKUP_SEMANTICS) == 0) {
      return FailHandle(ERROR_ACCESS_DENIED);
    }
    return OpenFolder(*place, disposition);
  }
  // A shadow copy refuses any open that could change it.
  const bool changes = (dwDesiredAccess & kWriteAccess) != 0 ||
                       Creates(disposition, existence) ||
                       disposition == TRUNCATE_EXISTING;
  if (changes && !place->writable) return FailHandle(ERROR_WRITE_PROTECT);
  error = CheckDisposition(disposition, existence);
  if (error != ERROR_SUCCESS) return FailHandle(error);
  // Nothing can be made on a volume without a host folder.
  if (place->host_root.empty()) return FailHandle(ERROR_ACCESS_DENIED);
  return OpenHostFile(*place, dwDesiredAccess, disposition,
                      dwFlagsAndAttributes, existence);
}

BOOL WINAPI ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
                     LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped) {
  return Transfer(hFile, lpBuffer, nNumberOfBytesToRead, lpNumberOfBytesRead,
                  lpOverlapped, false);
}

BOOL WINAPI WriteFile(HANDLE hFile, LPCVOID lpBuffer,
                      DWORD nNumberOfBytesToWrite,
                      LPDWORD lpNumberOfBytesWritten,
                      LPOVERLAPPED lpOverlapped) {
  return Transfer(hFile, const_cast<void*>(lpBuffer), nNumberOfBytesToWrite,
                  lpNumberOfBytesWritten, lpOverlapped, true);
}

BOOL WINAPI CloseHandle(HANDLE hObject) {
  std::unique_ptr<OpenFile> file = TakeOpenFile(hObject);
  if (file == nullptr) return Fail(ERROR_INVALID_HANDLE);
  if (file->fd >= 0) ::close(file->fd);
  if (!file->delete_on_close.empty()) ::unlink(file->delete_on_close.c_str());
  return Succeed();
}

BOOL WINAPI GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize) {
  if (lpFileSize == nullptr) return Fail(ERROR_INVALID_PARAMETER);
  const int64_t size = SizeOf(hFile);
  if (size < 0) return FALSE;
  lpFileSize->QuadPart = size;
  return Succeed();
}

DWORD WINAPI GetFileSize(HANDLE hFile, LPDWORD lpFileSizeHigh) {
  const int64_t size = SizeOf(hFile);
  if (size < 0) return INVALID_FILE_SIZE;
  if (lpFileSizeHigh != nullptr) {
    *lpFileSizeHigh = static_cast<DWORD>(static_cast<uint64_t>(size) >> 32);
  }
  // The low half may equal INVALID_FILE_SIZE: callers then check the last
  // error, which says success.
  Succeed();
  return static_cast<DWORD>(size & 0xFFFFFFFF);
}

BOOL WINAPI SetFilePointerEx(HANDLE hFile, LARGE_INTEGER liDistanceToMove,
                             PLARGE_INTEGER lpNewFilePointer,
                             DWORD dwMoveMethod) {
  OpenFile* file = FindOpenFile(hFile);
  if (file == nullptr) return Fail(ERROR_INVALID_HANDLE);
  if (dwMoveMethod > FILE_END || file->directory) {
    return Fail(ERROR_INVALID_PARAMETER);
  }
  int64_t base = 0;
  if (dwMoveMethod == FILE_CURRENT) {
    base = ::lseek(file->fd, 0, SEEK_CUR);
  } else if (dwMoveMethod == FILE_END) {
    base = SizeOf(hFile);
  }
  if (base < 0) return Fail(ERROR_INVALID_HANDLE);
  const int64_t target = base + liDistanceToMove.QuadPart;
  if (target < 0) return Fail(ERROR_NEGATIVE_SEEK);
  if (::lseek(file->fd, static_cast<off_t>(target), SEEK_SET) < 0) {
    return Fail(ErrorFromErrno(errno));
  }
  if (lpNewFilePointer != nullptr) lpNewFilePointer->QuadPart = target;
  return Succeed();
}

}  // extern "C"

}  // namespace vssemu::win32
