#include "scenario/scenario_runner.h"

#include <memory>
#include <set>

#include <vssemu/emulator.h>
#include <vsserror.h>

#include "com/hresult_table.h"
#include "coordinator/service.h"
#include "harness/current_emulator.h"
#include "metadata/xml_util.h"
#include "scenario/scenario_checks.h"
#include "scenario/scenario_names.h"
#include "scenario/scenario_scratch.h"
#include "scenario/scenario_steps.h"
#include "scenario/scripted_writer.h"
#include "scenario/writer_registry.h"

namespace vssemu::scenario {
namespace {

// Says that spec's class is not registered in this program, and which are.
std::string UnregisteredClassMessage(const RegisteredWriter& spec) {
  std::string known;
  for (const std::string& n : RegisteredWriterClasses()) known += " " + n;
  return spec.where.ToString() + ": no writer class \"" + spec.class_name +
         "\" is registered in this program (VSSEMU_REGISTER_WRITER; known:" +
         (known.empty() ? " none" : known) + ")";
}

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
    size_t mark = emulator.trace().size();
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
      result->failures.push_back(UnregisteredClassMessage(spec));
      result->setup_failed = true;
      names->trace_name[spec.id] = "";
      continue;
    }
    size_t mark = emulator.trace().size();
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

// Names the writers the program under test starts itself: they appear
// under the name they give Initialize (their ids and instances are read
// from the trace once they did, IdentifyProgramWriters).
void NoteProgramWriters(const Scenario& scenario, WriterNames* names) {
  for (const ProgramWriter& w : scenario.program_writers) {
    names->trace_name[w.id] = w.name;
    names->start[w.id] = S_OK;
    names->object[w.id] = nullptr;
  }
}

// Names the express writers the machine stored before the run: each
// appears under the name, class and instance of its Register event.
void NoteExpressWriters(const Scenario& scenario, const Trace& trace,
                        WriterNames* names) {
  for (const ExpressWriterSpec& w : scenario.express_writers) {
    const std::string class_id = coordinator::TraceGuid(w.metadata.identity.writer_id);
    names->trace_name[w.id] = metadata::ToUtf8(w.metadata.identity.writer_name);
    names->start[w.id] = S_OK;
    names->object[w.id] = nullptr;
    for (const TraceEvent& e : trace.events()) {
      if (e.kind == "writer" && e.Get("name") == "Register" &&
          e.Get("express") == "true" && e.Get("class") == class_id) {
        names->trace_name[w.id] = std::string(e.Get("writer"));
        names->class_id[w.id] = class_id;
        names->instance_id[w.id] = std::string(e.Get("instance"));
        break;
      }
    }
  }
}

// Reads the class and instance of each program writer from its Initialize
// in the trace (once it has started).
void IdentifyProgramWriters(const Scenario& scenario, const Trace& trace,
                            WriterNames* names) {
  for (const ProgramWriter& w : scenario.program_writers) {
    for (const TraceEvent& e : trace.events()) {
      if (e.kind == "writer" && e.Get("name") == "Initialize" &&
          e.Get("writer") == w.name) {
        names->class_id[w.id] = std::string(e.Get("class"));
        names->instance_id[w.id] = std::string(e.Get("instance"));
      }
    }
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
void RunRequester(const Scenario& scenario, const Emulator& emulator,
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

struct ScenarioRun::Parts {
  std::unique_ptr<ScratchFolder> scratch;
  std::unique_ptr<Emulator> emulator;
  std::unique_ptr<FaultPlan> faults;
  WriterNames names;
  std::vector<std::unique_ptr<CVssWriter>> writers;
  std::unique_ptr<ForeignSnapshotSet> foreign;
};

ScenarioRun::ScenarioRun(const Scenario& scenario, std::optional<uint64_t> seed,
                         const RunHooks* hooks)
    : scenario_(scenario), seed_(seed), hooks_(hooks),
      parts_(std::make_unique<Parts>()) {}

ScenarioRun::~ScenarioRun() {
  if (parts_->emulator != nullptr) {
    parts_->writers.clear();
    parts_->emulator->service()->provider().set_behaviour(nullptr);
  }
}

bool ScenarioRun::Start(const std::filesystem::path& scratch_parent) {
  if (harness::ExploredCodeScope::Active()) {
    result_.failures.push_back(
        scenario_.file +
        ": RunScenario inside an exploring run (vssemu::Explore): the "
        "campaign's choices and faults would never reach this scenario's "
        "world; explore the scenario with vssemu::ExploreScenario(scenario, "
        "options, requester)");
    result_.setup_failed = true;
    return false;
  }
  RunOptions options = scenario_.options;
  if (seed_) options.seed = *seed_;
  ApplyFaults(scenario_, &options);
  if (scenario_.UsesFiles()) {
    parts_->scratch = std::make_unique<ScratchFolder>();
    std::string why = parts_->scratch->Create(scenario_.files, &options, scratch_parent);
    if (!why.empty()) {
      result_.failures.push_back(scenario_.file + ": the run's files: " + why);
      result_.setup_failed = true;
      return false;
    }
  }
  parts_->emulator = std::make_unique<Emulator>(options);
  Emulator& emulator = *parts_->emulator;
  parts_->faults = std::make_unique<FaultPlan>(scenario_.provider_faults);
  emulator.service()->provider().set_behaviour(parts_->faults.get());
  if (hooks_ != nullptr && hooks_->started) hooks_->started(emulator);
  StartWriters(scenario_, emulator, &parts_->names, &parts_->writers, &result_);
  NoteProgramWriters(scenario_, &parts_->names);
  NoteExpressWriters(scenario_, parts_->emulator->trace(), &parts_->names);
  parts_->foreign = StartForeignSet(scenario_, &result_);
  return !result_.setup_failed;
}

Emulator* ScenarioRun::emulator() { return parts_->emulator.get(); }

void ScenarioRun::RunWorkload(const std::function<void()>& requester) {
  if (result_.setup_failed || parts_->emulator == nullptr) return;
  IdentifyProgramWriters(scenario_, parts_->emulator->trace(), &parts_->names);
  RunRequester(scenario_, *parts_->emulator, parts_->names,
                        parts_->scratch.get(), requester, &result_);
}

RunResult ScenarioRun::Finish() {
  if (parts_->emulator == nullptr) return std::move(result_);
  Emulator& emulator = *parts_->emulator;
  parts_->foreign.reset();
  parts_->writers.clear();  // Writers end before their emulator.
  emulator.RunUntilIdle();
  if (hooks_ != nullptr && hooks_->ended) hooks_->ended(emulator, result_);

  if (!result_.setup_failed) {
    const CheckContext context{emulator, parts_->names, result_,
                               scenario_.requester.external};
    for (const Expectation& x : scenario_.expectations) {
      std::string why = CheckExpectation(x, context);
      if (!why.empty()) {
        result_.failures.push_back(x.where.ToString() + ": " + why);
      }
    }
  }
  result_.trace = emulator.trace();
  result_.virtual_time_us = emulator.now_us();
  result_.passed = result_.failures.empty();
  return std::move(result_);
}

void ScenarioRun::RemoveFiles() { parts_->scratch.reset(); }

std::string UnregisteredWriterClass(const Scenario& scenario) {
  for (const RegisteredWriter& spec : scenario.registered_writers) {
    if (FindWriterClass(spec.class_name) == nullptr) return UnregisteredClassMessage(spec);
  }
  return "";
}

RunResult RunScenario(const Scenario& scenario, std::optional<uint64_t> seed,
                      const std::function<void()>& requester,
                      const RunHooks* hooks) {
  if (scenario.pinned) {
    // Running it as a plain scenario would silently skip its decisions.
    RunResult refused;
    refused.failures.push_back(
        scenario.pinned->where.ToString() +
        ": this scenario pins one exploring run (<explore>), which RunScenario "
        "does not replay: `vssemu run` replays it with the reference requester "
        "or a requester program, and vssemu::ExploreScenario(scenario, "
        "options, requester) with the test's own requester");
    refused.setup_failed = true;
    return refused;
  }
  ScenarioRun run(scenario, seed, hooks);
  if (run.Start()) run.RunWorkload(requester);
  return run.Finish();
}

}  // namespace vssemu::scenario
