#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "com/live_objects.h"
#include "metadata/xml_util.h"

namespace vssemu::fuzz {

std::wstring WideText(const uint8_t* data, size_t size) {
  return metadata::FromUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
}

LiveCountGuard::LiveCountGuard()
    : objects_(com::LiveObjectCount()), bstrs_(com::LiveBstrCount()) {}

void LiveCountGuard::Check(const char* target) const {
  const long objects = com::LiveObjectCount();
  const std::optional<long> bstrs = com::LiveBstrCount();
  if (objects > objects_ || (bstrs && bstrs_ && *bstrs > *bstrs_)) {
    std::fprintf(stderr, "%s: the input left %ld COM object(s) and %ld BSTR(s) alive\n", target,
                 objects - objects_, bstrs && bstrs_ ? *bstrs - *bstrs_ : 0L);
    for (const auto& [name, count] : com::LiveObjectsByInterface()) {
      std::fprintf(stderr, "  %s: %ld\n", name.c_str(), count);
    }
    std::abort();
  }
}

}  // namespace vssemu::fuzz
