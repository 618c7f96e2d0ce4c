// Pinning a failure found in a scenario: the pinned file loads, its run
// fails the same way until the cause is fixed, and what the failure does not
// need is left out.
#include "explore/pin_scenario.h"

#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include "explore/campaign.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"

namespace vssemu::explore {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kOrderDependent =
    VSSEMU_SOURCE_DIR "/tests/explore/data/thaw-order-decides-the-outcome.xml";

struct Found {
  scenario::Scenario scenario;
  ExploreOptions options;
  ExploreFailure failure;
};

Found Explore(const std::string& file) {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
  EXPECT_TRUE(loaded) << loaded.ErrorText();
  Found found{*loaded.scenario, {}, {}};
  found.options = ScenarioExploreOptions(found.scenario);
  found.options.runs = 200;
  ExploreReport report = ExploreWith(found.options, ScenarioRunner(found.scenario));
  EXPECT_EQ(report.failures.size(), 1u);
  if (!report.failures.empty()) found.failure = report.failures[0];
  return found;
}

TEST(PinScenario, APinnedFailureFailsTheSameWayWithWhatItNeedsOnly) {
  Found found = Explore(kOrderDependent);
  ASSERT_EQ(found.failure.rule, "explore.outcome-changed");
  PinnedScenario pinned = PinFailure(found.scenario, found.options, found.failure);
  ASSERT_FALSE(pinned.xml.empty()) << pinned.error;
  EXPECT_EQ(pinned.name, "thaw-order-decides-the-outcome-explore-outcome-changed");
  // The back-end writer and one of two front-end writers play no part.
  EXPECT_THAT(pinned.removed, ElementsAre("writer back", "writer front2"));

  scenario::LoadResult loaded = scenario::LoadScenarioText(pinned.xml, "pinned.xml");
  ASSERT_TRUE(loaded) << loaded.ErrorText();
  const scenario::Scenario& s = *loaded.scenario;
  EXPECT_TRUE(s.expectations.empty());  // They described the default run.
  EXPECT_EQ(s.scripted_writers.size(), 2u);
  EXPECT_EQ(s.options.seed, found.failure.seed);
  ASSERT_TRUE(s.pinned.has_value());
  EXPECT_EQ(s.pinned->failed, "explore.outcome-changed");
  EXPECT_THAT(s.pinned->decisions,
              ElementsAre(sim::PinnedChoice{"order.thaw-levels", 1, 1, 2}));
  scenario::RunResult run = RunPinned(s);
  EXPECT_FALSE(run.passed);
  ASSERT_EQ(run.failures.size(), 1u);
  EXPECT_THAT(run.failures[0], HasSubstr("the pinned run fails with explore.outcome-changed"));
  EXPECT_GT(run.trace.events().size(), 0u);
}

TEST(PinScenario, ThePinnedRunPassesOnceTheCauseIsGone) {
  Found found = Explore(kOrderDependent);
  PinnedScenario pinned = PinFailure(found.scenario, found.options, found.failure);
  ASSERT_FALSE(pinned.xml.empty()) << pinned.error;
  // The fix: the system writer's Thaw no longer outlasts the freeze windows.
  std::string fixed = pinned.xml;
  const std::string slow = "<on event=\"Thaw\" take-ms=\"61000\"/>";
  ASSERT_NE(fixed.find(slow), std::string::npos) << fixed;
  fixed.replace(fixed.find(slow), slow.size(), "<on event=\"Thaw\" take-ms=\"1000\"/>");
  scenario::LoadResult loaded = scenario::LoadScenarioText(fixed, "fixed.xml");
  ASSERT_TRUE(loaded) << loaded.ErrorText();
  scenario::RunResult run = RunPinned(*loaded.scenario);
  EXPECT_TRUE(run.passed) << (run.failures.empty() ? "" : run.failures[0]);
}

TEST(PinScenario, PinningIsDeterministic) {
  Found a = Explore(kOrderDependent), b = Explore(kOrderDependent);
  EXPECT_EQ(PinFailure(a.scenario, a.options, a.failure).xml,
            PinFailure(b.scenario, b.options, b.failure).xml);
}

}  // namespace
}  // namespace vssemu::explore
