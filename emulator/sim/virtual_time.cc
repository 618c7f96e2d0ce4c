#include "sim/virtual_time.h"

#include <cstdio>
#include <cstdlib>

namespace vssemu::sim {

void AppendTime(std::string* out, TimePoint t) {
  const int64_t us = t.since_start.count();
  char buf[32];
  if (us < 0) {
    // Never on a clock (it starts at 0); kept as printf writes it.
    const int n = std::snprintf(buf, sizeof(buf), "%lld.%06lld",
                                static_cast<long long>(us / 1000000),
                                static_cast<long long>(us % 1000000));
    out->append(buf, static_cast<size_t>(n));
    return;
  }
  // By hand: every trace line starts with the time, and printf's format
  // parsing cost more than the rest of the line.
  char* end = buf + sizeof(buf);
  char* p = end;
  int64_t fraction = us % 1000000;
  for (int i = 0; i < 6; ++i, fraction /= 10) *--p = static_cast<char>('0' + fraction % 10);
  *--p = '.';
  int64_t seconds = us / 1000000;
  do {
    *--p = static_cast<char>('0' + seconds % 10);
    seconds /= 10;
  } while (seconds != 0);
  out->append(p, static_cast<size_t>(end - p));
}

std::string FormatTime(TimePoint t) {
  std::string text;
  AppendTime(&text, t);
  return text;
}

void VirtualClock::AdvanceTo(TimePoint t) {
  if (t < now_) {
    // Time never runs backwards; a caller asking for it is an emulator bug.
    std::fprintf(stderr, "vssemu internal error: clock moved back from %s to %s\n",
                 FormatTime(now_).c_str(), FormatTime(t).c_str());
    std::abort();
  }
  now_ = t;
}

}  // namespace vssemu::sim
