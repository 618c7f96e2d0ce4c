#include "explore/exploration_text.h"

#include <gtest/gtest.h>

namespace vssemu::explore {
namespace {

TEST(ExplorationText, ReadsBackWhatItWrites) {
  ExplorationOptions o;
  o.orders = false;
  o.async_timing = false;
  o.max_pending_answers = 5;
  o.swarm = false;
  o.max_faults = 1;
  o.faults = {"provider", "user"};
  ExplorationOptions back;
  std::string error;
  ASSERT_TRUE(ExplorationFromText(ExplorationToText(o), &back, &error)) << error;
  EXPECT_EQ(ExplorationToText(back), ExplorationToText(o));
  EXPECT_EQ(back.faults, o.faults);
  EXPECT_FALSE(back.orders);
  EXPECT_EQ(back.max_faults, 1);
  // No fault kinds at all is a list of its own.
  o.faults.clear();
  ASSERT_TRUE(ExplorationFromText(ExplorationToText(o), &back, &error)) << error;
  EXPECT_TRUE(back.faults.empty());
}

TEST(ExplorationText, SaysWhichKeyIsWrong) {
  ExplorationOptions o;
  std::string text = ExplorationToText(o);
  std::string error;
  ExplorationOptions back;
  std::string broken = text;
  broken.replace(broken.find("race=1"), 6, "race=2");
  EXPECT_FALSE(ExplorationFromText(broken, &back, &error));
  EXPECT_EQ(error, "race: expected 0 or 1");
  EXPECT_FALSE(ExplorationFromText("orders", &back, &error));
  EXPECT_NE(error.find("is not KEY=VALUE"), std::string::npos);
  EXPECT_FALSE(ExplorationFromText("orders=1", &back, &error));
  EXPECT_EQ(error, "thaw-levels: expected 0 or 1");
}

}  // namespace
}  // namespace vssemu::explore
