// A seeded pseudo-random generator with an integer-only API, so that a seed
// gives the same stream on every platform and compiler (no <random>
// distributions, whose output is implementation-defined).
#ifndef VSSEMU_SIM_PRNG_H_
#define VSSEMU_SIM_PRNG_H_

#include <cstdint>

namespace vssemu::sim {

// xoshiro256** seeded through SplitMix64.
class Prng {
 public:
  explicit Prng(uint64_t seed);

  // Returns the next 64 random bits.
  uint64_t Next();
  // Returns a uniformly distributed value in [0, bound); bound must be > 0.
  uint64_t Below(uint64_t bound);
  // Returns true with probability numerator/denominator.
  bool Chance(uint64_t numerator, uint64_t denominator);

 private:
  uint64_t s_[4];
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_PRNG_H_
