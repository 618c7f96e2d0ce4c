#include "dropin/dropin_session.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <vssemu/emulator.h>
#include <vssemu/trace.h>

#include "com/live_objects.h"
#include "coordinator/service.h"
#include "dropin/dropin_environment.h"
#include "dropin/result_file.h"
#include "explore/choice_text.h"
#include "explore/exploration_text.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"
#include "sim/choice_description.h"

namespace vssemu::dropin {
namespace {

// Streams the trace: one line per event, flushed, so that a program that
// crashes leaves every event up to the crash. It also tells a writer
// program's session when the program's writers have subscribed.
class TraceFile : public TraceListener {
 public:
  bool Open(const std::string& path) {
    file_ = std::fopen(path.c_str(), "wb");
    return file_ != nullptr;
  }
  // Calls subscribed (once) when every name in names has subscribed.
  void WatchSubscriptions(std::vector<std::string> names,
                          std::function<void()> subscribed) {
    waiting_ = std::move(names);
    subscribed_ = std::move(subscribed);
  }
  void OnEvent(const TraceEvent& event) override {
    if (file_ != nullptr) {
      std::string line = event.ToLine();
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), file_);
      std::fflush(file_);
    }
    if (subscribed_ && event.kind == "writer" && event.Get("name") == "Subscribe") {
      std::erase(waiting_, std::string(event.Get("writer")));
      if (waiting_.empty()) std::exchange(subscribed_, nullptr)();
    }
  }

 private:
  std::FILE* file_ = nullptr;
  std::vector<std::string> waiting_;
  std::function<void()> subscribed_;
};

// Hands an exploring run's decisions to the result file as they are made.
class StreamedChoices : public sim::ChoiceSource {
 public:
  StreamedChoices(std::unique_ptr<sim::ChoiceSource> inner, ResultWriter* out)
      : inner_(std::move(inner)), out_(out) {}

 protected:
  size_t Pick(std::string_view site, size_t options) override {
    const size_t chosen = inner_->Choose(site, options);
    out_->Choice(site, chosen, options);
    return chosen;
  }

 private:
  std::unique_ptr<sim::ChoiceSource> inner_;
  ResultWriter* out_;
};

struct Session {
  Environment environment;
  ResultWriter result;
  TraceFile trace;
  std::unique_ptr<sim::ChoiceSource> choices;  // Until the emulator has it.
  std::unique_ptr<scenario::Scenario> scenario;
  scenario::RunHooks hooks;
  std::unique_ptr<scenario::ScenarioRun> run;
  std::unique_ptr<Emulator> plain;  // Without a scenario.
  Emulator* emulator = nullptr;
  coordinator::RunBaseline baseline;
  // A writer program's reference requester (RunRequesterForProgram), and
  // whether the run was judged when it was done.
  std::thread requester;
  bool judged = false;
};

// Never destroyed, like the emulator it holds.
Session* g_session = nullptr;

// Reports a problem that leaves the process without an emulator.
Emulator* Unusable(Session* s, const std::string& why) {
  std::fprintf(stderr, "vssemu: %s; every vssapi call returns E_UNEXPECTED\n",
               why.c_str());
  std::fflush(stderr);
  s->result.LoadError(why);
  return nullptr;
}

// What every run does once its emulator exists: stream the trace, take the
// choices, count the objects the end-of-run checks compare against.
void Attach(Session* s, Emulator& emulator) {
  s->emulator = &emulator;
  emulator.service()->trace().set_listener(&s->trace);
  if (s->choices != nullptr) emulator.service()->set_choices(std::move(s->choices));
  s->baseline.live_objects = com::LiveObjectCount();
  s->baseline.live_bstrs = com::LiveBstrCount();
}

void Report(Session* s, const std::string& failure) {
  s->result.Failure(failure);
  // Run by hand (no `vssemu run --exec` reading the result file): say it.
  if (s->environment.result.empty()) {
    std::fprintf(stderr, "vssemu: %s\n", failure.c_str());
  }
}

// A writer program's end-of-run checks, once its writers are gone: what
// they report that the scenario does not expect is a failure of the run,
// judged after its expectations.
void CheckWriterProgramEnd(Session* s) {
  Emulator& emulator = *s->emulator;
  emulator.RunUntilIdle();
  const size_t before = emulator.violations().size();
  emulator.service()->monitor().CheckEndOfRun(s->baseline);
  const auto& violations = emulator.violations();
  for (size_t i = before; i < violations.size(); ++i) {
    const Violation& v = violations[i];
    bool expected = false;
    for (const scenario::Expectation& x : s->scenario->expectations) {
      expected = expected || (x.kind == scenario::Expectation::Kind::kViolation &&
                              x.violation == v.rule);
    }
    if (!expected) {
      Report(s, s->scenario->file + ": at the program's exit: " + v.rule + " (spec " +
                    v.section + "): " + v.message);
    }
  }
}

// At process exit: what is left queued runs, then the end-of-run checks
// and the scenario's expectations.
void Finish() {
  Session* s = g_session;
  if (s == nullptr || s->emulator == nullptr) return;
  if (s->requester.joinable()) s->requester.join();
  if (s->judged) {
    CheckWriterProgramEnd(s);
    s->run->RemoveFiles();
  } else if (s->run != nullptr) {
    scenario::RunResult result = s->run->Finish();
    for (const std::string& failure : result.failures) Report(s, failure);
    s->run->RemoveFiles();
  } else {
    s->emulator->RunUntilIdle();
    s->emulator->service()->monitor().CheckEndOfRun(s->baseline);
  }
  s->emulator->service()->trace().set_listener(nullptr);
  s->result.End();
  std::fflush(stderr);
}

// The choices of an exploring run: VSSEMU_CHOICES (a run of
// `vssemu fuzz --exec`) or VSSEMU_REPLAY (a replay line); nullptr with *why
// set when they are malformed.
std::unique_ptr<sim::ChoiceSource> ExploringChoices(const Environment& e,
                                                    uint64_t seed, std::string* why) {
  std::string error;
  if (!e.choices.empty()) {
    auto source = sim::ChoiceSourceFromDescription(e.choices, &error);
    if (source == nullptr) *why = std::string(kChoicesVariable) + ": " + error;
    return source;
  }
  auto source = explore::ReplaySource(seed, e.replay_choices, &error);
  if (source == nullptr) *why = std::string(kReplayVariable) + ": " + error;
  return source;
}

// Prepares an exploring run: the scenario's exploration options (or the
// campaign's, VSSEMU_EXPLORATION) and its choices. Returns "" or what is
// wrong.
std::string PrepareExploring(Session* s, uint64_t seed) {
  ExploreOptions options = explore::ScenarioExploreOptions(*s->scenario);
  s->scenario->options = options.run;
  if (!s->environment.exploration.empty()) {
    std::string error;
    if (!explore::ExplorationFromText(s->environment.exploration,
                                      &s->scenario->options.exploration, &error)) {
      return std::string(kExplorationVariable) + ": " + error;
    }
  }
  // As exploring runs do: violations are always recorded.
  if (s->scenario->options.strictness == Strictness::kWindows) {
    s->scenario->options.strictness = Strictness::kWarn;
  }
  s->scenario->options.seed = seed;
  std::string why;
  std::unique_ptr<sim::ChoiceSource> inner = ExploringChoices(s->environment, seed, &why);
  if (inner == nullptr) return why;
  s->choices = std::make_unique<StreamedChoices>(std::move(inner), &s->result);
  return "";
}

// A writer program: once every <program-writer> has subscribed, the
// scenario's reference requester runs on a thread of its own, as VSS
// delivers events on threads other than the one that subscribed; then the
// result file says so, and `vssemu run` asks the program to stop.
void RunRequesterForProgram(Session* s) {
  std::vector<std::string> names;
  for (const scenario::ProgramWriter& w : s->scenario->program_writers) {
    names.push_back(w.name);
  }
  s->trace.WatchSubscriptions(std::move(names), [s] {
    s->requester = std::thread([s] {
      s->run->RunWorkload();
      // Judged now: the program may not be able to stop cleanly (a Windows
      // program without a console cannot be sent CTRL_BREAK).
      scenario::RunResult result = s->run->Finish();
      for (const std::string& failure : result.failures) Report(s, failure);
      s->judged = true;
      s->result.RequesterDone();
    });
  });
}

Emulator* StartScenario(Session* s) {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(s->environment.scenario);
  if (!loaded) {
    return Unusable(s, std::string(kScenarioVariable) + ": " + loaded.ErrorText());
  }
  s->scenario = std::make_unique<scenario::Scenario>(std::move(*loaded.scenario));
  // How the program ends is judged by the vssemu that started it.
  std::erase_if(s->scenario->expectations, [](const scenario::Expectation& x) {
    return x.kind == scenario::Expectation::Kind::kExitCode;
  });
  std::optional<uint64_t> seed = s->environment.seed;
  if (s->environment.replay_seed) seed = s->environment.replay_seed;
  if (s->environment.replay_seed || !s->environment.choices.empty()) {
    std::string why = PrepareExploring(s, seed.value_or(s->scenario->options.seed));
    if (!why.empty()) return Unusable(s, why);
    seed = s->scenario->options.seed;
  }
  const bool writer_program = !s->scenario->program_writers.empty();
  if (!s->scenario->requester.external && !writer_program) {
    return Unusable(s, s->scenario->requester.where.ToString() +
                           ": the scenario's reference requester runs and no "
                           "writer of the program is named: a requester "
                           "program needs <requester workload=\"external\"/> "
                           "or workload=\"exec\"; a writer program needs its "
                           "writers as <program-writer>");
  }
  s->hooks.started = [s](Emulator& emulator) { Attach(s, emulator); };
  s->hooks.ended = [s, writer_program](Emulator& emulator, const scenario::RunResult&) {
    // A writer program's writers are still there when its requester is
    // done: its end-of-run checks wait for its exit (Finish).
    if (!writer_program) emulator.service()->monitor().CheckEndOfRun(s->baseline);
  };
  s->run = std::make_unique<scenario::ScenarioRun>(*s->scenario, seed, &s->hooks);
  const bool started = s->run->Start(s->environment.scratch);
  std::atexit(&Finish);
  if (writer_program) {
    // A run that could not start its world has nothing to wait for: the
    // program is stopped at once, and Finish reports why.
    if (started) RunRequesterForProgram(s);
    else s->result.RequesterDone();
  }
  if (!started && s->run->emulator() == nullptr) {
    // The world's files could not be made: nothing to run against.
    scenario::RunResult result = s->run->Finish();
    std::string why = result.failures.empty() ? "the scenario did not start"
                                              : result.failures.front();
    s->run.reset();
    return Unusable(s, why);
  }
  return s->run->emulator();
}

}  // namespace

Emulator* MakeProcessEmulator() {
  auto* s = new Session;
  g_session = s;
  const std::string why = ReadEnvironment(&s->environment);
  if (!s->environment.result.empty() && !s->result.Open(s->environment.result)) {
    return Unusable(s, std::string(kResultVariable) + "=\"" +
                           s->environment.result + "\": cannot write it");
  }
  if (!why.empty()) return Unusable(s, why);
  if (!s->environment.configured()) return new Emulator();
  if (!s->environment.trace.empty()) {
    if (!s->trace.Open(s->environment.trace)) {
      return Unusable(s, std::string(kTraceVariable) + "=\"" +
                             s->environment.trace + "\": cannot write it");
    }
  }
  if (!s->environment.scenario.empty()) return StartScenario(s);
  if (s->environment.replay_seed || !s->environment.choices.empty()) {
    return Unusable(s, std::string(kReplayVariable) +
                           " replays a scenario's run: set " +
                           kScenarioVariable + " too");
  }
  RunOptions options;
  if (s->environment.seed) options.seed = *s->environment.seed;
  s->plain = std::make_unique<Emulator>(options);
  Attach(s, *s->plain);
  std::atexit(&Finish);
  return s->plain.get();
}

}  // namespace vssemu::dropin
