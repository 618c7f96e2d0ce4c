// Reads a format string as the Windows CRT does and formats each conversion
// through glibc. Conversions are handed to glibc one at a time, each with a
// format we rebuild from the parsed specification, because the two libraries
// disagree on what an argument is (%s wide or narrow, %ld 32 or 64 bits,
// %I64d) and glibc must never read an argument with the wrong type.
#include "printf_engine.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <string>
#include <type_traits>
#include <vector>

namespace winshim {
namespace {

// The size prefixes of the Windows CRT, before they are mapped to glibc's.
enum class Size {
  kNone,
  kChar,        // hh
  kShort,       // h
  kLong,        // l: 32 bits on Windows, whatever glibc says.
  kLongLong,    // ll
  kLongDouble,  // L
  kPointer,     // I, z, t, j: pointer-sized, 64 bits here.
  k32,          // I32
  k64,          // I64
  kWide,        // w
};

// One parsed conversion; '*' width and precision are already resolved.
struct Spec {
  std::string flags;
  int width = -1;
  int precision = -1;
  Size size = Size::kNone;
  char conversion = 0;
};

template <typename C>
bool IsDigit(C c) {
  return c >= C('0') && c <= C('9');
}

template <typename C>
bool ReadNumber(const C** p, int* value) {
  long long n = 0;
  while (IsDigit(**p)) {
    n = n * 10 + (**p - C('0'));
    if (n > INT_MAX) return false;
    ++*p;
  }
  *value = static_cast<int>(n);
  return true;
}

// Parses flags, width, precision and size after the '%'; *p ends past the
// conversion character. Fails on a format the Windows CRT rejects.
template <typename C>
bool ParseSpec(const C** p, va_list* args, Spec* spec) {
  for (;; ++*p) {
    C c = **p;
    if (c == C('-') || c == C('+') || c == C(' ') || c == C('#') ||
        c == C('0')) {
      spec->flags.push_back(static_cast<char>(c));
    } else {
      break;
    }
  }
  if (**p == C('*')) {
    ++*p;
    int w = va_arg(*args, int);
    // A negative '*' width means left alignment, as in C.
    if (w < 0) {
      spec->flags.push_back('-');
      w = w == INT_MIN ? INT_MAX : -w;
    }
    spec->width = w;
  } else if (IsDigit(**p) && !ReadNumber(p, &spec->width)) {
    return false;
  }
  if (**p == C('.')) {
    ++*p;
    if (**p == C('*')) {
      ++*p;
      int prec = va_arg(*args, int);
      spec->precision = prec < 0 ? -1 : prec;  // Negative: as if omitted.
    } else if (!ReadNumber(p, &spec->precision)) {
      return false;
    }
  }
  C c = **p;
  if (c == C('h')) {
    ++*p;
    spec->size = Size::kShort;
    if (**p == C('h')) ++*p, spec->size = Size::kChar;
  } else if (c == C('l')) {
    ++*p;
    spec->size = Size::kLong;
    if (**p == C('l')) ++*p, spec->size = Size::kLongLong;
  } else if (c == C('L')) {
    ++*p, spec->size = Size::kLongDouble;
  } else if (c == C('w')) {
    ++*p, spec->size = Size::kWide;
  } else if (c == C('z') || c == C('t') || c == C('j')) {
    ++*p, spec->size = Size::kPointer;
  } else if (c == C('I')) {
    ++*p;
    if ((*p)[0] == C('3') && (*p)[1] == C('2')) {
      *p += 2, spec->size = Size::k32;
    } else if ((*p)[0] == C('6') && (*p)[1] == C('4')) {
      *p += 2, spec->size = Size::k64;
    } else {
      spec->size = Size::kPointer;
    }
  }
  c = **p;
  if (c == C('\0') || c > C(127)) return false;
  spec->conversion = static_cast<char>(c);
  ++*p;
  return true;
}

// Rebuilds a one-conversion glibc format from spec with glibc's length
// modifier and conversion character.
template <typename C>
std::basic_string<C> GlibcFormat(const Spec& spec, const char* length,
                                 char conversion) {
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict for
  // const char* + std::string.
  std::string f = "%";
  f += spec.flags;
  if (spec.width >= 0) f += std::to_string(spec.width);
  if (spec.precision >= 0) {
    f += '.';
    f += std::to_string(spec.precision);
  }
  f += length;
  f += conversion;
  return std::basic_string<C>(f.begin(), f.end());
}

// Formats one value with glibc and appends it. extra_chars bounds the length
// of a string argument when no precision does.
template <typename T>
bool Emit(std::wstring* out, const std::wstring& format, const Spec& spec,
          T value, size_t extra_chars = 0) {
  // glibc's swprintf reports "too small" and "cannot convert" alike (-1), so
  // the second try gets a buffer no conversion can overflow: the longest
  // number (a long double in %f) stays under 5000 characters.
  wchar_t small[256];
  int n = swprintf(small, 256, format.c_str(), value);
  if (n >= 0) {
    out->append(small, static_cast<size_t>(n));
    return true;
  }
  size_t bound = 5120 + static_cast<size_t>(spec.width < 0 ? 0 : spec.width) +
                 static_cast<size_t>(spec.precision < 0 ? 0 : spec.precision) +
                 extra_chars;
  std::vector<wchar_t> big(bound);
  n = swprintf(big.data(), bound, format.c_str(), value);
  if (n < 0) {
    errno = EILSEQ;
    return false;
  }
  out->append(big.data(), static_cast<size_t>(n));
  return true;
}

template <typename T>
bool Emit(std::string* out, const std::string& format, const Spec&, T value,
          size_t = 0) {
  int n = snprintf(nullptr, 0, format.c_str(), value);
  if (n < 0) {
    errno = EILSEQ;
    return false;
  }
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  snprintf(buf.data(), buf.size(), format.c_str(), value);
  out->append(buf.data(), static_cast<size_t>(n));
  return true;
}

// Says whether a c/C/s/S conversion takes a wide argument: h forces narrow,
// l and w force wide; otherwise lower case matches the function's own width.
bool TakesWideArgument(const Spec& spec, bool wide_function) {
  if (spec.size == Size::kShort || spec.size == Size::kChar) return false;
  if (spec.size == Size::kLong || spec.size == Size::kWide) return true;
  bool lower = spec.conversion == 'c' || spec.conversion == 's';
  return lower == wide_function;
}

template <typename C>
bool EmitInteger(std::basic_string<C>* out, const Spec& spec, va_list* args) {
  bool is_signed = spec.conversion == 'd' || spec.conversion == 'i';
  char conv = spec.conversion;
  switch (spec.size) {
    case Size::kChar:
      return Emit(out, GlibcFormat<C>(spec, "hh", conv), spec,
                  va_arg(*args, int));
    case Size::kShort:
      return Emit(out, GlibcFormat<C>(spec, "h", conv), spec,
                  va_arg(*args, int));
    case Size::kLongLong:
    case Size::kLongDouble:
    case Size::kPointer:
    case Size::k64:
      if (is_signed) {
        return Emit(out, GlibcFormat<C>(spec, "ll", conv), spec,
                    va_arg(*args, long long));
      }
      return Emit(out, GlibcFormat<C>(spec, "ll", conv), spec,
                  va_arg(*args, unsigned long long));
    default:
      // No prefix, l, I32 (and w): 32 bits, since Windows' long is 32 bits.
      // Both ABIs we run on pass each variadic integer in an 8-byte slot, so
      // reading 32 bits takes the low half of a 64-bit argument, which is
      // what the Windows build would have printed.
      if (is_signed) {
        return Emit(out, GlibcFormat<C>(spec, "", conv), spec,
                    va_arg(*args, int));
      }
      return Emit(out, GlibcFormat<C>(spec, "", conv), spec,
                  va_arg(*args, unsigned int));
  }
}

template <typename C>
bool EmitConversion(std::basic_string<C>* out, const Spec& spec,
                    va_list* args) {
  constexpr bool kWideFunction = std::is_same_v<C, wchar_t>;
  switch (spec.conversion) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
      return EmitInteger(out, spec, args);
    case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G': case 'a': case 'A':
      if (spec.size == Size::kLongDouble) {
        return Emit(out, GlibcFormat<C>(spec, "L", spec.conversion), spec,
                    va_arg(*args, long double));
      }
      return Emit(out, GlibcFormat<C>(spec, "", spec.conversion), spec,
                  va_arg(*args, double));
    case 'c': case 'C':
      if (TakesWideArgument(spec, kWideFunction)) {
        return Emit(out, GlibcFormat<C>(spec, "l", 'c'), spec,
                    va_arg(*args, wint_t));
      }
      return Emit(out, GlibcFormat<C>(spec, "", 'c'), spec,
                  va_arg(*args, int));
    case 's': case 'S':
      // A null string prints "(null)" on Windows, cut by the precision.
      if (TakesWideArgument(spec, kWideFunction)) {
        const wchar_t* s = va_arg(*args, const wchar_t*);
        if (s == nullptr) s = L"(null)";
        size_t len = spec.precision < 0 ? wcslen(s) : 0;
        return Emit(out, GlibcFormat<C>(spec, "l", 's'), spec, s, len);
      } else {
        const char* s = va_arg(*args, const char*);
        if (s == nullptr) s = "(null)";
        size_t len = spec.precision < 0 ? strlen(s) : 0;
        return Emit(out, GlibcFormat<C>(spec, "", 's'), spec, s, len);
      }
    case 'p': {
      // Windows prints a pointer as 16 upper-case hex digits, no 0x.
      Spec hex = spec;
      hex.precision = 2 * static_cast<int>(sizeof(void*));
      uintptr_t bits = reinterpret_cast<uintptr_t>(va_arg(*args, void*));
      return Emit(out, GlibcFormat<C>(hex, "ll", 'X'), hex,
                  static_cast<unsigned long long>(bits));
    }
    default:
      // %n is disabled by default on Windows (the invalid parameter handler
      // runs); %Z needs kernel string structures; anything else is unknown.
      errno = EINVAL;
      return false;
  }
}

template <typename C>
bool FormatAll(std::basic_string<C>* out, const C* format, va_list args) {
  out->clear();
  if (format == nullptr) {
    errno = EINVAL;
    return false;
  }
  va_list ap;
  va_copy(ap, args);
  bool ok = true;
  for (const C* p = format; ok && *p != C('\0');) {
    if (*p != C('%')) {
      out->push_back(*p++);
      continue;
    }
    ++p;
    if (*p == C('%')) {
      out->push_back(C('%'));
      ++p;
      continue;
    }
    Spec spec;
    if (!ParseSpec(&p, &ap, &spec)) {
      errno = EINVAL;
      ok = false;
    } else {
      ok = EmitConversion(out, spec, &ap);
    }
  }
  va_end(ap);
  return ok;
}

}  // namespace

bool FormatWindows(std::wstring* out, const wchar_t* format, va_list args) {
  return FormatAll(out, format, args);
}

bool FormatWindows(std::string* out, const char* format, va_list args) {
  return FormatAll(out, format, args);
}

}  // namespace winshim
