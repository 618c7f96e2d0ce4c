// The printf family of <vssemu/winshim/crt_printf.h>: each function formats the
// whole text with the Windows reading of the format (printf_engine.h), then
// delivers it with the buffer and return-value rules of its Windows namesake.
#include <vssemu/winshim/crt_printf.h>

#include <errno.h>
#include <limits.h>

#include <string>

#include <vssemu/utf8.h>

#include "printf_engine.h"

namespace {

// Returns text's length as an int, or -1 with errno EOVERFLOW if too long.
template <typename C>
int LengthOf(const std::basic_string<C>& text) {
  if (text.size() > static_cast<size_t>(INT_MAX)) {
    errno = EOVERFLOW;
    return -1;
  }
  return static_cast<int>(text.size());
}

// The C standard's (v)swprintf: at most count characters with the NUL; text
// that does not fit leaves a NUL-terminated prefix (as glibc does) and -1.
template <typename C>
int FormatStandard(C* buffer, size_t count, const C* format, va_list args) {
  std::basic_string<C> text;
  if (buffer == nullptr || !winshim::FormatWindows(&text, format, args)) {
    if (buffer == nullptr) errno = EINVAL;
    if (buffer != nullptr && count > 0) buffer[0] = C('\0');
    return -1;
  }
  if (count == 0) return -1;
  if (text.size() >= count) {
    text.copy(buffer, count - 1);
    buffer[count - 1] = C('\0');
    return -1;
  }
  text.copy(buffer, text.size());
  buffer[text.size()] = C('\0');
  return LengthOf(text);
}

// _snprintf/_snwprintf: the NUL only when there is room; -1 when the text is
// longer than count; the needed length when buffer is NULL and count 0.
template <typename C>
int FormatNoTerminator(C* buffer, size_t count, const C* format,
                       va_list args) {
  std::basic_string<C> text;
  if (!winshim::FormatWindows(&text, format, args)) return -1;
  if (buffer == nullptr) {
    if (count == 0) return LengthOf(text);
    errno = EINVAL;
    return -1;
  }
  size_t n = text.size() < count ? text.size() : count;
  text.copy(buffer, n);
  if (text.size() < count) buffer[text.size()] = C('\0');
  return text.size() > count ? -1 : LengthOf(text);
}

// The _s forms: always NUL-terminated. count _TRUNCATE, or count below size,
// truncates quietly (-1 when it does); otherwise text that does not fit
// with its NUL is an error that empties buffer (errno ERANGE).
template <typename C>
int FormatSecure(C* buffer, size_t size, size_t count, const C* format,
                 va_list args) {
  if (buffer == nullptr || size == 0 || format == nullptr) {
    if (buffer != nullptr && size > 0) buffer[0] = C('\0');
    errno = EINVAL;
    return -1;
  }
  std::basic_string<C> text;
  if (!winshim::FormatWindows(&text, format, args)) {
    buffer[0] = C('\0');
    return -1;
  }
  if (count == _TRUNCATE || count < size) {
    size_t limit = count == _TRUNCATE ? size - 1 : count;
    bool truncated = text.size() > limit;
    size_t n = truncated ? limit : text.size();
    text.copy(buffer, n);
    buffer[n] = C('\0');
    return truncated ? -1 : LengthOf(text);
  }
  if (text.size() >= size) {
    buffer[0] = C('\0');
    errno = ERANGE;
    return -1;
  }
  text.copy(buffer, text.size());
  buffer[text.size()] = C('\0');
  return LengthOf(text);
}

int WriteAll(FILE* stream, const std::string& text);

// Writes text to stream. The Windows CRT has no stream orientation: wide
// and narrow output mix on one stream (a program's wprintf beside a test
// framework's printf). glibc fixes a stream's orientation at its first
// write and then fails the other kind, so wide text goes to a stream that
// is not wide-oriented as UTF-8 bytes, which leaves it byte-oriented; only
// a stream the program made wide itself (fwide) gets fputws.
int WriteAll(FILE* stream, const std::wstring& text) {
  if (fwide(stream, 0) <= 0) {
    return WriteAll(stream, vssemu::utf8::FromWide(text)) < 0 ? -1
                                                               : LengthOf(text);
  }
  for (size_t i = 0; i < text.size();) {
    if (text[i] == L'\0') {
      if (fputwc(L'\0', stream) == WEOF) return -1;
      ++i;
      continue;
    }
    const wchar_t* run = text.c_str() + i;
    if (fputws(run, stream) < 0) return -1;
    i += wcslen(run);
  }
  return LengthOf(text);
}

int WriteAll(FILE* stream, const std::string& text) {
  if (fwrite(text.data(), 1, text.size(), stream) != text.size()) return -1;
  return LengthOf(text);
}

template <typename C>
int FormatToStream(FILE* stream, const C* format, va_list args) {
  std::basic_string<C> text;
  if (stream == nullptr) {
    errno = EINVAL;
    return -1;
  }
  if (!winshim::FormatWindows(&text, format, args)) return -1;
  return WriteAll(stream, text);
}

template <typename C>
int FormatLength(const C* format, va_list args) {
  std::basic_string<C> text;
  if (!winshim::FormatWindows(&text, format, args)) return -1;
  return LengthOf(text);
}

}  // namespace

// Each variadic function forwards to its va_list form.
#define VSSEMU_FORWARD(call, last)  \
  va_list args;                     \
  va_start(args, last);             \
  int result = call;                \
  va_end(args);                     \
  return result

extern "C" {

int vssemu_vwprintf(const wchar_t* format, va_list args) {
  return FormatToStream(stdout, format, args);
}
int vssemu_vfwprintf(FILE* stream, const wchar_t* format, va_list args) {
  return FormatToStream(stream, format, args);
}
int vssemu_vswprintf(wchar_t* buffer, size_t count, const wchar_t* format,
                     va_list args) {
  return FormatStandard(buffer, count, format, args);
}
int vssemu_wprintf(const wchar_t* format, ...) {
  VSSEMU_FORWARD(vssemu_vwprintf(format, args), format);
}
int vssemu_fwprintf(FILE* stream, const wchar_t* format, ...) {
  VSSEMU_FORWARD(vssemu_vfwprintf(stream, format, args), format);
}
int vssemu_swprintf(wchar_t* buffer, size_t count, const wchar_t* format,
                    ...) {
  VSSEMU_FORWARD(vssemu_vswprintf(buffer, count, format, args), format);
}

int _vsnwprintf(wchar_t* buffer, size_t count, const wchar_t* format,
                va_list args) {
  return FormatNoTerminator(buffer, count, format, args);
}
int _snwprintf(wchar_t* buffer, size_t count, const wchar_t* format, ...) {
  VSSEMU_FORWARD(_vsnwprintf(buffer, count, format, args), format);
}
int _swprintf(wchar_t* buffer, const wchar_t* format, ...) {
  // No size is known; the only limit is what an int can count.
  VSSEMU_FORWARD(FormatStandard(buffer, static_cast<size_t>(INT_MAX), format,
                                args),
                 format);
}
int vswprintf_s(wchar_t* buffer, size_t size, const wchar_t* format,
                va_list args) {
  return FormatSecure(buffer, size, size, format, args);
}
int swprintf_s(wchar_t* buffer, size_t size, const wchar_t* format, ...) {
  VSSEMU_FORWARD(vswprintf_s(buffer, size, format, args), format);
}
int _vsnwprintf_s(wchar_t* buffer, size_t size, size_t count,
                  const wchar_t* format, va_list args) {
  return FormatSecure(buffer, size, count, format, args);
}
int _snwprintf_s(wchar_t* buffer, size_t size, size_t count,
                 const wchar_t* format, ...) {
  VSSEMU_FORWARD(_vsnwprintf_s(buffer, size, count, format, args), format);
}
int vwprintf_s(const wchar_t* format, va_list args) {
  return FormatToStream(stdout, format, args);
}
int wprintf_s(const wchar_t* format, ...) {
  VSSEMU_FORWARD(vwprintf_s(format, args), format);
}
int vfwprintf_s(FILE* stream, const wchar_t* format, va_list args) {
  return FormatToStream(stream, format, args);
}
int fwprintf_s(FILE* stream, const wchar_t* format, ...) {
  VSSEMU_FORWARD(vfwprintf_s(stream, format, args), format);
}
int _vscwprintf(const wchar_t* format, va_list args) {
  return FormatLength(format, args);
}
int _scwprintf(const wchar_t* format, ...) {
  VSSEMU_FORWARD(_vscwprintf(format, args), format);
}

int vsprintf_s(char* buffer, size_t size, const char* format, va_list args) {
  return FormatSecure(buffer, size, size, format, args);
}
int sprintf_s(char* buffer, size_t size, const char* format, ...) {
  VSSEMU_FORWARD(vsprintf_s(buffer, size, format, args), format);
}
int _vsnprintf(char* buffer, size_t count, const char* format, va_list args) {
  return FormatNoTerminator(buffer, count, format, args);
}
int _snprintf(char* buffer, size_t count, const char* format, ...) {
  VSSEMU_FORWARD(_vsnprintf(buffer, count, format, args), format);
}
int _vsnprintf_s(char* buffer, size_t size, size_t count, const char* format,
                 va_list args) {
  return FormatSecure(buffer, size, count, format, args);
}
int _snprintf_s(char* buffer, size_t size, size_t count, const char* format,
                ...) {
  VSSEMU_FORWARD(_vsnprintf_s(buffer, size, count, format, args), format);
}
int _vscprintf(const char* format, va_list args) {
  return FormatLength(format, args);
}
int _scprintf(const char* format, ...) {
  VSSEMU_FORWARD(_vscprintf(format, args), format);
}
int printf_s(const char* format, ...) {
  VSSEMU_FORWARD(FormatToStream(stdout, format, args), format);
}
int fprintf_s(FILE* stream, const char* format, ...) {
  VSSEMU_FORWARD(FormatToStream(stream, format, args), format);
}

}  // extern "C"
