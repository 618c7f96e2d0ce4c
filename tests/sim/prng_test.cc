// The PRNG gives the same stream for a seed on every platform: its first
// outputs are those of the published xoshiro256** / SplitMix64 algorithms
// (cross-checked against an independent implementation).
#include "sim/prng.h"

#include <gtest/gtest.h>

#include <set>

namespace vssemu::sim {
namespace {

TEST(Prng, StreamMatchesTheReferenceAlgorithm) {
  Prng zero(0);
  EXPECT_EQ(zero.Next(), 0x99ec5f36cb75f2b4ull);
  EXPECT_EQ(zero.Next(), 0xbf6e1f784956452aull);
  EXPECT_EQ(zero.Next(), 0x1a5f849d4933e6e0ull);
  Prng answer(42);
  EXPECT_EQ(answer.Next(), 0x15780b2e0c2ec716ull);
  EXPECT_EQ(answer.Next(), 0x6104d9866d113a7eull);
  EXPECT_EQ(answer.Next(), 0xae17533239e499a1ull);
}

TEST(Prng, SameSeedSameStreamDifferentSeedDifferentStream) {
  Prng a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    EXPECT_NE(x, c.Next());
  }
}

TEST(Prng, BelowStaysInRangeAndReachesEveryValue) {
  Prng prng(1);
  std::set<uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    uint64_t v = prng.Below(7);
    ASSERT_LT(v, 7u);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(prng.Below(1), 0u);
}

TEST(Prng, ChanceHonoursTheExtremes) {
  Prng prng(3);
  for (int i = 0; i < 100; ++i) {
    EXPECT_FALSE(prng.Chance(0, 5));
    EXPECT_TRUE(prng.Chance(5, 5));
  }
}

}  // namespace
}  // namespace vssemu::sim
