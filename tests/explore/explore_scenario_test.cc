// vssemu::ExploreScenario: a requester developer's own code explored in a
// scenario's world. Each run builds the world with the run's choices and
// faults; the sample requester's flaws are caught within 1,000 runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <vssemu/explore.h>

#include "fixtures/broken/backup_requester.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"

namespace vssemu {
namespace {

using ::testing::HasSubstr;

scenario::Scenario World() {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(
      std::string(VSSEMU_SOURCE_DIR) + "/examples/requester_developer/scenarios/three-writers.xml");
  EXPECT_TRUE(loaded) << loaded.ErrorText();
  return loaded ? *loaded.scenario : scenario::Scenario();
}

ExploreReport Campaign(const broken::RequesterFlaws& flaws, size_t runs = 1000) {
  const scenario::Scenario world = World();
  ExploreOptions options;
  options.runs = runs;
  return ExploreScenario(world, options, [&flaws] { return broken::RunSampleBackup(flaws); });
}

TEST(ExploreScenario, TheCorrectRequesterPassesEveryRunOfTheWorld) {
  ExploreReport report = Campaign({}, 300);
  EXPECT_TRUE(report.ok()) << report.Summary();
  EXPECT_EQ(report.runs, 300u);
  // The campaign's faults reach the scenario's world (its writers too).
  EXPECT_GT(report.runs_with_faults, 100u);
}

TEST(ExploreScenario, ARequesterTreatingPendingAsFailureIsCaught) {
  broken::RequesterFlaws flaws;
  flaws.pending_is_failure = true;
  ExploreReport report = Campaign(flaws);
  ASSERT_FALSE(report.ok()) << "not caught in " << report.runs << " runs";
  EXPECT_EQ(report.failures[0].rule, "explore.outcome-changed");
  EXPECT_THAT(report.failures[0].replay, HasSubstr("VSSEMU_REPLAY="));
}

TEST(ExploreScenario, ARequesterForgettingAbortBackupIsCaughtAndReplayed) {
  broken::RequesterFlaws flaws;
  flaws.no_abort_after_failed_snapshot = true;
  ExploreReport report = Campaign(flaws);
  ASSERT_FALSE(report.ok()) << "not caught in " << report.runs << " runs";
  const ExploreFailure& f = report.failures[0];
  EXPECT_EQ(f.rule, "requester.release-without-abort");
  EXPECT_LE(f.shrunk_decisions.size(), 4u) << f.shrunk_choices;
  // The shrunk run's trace is the scenario's world: its writers are there.
  EXPECT_THAT(f.trace, HasSubstr("writer name=Subscribe writer=Front"));
}

// A RunScenario inside vssemu::Explore would build a world the campaign
// never reaches: it fails, saying what to use, instead of passing.
TEST(ExploreScenario, ARunScenarioNestedInExploreIsAnError) {
  const scenario::Scenario world = World();
  ExploreOptions options;
  options.runs = 3;
  std::string failure;
  ExploreReport report = Explore(options, [&] {
    scenario::RunResult run =
        scenario::RunScenario(world, std::nullopt, [] { broken::RunSampleBackup(); });
    if (!run.failures.empty()) failure = run.failures.front();
    return run.passed ? S_OK : E_FAIL;
  });
  EXPECT_THAT(failure, HasSubstr("RunScenario inside an exploring run"));
  EXPECT_THAT(failure, HasSubstr("vssemu::ExploreScenario"));
}

// options.regressions pins the shrunk failure as a scenario file; the
// pinned file, given to ExploreScenario with the same requester, replays
// that one run: it fails while the flaw is there and passes once fixed.
// RunScenario refuses it rather than run it without its decisions.
TEST(ExploreScenario, AFailureIsPinnedAndThePinnedFileReplaysIt) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("vssemu-explore-scenario-pins-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  broken::RequesterFlaws flaws;
  flaws.no_abort_after_failed_snapshot = true;
  const scenario::Scenario world = World();
  ExploreOptions options;
  options.regressions = dir.string();
  auto buggy = [&flaws] { return broken::RunSampleBackup(flaws); };
  ExploreReport report = ExploreScenario(world, options, buggy);
  ASSERT_FALSE(report.ok());
  const ExploreFailure& found = report.failures[0];
  ASSERT_EQ(found.rule, "requester.release-without-abort");
  EXPECT_EQ(fs::path(found.pinned),
            dir / "three-writers-requester-release-without-abort.xml") << found.pinned;
  EXPECT_THAT(report.Summary(), HasSubstr("pinned: " + found.pinned));

  scenario::LoadResult pinned = scenario::LoadScenarioFile(found.pinned);
  ASSERT_TRUE(pinned) << pinned.ErrorText();
  ASSERT_TRUE(pinned.scenario->pinned.has_value());
  EXPECT_EQ(pinned.scenario->pinned->failed, "requester.release-without-abort");

  ExploreReport again = ExploreScenario(*pinned.scenario, ExploreOptions(), buggy);
  EXPECT_EQ(again.runs, 1u);
  ASSERT_FALSE(again.ok()) << "the pinned run no longer fails";
  EXPECT_EQ(again.failures[0].rule, "requester.release-without-abort");
  EXPECT_THAT(again.failures[0].replay, HasSubstr(found.pinned));

  ExploreReport fixed = ExploreScenario(*pinned.scenario, ExploreOptions(),
                                        [] { return broken::RunSampleBackup(); });
  EXPECT_EQ(fixed.runs, 1u);
  EXPECT_TRUE(fixed.ok()) << fixed.Summary();

  scenario::RunResult plain =
      scenario::RunScenario(*pinned.scenario, std::nullopt, [] { broken::RunSampleBackup(); });
  EXPECT_TRUE(plain.setup_failed);
  ASSERT_FALSE(plain.failures.empty());
  EXPECT_THAT(plain.failures[0], HasSubstr("vssemu::ExploreScenario"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vssemu
