#include "scenario/scenario_runner.h"

#include <algorithm>
#include <memory>
#include <set>

#include <vssemu/emulator.h>
#include <vsserror.h>

#include "com/hresult_table.h"
#include "coordinator/service.h"
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

// What one writer of the scenario is called in the trace.
struct WriterNames {
  std::map<std::string, std::string> trace_name;  // id -> writer= value.
};

// Returns the writer= value of the first Initialize traced at or after
// index, or "".
std::string InitializedWriter(const Trace& trace, size_t index) {
  const auto& events = trace.events();
  for (size_t i = index; i < events.size(); ++i) {
    if (events[i].kind == "writer" && events[i].Get("name") == "Initialize") {
      return std::string(events[i].Get("writer"));
    }
  }
  return "";
}

std::string Hr(HRESULT hr) { return com::HresultToString(hr); }

std::string List(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
  return text.empty() ? "(none)" : text;
}

// Checks one expectation; returns "" or why it failed.
std::string Check(const Expectation& x, const Trace& trace,
                  const BackupResult& backup,
                  const std::vector<Violation>& violations,
                  const WriterNames& names) {
  const std::string writer =
      x.writer.empty() ? "" : names.trace_name.at(x.writer);
  switch (x.kind) {
    case Expectation::Kind::kWriterState: {
      const WriterStatusRow* row = backup.FindStatus(metadata::FromUtf8(writer));
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
      if (backup.ok() != x.backup_succeeds) {
        return std::string("expected the backup to ") +
               (x.backup_succeeds ? "succeed" : "fail") + ", it " +
               (backup.ok() ? "succeeded"
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
  }
  return "";
}

}  // namespace

RunResult RunScenario(const Scenario& scenario, std::optional<uint64_t> seed) {
  RunResult result;
  RunOptions options = scenario.options;
  if (seed) options.seed = *seed;
  Emulator emulator(options);
  FaultPlan faults(scenario.provider_faults);
  emulator.service()->provider().set_behaviour(&faults);

  WriterNames names;
  std::vector<std::unique_ptr<CVssWriter>> writers;
  for (const ScriptedWriter& spec : scenario.scripted_writers) {
    size_t mark = emulator.trace().events().size();
    auto writer = std::make_unique<ScriptedVssWriter>(spec);
    HRESULT hr = writer->Start();
    if (FAILED(hr)) {
      result.failures.push_back(spec.where.ToString() + ": writer " + spec.id +
                                " did not start: " + Hr(hr));
      result.setup_failed = true;
    }
    names.trace_name[spec.id] = InitializedWriter(emulator.trace(), mark);
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
    if (FAILED(started)) {
      result.failures.push_back(spec.where.ToString() + ": writer " + spec.id +
                                " did not start: " + Hr(started));
      result.setup_failed = true;
    }
    names.trace_name[spec.id] = InitializedWriter(emulator.trace(), mark);
  }

  if (!result.setup_failed && !scenario.requester.external) {
    result.backup = RunBackup(scenario.requester.plan);
  }
  writers.clear();  // Writers end before their emulator.
  emulator.RunUntilIdle();

  if (!result.setup_failed) {
    for (const Expectation& x : scenario.expectations) {
      std::string why = Check(x, emulator.trace(), result.backup,
                              emulator.violations(), names);
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
