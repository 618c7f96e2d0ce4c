// The backup job explored in a scenario's world: three scripted writers,
// every writer order, async timing and fault the protocol allows. The
// correct job passes; the one that forgets AbortBackup is caught.
#include "backup_job.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vssemu/scenario/scenario_loader.h>
#include <vssemu/scenario/scenario_runner.h>
#include <vssemu/explore.h>

namespace {

vssemu::scenario::Scenario World() {
  auto loaded = vssemu::scenario::LoadScenarioFile(WORLD_SCENARIO);
  EXPECT_TRUE(loaded) << loaded.ErrorText();
  return loaded ? *loaded.scenario : vssemu::scenario::Scenario();
}

TEST(BackupJob, BacksUpTheWorldOnce) {
  const vssemu::scenario::Scenario world = World();
  HRESULT hr = E_FAIL;
  auto run = vssemu::scenario::RunScenario(world, std::nullopt,
                                           [&hr] { hr = RunBackupJob({}); });
  EXPECT_TRUE(run.passed) << testing::PrintToString(run.failures);
  EXPECT_EQ(hr, S_OK);
}

TEST(BackupJob, SurvivesEveryOrderAndFaultOfTheWorld) {
  vssemu::ExploreOptions options;
  options.runs = 300;
  vssemu::ExploreReport report =
      vssemu::ExploreScenario(World(), options, [] { return RunBackupJob({}); });
  EXPECT_TRUE(report.ok()) << report.Summary();
}

TEST(BackupJob, ExplorationCatchesAForgottenAbortBackup) {
  BackupJobOptions buggy;
  buggy.forget_abort_after_failure = true;
  vssemu::ExploreOptions options;
  options.runs = 1000;
  vssemu::ExploreReport report =
      vssemu::ExploreScenario(World(), options, [&] { return RunBackupJob(buggy); });
  ASSERT_FALSE(report.ok()) << "not caught in " << report.runs << " runs";
  EXPECT_EQ(report.failures[0].rule, "requester.release-without-abort");
  std::cout << report.Summary();
}

}  // namespace
