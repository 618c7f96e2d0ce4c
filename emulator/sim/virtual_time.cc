#include "sim/virtual_time.h"

#include <cstdio>
#include <cstdlib>

namespace vssemu::sim {

std::string FormatTime(TimePoint t) {
  const int64_t us = t.since_start.count();
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%lld.%06lld",
                static_cast<long long>(us / 1000000),
                static_cast<long long>(us % 1000000));
  return buf;
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
