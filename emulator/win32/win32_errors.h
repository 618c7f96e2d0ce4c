// The calling thread's last error, and how the Win32 functions of vssemu
// report a failure: the Win32 code in the thread's last error plus the
// documented failure value of the function.
//
// Contract: the last error is per thread (thread_local), as on Windows;
// nothing here touches the emulator.
#ifndef VSSEMU_WIN32_WIN32_ERRORS_H_
#define VSSEMU_WIN32_WIN32_ERRORS_H_

#include <windows.h>

namespace vssemu::win32 {

// Sets the thread's last error to error and returns FALSE.
BOOL Fail(DWORD error);

// Sets the thread's last error to error and returns INVALID_HANDLE_VALUE.
HANDLE FailHandle(DWORD error);

// Sets the thread's last error to error and returns 0.
DWORD FailZero(DWORD error);

// Sets the thread's last error to ERROR_SUCCESS and returns TRUE.
BOOL Succeed();

// Returns the Win32 error code closest to a host errno value.
DWORD ErrorFromErrno(int error);

}  // namespace vssemu::win32

#endif  // VSSEMU_WIN32_WIN32_ERRORS_H_
