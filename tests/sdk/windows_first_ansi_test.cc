// A writer and a requester that include <windows.h> before the VSS headers,
// with the Win32 A/W name macros in their ANSI form. On Windows this is the
// real <windows.h>; elsewhere winshim's.
#undef UNICODE
#undef _UNICODE
#define VSSEMU_WINDOWS_FIRST_SUITE WindowsHeadersFirstAnsi
#include "windows_first_body.inc"
