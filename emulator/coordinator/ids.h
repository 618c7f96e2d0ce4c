// Deterministic ids for everything the service names: writer instances,
// snapshot sets, snapshots, sessions. Drawn from the run's seeded PRNG,
// never from CoCreateGuid, so the same seed gives the same ids (and trace).
#ifndef VSSEMU_COORDINATOR_IDS_H_
#define VSSEMU_COORDINATOR_IDS_H_

#include <cstdint>

#include <vssemu/win32_base.h>

#include "sim/prng.h"

namespace vssemu::coordinator {

class IdSource {
 public:
  explicit IdSource(uint64_t seed) : prng_(seed ^ 0x1d5ull) {}
  // Returns the next id, shaped as a version-4 GUID.
  GUID Next();

 private:
  sim::Prng prng_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_IDS_H_
