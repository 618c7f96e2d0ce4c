#include "sim/seed_text.h"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace vssemu::sim {

std::optional<uint64_t> ParseSeedText(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.front() == '+' ||
      text.front() == ' ') {
    return std::nullopt;
  }
  std::string copy(text);
  int base = 10;
  const char* start = copy.c_str();
  if (copy.size() > 2 && copy[0] == '0' && (copy[1] == 'x' || copy[1] == 'X')) {
    base = 16;
    start += 2;
  }
  char* end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(start, &end, base);
  // strtoull accepts leading blanks and signs after "0x"; the whole text
  // must be digits.
  if (errno != 0 || end == start || *end != '\0' || *start == ' ' ||
      *start == '-' || *start == '+') {
    return std::nullopt;
  }
  return static_cast<uint64_t>(value);
}

}  // namespace vssemu::sim
