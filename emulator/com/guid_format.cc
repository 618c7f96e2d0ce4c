#include "com/guid_format.h"

#include <cstdint>

namespace vssemu::com {
namespace {

int HexDigit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses the 36-character 8-4-4-4-12 form from any character type.
template <typename Char>
std::optional<GUID> ParseBare(std::basic_string_view<Char> s) {
  if (s.size() == 38 && s.front() == Char('{') && s.back() == Char('}')) {
    s = s.substr(1, 36);
  }
  if (s.size() != 36) return std::nullopt;
  uint8_t bytes[16] = {};
  int nibble = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != Char('-')) return std::nullopt;
      continue;
    }
    int c = static_cast<int>(s[i]);
    int v = (c >= 0 && c < 128) ? HexDigit(c) : -1;
    if (v < 0) return std::nullopt;
    bytes[nibble / 2] = static_cast<uint8_t>(bytes[nibble / 2] |
                                             (nibble % 2 == 0 ? v << 4 : v));
    ++nibble;
  }
  GUID g;
  g.Data1 = (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) |
            (uint32_t{bytes[2]} << 8) | bytes[3];
  g.Data2 = static_cast<uint16_t>((bytes[4] << 8) | bytes[5]);
  g.Data3 = static_cast<uint16_t>((bytes[6] << 8) | bytes[7]);
  for (int i = 0; i < 8; ++i) g.Data4[i] = bytes[8 + i];
  return g;
}

}  // namespace

namespace {

// Writes value as digits hex digits, most significant first.
char* PutHex(char* out, uint32_t value, int digits, const char* alphabet) {
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = alphabet[value & 0xF];
    value >>= 4;
  }
  return out + digits;
}

}  // namespace

// Formatting by hand rather than with snprintf: GUIDs are formatted for
// trace fields and writer-filter keys in every event of a run, and
// snprintf's format parsing was most of a backup's cost.
GuidText::GuidText(const GUID& g, GuidStyle style) {
  const bool upper = style == GuidStyle::kBracedUpper;
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char* out = text_;
  if (upper) *out++ = '{';
  out = PutHex(out, static_cast<uint32_t>(g.Data1), 8, alphabet);
  *out++ = '-';
  out = PutHex(out, g.Data2, 4, alphabet);
  *out++ = '-';
  out = PutHex(out, g.Data3, 4, alphabet);
  *out++ = '-';
  for (int i = 0; i < 8; ++i) {
    if (i == 2) *out++ = '-';
    out = PutHex(out, g.Data4[i], 2, alphabet);
  }
  if (upper) *out++ = '}';
  size_ = static_cast<size_t>(out - text_);
}

std::string FormatGuid(const GUID& g, GuidStyle style) {
  return GuidText(g, style).str();
}

std::wstring FormatGuidW(const GUID& g, GuidStyle style) {
  // Widened from the stack: the text is ASCII, and needs no string of its own.
  const GuidText narrow(g, style);
  const std::string_view text = narrow.view();
  return std::wstring(text.begin(), text.end());
}

std::optional<GUID> ParseGuid(std::string_view text) {
  return ParseBare(text);
}

std::optional<GUID> ParseGuid(std::wstring_view text) {
  return ParseBare(text);
}

}  // namespace vssemu::com
