// The provider call sequence of spec 14.4: what each step does to the
// shadow copies, device numbering, order checks, and the behaviour hook
// (failures reported, undocumented codes mapped, durations passed on).
#include <gtest/gtest.h>
#include <vsserror.h>

#include <map>
#include <string>
#include <vector>

#include "coordinator/provider_system.h"

namespace vssemu::coordinator {
namespace {

// Records every step it is asked about; answers from a per-step table.
class ScriptedBehaviour : public ProviderBehaviour {
 public:
  StepResult OnStep(const StepCall& call) override {
    calls.push_back(call);
    auto it = answers.find(call.step);
    return it == answers.end() ? StepResult{} : it->second;
  }

  std::vector<std::string> StepNames() const {
    std::vector<std::string> names;
    for (const StepCall& c : calls) names.push_back(ProviderStepName(c.step));
    return names;
  }

  std::map<ProviderStep, StepResult> answers;
  std::vector<StepCall> calls;
};

class ProviderSequenceTest : public ::testing::Test {
 protected:
  ProviderSequenceTest() : volumes_(VolumeTable::WithDefaultVolumes()) {
    volumes_.Add({.display_name = L"D:\\"});
    provider_.set_behaviour(&behaviour_);
  }

  VSS_ID NewId() { return GuidFromPrng(ids_); }

  // Prepares C: and D: in a new set; returns the set id.
  VSS_ID Prepare(LONG context = VSS_CTX_BACKUP) {
    VSS_ID set = NewId();
    snapshot_c_ = NewId();
    snapshot_d_ = NewId();
    EXPECT_EQ(
        provider_.BeginPrepareSnapshot(set, snapshot_c_, L"C:\\", context).hr,
        S_OK);
    EXPECT_EQ(
        provider_.BeginPrepareSnapshot(set, snapshot_d_, L"d:", context).hr,
        S_OK);
    EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr, S_OK);
    return set;
  }

  // Runs the steps after EndPrepareSnapshots up to and including Commit.
  void Commit(const VSS_ID& set) {
    EXPECT_EQ(provider_.PreCommitSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.CommitSnapshots(set, 7, sim::TimePoint{}).hr, S_OK);
  }

  // Runs the steps after Commit.
  void Finish(const VSS_ID& set) {
    EXPECT_EQ(provider_.PostCommitSnapshots(set, 2).hr, S_OK);
    EXPECT_EQ(provider_.PreFinalCommitSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.PostFinalCommitSnapshots(set).hr, S_OK);
  }

  VSS_SNAPSHOT_STATE StateOf(const VSS_ID& snapshot) {
    const SnapshotRecord* r = provider_.FindSnapshot(snapshot);
    return r == nullptr ? VSS_SS_UNKNOWN : r->state;
  }

  VolumeTable volumes_;
  SystemProvider provider_{&volumes_};
  ScriptedBehaviour behaviour_;
  sim::Prng ids_{3};
  VSS_ID snapshot_c_ = GUID_NULL;
  VSS_ID snapshot_d_ = GUID_NULL;
};

TEST_F(ProviderSequenceTest, BehaviourSeesEveryStepInSequenceOrder) {
  VSS_ID set = Prepare();
  Commit(set);
  Finish(set);
  EXPECT_EQ(
      behaviour_.StepNames(),
      (std::vector<std::string>{
          "BeginPrepareSnapshot", "BeginPrepareSnapshot", "EndPrepareSnapshots",
          "PreCommitSnapshots", "CommitSnapshots", "PostCommitSnapshots",
          "PreFinalCommitSnapshots", "PostFinalCommitSnapshots"}));
  const StepCall& first = behaviour_.calls[0];
  EXPECT_TRUE(IsEqualGUID(first.set_id, set));
  EXPECT_TRUE(IsEqualGUID(first.snapshot_id, snapshot_c_));
  ASSERT_NE(first.volume, nullptr);
  EXPECT_EQ(first.volume->display_name, L"C:\\");
  EXPECT_EQ(behaviour_.calls[1].volume->display_name, L"D:\\");
  EXPECT_EQ(behaviour_.calls[2].volume, nullptr);
}

TEST_F(ProviderSequenceTest, CommitCreatesOneShadowCopyPerVolume) {
  VSS_ID set = Prepare();
  EXPECT_EQ(provider_.LiveSnapshotCount(), 0u);
  Commit(set);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
  EXPECT_EQ(StateOf(snapshot_c_), VSS_SS_COMMITTED);
  EXPECT_EQ(provider_.FindSnapshot(snapshot_c_)->snapshots_count, 2);
  EXPECT_EQ(provider_.FindSnapshot(snapshot_d_)->volume_display_name, L"D:\\");
}

TEST_F(ProviderSequenceTest, LaterStepsMoveTheShadowCopiesToCreated) {
  VSS_ID set = Prepare();
  Commit(set);
  ASSERT_EQ(provider_.PostCommitSnapshots(set, 2).hr, S_OK);
  EXPECT_EQ(StateOf(snapshot_d_), VSS_SS_POSTCOMMITTED);
  ASSERT_EQ(provider_.PreFinalCommitSnapshots(set).hr, S_OK);
  EXPECT_EQ(StateOf(snapshot_d_), VSS_SS_PREFINALCOMMITTED);
  ASSERT_EQ(provider_.PostFinalCommitSnapshots(set).hr, S_OK);
  EXPECT_EQ(StateOf(snapshot_c_), VSS_SS_CREATED);
  EXPECT_EQ(StateOf(snapshot_d_), VSS_SS_CREATED);
}

TEST_F(ProviderSequenceTest, DeviceNumbersCountFromOneAndAreNeverReused) {
  VSS_ID first = Prepare();
  Commit(first);
  Finish(first);
  EXPECT_EQ(provider_.FindSnapshot(snapshot_c_)->device_object,
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
  EXPECT_EQ(provider_.FindSnapshot(snapshot_d_)->device_object,
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2");
  VSS_ID aborted = Prepare();
  Commit(aborted);  // Uses 3 and 4.
  provider_.AbortSnapshots(aborted);
  LONG deleted = 0;
  VSS_ID nondeleted;
  ASSERT_EQ(provider_.DeleteSnapshots(first, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                                      &deleted, &nondeleted),
            S_OK);
  VSS_ID third = Prepare();
  Commit(third);
  EXPECT_EQ(provider_.FindSnapshot(snapshot_c_)->device_object,
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy5");
  EXPECT_EQ(provider_.FindSnapshot(snapshot_d_)->device_object,
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy6");
}

TEST_F(ProviderSequenceTest, StepsOutOfOrderAreBadStateAndSkipTheBehaviour) {
  VSS_ID set = NewId();
  EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr, VSS_E_BAD_STATE);
  set = Prepare();
  size_t calls = behaviour_.calls.size();
  EXPECT_EQ(provider_.CommitSnapshots(set, 7, sim::TimePoint{}).hr,
            VSS_E_BAD_STATE);
  EXPECT_EQ(provider_.PostFinalCommitSnapshots(set).hr, VSS_E_BAD_STATE);
  EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr, VSS_E_BAD_STATE);
  EXPECT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"C:\\", 0).hr,
            VSS_E_BAD_STATE);
  EXPECT_EQ(provider_.PreCommitSnapshots(NewId()).hr, VSS_E_BAD_STATE);
  EXPECT_EQ(behaviour_.calls.size(), calls);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 0u);
}

TEST_F(ProviderSequenceTest, BeginPrepareRefusesVolumesTheProviderCannotTake) {
  VSS_ID set = NewId();
  EXPECT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"Q:\\", 0).hr,
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), nullptr, 0).hr,
            E_INVALIDARG);
  EXPECT_EQ(
      provider_.BeginPrepareSnapshot(set, NewId(), L"C:\\", VSS_CTX_ALL).hr,
      E_INVALIDARG);
  EXPECT_EQ(provider_
                .BeginPrepareSnapshot(set, NewId(), L"C:\\",
                                      VSS_VOLSNAP_ATTR_TRANSPORTABLE)
                .hr,
            VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  ASSERT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"C:\\", 0).hr, S_OK);
  EXPECT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"c:", 0).hr,
            E_INVALIDARG);
  EXPECT_EQ(behaviour_.calls.size(), 1u);
}

TEST_F(ProviderSequenceTest, PostCommitNeedsTheNumberOfPreparedVolumes) {
  VSS_ID set = Prepare();
  Commit(set);
  EXPECT_EQ(provider_.PostCommitSnapshots(set, 1).hr, E_INVALIDARG);
  EXPECT_EQ(provider_.PostCommitSnapshots(set, 2).hr, S_OK);
}

TEST_F(ProviderSequenceTest, FailedCommitIsReportedAndCreatesNothing) {
  behaviour_.answers[ProviderStep::kCommitSnapshots] = {
      VSS_E_INSUFFICIENT_STORAGE, sim::Duration{0}};
  VSS_ID set = Prepare();
  ASSERT_EQ(provider_.PreCommitSnapshots(set).hr, S_OK);
  StepOutcome outcome = provider_.CommitSnapshots(set, 7, sim::TimePoint{});
  EXPECT_EQ(outcome.hr, VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(outcome.provider_hr, VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 0u);
  EXPECT_EQ(provider_.PostCommitSnapshots(set, 2).hr, VSS_E_BAD_STATE);
  EXPECT_EQ(provider_.AbortSnapshots(set).hr, S_OK);
  EXPECT_EQ(behaviour_.StepNames().back(), "AbortSnapshots");
}

TEST_F(ProviderSequenceTest, UndocumentedStepResultIsUnexpectedProviderError) {
  behaviour_.answers[ProviderStep::kPreCommitSnapshots] = {E_FAIL,
                                                           sim::Duration{0}};
  VSS_ID set = Prepare();
  StepOutcome outcome = provider_.PreCommitSnapshots(set);
  EXPECT_EQ(outcome.hr, VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(outcome.provider_hr, E_FAIL);
}

TEST_F(ProviderSequenceTest, SFalseFromAStepIsAFailureToo) {
  behaviour_.answers[ProviderStep::kEndPrepareSnapshots] = {S_FALSE,
                                                            sim::Duration{0}};
  VSS_ID set = NewId();
  ASSERT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"C:\\", 0).hr, S_OK);
  EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr,
            VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(provider_.PreCommitSnapshots(set).hr, VSS_E_BAD_STATE);
}

TEST_F(ProviderSequenceTest, StepDurationsComeFromTheBehaviour) {
  behaviour_.answers[ProviderStep::kEndPrepareSnapshots] = {
      S_OK, sim::Milliseconds(2500)};
  behaviour_.answers[ProviderStep::kPreCommitSnapshots] = {S_OK,
                                                           sim::Duration{-5}};
  VSS_ID set = NewId();
  ASSERT_EQ(provider_.BeginPrepareSnapshot(set, NewId(), L"C:\\", 0).took,
            sim::Duration::zero());
  EXPECT_EQ(provider_.EndPrepareSnapshots(set).took, sim::Milliseconds(2500));
  EXPECT_EQ(provider_.PreCommitSnapshots(set).took, sim::Duration::zero());
}

TEST_F(ProviderSequenceTest, AbortAfterCommitDeletesTheSetsShadowCopiesOnly) {
  VSS_ID done = Prepare();
  Commit(done);
  Finish(done);
  VSS_ID kept = snapshot_c_;
  VSS_ID failing = Prepare();
  Commit(failing);
  ASSERT_EQ(provider_.LiveSnapshotCount(), 4u);
  EXPECT_EQ(provider_.AbortSnapshots(failing).hr, S_OK);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
  EXPECT_NE(provider_.FindSnapshot(kept), nullptr);
  EXPECT_EQ(provider_.FindSnapshot(snapshot_c_), nullptr);
  EXPECT_EQ(provider_.PostCommitSnapshots(failing, 2).hr, VSS_E_BAD_STATE);
}

TEST_F(ProviderSequenceTest, AbortResultIsPassedOnUnmappedAndStillAborts) {
  behaviour_.answers[ProviderStep::kAbortSnapshots] = {E_FAIL,
                                                       sim::Duration{0}};
  VSS_ID set = Prepare();
  Commit(set);
  StepOutcome outcome = provider_.AbortSnapshots(set);
  EXPECT_EQ(outcome.hr, E_FAIL);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 0u);
}

TEST_F(ProviderSequenceTest, AbortOfASetNotInProgressChangesNothing) {
  VSS_ID set = Prepare();
  Commit(set);
  Finish(set);
  size_t calls = behaviour_.calls.size();
  EXPECT_EQ(provider_.AbortSnapshots(set).hr, S_OK);
  EXPECT_EQ(provider_.AbortSnapshots(NewId()).hr, S_OK);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
  EXPECT_EQ(behaviour_.calls.size(), calls);
}

TEST_F(ProviderSequenceTest, ANewSetIdStartsOverAfterAnAttemptThatDied) {
  VSS_ID dead = Prepare();
  Commit(dead);
  VSS_ID fresh = NewId();
  ASSERT_EQ(provider_.BeginPrepareSnapshot(fresh, NewId(), L"C:\\", 0).hr,
            S_OK);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 0u);
  EXPECT_EQ(provider_.PostCommitSnapshots(dead, 2).hr, VSS_E_BAD_STATE);
  ASSERT_EQ(provider_.EndPrepareSnapshots(fresh).hr, S_OK);
}

TEST_F(ProviderSequenceTest, RestoringTheDefaultBehaviourStopsTheHook) {
  provider_.set_behaviour(nullptr);
  behaviour_.answers[ProviderStep::kEndPrepareSnapshots] = {E_FAIL,
                                                            sim::Duration{0}};
  VSS_ID set = Prepare();
  EXPECT_TRUE(behaviour_.calls.empty());
  EXPECT_EQ(provider_.PreCommitSnapshots(set).hr, S_OK);
}

}  // namespace
}  // namespace vssemu::coordinator
