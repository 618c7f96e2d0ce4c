// Choice points (coordinator/choice_points.h): each site changes what the
// service does only when the choice source picks something other than 0,
// and every variation stays inside what the protocol allows.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/service.h"

namespace vssemu::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Picks a fixed option per site (clamped to the options there), 0 elsewhere.
class PickAt : public sim::ChoiceSource {
 public:
  explicit PickAt(std::map<std::string, size_t> picks)
      : picks_(std::move(picks)) {}

 protected:
  size_t Pick(std::string_view site, size_t options) override {
    auto it = picks_.find(std::string(site));
    if (it == picks_.end()) return 0;
    return it->second < options ? it->second : options - 1;
  }

 private:
  std::map<std::string, size_t> picks_;
};

sim::ChoiceSource& Use(Emulator& emulator, std::map<std::string, size_t> picks) {
  auto source = std::make_unique<PickAt>(std::move(picks));
  sim::ChoiceSource& ref = *source;
  emulator.service()->set_choices(std::move(source));
  return ref;
}

TEST(ChoicePoints, FreezeOrderChangesOnlyWithinALevel) {
  Emulator emulator;
  Use(emulator, {{"order.freeze", 9}, {"order.thaw", 9}});
  TestWriter a(L"A"), b(L"B"), back(L"Back", VSS_APP_BACK_END);
  std::vector<std::string> freeze, thaw;
  for (auto [w, n] : {std::pair{&a, "a"}, {&b, "b"}, {&back, "back"}}) {
    RecordOrder(*w, "Freeze", &freeze, n);
    RecordOrder(*w, "Thaw", &thaw, n);
    ASSERT_EQ(w->Start(), S_OK);
  }
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  // Front-end before back-end always (spec 6.1); the two front-end writers
  // swapped by the choice.
  EXPECT_THAT(freeze, ElementsAre("b", "a", "back"));
  EXPECT_THAT(thaw, ElementsAre("back", "b", "a"));
}

// Returns the Thaw order of a front-end and a back-end writer when the run
// is offered pick at order.thaw-levels.
std::vector<std::string> ThawOrder(const RunOptions& options, size_t pick) {
  Emulator emulator(options);
  Use(emulator, {{"order.thaw-levels", pick}});
  TestWriter front(L"Front"), back(L"Back", VSS_APP_BACK_END);
  std::vector<std::string> thaw;
  RecordOrder(front, "Thaw", &thaw, "front");
  RecordOrder(back, "Thaw", &thaw, "back");
  EXPECT_EQ(front.Start(), S_OK);
  EXPECT_EQ(back.Start(), S_OK);
  Requester requester;
  EXPECT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);
  return thaw;
}

TEST(ChoicePoints, ThawLevelOrderIsAChoice) {
  // Q20: the default reverse level order, or the other one.
  EXPECT_THAT(ThawOrder(RunOptions{}, 0), ElementsAre("back", "front"));
  EXPECT_THAT(ThawOrder(RunOptions{}, 1), ElementsAre("front", "back"));
}

TEST(ChoicePoints, AThawLevelOrderSetOnPurposeIsNoChoice) {
  RunOptions options;
  options.exploration.thaw_level_order = false;  // A scenario's <knob>.
  EXPECT_THAT(ThawOrder(options, 1), ElementsAre("back", "front"));
}

TEST(ChoicePoints, FaultKindListsParseOrNameTheUnknownKind) {
  std::string unknown;
  EXPECT_THAT(*coordinator::FaultKindsFromList("provider,hold", &unknown), ElementsAre("provider", "hold"));
  EXPECT_TRUE(coordinator::FaultKindsFromList("none", &unknown)->empty());
  EXPECT_FALSE(coordinator::FaultKindsFromList("provider,disk", &unknown).has_value());
  EXPECT_EQ(unknown, "disk");
  EXPECT_FALSE(coordinator::FaultKindsFromList("", &unknown).has_value());
}

TEST(ChoicePoints, EveryOrderOfThreeWritersIsReachable) {
  std::set<std::vector<std::string>> seen;
  for (size_t first = 0; first < 3; ++first) {
    for (size_t second = 0; second < 2; ++second) {
      Emulator emulator;
      // Two draws at one site: a source that answers them in turn.
      class Draws : public sim::ChoiceSource {
       public:
        Draws(size_t x, size_t y) : picks_{x, y} {}
       protected:
        size_t Pick(std::string_view site, size_t) override {
          if (site != "order.prepare-snapshot" || next_ >= 2) return 0;
          return picks_[next_++];
        }
       private:
        size_t picks_[2];
        size_t next_ = 0;
      };
      emulator.service()->set_choices(std::make_unique<Draws>(first, second));
      TestWriter a(L"A"), b(L"B"), c(L"C");
      std::vector<std::string> order;
      for (auto [w, n] : {std::pair{&a, "a"}, {&b, "b"}, {&c, "c"}}) {
        RecordOrder(*w, "PrepareForSnapshot", &order, n);
        ASSERT_EQ(w->Start(), S_OK);
      }
      Requester requester;
      ASSERT_EQ(requester.Prepare(), S_OK);
      ASSERT_EQ(requester.Snapshot(), S_OK);
      seen.insert(order);
    }
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST(ChoicePoints, QueryStatusMayFindTheOperationPendingAFewTimes) {
  Emulator emulator;
  Use(emulator, {{"async.query", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(requester->GatherWriterMetadata(&async), S_OK);
  std::vector<HRESULT> answers;
  HRESULT status = VSS_S_ASYNC_PENDING;
  while (status == VSS_S_ASYNC_PENDING && answers.size() < 10) {
    ASSERT_EQ(async->QueryStatus(&status, nullptr), S_OK);
    answers.push_back(status);
  }
  async->Release();
  // max_pending_answers (2) times pending, then the operation runs.
  EXPECT_THAT(answers, ElementsAre(VSS_S_ASYNC_PENDING, VSS_S_ASYNC_PENDING,
                                   VSS_S_ASYNC_FINISHED));
  EXPECT_EQ(writer.Count("Identify"), 1);
}

TEST(ChoicePoints, ABoundedWaitMayReturnBeforeTheOperationEnds) {
  Emulator emulator;
  Use(emulator, {{"async.wait", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(requester->GatherWriterMetadata(&async), S_OK);
  ASSERT_EQ(async->Wait(5000), S_OK);
  EXPECT_EQ(writer.Count("Identify"), 0);  // Still running.
  ASSERT_EQ(async->Wait(), S_OK);          // INFINITE never stalls.
  EXPECT_EQ(writer.Count("Identify"), 1);
  async->Release();
}

TEST(ChoicePoints, ThawMayWinTheRaceAtTheLastMicrosecond) {
  Emulator emulator;
  Use(emulator, {{"race.freeze-window", 1}});
  TestWriter writer(L"W", VSS_APP_FRONT_END, 2000);
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(writer.Count("Thaw"), 1);
  EXPECT_EQ(writer.Count("Abort"), 0);
  EXPECT_GE(emulator.now_us(), 2000 * 1000 - 1);
  EXPECT_EQ(requester.StateOf(L"W"), VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
}

TEST(ChoicePoints, AFreezeTimeoutFaultAbortsTheWriterBeforeThaw) {
  RunOptions options;
  options.exploration.swarm = false;
  Emulator emulator(options);
  Use(emulator, {{"race.freeze-window", 2}});
  TestWriter writer(L"W", VSS_APP_FRONT_END, 2000);
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);  // Q17 default.
  EXPECT_EQ(writer.Count("Thaw"), 0);
  EXPECT_EQ(writer.Count("Abort"), 1);
  HRESULT failure = S_OK;
  EXPECT_EQ(requester.StateOf(L"W", &failure), VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(failure, VSS_E_WRITERERROR_TIMEOUT);
  const auto& fired = emulator.service()->choice_points().fired();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].kind, coordinator::FaultKind::kFreezeTimeout);
}

TEST(ChoicePoints, AbortMayBeDeliveredTwice) {
  Emulator emulator;
  Use(emulator, {{"abort.repeat", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester->AbortBackup(), S_OK);
  EXPECT_EQ(writer.Count("Abort"), 2);
}

TEST(ChoicePoints, BackupShutdownMayArriveAfterTheRelease) {
  Emulator emulator;
  Use(emulator, {{"shutdown.delay", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  {
    Requester requester;
    ASSERT_EQ(requester.Prepare(), S_OK);
    ASSERT_EQ(requester->AbortBackup(), S_OK);
    requester.Release();
  }
  EXPECT_EQ(writer.Count("BackupShutdown"), 0);
  const int64_t released_at = emulator.now_us();
  emulator.RunUntilIdle();
  EXPECT_EQ(writer.Count("BackupShutdown"), 1);
  EXPECT_EQ(emulator.now_us() - released_at, 1000 * 1000);
}

TEST(ChoicePoints, AnotherRequesterMayIdentifyInTheMiddleOfAnOperation) {
  Emulator emulator;
  Use(emulator, {{"intruder.identify", 3}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  // Identify for the requester, then one in each later operation.
  EXPECT_GE(writer.Count("Identify"), 3);
  // Inside DoSnapshotSet the third step is Freeze: the intruder's Identify
  // reaches the writer between PrepareForSnapshot and Freeze.
  const auto& events = writer.events();
  auto freeze = std::find(events.begin(), events.end(), "Freeze");
  ASSERT_NE(freeze, events.end());
  EXPECT_EQ(*(freeze - 1), "Identify");
}

TEST(ChoicePoints, AProviderFaultFailsDoSnapshotSetAndIsRecorded) {
  Emulator emulator;
  Use(emulator, {{"fault.enable.provider", 1}, {"fault.provider", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), VSS_E_PROVIDER_VETO);
  const auto& fired = emulator.service()->choice_points().fired();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].where, "BeginPrepareSnapshot");
  EXPECT_EQ(writer.Count("Freeze"), 0);
}

TEST(ChoicePoints, FaultKindsNotAllowedNeverFire) {
  RunOptions options;
  options.exploration.faults = {"flush"};
  Emulator emulator(options);
  Use(emulator, {{"fault.enable.provider", 1}, {"fault.provider", 1},
                 {"fault.enable.hold", 1}, {"fault.hold", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);
  EXPECT_THAT(emulator.service()->choice_points().fired(), IsEmpty());
}

TEST(ChoicePoints, TheFaultBudgetLimitsFaultsPerRun) {
  RunOptions options;
  options.exploration.max_faults = 0;
  Emulator emulator(options);
  Use(emulator, {{"fault.enable.provider", 1}, {"fault.provider", 1}});
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);
}

TEST(ChoicePoints, FamiliesSwitchedOffAreNeverOffered) {
  RunOptions options;
  options.exploration = ExplorationOptions{};
  options.exploration.orders = false;
  options.exploration.async_timing = false;
  options.exploration.freeze_race = false;
  options.exploration.repeated_abort = false;
  options.exploration.shutdown_timing = false;
  options.exploration.second_requester = false;
  options.exploration.faults.clear();
  Emulator emulator(options);
  sim::ChoiceSource& source = Use(emulator, {});
  TestWriter a(L"A"), b(L"B");
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  {
    Requester requester;
    ASSERT_EQ(requester.Prepare(), S_OK);
    ASSERT_EQ(requester.Snapshot(), S_OK);
  }
  EXPECT_THAT(source.log(), IsEmpty());
}

}  // namespace
}  // namespace vssemu::testing
