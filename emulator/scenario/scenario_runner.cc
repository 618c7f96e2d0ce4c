#include "scenario/scenario_runner.h"

#include <memory>
#include <set>

#include <vssemu/emulator.h>
#include <vsserror.h>

#include "com/hresult_table.h"
#include "coordinator/service.h"
#include "metadata/xml_util.h"
#include "scenario/scenario_checks.h"
#include "scenario/scenario_names.h"
#include "scenario/scenario_scratch.h"
#include "scenario/scenario_steps.h"
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

std::string Hr(HRESULT hr) { return com::HresultToString(hr); }

// Starts the scenario's writers (scripted, then registered) into *writers.
void StartWriters(const Scenario& scenario, const Emulator& emulator,
                  WriterNames* names,
                  std::vector<std::unique_ptr<CVssWriter>>* writers,
                  RunResult* result) {
  for (const ScriptedWriter& spec : scenario.scripted_writers) {
    size_t mark = emulator.trace().events().size();
    auto writer = std::make_unique<ScriptedVssWriter>(spec);
    HRESULT hr = writer->Start();
    if (FAILED(hr) && !StartIsExpected(scenario, spec.id)) {
      result->failures.push_back(spec.where.ToString() + ": writer " +
                                 spec.id + " did not start: " + Hr(hr));
      result->setup_failed = true;
    }
    NoteInitialize(emulator.trace(), mark, spec.id,
                   metadata::ToUtf8(spec.metadata.identity.writer_name), names);
    names->start[spec.id] = hr;
    names->object[spec.id] = writer.get();
    writers->push_back(std::move(writer));
  }
  for (const RegisteredWriter& spec : scenario.registered_writers) {
    const WriterFactory* factory = FindWriterClass(spec.class_name);
    if (factory == nullptr) {
      std::string known;
      for (const std::string& n : RegisteredWriterClasses()) known += " " + n;
      result->failures.push_back(spec.where.ToString() +
                                 ": no writer class \"" + spec.class_name +
                                 "\" is registered (known:" +
                                 (known.empty() ? " none" : known) + ")");
      result->setup_failed = true;
      names->trace_name[spec.id] = "";
      continue;
    }
    size_t mark = emulator.trace().events().size();
    HRESULT started = E_FAIL;
    std::unique_ptr<CVssWriter> writer = (*factory)(&started);
    if (writer == nullptr && SUCCEEDED(started)) started = E_POINTER;
    writers->push_back(std::move(writer));
    if (FAILED(started) && !StartIsExpected(scenario, spec.id)) {
      result->failures.push_back(spec.where.ToString() + ": writer " +
                                 spec.id + " did not start: " + Hr(started));
      result->setup_failed = true;
    }
    NoteInitialize(emulator.trace(), mark, spec.id, spec.class_name, names);
    names->start[spec.id] = started;
    names->object[spec.id] = writers->back().get();
  }
}

// Starts the foreign snapshot set of a foreign-snapshot-set fault, if any.
std::unique_ptr<ForeignSnapshotSet> StartForeignSet(const Scenario& scenario,
                                                    RunResult* result) {
  std::unique_ptr<ForeignSnapshotSet> foreign;
  for (const Fault& f : scenario.faults) {
    if (result->setup_failed || f.kind != Fault::Kind::kForeignSnapshotSet) {
      continue;
    }
    foreign = std::make_unique<ForeignSnapshotSet>();
    std::string why = foreign->Start();
    if (!why.empty()) {
      result->failures.push_back(f.where.ToString() + ": " + why);
      result->setup_failed = true;
    }
  }
  return foreign;
}

// Runs the requester's workload: the reference requester's steps (with the
// faults that follow its first backup's steps) or the external code.
void RunWorkload(const Scenario& scenario, const Emulator& emulator,
                 WriterNames& names, const ScratchFolder* scratch,
                 const std::function<void()>& requester, RunResult* result) {
  if (scenario.requester.external) {
    if (requester) {
      requester();
      return;
    }
    result->failures.push_back(
        scenario.requester.where.ToString() +
        ": this scenario's requester is external: run it from C++ with "
        "RunScenario(scenario, seed, your_requester)");
    result->setup_failed = true;
    return;
  }
  std::set<const Fault*> fired;
  StepContext context{scenario, emulator, names, scratch, {}};
  context.first_backup_after_step = [&](const std::string& step) {
    for (const Fault& f : scenario.faults) {
      if (f.after != step || !fired.insert(&f).second) continue;
      if (f.kind == Fault::Kind::kSecondRequesterIdentify) {
        GatherAsSecondRequester();
      } else if (f.kind == Fault::Kind::kUnsubscribe) {
        names.object.at(f.writer)->Unsubscribe();
      }
    }
  };
  RunRequesterSteps(context, result);
}

}  // namespace

RunResult RunScenario(const Scenario& scenario, std::optional<uint64_t> seed,
                      const std::function<void()>& requester,
                      const RunHooks* hooks) {
  RunResult result;
  RunOptions options = scenario.options;
  if (seed) options.seed = *seed;
  ApplyFaults(scenario, &options);
  // Declared before the emulator, so that it is removed after it.
  std::unique_ptr<ScratchFolder> scratch;
  if (scenario.UsesFiles()) {
    scratch = std::make_unique<ScratchFolder>();
    std::string why = scratch->Create(scenario.files, &options);
    if (!why.empty()) {
      result.failures.push_back(scenario.file + ": the run's files: " + why);
      result.setup_failed = true;
      return result;
    }
  }
  Emulator emulator(options);
  FaultPlan faults(scenario.provider_faults);
  emulator.service()->provider().set_behaviour(&faults);
  if (hooks != nullptr && hooks->started) hooks->started(emulator);

  WriterNames names;
  std::vector<std::unique_ptr<CVssWriter>> writers;
  StartWriters(scenario, emulator, &names, &writers, &result);
  std::unique_ptr<ForeignSnapshotSet> foreign =
      StartForeignSet(scenario, &result);
  if (!result.setup_failed) {
    RunWorkload(scenario, emulator, names, scratch.get(), requester, &result);
  }
  foreign.reset();
  writers.clear();  // Writers end before their emulator.
  emulator.RunUntilIdle();
  if (hooks != nullptr && hooks->ended) hooks->ended(emulator, result);

  if (!result.setup_failed) {
    const CheckContext context{emulator, names, result,
                               scenario.requester.external};
    for (const Expectation& x : scenario.expectations) {
      std::string why = CheckExpectation(x, context);
      if (!why.empty()) {
        result.failures.push_back(x.where.ToString() + ": " + why);
      }
    }
  }
  result.trace = emulator.trace();
  result.virtual_time_us = emulator.now_us();
  result.passed = result.failures.empty();
  emulator.service()->provider().set_behaviour(nullptr);
  return result;
}

}  // namespace vssemu::scenario
