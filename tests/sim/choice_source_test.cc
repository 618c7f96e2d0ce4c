// Choice sources: the default one reproduces documented behaviour (option
// 0), a seeded one is repeatable, and a replayed log reproduces a run.
#include "sim/choice_source.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

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
  EXPECT_EQ(replay.Choose("b", 3), 0u);  // A site the log does not have.
  EXPECT_EQ(replay.Choose("a", 3), 2u);  // The log resumes at its site.
  EXPECT_EQ(replay.Choose("a", 3), 0u);  // Log exhausted.
  EXPECT_EQ(replay.divergences(), 2u);
}

TEST(ChoiceSource, ReplayResumesAtTheNextDecisionOfTheRunsSite) {
  // A shrunk log whose first decision no longer happens: the later ones
  // still land where they were made.
  ReplayChoices replay({Choice{"x", 2, 1}, Choice{"y", 2, 1}, Choice{"z", 3, 2}});
  EXPECT_EQ(replay.Choose("y", 2), 1u);
  EXPECT_EQ(replay.Choose("z", 3), 2u);
  EXPECT_EQ(replay.divergences(), 1u);
}

TEST(ChoiceSource, ReplayOfTextMatchesAnySiteAndDefaultPicksAnyCount) {
  ReplayChoices replay({Choice{"", Choice::kAnyOptions, 0}, Choice{"", 4, 3}});
  EXPECT_EQ(replay.Choose("p", 7), 0u);
  EXPECT_EQ(replay.Choose("q", 4), 3u);
  EXPECT_EQ(replay.divergences(), 0u);
}

TEST(ChoiceSource, EnumerationVisitsEveryPathOnce) {
  // A run with a 3-way decision, then a 2-way one only after option 0.
  EnumeratingChoices paths;
  std::set<std::pair<size_t, size_t>> seen;
  size_t runs = 0;
  do {
    paths.ClearLog();
    size_t first = paths.Choose("a", 3);
    size_t second = first == 0 ? paths.Choose("b", 2) : 9;
    seen.insert({first, second});
    ++runs;
  } while (paths.Next());
  EXPECT_EQ(runs, 4u);  // (0,0) (0,1) (1,-) (2,-)
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_FALSE(paths.diverged());
}

TEST(ChoiceSource, BytesFeedPicksThenDefaults) {
  const uint8_t bytes[] = {7, 1, 2};
  ByteChoices choices(bytes, sizeof bytes);
  EXPECT_EQ(choices.Choose("a", 3), 1u);    // 7 % 3
  EXPECT_EQ(choices.Choose("b", 300), 258u);  // (1 * 256 + 2) % 300
  EXPECT_EQ(choices.Choose("c", 5), 0u);    // Bytes used up.
}

TEST(ChoiceSource, PinnedDecisionsReplayARunBySiteAndOccurrence) {
  SeededChoices original(5);
  std::vector<size_t> picks;
  for (int i = 0; i < 30; ++i) picks.push_back(original.Choose(i % 2 ? "a" : "b", 3));
  std::vector<PinnedChoice> pinned = PinDecisions(original.log());
  size_t nonzero = 0;
  for (size_t p : picks) nonzero += p != 0 ? 1 : 0;
  ASSERT_EQ(pinned.size(), nonzero);
  PinnedChoices replay(pinned);
  for (int i = 0; i < 30; ++i) EXPECT_EQ(replay.Choose(i % 2 ? "a" : "b", 3), picks[i]);
  EXPECT_EQ(replay.matched(), nonzero);
}

TEST(ChoiceSource, PinnedDecisionsIgnoreSitesTheyDoNotName) {
  // A choice point added later ("new") does not shift the pinned ones.
  PinnedChoices pinned({PinnedChoice{"a", 2, 1, 2}});
  EXPECT_EQ(pinned.Choose("a", 2), 0u);
  EXPECT_EQ(pinned.Choose("new", 4), 0u);
  EXPECT_EQ(pinned.Choose("a", 2), 1u);
  EXPECT_EQ(pinned.matched(), 1u);
  // Another option count than pinned: the default.
  PinnedChoices other({PinnedChoice{"a", 1, 1, 2}});
  EXPECT_EQ(other.Choose("a", 3), 0u);
  EXPECT_EQ(other.matched(), 0u);
}

}  // namespace
}  // namespace vssemu::sim
