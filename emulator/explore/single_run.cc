#include "explore/single_run.h"

#include <algorithm>
#include <exception>
#include <memory>

#include <vssemu/emulator.h>

#include "com/hresult_table.h"
#include "com/live_objects.h"
#include "coordinator/service.h"
#include "harness/current_emulator.h"

namespace vssemu::explore {
namespace {

// Hands a borrowed source's picks to one run, keeping that run's own log.
class Borrowed : public sim::ChoiceSource {
 public:
  explicit Borrowed(sim::ChoiceSource* inner) : inner_(inner) {}

 protected:
  size_t Pick(std::string_view site, size_t options) override {
    return inner_->Choose(site, options);
  }

 private:
  sim::ChoiceSource* inner_;
};

}  // namespace

void RunObserver::Attach(Emulator& emulator) {
  auto borrowed = std::make_unique<Borrowed>(source_);
  choices_ = borrowed.get();
  emulator.service()->set_choices(std::move(borrowed));
  live_objects_ = com::LiveObjectCount();
  live_bstrs_ = com::LiveBstrCount();
}

void RunObserver::Finish(Emulator& emulator, HRESULT hr, std::string threw) {
  coordinator::Service& service = *emulator.service();
  record.hr = hr;
  record.threw = std::move(threw);
  // Work the code under test left queued (a delayed BackupShutdown) runs
  // before the end-of-run checks.
  emulator.RunUntilIdle();
  service.monitor().CheckEndOfRun({live_objects_, live_bstrs_});
  for (const Invariant& invariant : options_.invariants) {
    std::string problem = invariant.check ? invariant.check() : std::string();
    if (!problem.empty()) record.broken.emplace_back(invariant.name, problem);
  }
  record.violations = service.violations();
  for (const coordinator::FiredFault& f : service.choice_points().fired()) {
    record.faults.push_back(std::string(coordinator::FaultKindName(f.kind)) +
                            " at " + f.where);
  }
  if (choices_ != nullptr) record.log = choices_->log();
  if (emulator.options().record_trace) record.trace = emulator.trace().ToText();
}

std::string RunObserver::AttachRemote() {
  choices_ = nullptr;
  return source_->Describe();
}

void RunObserver::FinishRemote(const std::vector<sim::Choice>& decisions) {
  Borrowed replayed(source_);
  for (const sim::Choice& c : decisions) {
    const size_t picked = replayed.Choose(c.site, c.options);
    if (picked != c.chosen && record.process_rule.empty()) {
      record.process_rule = "explore.nondeterministic";
      record.process_message = "the program decided " + std::to_string(c.chosen) +
                               " of " + std::to_string(c.options) + " at " + c.site +
                               " where the campaign's choices say " +
                               std::to_string(picked);
    }
  }
  record.log = replayed.log();
}

Runner FunctionRunner(const std::function<HRESULT()>& fn) {
  return [&fn](const RunOptions& options, RunObserver& observer) {
    Emulator emulator(options);
    observer.Attach(emulator);
    std::string threw;
    const HRESULT hr = CallExploredCode(fn, &threw);
    observer.Finish(emulator, hr, threw);
  };
}

HRESULT CallExploredCode(const std::function<HRESULT()>& fn, std::string* threw) {
  const harness::ExploredCodeScope scope;
  try {
    return fn();
  } catch (const std::exception& e) {
    *threw = e.what();
  } catch (...) {
    *threw = "an exception that is not a std::exception";
  }
  return E_FAIL;
}

RunRecord RunOnce(const ExploreOptions& options, uint64_t seed,
                  sim::ChoiceSource* source, bool record_trace,
                  const Runner& runner) {
  RunOptions run_options = options.run;
  run_options.seed = seed;
  run_options.record_trace = record_trace;
  if (run_options.strictness == Strictness::kWindows) {
    run_options.strictness = Strictness::kWarn;
  }
  RunObserver observer(options, source);
  runner(run_options, observer);
  return std::move(observer.record);
}

RunRecord RunDefault(const ExploreOptions& options, const Runner& runner) {
  sim::DefaultChoices defaults;
  return RunOnce(options, options.seed, &defaults, false, runner);
}

std::optional<Verdict> Judge(const ExploreOptions& options,
                             const RunRecord& run, const RunRecord& baseline) {
  if (!run.process_rule.empty()) {
    return Verdict{run.process_rule, "", run.process_message};
  }
  if (!run.threw.empty()) {
    return Verdict{"explore.exception", "",
                   "the code under test threw: " + run.threw};
  }
  for (const Violation& v : run.violations) {
    if (std::find(options.ignored_rules.begin(), options.ignored_rules.end(),
                  v.rule) != options.ignored_rules.end()) {
      continue;
    }
    return Verdict{v.rule, v.section, v.message};
  }
  if (!run.broken.empty()) {
    return Verdict{run.broken[0].first, "", run.broken[0].second};
  }
  // Spec 6.2 and 7: orders and timings the protocol allows must not change
  // how a backup ends; only faults may.
  if (options.check_outcome && run.faults.empty() &&
      FAILED(run.hr) != FAILED(baseline.hr)) {
    return Verdict{"explore.outcome-changed", "6.2",
                   "no fault fired, yet the code under test returned " +
                       com::HresultToString(run.hr) + " where the run with the default "
                                        "choices returned " +
                       com::HresultToString(baseline.hr)};
  }
  return std::nullopt;
}

}  // namespace vssemu::explore
