// UTF-8 for vssemu and the Windows surfaces it provides: wide strings
// (UTF-16 on Windows, UTF-32 elsewhere) to UTF-8 and back, without the C
// locale, so that non-ASCII names and text behave the same on every host.
// Host paths, winshim's wide printf and the ATL string conversions use it.
//
// Contract: header-only and free of the platform headers. A code unit or
// sequence that is no Unicode scalar value (an unpaired surrogate, a value
// past U+10FFFF, an overlong, truncated or stray UTF-8 sequence) becomes
// U+FFFD; decoding skips one byte of a bad sequence, so it always makes
// progress. Nothing here throws except on allocation failure.
#ifndef VSSEMU_UTF8_H_
#define VSSEMU_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vssemu::utf8 {

// The replacement character that stands for what is no character.
inline constexpr char32_t kReplacement = 0xFFFD;

// Appends c to *out as UTF-8; c that is no scalar value as U+FFFD.
inline void Append(char32_t c, std::string* out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  const int extra = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
  static constexpr unsigned char kLead[] = {0, 0xC0, 0xE0, 0xF0};
  out->push_back(static_cast<char>(kLead[extra] | (c >> (6 * extra))));
  for (int i = extra - 1; i >= 0; --i) {
    out->push_back(static_cast<char>(0x80 | ((c >> (6 * i)) & 0x3F)));
  }
}

// Decodes the sequence at text[*pos] and advances *pos past it (one byte
// for a bad sequence, which gives U+FFFD).
inline char32_t Decode(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(*pos);
  int extra = 0;
  char32_t c = 0, minimum = 0;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1, c = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, c = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, c = lead & 0x07, minimum = 0x10000;
  } else {
    ++*pos;
    return kReplacement;
  }
  if (*pos + extra >= text.size()) {  // Truncated at the end.
    ++*pos;
    return kReplacement;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return kReplacement;
    }
    c = (c << 6) | (next & 0x3F);
  }
  *pos += extra + 1;
  if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    return kReplacement;
  }
  return c;
}

// Returns text (UTF-16 surrogate pairs joined where wchar_t is 16 bits) as
// UTF-8.
inline std::string FromWide(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = static_cast<char32_t>(text[i]);
    if constexpr (sizeof(wchar_t) == 2) {
      const bool high = c >= 0xD800 && c <= 0xDBFF;
      const bool low_next = i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
                            text[i + 1] <= 0xDFFF;
      if (high && low_next) {
        c = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
      }
    }
    Append(c, &out);
  }
  return out;
}

// Returns UTF-8 text as a wide string (surrogate pairs where wchar_t is 16
// bits).
inline std::wstring ToWide(std::string_view text) {
  std::wstring out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = Decode(text, &pos);
    if constexpr (sizeof(wchar_t) == 2) {
      if (c >= 0x10000) {
        c -= 0x10000;
        out.push_back(static_cast<wchar_t>(0xD800 + (c >> 10)));
        out.push_back(static_cast<wchar_t>(0xDC00 + (c & 0x3FF)));
        continue;
      }
    }
    out.push_back(static_cast<wchar_t>(c));
  }
  return out;
}

}  // namespace vssemu::utf8

#endif  // VSSEMU_UTF8_H_
