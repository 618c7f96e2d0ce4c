// The Windows CRT's string helpers that glibc lacks (_wcsicmp, wcscpy_s,
// _wcsdup, _wtoi, ...), for non-Windows builds (included by <windows.h>
// here).
//
// Contract: return values are the Windows CRT's. The _s functions return an
// errno_t (0, EINVAL, ERANGE, or STRUNCATE when _TRUNCATE truncated), set
// errno on failure and empty the destination where Microsoft's
// documentation says so; they behave as Windows does when the invalid
// parameter handler returns, so they never abort. The case-insensitive
// comparisons fold with the current C locale (towlower/tolower) and return
// _NLSCMPERROR with errno EINVAL for a null argument. The conversions follow
// Windows' sizes: _wtoi and _wtol give 32-bit values (Windows' long is 32
// bits), clamped with errno ERANGE on overflow.
#ifndef VSSEMU_WINSHIM_CRT_STRINGS_H_
#define VSSEMU_WINSHIM_CRT_STRINGS_H_

#include <errno.h>
#include <stddef.h>
#include <wchar.h>

typedef int errno_t;

#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
#ifndef STRUNCATE
#define STRUNCATE 80
#endif
#ifndef _NLSCMPERROR
#define _NLSCMPERROR 2147483647
#endif

extern "C" {
// Compares two wide strings ignoring case; <0, 0 or >0.
int _wcsicmp(const wchar_t* a, const wchar_t* b);
// Compares at most count wide characters ignoring case; <0, 0 or >0.
int _wcsnicmp(const wchar_t* a, const wchar_t* b, size_t count);
// Compares two narrow strings ignoring case; <0, 0 or >0.
int _stricmp(const char* a, const char* b);
// Compares at most count narrow characters ignoring case; <0, 0 or >0.
int _strnicmp(const char* a, const char* b, size_t count);

// Copies src into dest of size characters: EINVAL (dest emptied when it
// can be) for a null argument or size 0, ERANGE (dest emptied) when src and
// its NUL do not fit.
errno_t wcscpy_s(wchar_t* dest, size_t size, const wchar_t* src);
// Copies at most count characters of src and a NUL; count _TRUNCATE copies
// what fits and returns STRUNCATE if it had to cut; errors as wcscpy_s.
errno_t wcsncpy_s(wchar_t* dest, size_t size, const wchar_t* src,
                  size_t count);
// Appends src to the string in dest: EINVAL (dest emptied) when dest holds
// no NUL within size, otherwise as wcscpy_s.
errno_t wcscat_s(wchar_t* dest, size_t size, const wchar_t* src);
// Copies a narrow string, as wcscpy_s.
errno_t strcpy_s(char* dest, size_t size, const char* src);
// Copies at most count narrow characters, as wcsncpy_s.
errno_t strncpy_s(char* dest, size_t size, const char* src, size_t count);
// Appends a narrow string, as wcscat_s.
errno_t strcat_s(char* dest, size_t size, const char* src);

// Returns a malloc'ed copy of s (free it with free), or NULL for NULL.
wchar_t* _wcsdup(const wchar_t* s);
// Returns a malloc'ed copy of s (free it with free), or NULL for NULL.
char* _strdup(const char* s);
// Lower-cases s in place and returns it.
wchar_t* _wcslwr(wchar_t* s);
// Upper-cases s in place and returns it.
wchar_t* _wcsupr(wchar_t* s);
// Lower-cases s in place and returns it.
char* _strlwr(char* s);
// Upper-cases s in place and returns it.
char* _strupr(char* s);

// Reads a decimal int (leading blanks and a sign allowed); 0 if none.
int _wtoi(const wchar_t* s);
// Reads a decimal 32-bit long, as _wtoi.
long _wtol(const wchar_t* s);
// Reads a decimal 64-bit integer, as _wtoi.
long long _wtoi64(const wchar_t* s);
// Reads a decimal 64-bit integer from a narrow string, as _wtoi.
long long _atoi64(const char* s);
// Reads a floating-point number; 0.0 if none.
double _wtof(const wchar_t* s);
}  // extern "C"

// The secure template overloads: the destination's size comes from its type.
// Copies into an array, as wcscpy_s.
template <size_t N>
errno_t wcscpy_s(wchar_t (&dest)[N], const wchar_t* src) {
  return wcscpy_s(dest, N, src);
}
// Copies at most count characters into an array, as wcsncpy_s.
template <size_t N>
errno_t wcsncpy_s(wchar_t (&dest)[N], const wchar_t* src, size_t count) {
  return wcsncpy_s(dest, N, src, count);
}
// Appends to an array, as wcscat_s.
template <size_t N>
errno_t wcscat_s(wchar_t (&dest)[N], const wchar_t* src) {
  return wcscat_s(dest, N, src);
}
// Copies into an array, as strcpy_s.
template <size_t N>
errno_t strcpy_s(char (&dest)[N], const char* src) {
  return strcpy_s(dest, N, src);
}
// Copies at most count characters into an array, as strncpy_s.
template <size_t N>
errno_t strncpy_s(char (&dest)[N], const char* src, size_t count) {
  return strncpy_s(dest, N, src, count);
}
// Appends to an array, as strcat_s.
template <size_t N>
errno_t strcat_s(char (&dest)[N], const char* src) {
  return strcat_s(dest, N, src);
}

#endif  // VSSEMU_WINSHIM_CRT_STRINGS_H_
