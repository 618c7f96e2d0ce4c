#include "com/live_objects.h"

#include <atomic>

#include <vssemu/win32_base.h>

namespace vssemu::com {
namespace {
std::atomic<long> g_live_objects{0};
}  // namespace

long LiveObjectCount() { return g_live_objects.load(); }

std::optional<long> LiveBstrCount() {
#if defined(_WIN32)
  return std::nullopt;
#else
  return winshim::LiveBstrCount();
#endif
}

namespace internal {
void AddLiveObject() { g_live_objects.fetch_add(1); }
void RemoveLiveObject() { g_live_objects.fetch_sub(1); }
}  // namespace internal

}  // namespace vssemu::com
