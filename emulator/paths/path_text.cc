#include "paths/path_text.h"

#include <vssemu/utf8.h>

namespace vssemu::paths {
std::wstring FoldCase(std::wstring_view text) {
  std::wstring out(text);
  for (wchar_t& c : out) c = FoldCase(c);
  return out;
}

std::u8string FoldCase(std::u8string_view text) {
  std::u8string out(text);
  for (char8_t& c : out) {
    if (c >= u8'a' && c <= u8'z') c = static_cast<char8_t>(c - u8'a' + u8'A');
  }
  return out;
}

bool EqualsFolded(std::wstring_view a, std::wstring_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldCase(a[i]) != FoldCase(b[i])) return false;
  }
  return true;
}

bool StartsWithFolded(std::wstring_view text, std::wstring_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsFolded(text.substr(0, prefix.size()), prefix);
}

std::string WideToUtf8(std::wstring_view text) {
  return utf8::FromWide(text);
}

std::wstring Utf8ToWide(std::string_view text) { return utf8::ToWide(text); }

std::filesystem::path PathFromWide(std::wstring_view text) {
  std::string utf8 = WideToUtf8(text);
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

std::wstring WideFromPath(const std::filesystem::path& path) {
  const std::u8string utf8 = path.u8string();
  return Utf8ToWide(std::string_view(
      reinterpret_cast<const char*>(utf8.data()), utf8.size()));
}

}  // namespace vssemu::paths
