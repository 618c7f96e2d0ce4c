#include "explore/single_run.h"

#include <algorithm>
#include <exception>
#include <memory>

#include <vssemu/emulator.h>

#include "com/hresult_table.h"
#include "com/live_objects.h"
#include "coordinator/service.h"

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

std::string HrText(HRESULT hr) { return coordinator::TraceHr(hr); }

}  // namespace

RunRecord RunOnce(const ExploreOptions& options, uint64_t seed,
                  sim::ChoiceSource* source, bool record_trace,
                  const std::function<HRESULT()>& fn) {
  RunOptions run_options = options.run;
  run_options.seed = seed;
  run_options.record_trace = record_trace;
  if (run_options.strictness == Strictness::kWindows) {
    run_options.strictness = Strictness::kWarn;
  }
  RunRecord record;
  Emulator emulator(run_options);
  coordinator::Service& service = *emulator.service();
  auto borrowed = std::make_unique<Borrowed>(source);
  Borrowed* choices = borrowed.get();
  service.set_choices(std::move(borrowed));
  const coordinator::RunBaseline baseline{com::LiveObjectCount(),
                                          com::LiveBstrCount()};
  try {
    record.hr = fn();
  } catch (const std::exception& e) {
    record.threw = e.what();
  } catch (...) {
    record.threw = "an exception that is not a std::exception";
  }
  // Work the code under test left queued (a delayed BackupShutdown) runs
  // before the end-of-run checks.
  emulator.RunUntilIdle();
  service.monitor().CheckEndOfRun(baseline);
  for (const Invariant& invariant : options.invariants) {
    std::string problem = invariant.check ? invariant.check() : std::string();
    if (!problem.empty()) record.broken.emplace_back(invariant.name, problem);
  }
  record.violations = service.violations();
  for (const coordinator::FiredFault& f : service.choice_points().fired()) {
    record.faults.push_back(std::string(coordinator::FaultKindName(f.kind)) +
                            " at " + f.where);
  }
  record.log = choices->log();
  if (record_trace) record.trace = emulator.trace().ToText();
  return record;
}

std::optional<Verdict> Judge(const ExploreOptions& options,
                             const RunRecord& run, const RunRecord& baseline) {
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
                       HrText(run.hr) + " where the run with the default "
                                        "choices returned " +
                       HrText(baseline.hr)};
  }
  return std::nullopt;
}

}  // namespace vssemu::explore
