// Freeze and Thaw: the order by application level (spec 6.1, 18.1) and each
// writer's freeze window on virtual time (spec 5, 18.2).
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

using ::testing::ElementsAre;
using std::chrono::seconds;

TEST(FreezeOrder, FrontEndWritersFreezeBeforeBackEndBeforeSystem) {
  Emulator emulator;
  // Registered bottom-up, the "natural" order that is wrong (spec 18.1).
  TestWriter system(L"System", VSS_APP_SYSTEM);
  TestWriter back(L"Back", VSS_APP_BACK_END);
  TestWriter front(L"Front", VSS_APP_FRONT_END);
  std::vector<std::string> freeze, thaw;
  for (auto [w, n] : {std::pair{&system, "system"}, {&back, "back"},
                      {&front, "front"}}) {
    RecordOrder(*w, "Freeze", &freeze, n);
    RecordOrder(*w, "Thaw", &thaw, n);
    ASSERT_EQ(w->Start(), S_OK);
  }
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_THAT(freeze, ElementsAre("front", "back", "system"));
  // Q20 default: Thaw in reverse level order.
  EXPECT_THAT(thaw, ElementsAre("system", "back", "front"));
}

TEST(FreezeOrder, ThawFollowsFreezeOrderWhenTheKnobSaysSo) {
  RunOptions options;
  options.knobs.thaw_in_reverse_level_order = false;
  Emulator emulator(options);
  TestWriter back(L"Back", VSS_APP_BACK_END);
  TestWriter front(L"Front", VSS_APP_FRONT_END);
  std::vector<std::string> thaw;
  RecordOrder(back, "Thaw", &thaw, "back");
  RecordOrder(front, "Thaw", &thaw, "front");
  ASSERT_EQ(back.Start(), S_OK);
  ASSERT_EQ(front.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_THAT(thaw, ElementsAre("front", "back"));
}

TEST(FreezeOrder, WritersOfOneLevelFreezeInRegistrationOrder) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B"), c(L"C");
  std::vector<std::string> freeze;
  RecordOrder(a, "Freeze", &freeze, "a");
  RecordOrder(b, "Freeze", &freeze, "b");
  RecordOrder(c, "Freeze", &freeze, "c");
  ASSERT_EQ(b.Start(), S_OK);
  ASSERT_EQ(c.Start(), S_OK);
  ASSERT_EQ(a.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_THAT(freeze, ElementsAre("b", "c", "a"));
}

TEST(FreezeWindow, AnExpiredWindowAbortsThatWriterWithTimeout) {
  Emulator emulator;
  // The front-end writer is frozen first; the back-end writer's Freeze then
  // takes 61 s of virtual time, past the front-end writer's 60 s window.
  TestWriter front(L"Front", VSS_APP_FRONT_END, 60000);
  TestWriter back(L"Back", VSS_APP_BACK_END, 120000);
  back.scripts["Freeze"].spend = seconds(61);
  ASSERT_EQ(front.Start(), S_OK);
  ASSERT_EQ(back.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);  // Q17: the set was committed.
  EXPECT_THAT(front.events(),
              ElementsAre("Identify", "PrepareForBackup", "PrepareForSnapshot",
                          "Freeze", "Abort"));
  EXPECT_EQ(back.Count("PostSnapshot"), 1);
  HRESULT failure = S_OK;
  EXPECT_EQ(requester.StateOf(L"Front", &failure), VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(failure, VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_GE(emulator.now_us(), 61'000'000);
}

TEST(FreezeWindow, TheWindowRunsFromThatWritersFreezeToItsThaw) {
  Emulator emulator;
  // 40 s in Freeze plus 30 s in Thaw of the back-end writer: the system
  // writer was frozen after those 40 s and thawed first, so its window
  // (50 s) holds; the front-end writer, frozen first and thawed last,
  // waits 70 s and times out.
  TestWriter front(L"Front", VSS_APP_FRONT_END, 50000);
  TestWriter back(L"Back", VSS_APP_BACK_END, 300000);
  TestWriter system(L"System", VSS_APP_SYSTEM, 50000);
  back.scripts["Freeze"].spend = seconds(40);
  back.scripts["Thaw"].spend = seconds(30);
  ASSERT_EQ(front.Start(), S_OK);
  ASSERT_EQ(back.Start(), S_OK);
  ASSERT_EQ(system.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(system.Count("Thaw"), 1);
  EXPECT_EQ(system.Count("Abort"), 0);
  EXPECT_EQ(front.Count("Thaw"), 0);
  EXPECT_EQ(front.Count("Abort"), 1);
}

TEST(FreezeWindow, ASixtySecondTimeoutCostsNoRealTime) {
  Emulator emulator;
  TestWriter slow(L"Slow", VSS_APP_FRONT_END, 60000);
  slow.scripts["Freeze"].spend = std::chrono::hours(1);
  ASSERT_EQ(slow.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(slow.Count("Abort"), 1);
  EXPECT_GE(emulator.now_us(), 3600LL * 1'000'000);
}

TEST(FreezeWindow, ThawInTimeCancelsTheWindow) {
  Emulator emulator;
  TestWriter writer(L"OnTime", VSS_APP_FRONT_END, 1000);
  writer.scripts["Freeze"].spend = std::chrono::milliseconds(999);
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  ASSERT_EQ(requester.Run(&IVssBackupComponents::BackupComplete),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(writer.Count("Abort"), 0);
  EXPECT_EQ(requester.StateOf(L"OnTime"), VSS_WS_STABLE);
}

}  // namespace
}  // namespace vssemu::testing
