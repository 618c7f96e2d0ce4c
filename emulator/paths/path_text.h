// The text of VSS paths: how names compare (letter case) and how wide
// strings become UTF-8 and host paths.
//
// Contract:
// - Windows compares file and volume names without regard to letter case.
//   vssemu folds ASCII letters only: towupper depends on the C locale, and
//   a lookup must give the same answer on every host. UTF-8 continuation
//   bytes are never ASCII, so folding UTF-8 bytes folds exactly the ASCII
//   letters too.
// - Wide strings (UTF-16 on Windows, UTF-32 elsewhere) become UTF-8, and
//   so host paths, without the C locale, so non-ASCII names work on every
//   host; a code unit that is no character becomes U+FFFD.
// - Nothing here throws except on allocation failure.
#ifndef VSSEMU_PATHS_PATH_TEXT_H_
#define VSSEMU_PATHS_PATH_TEXT_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace vssemu::paths {

// Returns c with an ASCII lower-case letter made upper-case.
inline wchar_t FoldCase(wchar_t c) {
  return (c >= L'a' && c <= L'z') ? static_cast<wchar_t>(c - L'a' + L'A') : c;
}

// Returns text with its ASCII letters made upper-case.
std::wstring FoldCase(std::wstring_view text);

// Returns UTF-8 text with its ASCII letters made upper-case.
std::u8string FoldCase(std::u8string_view text);

// Returns whether a and b are the same text but for ASCII letter case.
bool EqualsFolded(std::wstring_view a, std::wstring_view b);

// Returns whether text starts with prefix, ASCII letter case ignored.
bool StartsWithFolded(std::wstring_view text, std::wstring_view prefix);

// Converts a wide string to UTF-8.
std::string WideToUtf8(std::wstring_view text);

// Converts UTF-8 to a wide string; a malformed sequence becomes U+FFFD.
std::wstring Utf8ToWide(std::string_view text);

// Converts a wide string to a host path through UTF-8.
std::filesystem::path PathFromWide(std::wstring_view text);

// Converts a host path (or one name of it) to a wide string through UTF-8.
std::wstring WideFromPath(const std::filesystem::path& path);

}  // namespace vssemu::paths

#endif  // VSSEMU_PATHS_PATH_TEXT_H_
