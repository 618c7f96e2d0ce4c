// Provider steps: their trace names, the default behaviour, and the rule
// that turns an undocumented provider HRESULT into
// VSS_E_UNEXPECTED_PROVIDER_ERROR (spec 1.10, 14.4).
#include "coordinator/provider_steps.h"

#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

namespace vssemu::coordinator {
namespace {

constexpr ProviderStep kAllSteps[] = {
    ProviderStep::kBeginPrepareSnapshot,
    ProviderStep::kEndPrepareSnapshots,
    ProviderStep::kPreCommitSnapshots,
    ProviderStep::kCommitSnapshots,
    ProviderStep::kPostCommitSnapshots,
    ProviderStep::kPreFinalCommitSnapshots,
    ProviderStep::kPostFinalCommitSnapshots,
    ProviderStep::kAbortSnapshots,
    ProviderStep::kDeleteSnapshot,
};

constexpr HRESULT kValidProviderResults[] = {
    S_OK,
    E_OUTOFMEMORY,
    E_INVALIDARG,
    E_ACCESSDENIED,
    VSS_E_BAD_STATE,
    VSS_E_OBJECT_NOT_FOUND,
    VSS_E_INSUFFICIENT_STORAGE,
    VSS_E_VOLUME_NOT_SUPPORTED,
    VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER,
    VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED,
    VSS_E_PROVIDER_VETO,
    VSS_E_CANNOT_REVERT_DISKID,
};

constexpr HRESULT kUndocumentedResults[] = {
    S_FALSE,
    E_FAIL,
    E_UNEXPECTED,
    E_ABORT,
    E_NOTIMPL,
    VSS_E_UNEXPECTED,
    VSS_E_WRITERERROR_TIMEOUT,
    static_cast<HRESULT>(0x80001234),
};

TEST(ProviderSteps, StepNamesAreTheProviderMethodNames) {
  EXPECT_STREQ(ProviderStepName(ProviderStep::kBeginPrepareSnapshot),
               "BeginPrepareSnapshot");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kEndPrepareSnapshots),
               "EndPrepareSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kPreCommitSnapshots),
               "PreCommitSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kCommitSnapshots),
               "CommitSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kPostCommitSnapshots),
               "PostCommitSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kPreFinalCommitSnapshots),
               "PreFinalCommitSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kPostFinalCommitSnapshots),
               "PostFinalCommitSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kAbortSnapshots),
               "AbortSnapshots");
  EXPECT_STREQ(ProviderStepName(ProviderStep::kDeleteSnapshot),
               "DeleteSnapshots");
}

TEST(ProviderSteps, DefaultBehaviourSucceedsInZeroTimeForEveryStep) {
  ProviderBehaviour behaviour;
  for (ProviderStep step : kAllSteps) {
    StepResult result = behaviour.OnStep(StepCall{.step = step});
    EXPECT_EQ(result.hr, S_OK) << ProviderStepName(step);
    EXPECT_EQ(result.took, sim::Duration::zero()) << ProviderStepName(step);
  }
}

TEST(ProviderSteps, DocumentedProviderResultsPassThroughUnchanged) {
  for (HRESULT hr : kValidProviderResults) {
    EXPECT_TRUE(IsValidProviderResult(hr)) << std::hex << hr;
    for (ProviderStep step : kAllSteps) {
      EXPECT_EQ(MapProviderResult(step, hr), hr)
          << ProviderStepName(step) << " " << std::hex << hr;
    }
  }
}

TEST(ProviderSteps, UndocumentedResultsBecomeUnexpectedProviderError) {
  for (HRESULT hr : kUndocumentedResults) {
    EXPECT_FALSE(IsValidProviderResult(hr)) << std::hex << hr;
    for (ProviderStep step : kAllSteps) {
      if (step == ProviderStep::kAbortSnapshots) continue;
      EXPECT_EQ(MapProviderResult(step, hr), VSS_E_UNEXPECTED_PROVIDER_ERROR)
          << ProviderStepName(step) << " " << std::hex << hr;
    }
  }
}

TEST(ProviderSteps, AbortSnapshotsResultIsNeverMapped) {
  for (HRESULT hr : kUndocumentedResults) {
    EXPECT_EQ(MapProviderResult(ProviderStep::kAbortSnapshots, hr), hr)
        << std::hex << hr;
  }
}

}  // namespace
}  // namespace vssemu::coordinator
