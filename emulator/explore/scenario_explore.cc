#include "explore/scenario_explore.h"

#include "coordinator/choice_points.h"
#include "explore/campaign.h"
#include "explore/pin_scenario.h"

namespace vssemu::explore {
namespace {

HRESULT Outcome(const scenario::RunResult& result) {
  if (result.setup_failed) return E_UNEXPECTED;
  for (const scenario::BackupResult& b : result.backups) {
    if (!b.ok()) return b.hr;
  }
  for (const scenario::RestoreRecord& r : result.restores) {
    if (FAILED(r.result.hr)) return r.result.hr;
  }
  return S_OK;
}

}  // namespace

Runner ScenarioRunner(const scenario::Scenario& scenario,
                      scenario::RunResult* last,
                      const std::function<HRESULT()>* requester) {
  return [&scenario, last, requester](const RunOptions& options, RunObserver& observer) {
    scenario::Scenario run = scenario;
    run.options = options;
    run.pinned.reset();  // The run's choices carry the pin, if any.
    HRESULT returned = S_OK;
    std::string threw;
    std::function<void()> external;
    if (requester != nullptr) {
      external = [&] { returned = CallExploredCode(*requester, &threw); };
    }
    scenario::RunHooks hooks;
    hooks.started = [&observer](Emulator& e) { observer.Attach(e); };
    hooks.ended = [&](Emulator& e, const scenario::RunResult& r) {
      if (requester == nullptr) {
        observer.Finish(e, Outcome(r));
      } else {
        observer.Finish(e, r.setup_failed ? E_UNEXPECTED : returned, threw);
      }
    };
    scenario::RunResult result = scenario::RunScenario(run, options.seed, external, &hooks);
    if (last != nullptr) *last = std::move(result);
  };
}

}  // namespace vssemu::explore

namespace vssemu {
namespace {

// A pinned scenario's one run, with the test's requester, as a report.
ExploreReport ReplayPinnedScenario(const scenario::Scenario& scenario,
                                   const ExploreOptions& options,
                                   const explore::Runner& runner) {
  const explore::PinnedRunRecord pinned =
      explore::JudgePinned(scenario, options, true, nullptr, &runner);
  ExploreReport report;
  report.runs = 1;
  report.runs_with_faults = pinned.run.faults.empty() ? 0 : 1;
  if (const std::optional<explore::Verdict>& verdict = pinned.verdict) {
    ExploreFailure failure;
    failure.rule = verdict->rule;
    failure.section = verdict->section;
    failure.message = verdict->message;
    failure.seed = options.seed;
    for (const sim::PinnedChoice& d : scenario.pinned->decisions) {
      failure.shrunk_decisions.push_back({d.site, d.chosen, d.options, d.occurrence});
    }
    failure.faults = pinned.run.faults;
    failure.trace = pinned.run.trace;
    failure.replay = "the pinned scenario " + scenario.file + " (run it again)";
    report.classes[failure.rule] = 1;
    report.failures.push_back(std::move(failure));
  }
  if (options.progress != nullptr) *options.progress << report.Summary();
  return report;
}

// Writes each failure of report as a pinned scenario into
// options.regressions, its candidates run with the test's requester.
void PinFailures(const scenario::Scenario& scenario, const ExploreOptions& options,
                 const std::function<HRESULT()>& requester, ExploreReport* report) {
  explore::PinProgram in_process;
  in_process.folder = options.regressions;
  in_process.runner = [&requester](const scenario::Scenario& candidate, const std::string&) {
    return explore::ScenarioRunner(candidate, nullptr, &requester);
  };
  for (ExploreFailure& failure : report->failures) {
    explore::PinnedScenario pinned =
        explore::PinFailure(scenario, options, failure, &in_process);
    std::string error = pinned.error;
    std::string path;
    if (!pinned.xml.empty()) {
      path = explore::WriteRegression(options.regressions, pinned.name, pinned.xml, &error);
    }
    failure.pinned = path.empty() ? "not pinned: " + error : path;
  }
  if (options.progress != nullptr) {
    for (const ExploreFailure& failure : report->failures) {
      *options.progress << failure.rule << " pinned: " << failure.pinned << "\n";
    }
  }
}

}  // namespace

ExploreReport ExploreScenario(const scenario::Scenario& scenario,
                              const ExploreOptions& given,
                              const std::function<HRESULT()>& requester) {
  ExploreOptions options = given;
  const ExploreOptions world = explore::ScenarioExploreOptions(scenario);
  options.run = world.run;
  options.ignored_rules.insert(options.ignored_rules.end(), world.ignored_rules.begin(),
                               world.ignored_rules.end());
  const explore::Runner runner = explore::ScenarioRunner(scenario, nullptr, &requester);
  if (scenario.pinned) {
    // The pin says its scope (mode, fault kinds) and its seed.
    options.mode = world.mode;
    options.seed = world.seed;
    return ReplayPinnedScenario(scenario, options, runner);
  }
  // The world is the scenario's; which choice points and faults are in
  // play is the caller's, except an order the scenario fixes on purpose.
  options.run.exploration = given.run.exploration;
  if (!world.run.exploration.thaw_level_order) options.run.exploration.thaw_level_order = false;
  ExploreReport report = explore::ExploreInProcess(options, runner);
  if (!options.regressions.empty() && options.shrink) {
    PinFailures(scenario, options, requester, &report);
  }
  return report;
}

}  // namespace vssemu

namespace vssemu::explore {

ExploreOptions ScenarioExploreOptions(const scenario::Scenario& scenario) {
  ExploreOptions options;
  options.run = scenario.options;
  options.seed = scenario.options.seed;
  for (const scenario::Expectation& x : scenario.expectations) {
    if (x.kind == scenario::Expectation::Kind::kViolation) {
      options.ignored_rules.push_back(x.violation);
    }
  }
  if (const std::optional<scenario::PinnedRun>& pin = scenario.pinned) {
    if (pin->exhaustive) UseExhaustiveScope(&options);
    if (pin->faults) options.run.exploration.faults = *pin->faults;
    options.ignored_rules.insert(options.ignored_rules.end(),
                                 pin->ignored_rules.begin(), pin->ignored_rules.end());
  }
  return options;
}

PinnedRunRecord JudgePinned(const scenario::Scenario& scenario,
                            const ExploreOptions& options, bool record_trace,
                            scenario::RunResult* last, const Runner* given) {
  PinnedRunRecord pinned;
  const Runner runner = given != nullptr ? *given : ScenarioRunner(scenario, last);
  pinned.baseline = RunDefault(options, runner);
  sim::PinnedChoices choices(scenario.pinned->decisions);
  // Last, so that *last holds the pinned run's result.
  pinned.run = RunOnce(options, options.seed, &choices, record_trace, runner);
  pinned.matched = choices.matched();
  pinned.verdict = Judge(options, pinned.run, pinned.baseline);
  return pinned;
}

scenario::RunResult RunPinned(const scenario::Scenario& scenario,
                              std::optional<uint64_t> seed, const Runner* runner,
                              scenario::RunResult* last) {
  const scenario::PinnedRun& pin = *scenario.pinned;
  ExploreOptions options = ScenarioExploreOptions(scenario);
  options.seed = seed.value_or(scenario.options.seed);
  scenario::RunResult own;
  scenario::RunResult& result = last != nullptr ? *last : own;
  const PinnedRunRecord pinned = JudgePinned(scenario, options, true, &result, runner);
  const RunRecord& run = pinned.run;
  if (const std::optional<Verdict>& verdict = pinned.verdict) {
    std::string text = pin.where.ToString() + ": the pinned run fails with " +
                       verdict->rule;
    if (!verdict->section.empty()) text += " (spec " + verdict->section + ")";
    text += ": " + verdict->message;
    if (!pin.failed.empty() && pin.failed != verdict->rule) {
      text += " (it was pinned failing with " + pin.failed + ")";
    }
    for (const std::string& fault : run.faults) text += "; fault: " + fault;
    if (pinned.matched < pin.decisions.size()) {
      text += "; only " + std::to_string(pinned.matched) + " of the " +
              std::to_string(pin.decisions.size()) +
              " pinned decisions were reached";
    }
    result.failures.push_back(std::move(text));
    result.passed = false;
  }
  return result;
}

}  // namespace vssemu::explore
