// The string helpers of <vssemu/winshim/crt_strings.h>. Narrow and wide forms share
// one template each, so the two can never drift apart.
#include <vssemu/winshim/crt_strings.h>

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

namespace {

int Fold(wchar_t c) { return static_cast<int>(towlower(static_cast<wint_t>(c))); }
int Fold(char c) { return tolower(static_cast<unsigned char>(c)); }
wchar_t Upper(wchar_t c) {
  return static_cast<wchar_t>(towupper(static_cast<wint_t>(c)));
}
char Upper(char c) {
  return static_cast<char>(toupper(static_cast<unsigned char>(c)));
}
wchar_t Lower(wchar_t c) {
  return static_cast<wchar_t>(towlower(static_cast<wint_t>(c)));
}
char Lower(char c) {
  return static_cast<char>(tolower(static_cast<unsigned char>(c)));
}

template <typename C>
size_t Length(const C* s) {
  size_t n = 0;
  while (s[n] != C('\0')) ++n;
  return n;
}

template <typename C>
int CompareIgnoringCase(const C* a, const C* b, size_t count) {
  if (a == nullptr || b == nullptr) {
    errno = EINVAL;
    return _NLSCMPERROR;
  }
  for (size_t i = 0; i < count; ++i) {
    int fa = Fold(a[i]);
    int fb = Fold(b[i]);
    if (fa != fb || a[i] == C('\0')) return fa - fb;
  }
  return 0;
}

// Copies n characters of src after dest[offset] and a NUL, checking size;
// the common tail of the _s copy and append functions.
template <typename C>
errno_t PlaceChecked(C* dest, size_t size, size_t offset, const C* src,
                     size_t n) {
  if (offset + n >= size) {
    dest[0] = C('\0');
    errno = ERANGE;
    return ERANGE;
  }
  memmove(dest + offset, src, n * sizeof(C));
  dest[offset + n] = C('\0');
  return 0;
}

// Checks the arguments every _s copy takes: EINVAL unless dest, size and
// src are all usable (dest emptied when only src is missing).
template <typename C>
errno_t CheckArguments(C* dest, size_t size, const C* src) {
  if (dest == nullptr || size == 0) {
    errno = EINVAL;
    return EINVAL;
  }
  if (src == nullptr) {
    dest[0] = C('\0');
    errno = EINVAL;
    return EINVAL;
  }
  return 0;
}

template <typename C>
errno_t CopySecure(C* dest, size_t size, const C* src) {
  if (errno_t e = CheckArguments(dest, size, src)) return e;
  return PlaceChecked(dest, size, 0, src, Length(src));
}

template <typename C>
errno_t CopyCountSecure(C* dest, size_t size, const C* src, size_t count) {
  // Copying nothing needs no source; Windows only terminates dest.
  if (count == 0 && src == nullptr && dest != nullptr && size > 0) {
    dest[0] = C('\0');
    return 0;
  }
  if (errno_t e = CheckArguments(dest, size, src)) return e;
  size_t n = 0;
  while (n < count && src[n] != C('\0') &&
         (count != _TRUNCATE || n + 1 < size)) {
    ++n;
  }
  if (count == _TRUNCATE) {
    memmove(dest, src, n * sizeof(C));
    dest[n] = C('\0');
    return src[n] != C('\0') ? STRUNCATE : 0;
  }
  return PlaceChecked(dest, size, 0, src, n);
}

template <typename C>
errno_t AppendSecure(C* dest, size_t size, const C* src) {
  if (errno_t e = CheckArguments(dest, size, src)) return e;
  size_t used = 0;
  while (used < size && dest[used] != C('\0')) ++used;
  if (used == size) {  // dest is not a string within its size.
    dest[0] = C('\0');
    errno = EINVAL;
    return EINVAL;
  }
  return PlaceChecked(dest, size, used, src, Length(src));
}

template <typename C>
C* Duplicate(const C* s) {
  if (s == nullptr) return nullptr;
  size_t bytes = (Length(s) + 1) * sizeof(C);
  C* copy = static_cast<C*>(malloc(bytes));
  if (copy != nullptr) memcpy(copy, s, bytes);
  return copy;
}

template <typename C, typename F>
C* MapInPlace(C* s, F f) {
  if (s == nullptr) {
    errno = EINVAL;
    return nullptr;
  }
  for (C* p = s; *p != C('\0'); ++p) *p = f(*p);
  return s;
}

// Clamps a parsed value to [lo, hi], setting errno to ERANGE when it must.
long long Clamp(long long v, long long lo, long long hi) {
  if (v < lo || v > hi) {
    errno = ERANGE;
    return v < lo ? lo : hi;
  }
  return v;
}

long long ParseWide(const wchar_t* s) {
  if (s == nullptr) {
    errno = EINVAL;
    return 0;
  }
  return wcstoll(s, nullptr, 10);
}

}  // namespace

extern "C" {

int _wcsicmp(const wchar_t* a, const wchar_t* b) {
  return CompareIgnoringCase(a, b, SIZE_MAX);
}
int _wcsnicmp(const wchar_t* a, const wchar_t* b, size_t count) {
  return CompareIgnoringCase(a, b, count);
}
int _stricmp(const char* a, const char* b) {
  return CompareIgnoringCase(a, b, SIZE_MAX);
}
int _strnicmp(const char* a, const char* b, size_t count) {
  return CompareIgnoringCase(a, b, count);
}

errno_t wcscpy_s(wchar_t* dest, size_t size, const wchar_t* src) {
  return CopySecure(dest, size, src);
}
errno_t wcsncpy_s(wchar_t* dest, size_t size, const wchar_t* src,
                  size_t count) {
  return CopyCountSecure(dest, size, src, count);
}
errno_t wcscat_s(wchar_t* dest, size_t size, const wchar_t* src) {
  return AppendSecure(dest, size, src);
}
errno_t strcpy_s(char* dest, size_t size, const char* src) {
  return CopySecure(dest, size, src);
}
errno_t strncpy_s(char* dest, size_t size, const char* src, size_t count) {
  return CopyCountSecure(dest, size, src, count);
}
errno_t strcat_s(char* dest, size_t size, const char* src) {
  return AppendSecure(dest, size, src);
}

wchar_t* _wcsdup(const wchar_t* s) { return Duplicate(s); }
char* _strdup(const char* s) { return Duplicate(s); }
wchar_t* _wcslwr(wchar_t* s) {
  return MapInPlace(s, [](wchar_t c) { return Lower(c); });
}
wchar_t* _wcsupr(wchar_t* s) {
  return MapInPlace(s, [](wchar_t c) { return Upper(c); });
}
char* _strlwr(char* s) {
  return MapInPlace(s, [](char c) { return Lower(c); });
}
char* _strupr(char* s) {
  return MapInPlace(s, [](char c) { return Upper(c); });
}

int _wtoi(const wchar_t* s) {
  return static_cast<int>(Clamp(ParseWide(s), INT_MIN, INT_MAX));
}
long _wtol(const wchar_t* s) {
  return static_cast<long>(Clamp(ParseWide(s), INT32_MIN, INT32_MAX));
}
long long _wtoi64(const wchar_t* s) { return ParseWide(s); }
long long _atoi64(const char* s) {
  if (s == nullptr) {
    errno = EINVAL;
    return 0;
  }
  return strtoll(s, nullptr, 10);
}
double _wtof(const wchar_t* s) {
  if (s == nullptr) {
    errno = EINVAL;
    return 0.0;
  }
  return wcstod(s, nullptr);
}

}  // extern "C"
