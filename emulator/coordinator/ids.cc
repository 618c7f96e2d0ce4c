#include "coordinator/ids.h"

namespace vssemu::coordinator {

GUID IdSource::Next() {
  const uint64_t hi = prng_.Next();
  const uint64_t lo = prng_.Next();
  GUID g;
  g.Data1 = static_cast<uint32_t>(hi >> 32);
  g.Data2 = static_cast<uint16_t>(hi >> 16);
  g.Data3 = static_cast<uint16_t>((hi & 0x0FFF) | 0x4000);
  for (int i = 0; i < 8; ++i) g.Data4[i] = static_cast<uint8_t>(lo >> (56 - 8 * i));
  g.Data4[0] = static_cast<uint8_t>((g.Data4[0] & 0x3F) | 0x80);
  return g;
}

}  // namespace vssemu::coordinator
