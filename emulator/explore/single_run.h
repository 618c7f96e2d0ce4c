// One exploring run and its judgement: a fresh emulator whose choices come
// from a given source, the code under test, the end-of-run checkers, the
// caller's invariants; then what, if anything, failed.
#ifndef VSSEMU_EXPLORE_SINGLE_RUN_H_
#define VSSEMU_EXPLORE_SINGLE_RUN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <vssemu/emulator.h>
#include <vssemu/explore.h>
#include <vssemu/violation.h>

#include "sim/choice_source.h"

namespace vssemu::explore {

// What one run did.
struct RunRecord {
  HRESULT hr = S_OK;     // What the code under test returned.
  std::string threw;     // The exception that escaped it, if any.
  std::vector<Violation> violations;
  std::vector<std::string> faults;  // "kind at where", in order.
  std::vector<sim::Choice> log;
  // Invariants that did not hold: name, then what is wrong.
  std::vector<std::pair<std::string, std::string>> broken;
  std::string trace;  // The trace text, when recorded.
  // A failure seen from outside a run in another process (it crashed, hung
  // or never reached its end): the rule (exec.crash, exec.hang, ...) and
  // what happened; empty otherwise.
  std::string process_rule;
  std::string process_message;
};

// Attaches exploration to one run's emulator and collects what the run did.
class RunObserver {
 public:
  // source is borrowed: it may serve many runs.
  RunObserver(const ExploreOptions& options, sim::ChoiceSource* source)
      : options_(options), source_(source) {}

  // Call right after the run's emulator is made: installs the choices and
  // counts the live objects the run starts with.
  void Attach(Emulator& emulator);
  // Call once the code under test is done (writers gone): runs what is left
  // queued, the end-of-run checks and the invariants, and collects.
  void Finish(Emulator& emulator, HRESULT hr, std::string threw = {});

  // For a run in another process (tools/exec): the description of the
  // choices it must make (sim::ChoiceSource::Describe); "" when the
  // campaign's source cannot be described.
  std::string AttachRemote();
  // Once that run is over: plays its decisions through this run's source,
  // so that the campaign goes on as if the run had been made here, and
  // takes what the run did (record's other fields set by the caller). A
  // decision the source would not have made is reported as the run's
  // failure explore.nondeterministic.
  void FinishRemote(const std::vector<sim::Choice>& decisions);

  RunRecord record;

 private:
  const ExploreOptions& options_;
  sim::ChoiceSource* source_;
  sim::ChoiceSource* choices_ = nullptr;  // The run's own (owned by it).
  long live_objects_ = 0;
  std::optional<long> live_bstrs_;
};

// Runs the code under test once with options (seed and trace set): makes
// its emulator from them, calls Attach, runs, calls Finish.
using Runner = std::function<void(const RunOptions& options, RunObserver& observer)>;

// The runner of vssemu::Explore's fn (exceptions become RunRecord::threw).
Runner FunctionRunner(const std::function<HRESULT()>& fn);

// Calls the code under an exploring run, marked as such
// (harness::ExploredCodeScope): what it returned, or E_FAIL with *threw set
// to the exception that escaped it.
HRESULT CallExploredCode(const std::function<HRESULT()>& fn, std::string* threw);

// Returns the run with the documented default choices (seed options.seed,
// no trace): the outcome oracle's reference.
RunRecord RunDefault(const ExploreOptions& options, const Runner& runner);

// Runs once with seed, its choices from source, recording the trace when
// asked.
RunRecord RunOnce(const ExploreOptions& options, uint64_t seed,
                  sim::ChoiceSource* source, bool record_trace,
                  const Runner& runner);

// The first reason run fails, judged against the default run (baseline).
struct Verdict {
  std::string rule;
  std::string section;
  std::string message;
};
std::optional<Verdict> Judge(const ExploreOptions& options,
                             const RunRecord& run, const RunRecord& baseline);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_SINGLE_RUN_H_
