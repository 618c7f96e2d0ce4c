// Choice sources: the default one reproduces documented behaviour (option
// 0), a seeded one is repeatable, and a replayed log reproduces a run.
#include "sim/choice_source.h"

#include <gtest/gtest.h>

namespace vssemu::sim {
namespace {

TEST(ChoiceSource, DefaultAlwaysPicksTheDocumentedOption) {
  DefaultChoices choices;
  EXPECT_EQ(choices.Choose("freeze.order", 5), 0u);
  EXPECT_EQ(choices.Choose("fault.fire", 2), 0u);
  ASSERT_EQ(choices.log().size(), 2u);
  EXPECT_EQ(choices.log()[0], (Choice{"freeze.order", 5, 0}));
}

TEST(ChoiceSource, SingleOptionDecisionsAreLoggedWithoutPicking) {
  SeededChoices choices(9);
  EXPECT_EQ(choices.Choose("only", 1), 0u);
  EXPECT_EQ(choices.Choose("none", 0), 0u);
  EXPECT_EQ(choices.log().size(), 2u);
}

TEST(ChoiceSource, SeededChoicesRepeatForASeed) {
  SeededChoices a(123), b(123);
  bool any_nonzero = false;
  for (int i = 0; i < 50; ++i) {
    size_t x = a.Choose("site", 4);
    EXPECT_EQ(x, b.Choose("site", 4));
    EXPECT_LT(x, 4u);
    any_nonzero |= x != 0;
  }
  EXPECT_TRUE(any_nonzero);
}

TEST(ChoiceSource, ReplayReproducesARecordedRun) {
  SeededChoices original(77);
  std::vector<size_t> picks;
  for (int i = 0; i < 20; ++i) picks.push_back(original.Choose("s", 3 + i % 2));
  ReplayChoices replay(original.log());
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(replay.Choose("s", 3 + i % 2), picks[i]);
  }
  EXPECT_EQ(replay.divergences(), 0u);
  EXPECT_EQ(replay.log(), original.log());
}

TEST(ChoiceSource, ReplayCountsDivergenceAndFallsBackToTheDefault) {
  ReplayChoices replay({Choice{"a", 3, 2}});
  EXPECT_EQ(replay.Choose("b", 3), 0u);  // Different site.
  EXPECT_EQ(replay.Choose("a", 3), 0u);  // Log exhausted.
  EXPECT_EQ(replay.divergences(), 2u);
}

}  // namespace
}  // namespace vssemu::sim
