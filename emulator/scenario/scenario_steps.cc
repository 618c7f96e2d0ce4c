#include "scenario/scenario_steps.h"

#include <filesystem>
#include <system_error>

#include <vssemu/host_paths.h>

#include "com/guid_format.h"
#include "metadata/xml_util.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// Appends the GUIDs (class or instance, from the trace) of the writers ids.
void ResolveWriters(const std::vector<std::string>& ids,
                    const std::map<std::string, std::string>& guids,
                    std::vector<VSS_ID>* out) {
  for (const std::string& id : ids) {
    auto it = guids.find(id);
    if (it == guids.end()) continue;  // It never initialized.
    if (std::optional<GUID> g = com::ParseGuid(std::string_view(it->second))) {
      out->push_back(*g);
    }
  }
}

// Returns the saved document an incremental or differential backup hands
// the stamps of back (spec 12.1: incremental since the last full or
// incremental backup, differential since the last full one); "" if none.
std::wstring PreviousDocument(VSS_BACKUP_TYPE type,
                              const std::vector<BackupStep>& plans,
                              const std::vector<BackupResult>& done) {
  if (type != VSS_BT_INCREMENTAL && type != VSS_BT_DIFFERENTIAL) return L"";
  for (size_t i = done.size(); i-- > 0;) {
    const VSS_BACKUP_TYPE earlier = plans[i].plan.type;
    const bool base = earlier == VSS_BT_FULL || (type == VSS_BT_INCREMENTAL &&
                                                 earlier == VSS_BT_INCREMENTAL);
    if (base && !done[i].bcd_xml.empty()) return done[i].bcd_xml;
  }
  return L"";
}

class StepsRun {
 public:
  StepsRun(const StepContext& context, RunResult* result)
      : c_(context), result_(result) {}

  void Run() {
    Backup(c_.scenario.requester, c_.first_backup_after_step);
    for (const RequesterStep& step : c_.scenario.requester.steps) {
      if (step.kind == RequesterStep::Kind::kBackup) {
        Backup(step.backup, {});
      } else {
        Restore(step.restore);
      }
    }
    if (!result_->backups.empty()) result_->backup = result_->backups.back();
  }

 private:
  void Backup(const BackupStep& step,
              std::function<void(const std::string&)> after_step);
  void Restore(const RestoreStep& step);
  // Removes the live path before a restore; "" or why it could not.
  std::string Delete(const std::wstring& path) const;

  const StepContext& c_;
  RunResult* result_;
  std::vector<BackupStep> plans_;  // Of the backups run so far.
};

void StepsRun::Backup(const BackupStep& step,
                      std::function<void(const std::string&)> after_step) {
  BackupPlan plan = step.plan;
  const WriterNames& names = c_.names;
  ResolveWriters(step.disable_writers, names.class_id, &plan.disabled_classes);
  ResolveWriters(step.enable_writers, names.class_id, &plan.enabled_classes);
  ResolveWriters(step.disable_instances, names.instance_id,
                 &plan.disabled_instances);
  const int number = static_cast<int>(result_->backups.size()) + 1;
  if (c_.scratch != nullptr) plan.media = c_.scratch->Media(number);
  plan.previous_bcd_xml = PreviousDocument(plan.type, plans_, result_->backups);
  plan.after_step = std::move(after_step);
  result_->backups.push_back(RunBackup(plan));
  plans_.push_back(step);
  const std::vector<WriterStatusRow>& status =
      result_->backups.back().last_status();
  if (!status.empty()) result_->last_status = status;
}

std::string StepsRun::Delete(const std::wstring& path) const {
  const fs::path host = HostPath(c_.emulator, path);
  if (host.empty()) {
    return metadata::ToUtf8(path) + " is on a volume without files";
  }
  std::error_code ec;
  fs::remove_all(host, ec);
  return ec ? "cannot delete " + metadata::ToUtf8(path) + ": " + ec.message()
            : "";
}

void StepsRun::Restore(const RestoreStep& step) {
  RestoreRecord record;
  record.backup = step.backup != 0 ? step.backup
                                   : static_cast<int>(result_->backups.size());
  for (const std::wstring& path : step.delete_before) {
    std::string why = Delete(path);
    if (!why.empty()) {
      result_->failures.push_back(step.where.ToString() + ": delete-before " +
                                  why);
    }
  }
  for (const std::string& id : step.stopped_writers) {
    auto it = c_.names.object.find(id);
    if (it != c_.names.object.end()) it->second->Unsubscribe();
  }
  RestorePlan plan = step.plan;
  if (c_.scratch != nullptr) plan.media = c_.scratch->Media(record.backup);
  record.result = RunRestore(plan);
  record.differences = VerifyRestoredFiles(plan, record.result);
  if (!record.result.status_after_post_restore.empty()) {
    result_->last_status = record.result.status_after_post_restore;
  } else if (!record.result.status_after_pre_restore.empty()) {
    result_->last_status = record.result.status_after_pre_restore;
  }
  result_->restores.push_back(std::move(record));
}

}  // namespace

void RunRequesterSteps(const StepContext& context, RunResult* result) {
  StepsRun(context, result).Run();
}

}  // namespace vssemu::scenario
