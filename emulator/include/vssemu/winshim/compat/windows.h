// Stands in for <windows.h> on non-Windows builds, so that writer and
// requester code that includes it compiles unchanged. Only on the include
// path of non-Windows builds.
#ifndef VSSEMU_WINSHIM_COMPAT_WINDOWS_H_
#define VSSEMU_WINSHIM_COMPAT_WINDOWS_H_
#include <vssemu/winshim/winshim.h>
#include <vssemu/winshim/windows_extras.h>
#include <vssemu/winshim/winshim_files.h>
#endif  // VSSEMU_WINSHIM_COMPAT_WINDOWS_H_
