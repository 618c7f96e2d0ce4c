#include "com/live_objects.h"

#include <cstdlib>
#include <deque>
#include <mutex>

#if !defined(_MSC_VER)
#include <cxxabi.h>
#endif

#include <vssemu/win32_base.h>

namespace vssemu::com {
namespace {

// One counter per first interface, made the first time an object of that
// kind is: few kinds, so a short list searched by type once per kind.
struct Kind {
  const std::type_info* type;
  memory::LiveCounter live;
};
std::mutex g_kinds_mutex;
std::deque<Kind>& Kinds() {  // A deque: counters never move.
  static std::deque<Kind>* kinds = new std::deque<Kind>;  // Outlives statics.
  return *kinds;
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

long LiveObjectCount() {
  long live = 0;
  const std::lock_guard<std::mutex> lock(g_kinds_mutex);
  for (const Kind& k : Kinds()) live += k.live.Total();
  return live;
}

std::map<std::string, long> LiveObjectsByInterface() {
  std::map<std::string, long> live;
  const std::lock_guard<std::mutex> lock(g_kinds_mutex);
  for (const Kind& k : Kinds()) {
    if (const long n = k.live.Total(); n != 0) live[Readable(*k.type)] += n;
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
memory::LiveCounter& KindCounter(const std::type_info& first) {
  const std::lock_guard<std::mutex> lock(g_kinds_mutex);
  for (Kind& k : Kinds()) {
    if (*k.type == first) return k.live;
  }
  Kind& made = Kinds().emplace_back();
  made.type = &first;
  return made.live;
}
}  // namespace internal

}  // namespace vssemu::com
