#include "explore/scenario_explore.h"

#include "scenario/scenario_runner.h"

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

Runner ScenarioRunner(const scenario::Scenario& scenario) {
  return [&scenario](const RunOptions& options, RunObserver& observer) {
    scenario::Scenario run = scenario;
    run.options = options;
    scenario::RunHooks hooks;
    hooks.started = [&observer](Emulator& e) { observer.Attach(e); };
    hooks.ended = [&observer](Emulator& e, const scenario::RunResult& r) {
      observer.Finish(e, Outcome(r));
    };
    scenario::RunScenario(run, options.seed, {}, &hooks);
  };
}

ExploreOptions ScenarioExploreOptions(const scenario::Scenario& scenario) {
  ExploreOptions options;
  options.run = scenario.options;
  options.seed = scenario.options.seed;
  for (const scenario::Expectation& x : scenario.expectations) {
    if (x.kind == scenario::Expectation::Kind::kViolation) {
      options.ignored_rules.push_back(x.violation);
    }
  }
  return options;
}

}  // namespace vssemu::explore
