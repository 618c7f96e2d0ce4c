// vssemu::Explore: the campaign loop (seeded or exhaustive), the failure
// classes, shrinking the first failure of each class, replay, the progress
// bar and the summary.
#include <vssemu/explore.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "explore/campaign.h"
#include "explore/choice_text.h"
#include "explore/shrink.h"
#include "explore/single_run.h"

namespace vssemu {
namespace {

using explore::RunOnce;
using explore::RunRecord;
using explore::Verdict;

std::string ReplayHint(const ExploreOptions& options, uint64_t seed,
                       const std::string& choices) {
  std::string value = std::to_string(seed);
  if (!choices.empty()) value += ":" + choices;
  if (!options.replay_command.empty()) {
    std::string command = options.replay_command + " --seed " + std::to_string(seed);
    if (!choices.empty()) command += " --choices " + choices;
    return command + options.replay_command_tail;
  }
  return "VSSEMU_REPLAY=" + value + " (run the same test again)";
}

std::vector<ExploreChoice> Decisions(const std::vector<sim::Choice>& log) {
  std::vector<ExploreChoice> decisions;
  for (const sim::PinnedChoice& c : sim::PinDecisions(log)) {
    decisions.push_back(ExploreChoice{c.site, c.chosen, c.options, c.occurrence});
  }
  return decisions;
}

// Reports a run of the exhaustive walk that asked a decision with another
// option count than an earlier run on the same path: the code under test
// does not behave the same given the same choices.
void Nondeterministic(const ExploreOptions& options, size_t number,
                      const explore::RunRecord& run, ExploreReport* report) {
  ExploreFailure failure;
  failure.rule = "explore.nondeterministic";
  failure.message =
      "a run asked for a decision with another number of options than an earlier "
      "run on the same path: the code under test depends on something besides its "
      "choices (state kept between runs, the wall clock, unseeded randomness), so "
      "the walk is not a proof";
  failure.seed = options.seed;
  failure.run = number;
  failure.choices = failure.shrunk_choices = explore::ChoicesToText(run.log);
  failure.replay = ReplayHint(options, options.seed, failure.choices);
  ++report->classes[failure.rule];
  report->failures.push_back(std::move(failure));
}

void Progress(const ExploreOptions& options, const ExploreReport& report,
              size_t total) {
  if (options.progress == nullptr) return;
  const size_t width = 30;
  size_t filled = total == 0 ? width : report.runs * width / total;
  if (filled > width) filled = width;
  *options.progress << "\r[" << std::string(filled, '#')
                    << std::string(width - filled, '.') << "] " << report.runs;
  if (options.mode == ExploreMode::kSeeded) *options.progress << "/" << total;
  *options.progress << " runs, " << report.classes.size()
                    << " failure class(es)" << std::flush;
}

}  // namespace

std::string ExploreReport::Summary() const {
  std::ostringstream out;
  out << runs << " runs (" << runs_with_faults << " with faults)";
  if (complete) out << ", every path of the choice tree";
  if (interrupted) out << ", interrupted";
  out << ": ";
  if (failures.empty()) {
    out << "no failure\n";
    return out.str();
  }
  out << classes.size() << " failure class(es)\n";
  for (const ExploreFailure& f : failures) {
    out << "  " << f.rule;
    if (!f.section.empty()) out << " (spec " << f.section << ")";
    out << ": " << classes.at(f.rule) << " run(s); first: run " << f.run
        << ", seed " << f.seed << "\n    " << f.message << "\n";
    out << "    shrunk to " << f.shrunk_decisions.size()
        << " decision(s) off the default path:";
    for (const ExploreChoice& c : f.shrunk_decisions) {
      out << " " << c.site << "=" << c.chosen << "/" << c.options;
    }
    out << "\n";
    for (const std::string& fault : f.faults) out << "    fault: " << fault << "\n";
    out << "    replay: " << f.replay << "\n";
    if (!f.pinned.empty()) out << "    pinned: " << f.pinned << "\n";
  }
  return out.str();
}

std::optional<ReplayRequest> ReplayFromEnvironment() {
  const char* value = std::getenv("VSSEMU_REPLAY");
  if (value == nullptr || *value == '\0') return std::nullopt;
  std::string text(value);
  ReplayRequest request;
  size_t colon = text.find(':');
  request.seed = std::strtoull(text.substr(0, colon).c_str(), nullptr, 0);
  if (colon != std::string::npos) request.choices = text.substr(colon + 1);
  return request;
}

ExploreFailure ReplayRun(const ExploreOptions& options, uint64_t seed,
                         const std::string& choices,
                         const std::function<HRESULT()>& fn) {
  return explore::ReplayWith(options, seed, choices, explore::FunctionRunner(fn));
}

void UseExhaustiveScope(ExploreOptions* options) {
  options->mode = ExploreMode::kExhaustive;
  ExplorationOptions& x = options->run.exploration;
  x.async_timing = x.freeze_race = x.repeated_abort = false;
  x.shutdown_timing = x.second_requester = false;
  x.swarm = false;
  x.max_faults = 1;
}

ExploreReport Explore(const ExploreOptions& options,
                      const std::function<HRESULT()>& fn) {
  return explore::ExploreInProcess(options, explore::FunctionRunner(fn));
}

namespace explore {

ExploreReport ExploreInProcess(const ExploreOptions& given, const Runner& runner) {
  ExploreOptions options = given;
  options.jobs = 1;  // The runs share this process's current emulator.
  if (std::optional<ReplayRequest> replay = ReplayFromEnvironment()) {
    // The run a failure report pointed at, alone, with its trace.
    ExploreFailure run = ReplayWith(options, replay->seed, replay->choices, runner);
    ExploreReport report;
    report.runs = 1;
    if (options.progress != nullptr) *options.progress << run.trace;
    if (!run.rule.empty()) {
      report.classes[run.rule] = 1;
      report.failures.push_back(std::move(run));
    }
    return report;
  }
  return ExploreWith(options, runner);
}

ExploreFailure DescribeFailure(const ExploreOptions& options, const Verdict& verdict,
                               size_t run_number, uint64_t seed, const RunRecord& run,
                               const RunRecord& baseline, const Runner& fn) {
  ExploreFailure failure;
  failure.rule = verdict.rule;
  failure.section = verdict.section;
  failure.message = verdict.message;
  failure.seed = seed;
  failure.run = run_number;
  failure.choices = explore::ChoicesToText(run.log);
  std::vector<sim::Choice> log = run.log;
  if (options.shrink) {
    log = explore::Shrink(options, seed, log, verdict.rule, baseline, fn);
  }
  failure.shrunk_choices = explore::ChoicesToText(log);
  sim::ReplayChoices source(log);
  RunRecord shrunk = RunOnce(options, seed, &source, true, fn);
  // The decisions the replayed run took (a pinned scenario plays these).
  failure.shrunk_decisions = Decisions(shrunk.log);
  failure.faults = shrunk.faults;
  failure.trace = shrunk.trace;
  if (std::optional<Verdict> again = explore::Judge(options, shrunk, baseline)) {
    failure.message = again->message;  // The shrunk run's own words.
  }
  failure.replay = ReplayHint(options, seed, failure.shrunk_choices);
  return failure;
}

ExploreFailure ReplayWith(const ExploreOptions& options, uint64_t seed,
                          const std::string& choices, const Runner& fn) {
  std::string error;
  std::unique_ptr<sim::ChoiceSource> source = explore::ReplaySource(seed, choices, &error);
  if (source == nullptr) {
    ExploreFailure bad;
    bad.rule = "explore.bad-choices";
    bad.message = error;
    return bad;
  }
  RunRecord baseline = explore::RunDefault(options, fn);
  RunRecord run = RunOnce(options, seed, source.get(), true, fn);
  ExploreFailure result;
  result.seed = seed;
  result.choices = explore::ChoicesToText(run.log);
  result.shrunk_choices = result.choices;
  result.shrunk_decisions = Decisions(run.log);
  result.faults = run.faults;
  result.trace = run.trace;
  if (std::optional<Verdict> verdict = explore::Judge(options, run, baseline)) {
    result.rule = verdict->rule;
    result.section = verdict->section;
    result.message = verdict->message;
  }
  result.replay = ReplayHint(options, seed, result.choices);
  return result;
}

ExploreReport ExploreWith(const ExploreOptions& options, const Runner& fn) {
  ExploreReport report;
  // The run with the documented default choices: the oracle's reference,
  // and the first run checked.
  const RunRecord baseline = explore::RunDefault(options, fn);
  const size_t total = options.mode == ExploreMode::kSeeded ? options.runs : 0;
  auto record = [&](const RunRecord& run, size_t number, uint64_t seed) {
    ++report.runs;
    if (!run.faults.empty()) ++report.runs_with_faults;
    bool stop = false;
    if (std::optional<Verdict> verdict = explore::Judge(options, run, baseline)) {
      if (report.classes[verdict->rule]++ == 0) {
        report.failures.push_back(
            explore::DescribeFailure(options, *verdict, number, seed, run, baseline, fn));
      }
      stop = options.stop_at_first_failure;
    }
    if (options.on_run) {
      options.on_run(ExploreProgress{report.runs, total, report.classes.size(),
                                     report.runs_with_faults});
    }
    if (!stop && options.should_stop && options.should_stop()) {
      report.interrupted = true;
      stop = true;
    }
    return stop;
  };
  const size_t step = options.runs >= 100 ? options.runs / 100 : 1;
  bool stop = record(baseline, 0, options.seed);
  if (options.mode == ExploreMode::kSeeded) {
    // Runs go in batches of `jobs`, each on a thread of its own (each run a
    // process of its own, see ExploreOptions::jobs), and are judged in seed
    // order: the runs of a batch past the first that stops the campaign
    // are not counted.
    const size_t jobs = std::max<size_t>(1, options.jobs);
    for (size_t i = 1; i < options.runs && !stop; i += jobs) {
      const size_t count = std::min(jobs, options.runs - i);
      std::vector<RunRecord> runs(count);
      auto run = [&](size_t k) {
        sim::SeededChoices source(options.seed + i + k);
        // The run's own log (RunObserver's) is the one kept.
        source.set_logging(false);
        runs[k] = RunOnce(options, options.seed + i + k, &source, false, fn);
      };
      if (count == 1) {
        run(0);
      } else {
        std::vector<std::thread> threads;
        for (size_t k = 0; k < count; ++k) threads.emplace_back(run, k);
        for (std::thread& t : threads) t.join();
      }
      for (size_t k = 0; k < count && !stop; ++k) {
        stop = record(runs[k], i + k, options.seed + i + k);
        if ((i + k) % step == 0) Progress(options, report, options.runs);
      }
    }
  } else {
    sim::EnumeratingChoices paths;
    // The default run was the all-zero path; continue from the next one.
    RunRecord first = RunOnce(options, options.seed, &paths, false, fn);
    (void)first;
    bool more = paths.Next();
    size_t number = 1;
    bool diverged = false;
    while (more && !stop && number < options.runs) {
      paths.ClearLog();
      RunRecord run = RunOnce(options, options.seed, &paths, false, fn);
      if (paths.diverged() && !diverged) {
        // The walk is only a proof if a path's runs repeat: say so once.
        diverged = true;
        Nondeterministic(options, number, run, &report);
        stop = options.stop_at_first_failure;
      }
      stop = record(run, number, options.seed) || stop;
      ++number;
      more = paths.Next();
      if (number % 1000 == 0) Progress(options, report, 0);
    }
    report.complete = !more && !stop && !report.interrupted;
  }
  if (options.progress != nullptr) {
    Progress(options, report, options.runs);
    *options.progress << "\n" << report.Summary() << std::flush;
  }
  return report;
}

}  // namespace explore
}  // namespace vssemu
