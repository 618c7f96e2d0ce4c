// Stands in for <tchar.h> on non-Windows builds: the generic-text names
// (_TCHAR, _T(), _tmain, _tprintf, _tcslen, _tcscpy_s, ...) mapped to the
// wide functions when _UNICODE is defined and to the narrow ones otherwise,
// as Microsoft's generic-text mappings table lists them.
//
// Contract: the wide printf names map to winshim's functions with Windows'
// reading of the format (%s wide; see <vssemu/winshim/crt_printf.h>). The narrow
// _tprintf, _ftprintf and _stprintf map to glibc's printf, fprintf and
// sprintf, which agree with Windows on %s and %S but not on %I64d; the
// narrow _stprintf_s and _sntprintf map to winshim's Windows-reading forms.
// _MBCS is treated as the narrow (SBCS) mapping: no _mbs* functions exist
// here. _tmain becomes wmain with _UNICODE; Linux starts programs at main
// only, so a program whose entry point is wmain calls it from a main of its
// own, for example through winshim::RunWideMain below. Only on the include
// path of non-Windows builds (see windows.h here).
#ifndef VSSEMU_WINSHIM_COMPAT_TCHAR_H_
#define VSSEMU_WINSHIM_COMPAT_TCHAR_H_

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "windows.h"

namespace winshim {
// Converts argv to wide strings with the environment's locale (LC_CTYPE is
// restored before wide_main runs) and returns what wide_main returns, so
// that a wmain can serve as a Linux entry point:
//   int main(int argc, char** argv) {
//     return winshim::RunWideMain(argc, argv, wmain);
//   }
int RunWideMain(int argc, char** argv, int (*wide_main)(int, wchar_t**));
}  // namespace winshim

#define __T(x) VSSEMU_TCHAR_TEXT_(x)
#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#if defined(_UNICODE)

typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef wint_t _TINT;
#define VSSEMU_TCHAR_TEXT_(x) L##x
#define _TEOF WEOF
#define _tmain wmain

#define _tprintf wprintf
#define _ftprintf fwprintf
#define _stprintf _swprintf
#define _stprintf_s swprintf_s
#define _sntprintf _snwprintf
#define _sntprintf_s _snwprintf_s
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _vstprintf_s vswprintf_s
#define _vsntprintf _vsnwprintf
#define _vsntprintf_s _vsnwprintf_s
#define _sctprintf _scwprintf
#define _tprintf_s wprintf_s
#define _ftprintf_s fwprintf_s
#define _fputts fputws
#define _fputtc fputwc
#define _puttc putwc
#define _fgetts fgetws

#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcscpy wcscpy
#define _tcscpy_s wcscpy_s
#define _tcsncpy wcsncpy
#define _tcsncpy_s wcsncpy_s
#define _tcscat wcscat
#define _tcscat_s wcscat_s
#define _tcsncat wcsncat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcspbrk wcspbrk
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcsdup _wcsdup
#define _tcslwr _wcslwr
#define _tcsupr _wcsupr
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoi64 wcstoll
#define _tcstoui64 wcstoull
#define _tcstod wcstod
#define _ttoi _wtoi
#define _tstoi _wtoi
#define _ttol _wtol
#define _tstol _wtol
#define _ttoi64 _wtoi64
#define _tstoi64 _wtoi64
#define _tstof _wtof

#define _totlower towlower
#define _totupper towupper
#define _istalpha iswalpha
#define _istdigit iswdigit
#define _istalnum iswalnum
#define _istspace iswspace
#define _istupper iswupper
#define _istlower iswlower
#define _istxdigit iswxdigit
#define _istpunct iswpunct
#define _istprint iswprint
#define _istcntrl iswcntrl

#else  // Narrow (SBCS) mappings.

typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef unsigned char _TXCHAR;
typedef int _TINT;
#define VSSEMU_TCHAR_TEXT_(x) x
#define _TEOF EOF
#define _tmain main

#define _tprintf printf
#define _ftprintf fprintf
#define _stprintf sprintf
#define _stprintf_s sprintf_s
#define _sntprintf _snprintf
#define _sntprintf_s _snprintf_s
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _vstprintf_s vsprintf_s
#define _vsntprintf _vsnprintf
#define _vsntprintf_s _vsnprintf_s
#define _sctprintf _scprintf
#define _tprintf_s printf_s
#define _ftprintf_s fprintf_s
#define _fputts fputs
#define _fputtc fputc
#define _puttc putc
#define _fgetts fgets

#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcscpy strcpy
#define _tcscpy_s strcpy_s
#define _tcsncpy strncpy
#define _tcsncpy_s strncpy_s
#define _tcscat strcat
#define _tcscat_s strcat_s
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp _stricmp
#define _tcsnicmp _strnicmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcspbrk strpbrk
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcsdup _strdup
#define _tcslwr _strlwr
#define _tcsupr _strupr
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoi64 strtoll
#define _tcstoui64 strtoull
#define _tcstod strtod
#define _ttoi atoi
#define _tstoi atoi
#define _ttol atol
#define _tstol atol
#define _ttoi64 _atoi64
#define _tstoi64 _atoi64
#define _tstof atof

#define _totlower tolower
#define _totupper toupper
#define _istalpha isalpha
#define _istdigit isdigit
#define _istalnum isalnum
#define _istspace isspace
#define _istupper isupper
#define _istlower islower
#define _istxdigit isxdigit
#define _istpunct ispunct
#define _istprint isprint
#define _istcntrl iscntrl

#endif  // _UNICODE

#endif  // VSSEMU_WINSHIM_COMPAT_TCHAR_H_
