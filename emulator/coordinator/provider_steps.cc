#include "coordinator/provider_steps.h"

#include <vsserror.h>

namespace vssemu::coordinator {

const char* ProviderStepName(ProviderStep step) {
  switch (step) {
    case ProviderStep::kBeginPrepareSnapshot:
      return "BeginPrepareSnapshot";
    case ProviderStep::kEndPrepareSnapshots:
      return "EndPrepareSnapshots";
    case ProviderStep::kPreCommitSnapshots:
      return "PreCommitSnapshots";
    case ProviderStep::kCommitSnapshots:
      return "CommitSnapshots";
    case ProviderStep::kPostCommitSnapshots:
      return "PostCommitSnapshots";
    case ProviderStep::kPreFinalCommitSnapshots:
      return "PreFinalCommitSnapshots";
    case ProviderStep::kPostFinalCommitSnapshots:
      return "PostFinalCommitSnapshots";
    case ProviderStep::kAbortSnapshots:
      return "AbortSnapshots";
    case ProviderStep::kDeleteSnapshot:
      return "DeleteSnapshots";
  }
  // A value outside the enumeration is an emulator bug; the trace still
  // gets a printable name rather than a crash.
  return "UnknownProviderStep";
}

StepResult ProviderBehaviour::OnStep(const StepCall&) { return StepResult{}; }

bool IsValidProviderResult(HRESULT hr) {
  switch (hr) {
    case S_OK:
    case E_OUTOFMEMORY:
    case E_INVALIDARG:
    case E_ACCESSDENIED:
    case VSS_E_BAD_STATE:
    case VSS_E_OBJECT_NOT_FOUND:
    case VSS_E_INSUFFICIENT_STORAGE:
    case VSS_E_VOLUME_NOT_SUPPORTED:
    case VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER:
    case VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED:
    case VSS_E_PROVIDER_VETO:
    case VSS_E_CANNOT_REVERT_DISKID:
      return true;
    default:
      // S_FALSE is deliberately absent: the spec lists it among the codes
      // the service turns into VSS_E_UNEXPECTED_PROVIDER_ERROR.
      return false;
  }
}

HRESULT MapProviderResult(ProviderStep step, HRESULT hr) {
  if (step == ProviderStep::kAbortSnapshots) return hr;
  return IsValidProviderResult(hr) ? hr : VSS_E_UNEXPECTED_PROVIDER_ERROR;
}

}  // namespace vssemu::coordinator
