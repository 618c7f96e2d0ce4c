// <explore> pins one exploring run in a scenario file: the loader reads its
// scope and decisions, and rejects what cannot be replayed with the
// position and what was expected.
#include <gtest/gtest.h>

#include "scenario/scenario_loader.h"

namespace vssemu::scenario {
namespace {

LoadResult Load(const std::string& body) {
  return LoadScenarioText("<scenario name=\"n\" spec=\"6\" requirement=\"r\">\n" + body +
                              "</scenario>\n",
                          "p.xml");
}

TEST(ScenarioLoaderExplore, APinnedRunLoadsItsScopeAndDecisions) {
  LoadResult r = Load(
      "  <writer id=\"w\"/>\n"
      "  <explore mode=\"exhaustive\" faults=\"provider hold\" ignore=\"a.b c.d\"\n"
      "           failed=\"explore.outcome-changed\">\n"
      "    <choose site=\"order.freeze\" occurrence=\"2\" pick=\"1\" of=\"3\"/>\n"
      "    <choose site=\"fault.provider\" pick=\"4\" of=\"6\"/>\n"
      "  </explore>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  const PinnedRun& pin = *r.scenario->pinned;
  EXPECT_TRUE(pin.exhaustive);
  EXPECT_EQ(*pin.faults, (std::vector<std::string>{"provider", "hold"}));
  EXPECT_EQ(pin.ignored_rules, (std::vector<std::string>{"a.b", "c.d"}));
  EXPECT_EQ(pin.failed, "explore.outcome-changed");
  ASSERT_EQ(pin.decisions.size(), 2u);
  EXPECT_EQ(pin.decisions[0], (sim::PinnedChoice{"order.freeze", 2, 1, 3}));
  EXPECT_EQ(pin.decisions[1], (sim::PinnedChoice{"fault.provider", 1, 4, 6}));
  EXPECT_EQ(pin.where.line, 3);
}

TEST(ScenarioLoaderExplore, DefaultsAreSeededAllFaultsAndNoneMeansNone) {
  LoadResult all = Load("  <explore/>\n");
  ASSERT_TRUE(all) << all.ErrorText();
  EXPECT_FALSE(all.scenario->pinned->exhaustive);
  EXPECT_FALSE(all.scenario->pinned->faults.has_value());
  EXPECT_FALSE(Load("").scenario->pinned.has_value());
  LoadResult none = Load("  <explore faults=\"none\"/>\n");
  ASSERT_TRUE(none) << none.ErrorText();
  EXPECT_TRUE(none.scenario->pinned->faults->empty());
}

TEST(ScenarioLoaderExplore, BadPinsSayWhereAndWhat) {
  struct Bad {
    const char* what;
    std::string body;
    const char* where;
    const char* message;
  } cases[] = {
      {"pick not below of", "  <explore><choose site=\"s\" pick=\"2\" of=\"2\"/></explore>\n",
       "2:29", "attribute pick: found 2, expected an option below of=\"2\""},
      {"no option count", "  <explore><choose site=\"s\" pick=\"1\"/></explore>\n", "2:12",
       "missing attribute of"},
      {"one option", "  <explore><choose site=\"s\" pick=\"0\" of=\"1\"/></explore>\n",
       "2:38", "at least 2 options"},
      {"occurrence 0",
       "  <explore><choose site=\"s\" occurrence=\"0\" pick=\"1\" of=\"2\"/></explore>\n",
       "2:29", "occurrence: counts from 1"},
      {"a decision twice",
       "  <explore>\n    <choose site=\"s\" pick=\"1\" of=\"2\"/>\n"
       "    <choose site=\"s\" occurrence=\"1\" pick=\"1\" of=\"2\"/>\n  </explore>\n",
       "4:5", "decision s occurrence 1 is pinned twice"},
      {"unknown fault kind", "  <explore faults=\"provider meteor\"/>\n", "2:12",
       "attribute faults: found \"meteor\""},
      {"unknown mode", "  <explore mode=\"random\"/>\n", "2:12",
       "found \"random\", expected seeded or exhaustive"},
      {"unknown child", "  <explore><pick site=\"s\"/></explore>\n", "2:12",
       "unknown element <pick> inside <explore>; expected <choose>"},
      {"two pins", "  <explore/>\n  <explore/>\n", "3:3", "a second <explore>"},
  };
  for (const Bad& c : cases) {
    LoadResult r = Load(c.body);
    EXPECT_FALSE(r) << c.what;
    std::string where = std::to_string(r.where.line) + ":" + std::to_string(r.where.column);
    EXPECT_EQ(where, c.where) << c.what << ": " << r.ErrorText();
    EXPECT_NE(r.message.find(c.message), std::string::npos) << c.what << ": " << r.ErrorText();
  }
}

}  // namespace
}  // namespace vssemu::scenario
