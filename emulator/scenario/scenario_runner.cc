#include "scenario/scenario_runner.h"

#include <algorithm>
#include <memory>
#include <set>

#include <vssemu/emulator.h>
#include <vsserror.h>

#include "com/hresult_table.h"
#include "coordinator/service.h"
#include "com/bstr.h"
#include "com/guid_format.h"
#include "metadata/bcd_xml.h"
#include "metadata/xml_util.h"
#include "scenario/scenario_names.h"
#include "scenario/scripted_writer.h"
#include "scenario/writer_registry.h"

namespace vssemu::scenario {
namespace {

// The provider behaviour of the scenario's <provider> faults.
class FaultPlan : public coordinator::ProviderBehaviour {
 public:
  explicit FaultPlan(const std::vector<ProviderFault>& faults) : faults_(faults) {}
  coordinator::StepResult OnStep(const coordinator::StepCall& call) override {
    coordinator::StepResult result;
    for (const ProviderFault& f : faults_) {
      if (f.step != call.step) continue;
      result.hr = f.hr;
      result.took = std::chrono::milliseconds(f.take_ms);
    }
    return result;
  }

 private:
  const std::vector<ProviderFault>& faults_;
};

// What the run knows about each writer of the scenario, by id.
struct WriterNames {
  std::map<std::string, std::string> trace_name;  // writer= in the trace.
  std::map<std::string, std::string> class_id;    // class= in the trace.
  std::map<std::string, std::string> instance_id; // instance= in the trace.
  std::map<std::string, HRESULT> start;           // Initialize + Subscribe.
  std::map<std::string, CVssWriter*> object;
};

// Records the writer= and class= of the first Initialize traced at or after
// index; a writer whose Initialize failed keeps fallback as its name.
void NoteInitialize(const Trace& trace, size_t index, const std::string& id,
                    const std::string& fallback, WriterNames* names) {
  names->trace_name[id] = fallback;
  const auto& events = trace.events();
  for (size_t i = index; i < events.size(); ++i) {
    if (events[i].kind == "writer" && events[i].Get("name") == "Initialize") {
      names->trace_name[id] = std::string(events[i].Get("writer"));
      names->class_id[id] = std::string(events[i].Get("class"));
      names->instance_id[id] = std::string(events[i].Get("instance"));
      return;
    }
  }
}

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

// Whether an expectation is about writer id's start (so a failed start is
// the point of the scenario, not a broken setup).
bool StartIsExpected(const Scenario& s, const std::string& id) {
  for (const Expectation& x : s.expectations) {
    if (x.kind == Expectation::Kind::kWriterStart && x.writer == id) return true;
  }
  return false;
}

// Applies the scenario's faults that live in the run's options.
void ApplyFaults(const Scenario& s, RunOptions* options) {
  for (const Fault& f : s.faults) {
    if (f.kind == Fault::Kind::kFlushWritesFail) options->flush_writes_fail = true;
    if (f.kind != Fault::Kind::kAccessDenied) continue;
    AccessDenied& d = options->access_denied;
    std::wstring who = L"*";
    for (const ScriptedWriter& w : s.scripted_writers) {
      if (w.id == f.writer) who = w.metadata.identity.writer_name;
    }
    if (f.at == "create") d.create_backup_components = true;
    if (f.at == "initialize") d.initialize_for_backup = true;
    if (f.at == "writer-initialize") d.writer_initialize.push_back(who);
    if (f.at == "subscribe") d.subscribe.push_back(who);
  }
}

// A second requester that only gathers writer metadata: the Identify that
// arrives in the middle of someone else's backup (spec 3.2).
void GatherAsSecondRequester() {
  IVssBackupComponents* other = nullptr;
  if (FAILED(CreateVssBackupComponents(&other))) return;
  IVssAsync* async = nullptr;
  if (SUCCEEDED(other->InitializeForBackup(nullptr)) &&
      SUCCEEDED(other->GatherWriterMetadata(&async))) {
    async->Wait();
    async->Release();
  }
  other->Release();
}

// Another requester whose snapshot set is in creation for the whole run
// (spec 8.3: one set at a time).
class ForeignSnapshotSet {
 public:
  // Returns "" or why the foreign set could not be started.
  std::string Start() {
    HRESULT hr = CreateVssBackupComponents(&backup_);
    if (SUCCEEDED(hr)) hr = backup_->InitializeForBackup(nullptr);
    VSS_ID set_id = GUID_NULL;
    if (SUCCEEDED(hr)) hr = backup_->StartSnapshotSet(&set_id);
    if (FAILED(hr)) return "the foreign snapshot set did not start: " + com::HresultToString(hr);
    return "";
  }
  ~ForeignSnapshotSet() {
    if (backup_ != nullptr) backup_->Release();
  }

 private:
  IVssBackupComponents* backup_ = nullptr;
};

// Returns the component "path\\name" of writer class_id in the saved BCD, or
// NULL with why.
std::shared_ptr<metadata::BcdComponent> FindInBcd(
    const metadata::BackupComponentsDocument& bcd, const std::string& class_id,
    const std::wstring& component) {
  for (const auto& w : bcd.writers) {
    if (coordinator::TraceGuid(w->writer_id) != class_id) continue;
    for (const auto& c : w->components) {
      std::wstring full = c->logical_path.empty()
                              ? c->name
                              : c->logical_path + L"\\" + c->name;
      if (full == component) return c;
    }
  }
  return nullptr;
}

std::string Utf8(const std::optional<std::wstring>& text) {
  return text ? "\"" + metadata::ToUtf8(*text) + "\"" : "none";
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
    return what + ": expected backup stamp " + Utf8(x.stamp) + ", found " +
           Utf8(c->backup_stamp);
  }
  if (x.metadata && !same(x.metadata, c->backup_metadata)) {
    return what + ": expected backup metadata " + Utf8(x.metadata) +
           ", found " + Utf8(c->backup_metadata);
  }
  return "";
}

std::string Hr(HRESULT hr) { return com::HresultToString(hr); }

std::string List(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
  return text.empty() ? "(none)" : text;
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
    row->failure = failure.empty() ? S_OK : ParseHresult(failure).value_or(E_FAIL);
  }
  return row;
}

// Checks one expectation; returns "" or why it failed.
std::string Check(const Expectation& x, const Trace& trace,
                  const BackupResult& backup,
                  const std::vector<Violation>& violations,
                  const WriterNames& names, bool external) {
  const std::string writer =
      x.writer.empty() ? "" : names.trace_name.at(x.writer);
  switch (x.kind) {
    case Expectation::Kind::kWriterState: {
      std::optional<WriterStatusRow> traced;
      if (external) traced = TracedStatus(trace, writer);
      const WriterStatusRow* row =
          external ? (traced ? &*traced : nullptr)
                   : backup.FindStatus(metadata::FromUtf8(writer));
      if (row == nullptr) {
        return "writer " + x.writer + " is not in the last writer status";
      }
      std::string found = WriterStateNames().Name(row->state);
      std::string want = WriterStateNames().Name(x.state);
      if (row->state != x.state) {
        return "writer " + x.writer + ": expected state " + want + ", found " + found;
      }
      if (x.failure && row->failure != *x.failure) {
        return "writer " + x.writer + ": expected failure " + Hr(*x.failure) +
               ", found " + Hr(row->failure);
      }
      if (x.application_hr && row->application_hr != *x.application_hr) {
        return "writer " + x.writer + ": expected application HRESULT " +
               Hr(*x.application_hr) + ", found " + Hr(row->application_hr);
      }
      if (x.application_message &&
          row->application_message != *x.application_message) {
        return "writer " + x.writer + ": expected application message \"" +
               metadata::ToUtf8(*x.application_message) + "\", found \"" +
               metadata::ToUtf8(row->application_message) + "\"";
      }
      return "";
    }
    case Expectation::Kind::kWriterEvents: {
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
    case Expectation::Kind::kCallResult: {
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
      for (HRESULT hr : x.results) {
        if (Hr(hr) == found) return "";
      }
      std::vector<std::string> wanted;
      for (HRESULT hr : x.results) wanted.push_back(Hr(hr));
      return x.call + ": expected " + List(wanted) + ", found " + found;
    }
    case Expectation::Kind::kBackup: {
      // A planned AbortBackup (abort-after-prepare, backup-complete="false")
      // ends without a failure but is no successful backup.
      const std::string outcome = !backup.ok()      ? "failed"
                                  : backup.aborted ? "aborted"
                                                   : "succeeded";
      if (outcome != x.backup_outcome) {
        return "expected the backup to be " + x.backup_outcome + ", it " +
               (backup.ok() ? "was " + outcome
                            : "failed at " + backup.failed_step + " with " +
                                  Hr(backup.hr));
      }
      if (!x.results.empty() && backup.hr != x.results[0]) {
        return "expected the backup to end with " + Hr(x.results[0]) +
               ", it ended with " + Hr(backup.hr);
      }
      return "";
    }
    case Expectation::Kind::kViolation:
      for (const Violation& v : violations) {
        if (v.rule == x.violation) return "";
      }
      return "expected the violation " + x.violation + ", none was reported";
    case Expectation::Kind::kNoViolation:
      if (violations.empty()) return "";
      return "expected no violation, found " + violations.front().rule + " (" +
             violations.front().message + ")";
    case Expectation::Kind::kWriterStart: {
      HRESULT got = names.start.at(x.writer);
      if (got == x.results[0]) return "";
      return "writer " + x.writer + ": expected its start to return " +
             Hr(x.results[0]) + ", it returned " + Hr(got);
    }
    case Expectation::Kind::kBcdSaved:
      if (backup.bcd_xml.empty() != x.bcd_saved) return "";
      return x.bcd_saved ? "expected a saved BCD, the requester saved none"
                         : "expected no saved BCD, the requester saved one";
    case Expectation::Kind::kProviderCalls: {
      int64_t calls = 0;
      for (const TraceEvent& e : trace.events()) {
        if (e.kind == "provider" && e.Get("step") == x.provider_step) ++calls;
      }
      if (calls == x.calls) return "";
      return "expected " + std::to_string(x.calls) + " provider " +
             x.provider_step + " call(s), found " + std::to_string(calls);
    }
    case Expectation::Kind::kBcdComponent:
      return CheckBcdComponent(x, backup, names);
  }
  return "";
}

}  // namespace

RunResult RunScenario(const Scenario& scenario, std::optional<uint64_t> seed,
                      const std::function<void()>& requester) {
  RunResult result;
  RunOptions options = scenario.options;
  if (seed) options.seed = *seed;
  ApplyFaults(scenario, &options);
  Emulator emulator(options);
  FaultPlan faults(scenario.provider_faults);
  emulator.service()->provider().set_behaviour(&faults);

  WriterNames names;
  std::vector<std::unique_ptr<CVssWriter>> writers;
  for (const ScriptedWriter& spec : scenario.scripted_writers) {
    size_t mark = emulator.trace().events().size();
    auto writer = std::make_unique<ScriptedVssWriter>(spec);
    HRESULT hr = writer->Start();
    if (FAILED(hr) && !StartIsExpected(scenario, spec.id)) {
      result.failures.push_back(spec.where.ToString() + ": writer " + spec.id +
                                " did not start: " + Hr(hr));
      result.setup_failed = true;
    }
    NoteInitialize(emulator.trace(), mark, spec.id,
                   metadata::ToUtf8(spec.metadata.identity.writer_name), &names);
    names.start[spec.id] = hr;
    names.object[spec.id] = writer.get();
    writers.push_back(std::move(writer));
  }
  for (const RegisteredWriter& spec : scenario.registered_writers) {
    const WriterFactory* factory = FindWriterClass(spec.class_name);
    if (factory == nullptr) {
      std::string known;
      for (const std::string& n : RegisteredWriterClasses()) known += " " + n;
      result.failures.push_back(spec.where.ToString() + ": no writer class \"" +
                                spec.class_name + "\" is registered (known:" +
                                (known.empty() ? " none" : known) + ")");
      result.setup_failed = true;
      names.trace_name[spec.id] = "";
      continue;
    }
    size_t mark = emulator.trace().events().size();
    HRESULT started = E_FAIL;
    writers.push_back((*factory)(&started));
    if (FAILED(started) && !StartIsExpected(scenario, spec.id)) {
      result.failures.push_back(spec.where.ToString() + ": writer " + spec.id +
                                " did not start: " + Hr(started));
      result.setup_failed = true;
    }
    NoteInitialize(emulator.trace(), mark, spec.id, spec.class_name, &names);
    names.start[spec.id] = started;
    names.object[spec.id] = writers.back().get();
  }

  std::unique_ptr<ForeignSnapshotSet> foreign;
  for (const Fault& f : scenario.faults) {
    if (result.setup_failed || f.kind != Fault::Kind::kForeignSnapshotSet) continue;
    foreign = std::make_unique<ForeignSnapshotSet>();
    std::string why = foreign->Start();
    if (!why.empty()) {
      result.failures.push_back(f.where.ToString() + ": " + why);
      result.setup_failed = true;
    }
  }
  if (!result.setup_failed && !scenario.requester.external) {
    BackupPlan plan = scenario.requester.plan;
    const RequesterWorkload& r = scenario.requester;
    ResolveWriters(r.disable_writers, names.class_id, &plan.disabled_classes);
    ResolveWriters(r.enable_writers, names.class_id, &plan.enabled_classes);
    ResolveWriters(r.disable_instances, names.instance_id, &plan.disabled_instances);
    std::set<const Fault*> fired;
    plan.after_step = [&](const std::string& step) {
      for (const Fault& f : scenario.faults) {
        if (f.after != step || !fired.insert(&f).second) continue;
        if (f.kind == Fault::Kind::kSecondRequesterIdentify) {
          GatherAsSecondRequester();
        } else if (f.kind == Fault::Kind::kUnsubscribe) {
          names.object.at(f.writer)->Unsubscribe();
        }
      }
    };
    result.backup = RunBackup(plan);
  } else if (!result.setup_failed) {
    if (requester) {
      requester();
    } else {
      result.failures.push_back(
          scenario.requester.where.ToString() +
          ": this scenario's requester is external: run it from C++ with "
          "RunScenario(scenario, seed, your_requester)");
      result.setup_failed = true;
    }
  }
  foreign.reset();
  writers.clear();  // Writers end before their emulator.
  emulator.RunUntilIdle();

  if (!result.setup_failed) {
    for (const Expectation& x : scenario.expectations) {
      std::string why = Check(x, emulator.trace(), result.backup,
                              emulator.violations(), names,
                              scenario.requester.external);
      if (!why.empty()) result.failures.push_back(x.where.ToString() + ": " + why);
    }
  }
  result.trace = emulator.trace();
  result.virtual_time_us = emulator.now_us();
  result.passed = result.failures.empty();
  emulator.service()->provider().set_behaviour(nullptr);
  return result;
}

}  // namespace vssemu::scenario
