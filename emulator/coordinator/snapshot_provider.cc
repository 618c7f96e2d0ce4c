#include "coordinator/snapshot_provider.h"

#include <vsserror.h>

#include <vector>

#include "com/guid_format.h"
#include "coordinator/backup_session.h"
#include "coordinator/service.h"
#include "metadata/xml_util.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

void TraceStep(Service& service, const BackupSession& session,
               ProviderStep step, const StepOutcome& outcome,
               const std::wstring* volume) {
  if (!service.tracing()) return;
  const com::GuidText set(session.snapshot_set_id);
  const std::string volume_text =
      volume != nullptr ? metadata::ToUtf8(*volume) : std::string();
  const com::HresultText result(outcome.hr), provider_result(outcome.provider_hr);
  const std::string took =
      outcome.took.count() != 0 ? std::to_string(outcome.took.count()) : std::string();
  TraceField fields[6] = {{"step", ProviderStepName(step)}, {"set", set}};
  size_t n = 2;
  if (volume != nullptr) fields[n++] = {"volume", volume_text};
  fields[n++] = {"result", result};
  if (outcome.provider_hr != outcome.hr) fields[n++] = {"provider_result", provider_result};
  if (!took.empty()) fields[n++] = {"took_us", took};
  service.Record("provider", std::span<const TraceField>(fields, n));
}

// Records the copies CommitSnapshots took of backed volumes. Counts and
// volume names only: host paths differ between machines and would break
// the byte-for-byte trace.
void TraceCopies(Service& service, const std::vector<VolumeCopy>& copies) {
  for (const VolumeCopy& c : copies) {
    const std::string volume = metadata::ToUtf8(c.volume->display_name);
    TraceFields fields = {{"volume", volume}};
    if (c.copy.ok()) {
      fields.push_back({"device", metadata::ToUtf8(paths::DeviceObjectName(
                                      c.device_object))});
      fields.push_back({"files", std::to_string(c.copy.files)});
      fields.push_back({"bytes", std::to_string(c.copy.bytes)});
      if (c.copy.links != 0) {
        fields.push_back({"links", std::to_string(c.copy.links)});
      }
    } else {
      fields.push_back({"result", TraceHr(VSS_E_UNEXPECTED_PROVIDER_ERROR).str()});
      fields.push_back({"reason", DescribeCopyFailure(c.copy, volume)});
    }
    service.Record("copy", fields);
  }
}

}  // namespace

ProviderStepResult RunProviderStep(Service& service, BackupSession& session,
                                   ProviderStep step) {
  SystemProvider& provider = service.provider();
  const VSS_ID& set = session.snapshot_set_id;
  ProviderStepResult result;
  auto take = [&](const StepOutcome& outcome, const std::wstring* volume) {
    TraceStep(service, session, step, outcome, volume);
    result.took += outcome.took;
    if (SUCCEEDED(result.hr)) result.hr = outcome.hr;
  };
  switch (step) {
    case ProviderStep::kBeginPrepareSnapshot:
      for (const PlannedSnapshot& s : session.plan.snapshots) {
        take(provider.BeginPrepareSnapshot(set, s.snapshot_id,
                                           s.volume->display_name.c_str(),
                                           session.context),
             &s.volume->display_name);
        if (FAILED(result.hr)) break;
      }
      break;
    case ProviderStep::kEndPrepareSnapshots:
      take(provider.EndPrepareSnapshots(set), nullptr);
      break;
    case ProviderStep::kPreCommitSnapshots:
      take(provider.PreCommitSnapshots(set), nullptr);
      break;
    case ProviderStep::kCommitSnapshots: {
      std::vector<VolumeCopy> copies;
      StepOutcome outcome =
          provider.CommitSnapshots(set, session.id, service.now(), &copies);
      TraceCopies(service, copies);
      take(outcome, nullptr);
      for (SetVolume& v : session.volumes) {
        if (const SnapshotRecord* r = provider.FindSnapshot(v.snapshot_id)) {
          v.device_name = r->device_object;
        }
      }
      break;
    }
    case ProviderStep::kPostCommitSnapshots:
      take(provider.PostCommitSnapshots(
               set, static_cast<LONG>(session.plan.snapshots.size())),
           nullptr);
      break;
    case ProviderStep::kPreFinalCommitSnapshots:
      take(provider.PreFinalCommitSnapshots(set), nullptr);
      break;
    case ProviderStep::kPostFinalCommitSnapshots:
      take(provider.PostFinalCommitSnapshots(set), nullptr);
      break;
    case ProviderStep::kAbortSnapshots:
      take(provider.AbortSnapshots(set), nullptr);
      break;
    default:
      break;
  }
  return result;
}

}  // namespace vssemu::coordinator
