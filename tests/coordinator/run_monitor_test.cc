// The checkers of coordinator/run_monitor.h: event order per writer and
// session, state transitions, and the end-of-run obligations. The service
// itself never breaks the order rules, so those are fed directly.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <memory>
#include <string>
#include <vector>

#include <vsserror.h>

#include "com/live_objects.h"
#include "coordinator/backup_session.h"
#include "coordinator/coordinator_test_util.h"
#include "coordinator/run_monitor.h"
#include "coordinator/service.h"

namespace vssemu::testing {
namespace {

using coordinator::WriterEvent;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Rules(const Emulator& emulator) {
  std::vector<std::string> rules;
  for (const Violation& v : emulator.violations()) rules.push_back(v.rule);
  return rules;
}

// A monitor fed by hand: one session, writers by level.
class MonitorTest : public ::testing::Test {
 protected:
  coordinator::WriterRecord& Writer(VSS_APPLICATION_LEVEL level) {
    auto w = std::make_unique<coordinator::WriterRecord>();
    w->registration = writers_.size() + 1;
    w->level = level;
    w->identity.writer_name = L"W" + std::to_wstring(writers_.size() + 1);
    writers_.push_back(std::move(w));
    return *writers_.back();
  }
  void Feed(const coordinator::WriterRecord& w,
            std::initializer_list<WriterEvent> events) {
    for (WriterEvent e : events) monitor().BeforeEvent(w, session_, e);
  }
  coordinator::RunMonitor& monitor() { return emulator_.service()->monitor(); }

  Emulator emulator_;
  coordinator::BackupSession session_{1, GUID_NULL};
  std::vector<std::unique_ptr<coordinator::WriterRecord>> writers_;
};

TEST_F(MonitorTest, TheDocumentedSequenceIsClean) {
  auto& w = Writer(VSS_APP_FRONT_END);
  session_.released = true;
  Feed(w, {WriterEvent::kIdentify, WriterEvent::kPrepareForBackup,
           WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze,
           WriterEvent::kThaw, WriterEvent::kPostSnapshot,
           WriterEvent::kBackupComplete, WriterEvent::kBackupShutdown});
  monitor().CheckEndOfRun({com::LiveObjectCount(), com::LiveBstrCount()});
  EXPECT_THAT(Rules(emulator_), IsEmpty());
}

TEST_F(MonitorTest, ThawWithoutFreezeAndThawingTwiceAreReported) {
  auto& w = Writer(VSS_APP_FRONT_END);
  Feed(w, {WriterEvent::kPrepareForSnapshot, WriterEvent::kThaw});
  Feed(w, {WriterEvent::kFreeze, WriterEvent::kThaw, WriterEvent::kThaw});
  EXPECT_THAT(Rules(emulator_), ElementsAre("order.thaw-without-freeze",
                                            "order.thaw-without-freeze"));
}

TEST_F(MonitorTest, FreezeFollowsTheLevels) {
  auto& back = Writer(VSS_APP_BACK_END);
  auto& front = Writer(VSS_APP_FRONT_END);
  Feed(back, {WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze});
  Feed(front, {WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze});
  EXPECT_THAT(Rules(emulator_), ElementsAre("order.freeze-level"));
  EXPECT_EQ(emulator_.violations()[0].section, "6.1");
}

TEST_F(MonitorTest, NoAbortAfterPostSnapshotAndNothingButShutdownAfterAbort) {
  auto& a = Writer(VSS_APP_FRONT_END);
  auto& b = Writer(VSS_APP_FRONT_END);
  Feed(a, {WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze,
           WriterEvent::kThaw, WriterEvent::kPostSnapshot, WriterEvent::kAbort});
  Feed(b, {WriterEvent::kPrepareForSnapshot, WriterEvent::kAbort,
           WriterEvent::kAbort, WriterEvent::kFreeze});
  EXPECT_THAT(Rules(emulator_), ElementsAre("order.abort-after-post-snapshot",
                                            "order.event-after-abort"));
}

TEST_F(MonitorTest, BackupShutdownComesAfterTheReleaseAndEndsTheSession) {
  auto& w = Writer(VSS_APP_FRONT_END);
  Feed(w, {WriterEvent::kBackupShutdown});
  session_.released = true;
  Feed(w, {WriterEvent::kBackupComplete});
  EXPECT_THAT(Rules(emulator_), ElementsAre("order.shutdown-before-release",
                                            "order.event-after-shutdown"));
}

TEST_F(MonitorTest, AWriterLeftFrozenIsReportedAtTheEnd) {
  auto& w = Writer(VSS_APP_FRONT_END);
  Feed(w, {WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze});
  monitor().CheckEndOfRun({com::LiveObjectCount(), com::LiveBstrCount()});
  EXPECT_THAT(Rules(emulator_), ElementsAre("liveness.writer-frozen"));
}

TEST_F(MonitorTest, AFailureIsNotClearedBeforeBackupShutdown) {
  coordinator::Participant p;
  p.writer = std::make_shared<coordinator::WriterRecord>();
  p.state = VSS_WS_WAITING_FOR_POST_SNAPSHOT;
  monitor().OnState(p, WriterEvent::kThaw, VSS_WS_FAILED_AT_FREEZE);
  p.state = VSS_WS_FAILED_AT_THAW;
  monitor().OnState(p, WriterEvent::kFreeze, VSS_WS_WAITING_FOR_FREEZE);
  p.state = VSS_WS_STABLE;
  monitor().OnState(p, WriterEvent::kBackupShutdown, VSS_WS_FAILED_AT_FREEZE);
  EXPECT_THAT(Rules(emulator_), ElementsAre("state.illegal-transition",
                                            "state.illegal-transition"));
}

TEST(RunMonitorEndOfRun, ALeakedBackupObjectAndAsyncAreReported) {
  Emulator emulator;
  coordinator::RunBaseline baseline{com::LiveObjectCount(),
                                    com::LiveBstrCount()};
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  IVssBackupComponents* backup = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup->GatherWriterMetadata(&async), S_OK);
  emulator.service()->monitor().CheckEndOfRun(baseline);
  EXPECT_THAT(Rules(emulator),
              ElementsAre("requester.backup-object-leaked",
                          "liveness.async-pending",
                          "requester.leaked-com-object"));
  async->Release();
  backup->Release();
}

TEST(RunMonitorEndOfRun, AComponentLeftUnreportedAtBackupCompleteIsReported) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  ASSERT_EQ(r.Snapshot(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_S_ASYNC_FINISHED);
  EXPECT_THAT(Rules(emulator), ElementsAre("requester.component-not-reported"));
  EXPECT_EQ(emulator.violations()[0].section, "9.5");
}

TEST(RunMonitorEndOfRun, AFullBackupThatReportsEveryComponentIsClean) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  // The writer's own objects live as long as it does.
  coordinator::RunBaseline baseline{com::LiveObjectCount(),
                                    com::LiveBstrCount()};
  {
    Requester r;
    ASSERT_EQ(r.Prepare(), S_OK);
    ASSERT_EQ(r.Snapshot(), S_OK);
    ASSERT_EQ(r.Complete(), VSS_S_ASYNC_FINISHED);
  }
  emulator.RunUntilIdle();
  emulator.service()->monitor().CheckEndOfRun(baseline);
  EXPECT_THAT(Rules(emulator), IsEmpty());
}

}  // namespace
}  // namespace vssemu::testing
