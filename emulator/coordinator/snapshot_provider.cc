#include "coordinator/snapshot_provider.h"

#include "coordinator/backup_session.h"
#include "coordinator/service.h"

namespace vssemu::coordinator {
namespace {

const char* StepName(ProviderStepKind kind) {
  switch (kind) {
    case ProviderStepKind::kBeginPrepareSnapshot: return "BeginPrepareSnapshot";
    case ProviderStepKind::kEndPrepareSnapshots: return "EndPrepareSnapshots";
    case ProviderStepKind::kPreCommitSnapshots: return "PreCommitSnapshots";
    case ProviderStepKind::kCommitSnapshots: return "CommitSnapshots";
    case ProviderStepKind::kPostCommitSnapshots: return "PostCommitSnapshots";
    case ProviderStepKind::kPreFinalCommitSnapshots:
      return "PreFinalCommitSnapshots";
    case ProviderStepKind::kPostFinalCommitSnapshots:
      return "PostFinalCommitSnapshots";
    case ProviderStepKind::kAbortSnapshots: return "AbortSnapshots";
  }
  return "?";
}

}  // namespace

ProviderStepResult ProviderStep(Service& service, BackupSession& session,
                                ProviderStepKind kind) {
  ProviderStepResult result;
  service.Record("provider", {{"step", StepName(kind)},
                              {"set", TraceGuid(session.snapshot_set_id)},
                              {"result", TraceHr(result.hr)}});
  return result;
}

}  // namespace vssemu::coordinator
