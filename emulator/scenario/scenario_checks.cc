#include "scenario/scenario_checks.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>

#include <vssemu/host_paths.h>

#include "com/bstr.h"
#include "com/hresult_table.h"
#include "coordinator/service.h"
#include "metadata/bcd_xml.h"
#include "metadata/wmd_model.h"
#include "metadata/xml_util.h"
#include "scenario/scenario_names.h"

namespace vssemu::scenario {
namespace {

using Kind = Expectation::Kind;

std::string Hr(HRESULT hr) { return com::HresultToString(hr); }

std::string List(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items)
    text += (text.empty() ? "" : " ") + item;
  return text.empty() ? "(none)" : text;
}

// Returns text in double quotes. (Appending, rather than "\"" + text, keeps
// GCC 12's -Wrestrict false positive on operator+ away at -O3.)
std::string InQuotes(std::string_view text) {
  std::string quoted = "\"";
  quoted += text;
  quoted += '"';
  return quoted;
}

std::string Quoted(const std::optional<std::wstring>& text) {
  return text ? InQuotes(metadata::ToUtf8(*text)) : "none";
}

// Quotes bytes for a message, cut short when long.
std::string Excerpt(const std::string& bytes) {
  constexpr size_t kMost = 120;
  if (bytes.size() <= kMost) return InQuotes(bytes);
  return InQuotes(std::string_view(bytes).substr(0, kMost)) + "... (" +
         std::to_string(bytes.size()) + " bytes)";
}

// Returns the backup an expectation reads (backup=K, else the last), or
// NULL when it did not run.
const BackupResult* SelectedBackup(const Expectation& x, const RunResult& run) {
  const size_t count = run.backups.size();
  const size_t index =
      x.backup_index > 0 ? static_cast<size_t>(x.backup_index - 1) : count - 1;
  return count == 0 || index >= count ? nullptr : &run.backups[index];
}

std::string NotRun(const Expectation& x) {
  return x.backup_index > 0
             ? "backup " + std::to_string(x.backup_index) + " did not run"
             : "the reference requester ran no backup";
}

// Returns the component "path\\name" of writer class_id in the saved BCD, or
// NULL.
std::shared_ptr<metadata::BcdComponent> FindInBcd(
    const metadata::BackupComponentsDocument& bcd, const std::string& class_id,
    const std::wstring& component) {
  for (const auto& w : bcd.writers) {
    if (coordinator::TraceGuid(w->writer_id) != class_id) continue;
    for (const auto& c : w->components) {
      if (metadata::FullComponentPath(c->logical_path, c->name) == component) return c;
    }
  }
  return nullptr;
}

std::string CheckBcdComponent(const Expectation& x, const BackupResult& backup,
                              const WriterNames& names) {
  if (backup.bcd_xml.empty()) return "the requester saved no BCD";
  metadata::BackupComponentsDocument bcd;
  std::string error;
  com::Bstr xml(backup.bcd_xml);
  if (metadata::LoadBcd(xml.get(), &bcd, &error) != S_OK) {
    return "the saved BCD does not load: " + error;
  }
  auto it = names.class_id.find(x.writer);
  auto c = it == names.class_id.end() ? nullptr
                                      : FindInBcd(bcd, it->second, x.component);
  std::string what = "BCD component " + metadata::ToUtf8(x.component) +
                     " of writer " + x.writer;
  if (c == nullptr) return what + " is not in the saved BCD";
  if (x.backup_succeeded && c->backup_succeeded != *x.backup_succeeded) {
    return what + ": expected backupSucceeded " +
           (*x.backup_succeeded ? "true" : "false") + ", found " +
           (c->backup_succeeded ? "true" : "false");
  }
  auto same = [](const std::optional<std::wstring>& want,
                 const std::optional<std::wstring>& got) {
    return want->empty() ? !got || got->empty() : got == want;
  };
  if (x.stamp && !same(x.stamp, c->backup_stamp)) {
    return what + ": expected backup stamp " + Quoted(x.stamp) + ", found " +
           Quoted(c->backup_stamp);
  }
  if (x.metadata && !same(x.metadata, c->backup_metadata)) {
    return what + ": expected backup metadata " + Quoted(x.metadata) +
           ", found " + Quoted(c->backup_metadata);
  }
  if (x.previous_stamp && !same(x.previous_stamp, c->previous_backup_stamp)) {
    return what + ": expected previous backup stamp " +
           Quoted(x.previous_stamp) + ", found " +
           Quoted(c->previous_backup_stamp);
  }
  return "";
}

// The state of writer as the trace last shows it before its BackupShutdown:
// what a status gathered after the backup would say (for an external
// requester, whose status calls the runner cannot see). NULL if none.
std::optional<WriterStatusRow> TracedStatus(const Trace& trace,
                                            const std::string& writer) {
  std::optional<WriterStatusRow> row;
  for (const TraceEvent& e : trace.events()) {
    if (e.Get("writer") != writer) continue;
    if (e.kind == "event" && e.Get("name") == "BackupShutdown") break;
    if (e.kind != "state") continue;
    row.emplace();
    row->state = WriterStateNames()
                     .Find(std::string(e.Get("state")))
                     .value_or(VSS_WS_UNKNOWN);
    std::string failure(e.Get("failure"));
    row->failure =
        failure.empty() ? S_OK : ParseHresult(failure).value_or(E_FAIL);
  }
  return row;
}

const WriterStatusRow* FindRow(const std::vector<WriterStatusRow>& rows,
                               const std::string& writer) {
  const std::wstring name = metadata::FromUtf8(writer);
  for (const WriterStatusRow& row : rows) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

std::string CheckState(const Expectation& x, const CheckContext& c,
                       const std::string& writer) {
  std::optional<WriterStatusRow> traced;
  if (c.external) traced = TracedStatus(c.emulator.trace(), writer);
  const WriterStatusRow* row = c.external ? (traced ? &*traced : nullptr)
                                          : FindRow(c.run.last_status, writer);
  const std::string who = "writer " + x.writer;
  if (row == nullptr) return who + " is not in the last writer status";
  if (row->state != x.state) {
    return who + ": expected state " + WriterStateNames().Name(x.state) +
           ", found " + WriterStateNames().Name(row->state);
  }
  if (x.failure && row->failure != *x.failure) {
    return who + ": expected failure " + Hr(*x.failure) + ", found " +
           Hr(row->failure);
  }
  if (x.application_hr && row->application_hr != *x.application_hr) {
    return who + ": expected application HRESULT " + Hr(*x.application_hr) +
           ", found " + Hr(row->application_hr);
  }
  if (x.application_message &&
      row->application_message != *x.application_message) {
    return who + ": expected application message \"" +
           metadata::ToUtf8(*x.application_message) + "\", found \"" +
           metadata::ToUtf8(row->application_message) + "\"";
  }
  return "";
}

std::string CheckEvents(const Expectation& x, const Trace& trace,
                        const std::string& writer) {
  std::vector<std::string> got;
  for (const TraceEvent& e : trace.events()) {
    if (e.kind == "event" && e.Get("writer") == writer) {
      got.emplace_back(e.Get("name"));
    }
  }
  bool ok = false;
  if (x.order == Expectation::Order::kExact) {
    ok = got == x.events;
  } else if (x.order == Expectation::Order::kSet) {
    ok = std::set<std::string>(got.begin(), got.end()) ==
         std::set<std::string>(x.events.begin(), x.events.end());
  } else {
    size_t next = 0;
    for (const std::string& e : got) {
      if (next < x.events.size() && e == x.events[next]) ++next;
    }
    ok = next == x.events.size();
  }
  if (ok) return "";
  return "writer " + x.writer + ": expected events " + List(x.events) +
         ", received " + List(got);
}

std::string CheckCall(const Expectation& x, const Trace& trace) {
  // An asynchronous call that failed reports its operation's status;
  // otherwise the call's own result counts.
  std::optional<std::string> result, status;
  for (const TraceEvent& e : trace.events()) {
    if (e.Get("name") != x.call) continue;
    if (e.kind == "call") result = std::string(e.Get("result"));
    if (e.kind == "async") status = std::string(e.Get("status"));
  }
  if (!result) return "the requester never called " + x.call;
  std::string found = *result;
  if (status && *status != "VSS_S_ASYNC_FINISHED") found = *status;
  std::vector<std::string> wanted;
  for (HRESULT hr : x.results) {
    if (Hr(hr) == found) return "";
    wanted.push_back(Hr(hr));
  }
  return x.call + ": expected " + List(wanted) + ", found " + found;
}

std::string CheckBackup(const Expectation& x, const RunResult& run) {
  const BackupResult* backup = SelectedBackup(x, run);
  if (backup == nullptr) return NotRun(x);
  // A planned AbortBackup (abort-after-prepare, backup-complete="false")
  // ends without a failure but is no successful backup.
  const std::string outcome = !backup->ok()     ? "failed"
                              : backup->aborted ? "aborted"
                                                : "succeeded";
  if (outcome != x.backup_outcome) {
    return "expected the backup to be " + x.backup_outcome + ", it " +
           (backup->ok() ? "was " + outcome
                         : "failed at " + backup->failed_step + " with " +
                               Hr(backup->hr));
  }
  if (!x.results.empty() && backup->hr != x.results[0]) {
    return "expected the backup to end with " + Hr(x.results[0]) +
           ", it ended with " + Hr(backup->hr);
  }
  return "";
}

std::string CheckRestore(const Expectation& x, const RunResult& run) {
  if (run.restores.empty()) return "the reference requester ran no restore";
  const RestoreResult& r = run.restores.back().result;
  if (r.ok() != x.restore_succeeded) {
    return std::string("expected the restore to ") +
           (x.restore_succeeded ? "succeed" : "fail") + ", it " +
           (r.ok() ? "succeeded"
                   : "failed at " + r.failed_step + " with " + Hr(r.hr) +
                         (r.message.empty() ? "" : " (" + r.message + ")"));
  }
  if (!x.results.empty() && r.hr != x.results[0]) {
    return "expected the restore to end with " + Hr(x.results[0]) +
           ", it ended with " + Hr(r.hr);
  }
  return "";
}

std::string CheckVerified(const RunResult& run) {
  std::vector<std::string> found;
  for (size_t i = 0; i < run.restores.size(); ++i) {
    for (const std::string& d : run.restores[i].differences) {
      found.push_back("restore " + std::to_string(i + 1) + ": " + d);
    }
  }
  if (found.empty()) return "";
  std::string text = "the restored files differ from the media:";
  for (const std::string& f : found) text += " " + f + ";";
  return text;
}

std::string CheckCount(const Expectation& x, const RunResult& run) {
  int64_t found = 0;
  std::string what;
  if (x.kind == Kind::kCopiedFiles) {
    const BackupResult* backup = SelectedBackup(x, run);
    if (backup == nullptr) return NotRun(x);
    found = static_cast<int64_t>(backup->files.size());
    what = "copied file(s) in backup " +
           std::to_string(x.backup_index > 0
                              ? x.backup_index
                              : static_cast<int>(run.backups.size()));
  } else {
    if (run.restores.empty()) return "the reference requester ran no restore";
    for (const RestoredFile& f : run.restores.back().result.files) {
      found += f.destination.empty() ? 0 : 1;
    }
    what = "restored file(s) in the last restore";
  }
  if (found == x.count) return "";
  return "expected " + std::to_string(x.count) + " " + what + ", found " +
         std::to_string(found);
}

std::string CheckFile(const Expectation& x, const Emulator& emulator) {
  const std::string name = metadata::ToUtf8(x.file);
  const std::filesystem::path host = HostPath(emulator, x.file);
  std::error_code ec;
  const bool exists =
      !host.empty() && std::filesystem::is_regular_file(host, ec);
  if (x.exists) {
    if (exists == *x.exists) return "";
    return name + (exists ? " exists" : " does not exist") + "; expected " +
           (*x.exists ? "it to exist" : "it not to");
  }
  if (!exists) return name + " does not exist; expected " + Excerpt(*x.content);
  std::ifstream in(host, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  if (bytes == *x.content) return "";
  return name + ": expected " + Excerpt(*x.content) + ", found " +
         Excerpt(bytes);
}

std::string CheckReports(const Expectation& x, const CheckContext& c) {
  const std::vector<Violation>& violations = c.emulator.violations();
  switch (x.kind) {
    case Kind::kViolation:
      for (const Violation& v : violations) {
        if (v.rule == x.violation) return "";
      }
      return "expected the violation " + x.violation + ", none was reported";
    case Kind::kNoViolation:
      if (violations.empty()) return "";
      return "expected no violation, found " + violations.front().rule + " (" +
             violations.front().message + ")";
    case Kind::kWriterStart: {
      HRESULT got = c.names.start.at(x.writer);
      if (got == x.results[0]) return "";
      return "writer " + x.writer + ": expected its start to return " +
             Hr(x.results[0]) + ", it returned " + Hr(got);
    }
    default: {  // kProviderCalls.
      int64_t calls = 0;
      for (const TraceEvent& e : c.emulator.trace().events()) {
        if (e.kind == "provider" && e.Get("step") == x.provider_step) ++calls;
      }
      if (calls == x.calls) return "";
      return "expected " + std::to_string(x.calls) + " provider " +
             x.provider_step + " call(s), found " + std::to_string(calls);
    }
  }
}

}  // namespace

std::string CheckExpectation(const Expectation& x, const CheckContext& c) {
  const std::string writer =
      x.writer.empty() ? "" : c.names.trace_name.at(x.writer);
  switch (x.kind) {
    case Kind::kWriterState:
      return CheckState(x, c, writer);
    case Kind::kWriterEvents:
      return CheckEvents(x, c.emulator.trace(), writer);
    case Kind::kCallResult:
      return CheckCall(x, c.emulator.trace());
    case Kind::kBackup:
      return CheckBackup(x, c.run);
    case Kind::kBcdSaved: {
      const BackupResult* backup = SelectedBackup(x, c.run);
      if (backup == nullptr) return x.bcd_saved ? NotRun(x) : "";
      if (backup->bcd_xml.empty() != x.bcd_saved) return "";
      return x.bcd_saved ? "expected a saved BCD, the requester saved none"
                         : "expected no saved BCD, the requester saved one";
    }
    case Kind::kBcdComponent: {
      const BackupResult* backup = SelectedBackup(x, c.run);
      return backup == nullptr ? NotRun(x)
                               : CheckBcdComponent(x, *backup, c.names);
    }
    case Kind::kCopiedFiles:
    case Kind::kRestoredFiles:
      return CheckCount(x, c.run);
    case Kind::kRestore:
      return CheckRestore(x, c.run);
    case Kind::kRestoreVerified:
      return CheckVerified(c.run);
    case Kind::kFile:
      return CheckFile(x, c.emulator);
    case Kind::kExitCode:
      // Only a run that started the program knows how it ended.
      return "exit-code= is judged when vssemu runs the requester program "
             "(vssemu run --exec, workload=\"exec\"); this run has no "
             "program";
    default:
      return CheckReports(x, c);
  }
}

}  // namespace vssemu::scenario
