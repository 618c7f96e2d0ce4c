// GetLastError and SetLastError, and the failure helpers every Win32
// function of vssemu uses.
#include "win32/win32_errors.h"

#include <cerrno>

namespace vssemu::win32 {
namespace {

thread_local DWORD t_last_error = ERROR_SUCCESS;

}  // namespace

BOOL Fail(DWORD error) {
  t_last_error = error;
  return FALSE;
}

HANDLE FailHandle(DWORD error) {
  t_last_error = error;
  return INVALID_HANDLE_VALUE;
}

DWORD FailZero(DWORD error) {
  t_last_error = error;
  return 0;
}

BOOL Succeed() {
  t_last_error = ERROR_SUCCESS;
  return TRUE;
}

DWORD ErrorFromErrno(int error) {
  switch (error) {
    case ENOENT:
      return ERROR_FILE_NOT_FOUND;
    case ENOTDIR:
      return ERROR_PATH_NOT_FOUND;
    case EEXIST:
      return ERROR_ALREADY_EXISTS;
    case ENOTEMPTY:
      return ERROR_DIR_NOT_EMPTY;
    case EROFS:
      return ERROR_WRITE_PROTECT;
    case ENOSPC:
      return ERROR_DISK_FULL;
    case ENOMEM:
      return ERROR_NOT_ENOUGH_MEMORY;
    case ENAMETOOLONG:
      return ERROR_FILENAME_EXCED_RANGE;
    case EXDEV:
      return ERROR_NOT_SAME_DEVICE;
    case EINVAL:
      return ERROR_INVALID_PARAMETER;
    default:
      // EACCES, EPERM, EISDIR and the rest: Windows says "access denied"
      // for most refusals of the file system.
      return ERROR_ACCESS_DENIED;
  }
}

// C linkage: these are the global functions <vssemu/winshim/winshim_files.h>
// declares.
extern "C" {

DWORD WINAPI GetLastError(void) { return t_last_error; }

void WINAPI SetLastError(DWORD dwErrCode) { t_last_error = dwErrCode; }

}  // extern "C"

}  // namespace vssemu::win32
