#include "sim/choice_description.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vssemu::sim {
namespace {

struct Ask {
  const char* site;
  size_t options;
};

const std::vector<Ask> kAsks = {{"order.freeze", 3}, {"fault.provider", 2},
                                {"async.wait", 4},   {"order.freeze", 3},
                                {"single", 1},       {"fault.provider", 2}};

// The picks source makes for kAsks.
std::vector<size_t> Picks(ChoiceSource& source) {
  std::vector<size_t> picks;
  for (const Ask& a : kAsks) picks.push_back(source.Choose(a.site, a.options));
  return picks;
}

// A source made from a description picks what the described one would.
void ExpectSamePicks(ChoiceSource& original, ChoiceSource& twin) {
  const std::string text = original.Describe();
  ASSERT_FALSE(text.empty());
  std::string error;
  std::unique_ptr<ChoiceSource> made = ChoiceSourceFromDescription(text, &error);
  ASSERT_NE(made, nullptr) << text << ": " << error;
  EXPECT_EQ(made->Describe(), text);
  EXPECT_EQ(Picks(*made), Picks(twin)) << text;
}

TEST(ChoiceDescription, EverySourceOfACampaignIsMadeAgainFromItsText) {
  DefaultChoices d1, d2;
  ExpectSamePicks(d1, d2);
  SeededChoices s1(42), s2(42);
  ExpectSamePicks(s1, s2);
  std::vector<Choice> log = {{"order.freeze", 3, 2}, {"", Choice::kAnyOptions, 1},
                             {"async.wait", 4, 3}};
  ReplayChoices r1(log), r2(log);
  ExpectSamePicks(r1, r2);
  std::vector<std::pair<size_t, size_t>> path = {{1, 3}, {0, 2}, {2, 4}};
  EnumeratingChoices e1(path), e2(path);
  ExpectSamePicks(e1, e2);
  std::vector<PinnedChoice> pins = {{"order.freeze", 2, 1, 3}, {"fault.provider", 1, 1, 2}};
  PinnedChoices p1(pins), p2(pins);
  ExpectSamePicks(p1, p2);
}

TEST(ChoiceDescription, ASourceThatHasPickedCannotBeDescribed) {
  SeededChoices seeded(1);
  seeded.Choose("x", 2);
  EXPECT_EQ(seeded.Describe(), "");
  uint8_t bytes[] = {1, 2};
  EXPECT_EQ(ByteChoices(bytes, 2).Describe(), "");
}

TEST(ChoiceDescription, BadTextSaysWhatItExpected) {
  const char* bad[][2] = {{"seeded:x", "a seed"},
                          {"replay:a/2", "SITE/OPTIONS/CHOSEN"},
                          {"path:1", "CHOSEN/OPTIONS"},
                          {"pinned:a/1/1", "SITE/OCCURRENCE/CHOSEN/OPTIONS"},
                          {"random", "is not a choice source"}};
  for (const auto& [text, why] : bad) {
    std::string error;
    EXPECT_EQ(ChoiceSourceFromDescription(text, &error), nullptr) << text;
    EXPECT_NE(error.find(why), std::string::npos) << text << ": " << error;
  }
}

}  // namespace
}  // namespace vssemu::sim
