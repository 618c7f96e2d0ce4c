// winshim's printf family with the Windows CRT's reading of format strings,
// for non-Windows builds (included by <windows.h> here).
//
// Contract: in a wide format (wprintf, swprintf, ...) %s and %c take WIDE
// arguments and %S and %C narrow ones, as in the Windows CRT; glibc reads
// them the other way round, as the C standard does. %hs/%hc are narrow and
// %ls/%lc/%ws/%wc wide in every function. Integer sizes are Windows': no
// prefix, l and I32 are 32 bits, ll and I64 64 bits, I (like z, t, j) is
// pointer-sized; hh and h as in C. %p prints 16 upper-case hex digits, and a
// null string prints "(null)". Flags, width, precision and '*' are kept.
// %n, %Z, positional arguments (%1$d) and unknown conversions fail with -1
// and errno EINVAL. Numbers, inf and nan are glibc's text (the same as the
// Windows CRT since 2015, except %a's digits and the nan(ind) spelling).
//
// The standard wide names (wprintf, fwprintf, swprintf with a count,
// vwprintf, vfwprintf, vswprintf) are macros for vssemu_* functions, also
// declared in namespace std so std::wprintf keeps working; this header pulls
// in <cwchar> and <cstdio> first so that including them later changes
// nothing. Define VSSEMU_NO_WIDE_PRINTF_COMPAT before including <windows.h>
// to keep glibc's reading of the standard names; the Windows-only names
// (_snwprintf, swprintf_s, ...) keep Windows semantics either way. Narrow
// printf, sprintf and fprintf stay glibc's: in narrow formats both libraries
// read %s as narrow and %S/%ls as wide (glibc does not know %I64d, though).
//
// The _s functions behave as the Windows CRT does when the invalid parameter
// handler returns: they set errno (EINVAL or ERANGE), empty the destination
// where the documentation says so, and return -1; they never abort.
#ifndef VSSEMU_WINSHIM_CRT_PRINTF_H_
#define VSSEMU_WINSHIM_CRT_PRINTF_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

// First, while the names are still glibc's: libstdc++'s <cwchar> #undefs
// wprintf and friends before it redeclares them, and would drop our macros.
#include <cstdio>
#include <cwchar>

#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif

extern "C" {
// Prints to stdout with Windows' reading of format; returns the number of
// wide characters written, or -1.
int vssemu_wprintf(const wchar_t* format, ...);
// Prints to stream with Windows' reading of format; as vssemu_wprintf.
int vssemu_fwprintf(FILE* stream, const wchar_t* format, ...);
// Formats into buffer, at most count characters with the NUL; returns the
// length, or -1 when it does not fit (buffer keeps a NUL-terminated prefix).
int vssemu_swprintf(wchar_t* buffer, size_t count, const wchar_t* format, ...);
// Same as vssemu_wprintf with a va_list.
int vssemu_vwprintf(const wchar_t* format, va_list args);
// Same as vssemu_fwprintf with a va_list.
int vssemu_vfwprintf(FILE* stream, const wchar_t* format, va_list args);
// Same as vssemu_swprintf with a va_list.
int vssemu_vswprintf(wchar_t* buffer, size_t count, const wchar_t* format,
                     va_list args);

// Formats into buffer, at most count characters: the NUL is added only when
// the text is shorter than count; returns -1 when the text is longer. With
// buffer NULL and count 0, returns the length the text needs.
int _snwprintf(wchar_t* buffer, size_t count, const wchar_t* format, ...);
// Same as _snwprintf with a va_list.
int _vsnwprintf(wchar_t* buffer, size_t count, const wchar_t* format,
                va_list args);
// Formats into buffer with no size limit (the pre-2005 swprintf, which
// tchar.h's _stprintf names in UNICODE builds).
int _swprintf(wchar_t* buffer, const wchar_t* format, ...);
// Formats into buffer of size characters; text that does not fit with its
// NUL empties buffer, sets errno to ERANGE and returns -1.
int swprintf_s(wchar_t* buffer, size_t size, const wchar_t* format, ...);
// Same as swprintf_s with a va_list.
int vswprintf_s(wchar_t* buffer, size_t size, const wchar_t* format,
                va_list args);
// Formats at most count characters into buffer of size characters, always
// NUL-terminated; count _TRUNCATE (or count < size) truncates and returns -1
// when it does, otherwise text that does not fit is an error as in swprintf_s.
int _snwprintf_s(wchar_t* buffer, size_t size, size_t count,
                 const wchar_t* format, ...);
// Same as _snwprintf_s with a va_list.
int _vsnwprintf_s(wchar_t* buffer, size_t size, size_t count,
                  const wchar_t* format, va_list args);
// Same as vssemu_wprintf; a null format sets errno to EINVAL.
int wprintf_s(const wchar_t* format, ...);
// Same as vssemu_vwprintf.
int vwprintf_s(const wchar_t* format, va_list args);
// Same as vssemu_fwprintf.
int fwprintf_s(FILE* stream, const wchar_t* format, ...);
// Same as vssemu_vfwprintf.
int vfwprintf_s(FILE* stream, const wchar_t* format, va_list args);
// Returns the number of characters format and its arguments produce.
int _scwprintf(const wchar_t* format, ...);
// Same as _scwprintf with a va_list.
int _vscwprintf(const wchar_t* format, va_list args);

// The narrow Windows-only names, with Windows' reading of format (%S wide,
// %I64d, 32-bit %ld); each behaves as its wide counterpart above.
// Formats into buffer of size bytes, as swprintf_s.
int sprintf_s(char* buffer, size_t size, const char* format, ...);
// Same as sprintf_s with a va_list.
int vsprintf_s(char* buffer, size_t size, const char* format, va_list args);
// Formats into buffer, at most count bytes, as _snwprintf.
int _snprintf(char* buffer, size_t count, const char* format, ...);
// Same as _snprintf with a va_list.
int _vsnprintf(char* buffer, size_t count, const char* format, va_list args);
// Formats into buffer of size bytes, at most count, as _snwprintf_s.
int _snprintf_s(char* buffer, size_t size, size_t count, const char* format,
                ...);
// Same as _snprintf_s with a va_list.
int _vsnprintf_s(char* buffer, size_t size, size_t count, const char* format,
                 va_list args);
// Returns the number of bytes format and its arguments produce.
int _scprintf(const char* format, ...);
// Same as _scprintf with a va_list.
int _vscprintf(const char* format, va_list args);
// Prints to stdout with Windows' reading of format.
int printf_s(const char* format, ...);
// Prints to stream with Windows' reading of format.
int fprintf_s(FILE* stream, const char* format, ...);
}  // extern "C"

namespace std {
using ::vssemu_fwprintf;
using ::vssemu_swprintf;
using ::vssemu_vfwprintf;
using ::vssemu_vswprintf;
using ::vssemu_vwprintf;
using ::vssemu_wprintf;
}  // namespace std

// The secure template overloads: the buffer's size comes from its type.
// Formats into an array, as swprintf_s.
template <size_t N>
int swprintf_s(wchar_t (&buffer)[N], const wchar_t* format, ...) {
  va_list args;
  va_start(args, format);
  int n = vswprintf_s(buffer, N, format, args);
  va_end(args);
  return n;
}
// Formats into an array, as vswprintf_s.
template <size_t N>
int vswprintf_s(wchar_t (&buffer)[N], const wchar_t* format, va_list args) {
  return vswprintf_s(buffer, N, format, args);
}
// Formats at most count characters into an array, as _snwprintf_s.
template <size_t N>
int _snwprintf_s(wchar_t (&buffer)[N], size_t count, const wchar_t* format,
                 ...) {
  va_list args;
  va_start(args, format);
  int n = _vsnwprintf_s(buffer, N, count, format, args);
  va_end(args);
  return n;
}
// Formats into an array, as sprintf_s.
template <size_t N>
int sprintf_s(char (&buffer)[N], const char* format, ...) {
  va_list args;
  va_start(args, format);
  int n = vsprintf_s(buffer, N, format, args);
  va_end(args);
  return n;
}
// Formats at most count bytes into an array, as _snprintf_s.
template <size_t N>
int _snprintf_s(char (&buffer)[N], size_t count, const char* format, ...) {
  va_list args;
  va_start(args, format);
  int n = _vsnprintf_s(buffer, N, count, format, args);
  va_end(args);
  return n;
}

#if !defined(VSSEMU_NO_WIDE_PRINTF_COMPAT)
// glibc's fortified headers may have made some of these macros already.
#undef wprintf
#undef fwprintf
#undef swprintf
#undef vwprintf
#undef vfwprintf
#undef vswprintf
#define wprintf vssemu_wprintf
#define fwprintf vssemu_fwprintf
#define swprintf vssemu_swprintf
#define vwprintf vssemu_vwprintf
#define vfwprintf vssemu_vfwprintf
#define vswprintf vssemu_vswprintf
#endif  // VSSEMU_NO_WIDE_PRINTF_COMPAT

#endif  // VSSEMU_WINSHIM_CRT_PRINTF_H_
