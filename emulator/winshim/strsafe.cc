// The strsafe functions of winshim's compat <strsafe.h>. One template per
// operation serves the A and W forms and the Cch and Cb sizes.
#include "vssemu/winshim/compat/strsafe.h"

#include <string>

#include "printf_engine.h"

namespace {

// A destination size is usable when it is neither 0 nor above the maximum.
bool ValidSize(size_t cch) { return cch != 0 && cch <= STRSAFE_MAX_CCH; }

// Writes at most n characters of src after dest[offset], stopping at a NUL,
// then a NUL; truncates to what fits in cch_dest.
template <typename C>
HRESULT PutTruncating(C* dest, size_t cch_dest, size_t offset, const C* src,
                      size_t n) {
  size_t i = 0;
  while (i < n && src[i] != C('\0') && offset + i + 1 < cch_dest) {
    dest[offset + i] = src[i];
    ++i;
  }
  dest[offset + i] = C('\0');
  bool more = i < n && src[i] != C('\0');
  return more ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}

template <typename C>
HRESULT CopyN(C* dest, size_t cch_dest, const C* src, size_t n) {
  if (!ValidSize(cch_dest) || n > STRSAFE_MAX_CCH || src == nullptr ||
      dest == nullptr) {
    if (dest != nullptr && cch_dest != 0) dest[0] = C('\0');
    return STRSAFE_E_INVALID_PARAMETER;
  }
  return PutTruncating(dest, cch_dest, 0, src, n);
}

template <typename C>
HRESULT CatN(C* dest, size_t cch_dest, const C* src, size_t n) {
  if (!ValidSize(cch_dest) || n > STRSAFE_MAX_CCH || src == nullptr ||
      dest == nullptr) {
    return STRSAFE_E_INVALID_PARAMETER;
  }
  size_t used = 0;
  while (used < cch_dest && dest[used] != C('\0')) ++used;
  if (used == cch_dest) return STRSAFE_E_INVALID_PARAMETER;  // Already full.
  return PutTruncating(dest, cch_dest, used, src, n);
}

template <typename C>
HRESULT VPrintf(C* dest, size_t cch_dest, const C* format, va_list args) {
  std::basic_string<C> text;
  if (!ValidSize(cch_dest) || dest == nullptr ||
      !winshim::FormatWindows(&text, format, args)) {
    if (dest != nullptr && cch_dest != 0) dest[0] = C('\0');
    return STRSAFE_E_INVALID_PARAMETER;
  }
  // Embedded NULs (%c of 0) are kept, as the CRT's formatter keeps them.
  size_t n = text.size() < cch_dest ? text.size() : cch_dest - 1;
  text.copy(dest, n);
  dest[n] = C('\0');
  return n < text.size() ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}

template <typename C>
HRESULT Length(const C* s, size_t cch_max, size_t* cch_length) {
  size_t n = 0;
  bool ok = s != nullptr && cch_max <= STRSAFE_MAX_CCH;
  if (ok) {
    while (n < cch_max && s[n] != C('\0')) ++n;
    ok = n < cch_max;
  }
  if (cch_length != nullptr) *cch_length = ok ? n : 0;
  return ok ? S_OK : STRSAFE_E_INVALID_PARAMETER;
}

// Converts a byte size to whole characters, rounding down.
template <typename C>
size_t Chars(size_t cb) {
  return cb / sizeof(C);
}

template <typename C>
HRESULT LengthInBytes(const C* s, size_t cb_max, size_t* cb_length) {
  size_t cch = 0;
  HRESULT hr = Length(s, Chars<C>(cb_max), &cch);
  if (cb_length != nullptr) *cb_length = cch * sizeof(C);
  return hr;
}

}  // namespace

// Each variadic function forwards to its va_list form.
#define VSSEMU_STRSAFE_FORWARD(call)  \
  va_list args;                       \
  va_start(args, format);             \
  HRESULT hr = call;                  \
  va_end(args);                       \
  return hr

extern "C" {

HRESULT StringCchCopyW(STRSAFE_LPWSTR dest, size_t cch_dest,
                       STRSAFE_LPCWSTR src) {
  return CopyN(dest, cch_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCchCopyNW(STRSAFE_LPWSTR dest, size_t cch_dest,
                        STRSAFE_PCNZWCH src, size_t cch_src) {
  return CopyN(dest, cch_dest, src, cch_src);
}
HRESULT StringCchCatW(STRSAFE_LPWSTR dest, size_t cch_dest,
                      STRSAFE_LPCWSTR src) {
  return CatN(dest, cch_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCchCatNW(STRSAFE_LPWSTR dest, size_t cch_dest,
                       STRSAFE_PCNZWCH src, size_t cch_src) {
  return CatN(dest, cch_dest, src, cch_src);
}
HRESULT StringCchVPrintfW(STRSAFE_LPWSTR dest, size_t cch_dest,
                          STRSAFE_LPCWSTR format, va_list args) {
  return VPrintf(dest, cch_dest, format, args);
}
HRESULT StringCchPrintfW(STRSAFE_LPWSTR dest, size_t cch_dest,
                         STRSAFE_LPCWSTR format, ...) {
  VSSEMU_STRSAFE_FORWARD(VPrintf(dest, cch_dest, format, args));
}
HRESULT StringCchLengthW(STRSAFE_PCNZWCH s, size_t cch_max,
                         size_t* cch_length) {
  return Length(s, cch_max, cch_length);
}
HRESULT StringCbCopyW(STRSAFE_LPWSTR dest, size_t cb_dest,
                      STRSAFE_LPCWSTR src) {
  return CopyN(dest, Chars<wchar_t>(cb_dest), src, STRSAFE_MAX_CCH);
}
HRESULT StringCbCopyNW(STRSAFE_LPWSTR dest, size_t cb_dest,
                       STRSAFE_PCNZWCH src, size_t cb_src) {
  return CopyN(dest, Chars<wchar_t>(cb_dest), src, Chars<wchar_t>(cb_src));
}
HRESULT StringCbCatW(STRSAFE_LPWSTR dest, size_t cb_dest,
                     STRSAFE_LPCWSTR src) {
  return CatN(dest, Chars<wchar_t>(cb_dest), src, STRSAFE_MAX_CCH);
}
HRESULT StringCbCatNW(STRSAFE_LPWSTR dest, size_t cb_dest,
                      STRSAFE_PCNZWCH src, size_t cb_src) {
  return CatN(dest, Chars<wchar_t>(cb_dest), src, Chars<wchar_t>(cb_src));
}
HRESULT StringCbVPrintfW(STRSAFE_LPWSTR dest, size_t cb_dest,
                         STRSAFE_LPCWSTR format, va_list args) {
  return VPrintf(dest, Chars<wchar_t>(cb_dest), format, args);
}
HRESULT StringCbPrintfW(STRSAFE_LPWSTR dest, size_t cb_dest,
                        STRSAFE_LPCWSTR format, ...) {
  VSSEMU_STRSAFE_FORWARD(VPrintf(dest, Chars<wchar_t>(cb_dest), format, args));
}
HRESULT StringCbLengthW(STRSAFE_PCNZWCH s, size_t cb_max, size_t* cb_length) {
  return LengthInBytes(s, cb_max, cb_length);
}

HRESULT StringCchCopyA(STRSAFE_LPSTR dest, size_t cch_dest,
                       STRSAFE_LPCSTR src) {
  return CopyN(dest, cch_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCchCopyNA(STRSAFE_LPSTR dest, size_t cch_dest,
                        STRSAFE_PCNZCH src, size_t cch_src) {
  return CopyN(dest, cch_dest, src, cch_src);
}
HRESULT StringCchCatA(STRSAFE_LPSTR dest, size_t cch_dest,
                      STRSAFE_LPCSTR src) {
  return CatN(dest, cch_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCchCatNA(STRSAFE_LPSTR dest, size_t cch_dest,
                       STRSAFE_PCNZCH src, size_t cch_src) {
  return CatN(dest, cch_dest, src, cch_src);
}
HRESULT StringCchVPrintfA(STRSAFE_LPSTR dest, size_t cch_dest,
                          STRSAFE_LPCSTR format, va_list args) {
  return VPrintf(dest, cch_dest, format, args);
}
HRESULT StringCchPrintfA(STRSAFE_LPSTR dest, size_t cch_dest,
                         STRSAFE_LPCSTR format, ...) {
  VSSEMU_STRSAFE_FORWARD(VPrintf(dest, cch_dest, format, args));
}
HRESULT StringCchLengthA(STRSAFE_PCNZCH s, size_t cch_max,
                         size_t* cch_length) {
  return Length(s, cch_max, cch_length);
}
HRESULT StringCbCopyA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_LPCSTR src) {
  return CopyN(dest, cb_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCbCopyNA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_PCNZCH src,
                       size_t cb_src) {
  return CopyN(dest, cb_dest, src, cb_src);
}
HRESULT StringCbCatA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_LPCSTR src) {
  return CatN(dest, cb_dest, src, STRSAFE_MAX_CCH);
}
HRESULT StringCbCatNA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_PCNZCH src,
                      size_t cb_src) {
  return CatN(dest, cb_dest, src, cb_src);
}
HRESULT StringCbVPrintfA(STRSAFE_LPSTR dest, size_t cb_dest,
                         STRSAFE_LPCSTR format, va_list args) {
  return VPrintf(dest, cb_dest, format, args);
}
HRESULT StringCbPrintfA(STRSAFE_LPSTR dest, size_t cb_dest,
                        STRSAFE_LPCSTR format, ...) {
  VSSEMU_STRSAFE_FORWARD(VPrintf(dest, cb_dest, format, args));
}
HRESULT StringCbLengthA(STRSAFE_PCNZCH s, size_t cb_max, size_t* cb_length) {
  return LengthInBytes(s, cb_max, cb_length);
}

}  // extern "C"
