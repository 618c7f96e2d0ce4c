#include "com/live_objects.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

#if !defined(_MSC_VER)
#include <cxxabi.h>
#endif

#include <vssemu/win32_base.h>

namespace vssemu::com {
namespace {

std::atomic<long> g_live_objects{0};

// Live objects per first interface: few kinds, so a short list searched
// by address.
struct Kind {
  const std::type_info* type;
  long live;
};
std::mutex g_kinds_mutex;
std::vector<Kind>& Kinds() {
  static std::vector<Kind>* kinds = new std::vector<Kind>;  // Outlives statics.
  return *kinds;
}

void Count(const std::type_info& type, long delta) {
  const std::lock_guard<std::mutex> lock(g_kinds_mutex);
  for (Kind& k : Kinds()) {
    if (*k.type == type) {
      k.live += delta;
      return;
    }
  }
  Kinds().push_back(Kind{&type, delta});
}

// "IVssAsync" from the implementation's name of the type.
std::string Readable(const std::type_info& type) {
#if defined(_MSC_VER)
  std::string name = type.name();
  for (const char* prefix : {"struct ", "class "}) {
    if (name.rfind(prefix, 0) == 0) name.erase(0, std::char_traits<char>::length(prefix));
  }
  return name;
#else
  int status = 0;
  char* demangled = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
  std::string name = status == 0 && demangled != nullptr ? demangled : type.name();
  std::free(demangled);
  return name;
#endif
}

}  // namespace

long LiveObjectCount() { return g_live_objects.load(); }

std::map<std::string, long> LiveObjectsByInterface() {
  std::map<std::string, long> live;
  const std::lock_guard<std::mutex> lock(g_kinds_mutex);
  for (const Kind& k : Kinds()) {
    if (k.live != 0) live[Readable(*k.type)] += k.live;
  }
  return live;
}

std::optional<long> LiveBstrCount() {
#if defined(_WIN32)
  return std::nullopt;
#else
  return winshim::LiveBstrCount();
#endif
}

namespace internal {
void AddLiveObject(const std::type_info& first) {
  g_live_objects.fetch_add(1);
  Count(first, 1);
}

void RemoveLiveObject(const std::type_info& first) {
  g_live_objects.fetch_sub(1);
  Count(first, -1);
}
}  // namespace internal

}  // namespace vssemu::com
