// The inventory writer's tests, run against vssemu: no Windows service, no
// admin rights, no real volumes; timeouts cost microseconds.
#include "inventory_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vssemu/fixtures/emulator_test.h>
#include <vssemu/fixtures/matchers.h>
#include <vssemu/fixtures/mock_writer.h>
#include <vssemu/fixtures/samples/reference_requester.h>
#include <vssemu/scenario/scenario_loader.h>
#include <vssemu/scenario/scenario_runner.h>
#include <vssemu/emulator.h>
#include <vssemu/explore.h>

namespace {

using ::testing::Return;
using vssemu::testing::TraceContainsInOrder;
using vssemu::testing::WriterStateIs;

class InventoryWriterTest : public vssemu::testing::EmulatorTest {};

// Gives a mock writer one file group, so that a component-mode backup
// includes it (a writer with no selected component takes no part).
void DeclareOneComponent(vssemu::testing::MockVssWriter& writer) {
  writer.set_identify([](IVssCreateWriterMetadataEx* metadata) {
    return SUCCEEDED(metadata->SetRestoreMethod(
               VSS_RME_RESTORE_IF_CAN_REPLACE, NULL, NULL, VSS_WRE_ALWAYS,
               false)) &&
           SUCCEEDED(metadata->AddComponent(VSS_CT_FILEGROUP, NULL, L"Files",
                                            NULL, NULL, 0, false, false,
                                            false)) &&
           SUCCEEDED(metadata->AddFilesToFileGroup(NULL, L"Files", L"C:\\Data",
                                                   L"*", true, NULL));
  });
}

TEST_F(InventoryWriterTest, AFullBackupStampsAndTruncatesTheLog) {
  InventoryWriter writer;           // The CVssWriter subclass, unchanged.
  ASSERT_EQ(writer.Start(), S_OK);  // Initialize + Subscribe bind to this test's emulator.
  vssemu::samples::BackupResult result = vssemu::samples::RunBackup({});  // The reference requester.
  ASSERT_TRUE(result.ok()) << result.failed_step;
  EXPECT_FALSE(writer.writes_suspended());
  EXPECT_EQ(writer.log_truncations(), 1);
  EXPECT_NE(result.bcd_xml.find(L"backupStamp=\"lsn:100\""), std::wstring::npos);
  EXPECT_THAT(trace(), TraceContainsInOrder({"event name=Freeze writer=\"Inventory Writer\"",
                                             "event name=Thaw writer=\"Inventory Writer\"",
                                             "event name=BackupComplete"}));
}

TEST_F(InventoryWriterTest, IsFrozenAfterTheFrontEndApplication) {
  InventoryWriter writer;
  ASSERT_EQ(writer.Start(), S_OK);
  ::testing::NiceMock<vssemu::testing::MockVssWriter> front_end;
  const VSS_ID kFrontEndId = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
  DeclareOneComponent(front_end);
  ASSERT_EQ(front_end.InitializeAndSubscribe(kFrontEndId, L"Shop front"), S_OK);
  EXPECT_CALL(front_end, OnFreeze()).WillOnce([&] {
    EXPECT_FALSE(writer.writes_suspended());  // Not frozen yet.
    return true;
  });
  ASSERT_TRUE(vssemu::samples::RunBackup({}).ok());
}

TEST_F(InventoryWriterTest, ResumesWritesWhenItsFreezeWindowExpires) {
  InventoryWriter writer;  // 20-second freeze window.
  ASSERT_EQ(writer.Start(), S_OK);
  // A system-level writer, frozen after the inventory writer, takes 30 s.
  ::testing::NiceMock<vssemu::testing::MockVssWriter> system_writer;
  const VSS_ID kSystemId = {7, 7, 7, {7, 7, 7, 7, 7, 7, 7, 7}};
  DeclareOneComponent(system_writer);
  ASSERT_EQ(system_writer.InitializeAndSubscribe(kSystemId, L"System",
                                                 VSS_APP_SYSTEM),
            S_OK);
  ON_CALL(system_writer, OnFreeze()).WillByDefault([] {
    vssemu::SpendVirtualTime(std::chrono::seconds(30));
    return true;
  });
  vssemu::samples::BackupPlan plan;
  plan.fail_on_writer_error = false;
  vssemu::samples::BackupResult result = vssemu::samples::RunBackup(plan);
  EXPECT_FALSE(writer.writes_suspended());  // OnAbort resumed them.
  const vssemu::samples::WriterStatusRow* row =
      result.FindStatus(L"Inventory Writer");
  ASSERT_NE(row, nullptr);
  EXPECT_THAT(row->state, WriterStateIs(VSS_WS_FAILED_AT_FREEZE));
  EXPECT_EQ(row->failure, VSS_E_WRITERERROR_TIMEOUT);
}

// A scenario supplies the world (a system writer, frozen after this
// back-end writer, that stalls in Freeze);
// the requester is this test's own code (workload="external"), the writer is
// the real InventoryWriter (registered in register_inventory_writer.cc).
TEST(InventoryWriterScenario, RunsWithTheTestsOwnRequester) {
  const char* xml =
      "<scenario name=\"stalled-neighbour\" spec=\"5\"\n"
      "          requirement=\"A neighbour stalling in Freeze expires the inventory writer's window\">\n"
      "  <registered-writer id=\"inventory\" class=\"InventoryWriter\"/>\n"
      "  <writer id=\"system\" name=\"System\" level=\"system\" freeze-timeout-ms=\"120000\">\n"
      "    <component name=\"State\"><files path=\"C:\\System\"/></component>\n"
      "    <on event=\"Freeze\" take-ms=\"90000\"/>\n"
      "  </writer>\n"
      "  <requester workload=\"external\"/>\n"
      "  <expect writer=\"inventory\" state=\"FAILED_AT_FREEZE\" failure=\"VSS_E_WRITERERROR_TIMEOUT\"/>\n"
      "</scenario>\n";
  vssemu::scenario::LoadResult loaded =
      vssemu::scenario::LoadScenarioText(xml, "stalled-neighbour.xml");
  ASSERT_TRUE(loaded) << loaded.ErrorText();
  vssemu::scenario::RunResult run =
      vssemu::scenario::RunScenario(*loaded.scenario, std::nullopt, [] {
        vssemu::samples::BackupPlan plan;
        plan.fail_on_writer_error = false;
        vssemu::samples::RunBackup(plan);
      });
  EXPECT_TRUE(run.passed) << ::testing::PrintToString(run.failures);
}

// Every writer order, async timing and fault the protocol allows, each run
// with its own emulator: the writer never leaves its writes suspended.
TEST(InventoryWriterExploration, SurvivesEveryOrderingAndFault) {
  bool left_suspended = false;  // What the writer guards, as the last run left it.
  vssemu::ExploreOptions options;
  options.runs = 300;
  options.invariants = {{"inventory.writes-left-suspended",
                         [&] { return left_suspended ? "writes still suspended" : ""; }}};
  vssemu::ExploreReport report = vssemu::Explore(options, [&]() -> HRESULT {
    InventoryWriter writer;  // Writers are made inside: each run has its own emulator.
    HRESULT hr = writer.Start();
    if (SUCCEEDED(hr)) hr = vssemu::samples::RunBackup({}).hr;
    left_suspended = writer.writes_suspended();
    return hr;
  });
  EXPECT_TRUE(report.ok()) << report.Summary();
}

}  // namespace
