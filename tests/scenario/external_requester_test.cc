// A scenario whose requester is the test's own code: the scenario supplies
// the writers, faults and expectations; RunScenario runs the given
// requester in their world.
#include <gtest/gtest.h>

#include <string>

#include <vsbackup.h>
#include <vsserror.h>

#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"

namespace vssemu::scenario {
namespace {

const char* kVetoScenario =
    "<scenario name=\"n\" spec=\"4.1\" requirement=\"r\">\n"
    "  <writer id=\"db\" name=\"Db\" level=\"back-end\">\n"
    "    <component name=\"Data\"><files path=\"C:\\Db\"/></component>\n"
    "    <on event=\"Freeze\" return=\"false\" failure=\"VSS_E_WRITERERROR_RETRYABLE\"/>\n"
    "  </writer>\n"
    "  <requester workload=\"external\"/>\n"
    "  <expect writer=\"db\" state=\"FAILED_AT_FREEZE\" failure=\"VSS_E_WRITERERROR_RETRYABLE\"/>\n"
    "  <expect writer=\"db\" events=\"Identify PrepareForBackup PrepareForSnapshot Freeze Abort\"/>\n"
    "  <expect call=\"DoSnapshotSet\" result=\"S_OK\"/>\n"
    "</scenario>\n";

Scenario Load(const char* xml) {
  LoadResult r = LoadScenarioText(xml, "s.xml");
  EXPECT_TRUE(r) << r.ErrorText();
  return r ? *r.scenario : Scenario{};
}

// The requester under test: a backup application's own code.
void BackupApplication() {
  BackupPlan plan;
  plan.fail_on_writer_error = false;
  RunBackup(plan);
}

TEST(ExternalRequester, RunsInTheScenarioWorldAndMeetsItsExpectations) {
  Scenario s = Load(kVetoScenario);
  RunResult run = RunScenario(s, std::nullopt, BackupApplication);
  EXPECT_TRUE(run.passed) << ::testing::PrintToString(run.failures);
}

TEST(ExternalRequester, AnExpectationItBreaksFails) {
  Scenario s = Load(kVetoScenario);
  // This requester stops after gathering: no Freeze, no DoSnapshotSet.
  RunResult run = RunScenario(s, std::nullopt, [] {
    IVssBackupComponents* backup = nullptr;
    ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
    ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
    IVssAsync* async = nullptr;
    ASSERT_EQ(backup->GatherWriterMetadata(&async), S_OK);
    async->Wait();
    async->Release();
    backup->Release();
  });
  EXPECT_FALSE(run.passed);
  ASSERT_EQ(run.failures.size(), 3u) << ::testing::PrintToString(run.failures);
  EXPECT_NE(run.failures[0].find("s.xml:7:3: writer db: expected state FAILED_AT_FREEZE, found STABLE"),
            std::string::npos)
      << run.failures[0];
  EXPECT_NE(run.failures[2].find("the requester never called DoSnapshotSet"),
            std::string::npos)
      << run.failures[2];
}

TEST(ExternalRequester, WithoutARequesterTheRunSaysHowToGiveOne) {
  Scenario s = Load(kVetoScenario);
  RunResult run = RunScenario(s);
  EXPECT_FALSE(run.passed);
  ASSERT_EQ(run.failures.size(), 1u);
  EXPECT_NE(run.failures[0].find("s.xml:6:3: this scenario's requester is external"),
            std::string::npos)
      << run.failures[0];
}

TEST(ExternalRequester, ExpectationsOnTheReferenceRequestersResultsDoNotLoad) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"n\" spec=\"4.1\" requirement=\"r\">\n"
      "  <requester workload=\"external\"/>\n"
      "  <expect backup=\"succeeded\"/>\n"
      "</scenario>\n",
      "s.xml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.ErrorText(),
            "s.xml:3:3: this expectation reads the reference requester's "
            "results; this scenario's requester is external");
}

}  // namespace
}  // namespace vssemu::scenario
