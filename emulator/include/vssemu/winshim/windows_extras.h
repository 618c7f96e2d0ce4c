// What <windows.h> brings along on Windows beyond winshim's base types, for
// non-Windows builds: SAL annotations, the calling-convention keywords,
// TCHAR and TEXT(), _countof, and the CRT's Windows-only string and printf
// functions. Included by winshim's compat <windows.h>.
//
// Contract: every macro is defined only if it is not defined yet. TCHAR and
// its pointer types follow UNICODE as in <winnt.h> (tchar.h's _TCHAR follows
// _UNICODE); the two are meant to agree, as on Windows. See crt_printf.h for
// the wide printf semantics and the VSSEMU_NO_WIDE_PRINTF_COMPAT opt-out,
// crt_strings.h for the string helpers, compat/specstrings.h for the SAL
// names left out by default.
#ifndef VSSEMU_WINSHIM_WINDOWS_EXTRAS_H_
#define VSSEMU_WINSHIM_WINDOWS_EXTRAS_H_

#include "compat/specstrings.h"
#include "winshim.h"

// Calling conventions: x86-64 System V has one, so these are empty, as
// STDMETHODCALLTYPE and WINAPI already are in winshim.h.
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __fastcall
#define __fastcall
#endif
#ifndef __thiscall
#define __thiscall
#endif
#ifndef WINAPIV
#define WINAPIV
#endif
#ifndef __forceinline
#define __forceinline inline __attribute__((always_inline))
#endif

// Generic text (<winnt.h>): TCHAR is WCHAR when UNICODE is defined.
#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
#if defined(UNICODE)
typedef WCHAR TCHAR;
#else
typedef char TCHAR;
#endif
#endif  // _TCHAR_DEFINED
typedef TCHAR* PTCHAR;
typedef TCHAR* LPTSTR;
typedef TCHAR* PTSTR;
typedef const TCHAR* LPCTSTR;
typedef const TCHAR* PCTSTR;
typedef char* PSTR;
typedef const char* PCSTR;
typedef WCHAR* PWCHAR;
typedef CHAR* PCHAR;
#ifndef __TEXT
#if defined(UNICODE)
#define __TEXT(quote) L##quote
#else
#define __TEXT(quote) quote
#endif
#endif  // __TEXT
#ifndef TEXT
#define TEXT(quote) __TEXT(quote)
#endif

// Element count of an array (stdlib.h's _countof, winnt.h's ARRAYSIZE).
#ifndef _countof
#define _countof(array) (sizeof(array) / sizeof((array)[0]))
#endif
#ifndef ARRAYSIZE
#define ARRAYSIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif

#include "crt_strings.h"
#include "crt_printf.h"

#endif  // VSSEMU_WINSHIM_WINDOWS_EXTRAS_H_
