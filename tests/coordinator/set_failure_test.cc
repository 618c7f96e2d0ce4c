// Failures of the snapshot set itself: a provider that vetoes or fails
// (spec 4.1, 14.4, 18.13), the 10-second flush-and-hold (spec 5,
// 18.2, Q18), and what the requester may do after a failed DoSnapshotSet
// (spec 4.3, 18.8).
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/service.h"

namespace vssemu::testing {
namespace {

using coordinator::ProviderStep;

// Fails or delays one provider step.
class StepFault : public coordinator::ProviderBehaviour {
 public:
  StepFault(ProviderStep step, HRESULT hr, sim::Duration took = {})
      : step_(step), hr_(hr), took_(took) {}
  coordinator::StepResult OnStep(const coordinator::StepCall& call) override {
    if (call.step == ProviderStep::kAbortSnapshots) ++aborts;
    if (call.step != step_) return {};
    return {hr_, took_};
  }
  int aborts = 0;

 private:
  ProviderStep step_;
  HRESULT hr_;
  sim::Duration took_;
};

// Runs a backup of two writers whose provider follows fault.
struct FaultyBackup {
  explicit FaultyBackup(StepFault* fault) {
    emulator.service()->provider().set_behaviour(fault);
    EXPECT_EQ(a.Start(), S_OK);
    EXPECT_EQ(b.Start(), S_OK);
    EXPECT_EQ(requester.Prepare(), S_OK);
  }
  Emulator emulator;
  TestWriter a{L"A"}, b{L"B", VSS_APP_BACK_END};
  Requester requester;
};

TEST(SetFailure, ProviderErrorsArriveOnlyThroughQueryStatus) {
  StepFault fault(ProviderStep::kCommitSnapshots, VSS_E_INSUFFICIENT_STORAGE);
  FaultyBackup run(&fault);
  IVssAsync* async = nullptr;
  ASSERT_EQ(run.requester->DoSnapshotSet(&async), S_OK);  // The call succeeds.
  EXPECT_EQ(async->Wait(INFINITE), S_OK);
  HRESULT status = S_OK;
  ASSERT_EQ(async->QueryStatus(&status, nullptr), S_OK);
  EXPECT_EQ(status, VSS_E_INSUFFICIENT_STORAGE);
  async->Release();
}

TEST(SetFailure, AProviderVetoAbortsEveryWriterOfTheSet) {
  StepFault fault(ProviderStep::kPreCommitSnapshots, VSS_E_PROVIDER_VETO);
  FaultyBackup run(&fault);
  EXPECT_EQ(run.requester.Snapshot(), VSS_E_PROVIDER_VETO);
  EXPECT_EQ(run.a.Count("Abort"), 1);
  EXPECT_EQ(run.b.Count("Abort"), 1);
  EXPECT_EQ(run.a.Count("Thaw"), 0);  // Q14: Abort only.
  EXPECT_EQ(run.a.Count("PostSnapshot"), 0);
  EXPECT_EQ(fault.aborts, 1);  // AbortSnapshots after EndPrepareSnapshots.
}

TEST(SetFailure, UndocumentedProviderResultsBecomeUnexpectedProviderError) {
  StepFault fault(ProviderStep::kEndPrepareSnapshots, E_FAIL);
  FaultyBackup run(&fault);
  EXPECT_EQ(run.requester.Snapshot(), VSS_E_UNEXPECTED_PROVIDER_ERROR);
}

TEST(SetFailure, ACommitLongerThanTheHoldFailsWithHoldWritesTimeout) {
  StepFault fault(ProviderStep::kCommitSnapshots, S_OK,
                  std::chrono::seconds(11));
  FaultyBackup run(&fault);
  EXPECT_EQ(run.requester.Snapshot(), VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(run.a.Count("Abort"), 1);
}

TEST(SetFailure, ACommitWithinTheHoldSucceeds) {
  StepFault fault(ProviderStep::kCommitSnapshots, S_OK,
                  std::chrono::seconds(9));
  FaultyBackup run(&fault);
  EXPECT_EQ(run.requester.Snapshot(), S_OK);
  EXPECT_EQ(run.a.Count("PostSnapshot"), 1);
}

TEST(SetFailure, AfterAFailedSetOnlyAbortBackupRemains) {
  StepFault fault(ProviderStep::kCommitSnapshots, VSS_E_PROVIDER_VETO);
  FaultyBackup run(&fault);
  ASSERT_EQ(run.requester.Snapshot(), VSS_E_PROVIDER_VETO);
  EXPECT_EQ(run.requester.Run(&IVssBackupComponents::BackupComplete),
            VSS_E_BAD_STATE);
  VSS_ID instance = GUID_NULL;
  EXPECT_EQ(run.requester->SetBackupSucceeded(instance, run.a.class_id(),
                                              VSS_CT_FILEGROUP, nullptr,
                                              L"Data", true),
            VSS_E_BAD_STATE);
  EXPECT_EQ(run.requester->AbortBackup(), S_OK);
  // The set is no longer in creation: another object may start one.
  Requester next;
  ASSERT_EQ(next.Init(), S_OK);
  VSS_ID id;
  EXPECT_EQ(next->StartSnapshotSet(&id), S_OK);
}

TEST(SetFailure, TheFailedSetLeavesNoShadowCopy) {
  StepFault fault(ProviderStep::kPostCommitSnapshots, VSS_E_PROVIDER_VETO);
  FaultyBackup run(&fault);
  ASSERT_EQ(run.requester.Snapshot(), VSS_E_PROVIDER_VETO);
  EXPECT_EQ(run.emulator.service()->provider().LiveSnapshotCount(), 0u);
}

}  // namespace
}  // namespace vssemu::testing
