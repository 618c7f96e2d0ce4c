// The formatter behind winshim's printf family: reads a format string as the
// Windows CRT does and produces the text, one conversion at a time through
// glibc's own printf.
//
// Contract: FormatWindows returns false (errno set to EINVAL or EILSEQ) for a
// format the Windows CRT rejects (%n, %Z, an unknown conversion, a lone % at
// the end) or a character the current locale cannot convert; the output is
// then unspecified. Otherwise *out holds the whole text, embedded NULs
// included. args is read through a copy; a caller that formats it twice
// still makes its own va_copy, as C requires.
#ifndef VSSEMU_WINSHIM_PRINTF_ENGINE_H_
#define VSSEMU_WINSHIM_PRINTF_ENGINE_H_

#include <stdarg.h>

#include <string>

namespace winshim {

// Formats format and args as a wide function of the Windows CRT (wprintf,
// swprintf, ...) would: %s and %c take wide arguments, %S and %C narrow ones.
bool FormatWindows(std::wstring* out, const wchar_t* format, va_list args);

// Formats format and args as a narrow function of the Windows CRT (sprintf_s,
// _snprintf, ...) would: %s and %c take narrow arguments, %S and %C wide ones.
bool FormatWindows(std::string* out, const char* format, va_list args);

}  // namespace winshim

#endif  // VSSEMU_WINSHIM_PRINTF_ENGINE_H_
