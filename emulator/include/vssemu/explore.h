// vssemu::Explore: runs code under test many times, each time with other
// choices where the protocol allows variation (writer orders, async timing,
// races, repeated Abort, BackupShutdown timing, another requester) and with
// faults (docs/exploration.md). Every run is checked by vssemu's checkers,
// by the caller's invariants and by one oracle: a run in which no fault
// fired ends like the run with the documented default choices. A failing
// run is shrunk to the fewest choices that still fail the same way and
// reported with a way to replay it.
//
// Contract: fn is called once per run, with a fresh vssemu::Emulator
// current; it creates its writers, runs its requester code and returns what
// that code returned (S_OK for a successful backup). It must not keep COM
// objects or writers past its return. The same options give the same runs,
// choices and report, byte for byte.
#ifndef VSSEMU_EXPLORE_H_
#define VSSEMU_EXPLORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <vssemu/run_options.h>
#include <vssemu/win32_base.h>

namespace vssemu {

// A property of the code under test, checked after every run: returns ""
// when it holds, otherwise what is wrong ("the database is still frozen").
struct Invariant {
  std::string name;  // The failure class it reports, e.g. "db.not-frozen".
  std::function<std::string()> check;
};

enum class ExploreMode {
  kSeeded,      // Runs seed, seed + 1, ... with seeded choices.
  kExhaustive,  // Runs every path of the choice tree, depth first.
};

// Where a campaign is, after each run (ExploreOptions::on_run).
struct ExploreProgress {
  size_t runs = 0;             // Judged so far.
  size_t total = 0;            // Seeded: the campaign's runs; exhaustive: 0.
  size_t failure_classes = 0;  // Found so far.
  size_t runs_with_faults = 0;
};

struct ExploreOptions {
  // Each run's options; their exploration member says which choice points
  // and fault kinds are in play. Violations are always recorded (strictness
  // kWindows is raised to kWarn).
  RunOptions run;
  ExploreMode mode = ExploreMode::kSeeded;
  uint64_t seed = 1;   // The first seed of a seeded campaign.
  size_t runs = 1000;  // Seeded: how many runs; exhaustive: the most.
  std::vector<Invariant> invariants;
  // Violation rules that do not fail a run (what a negative scenario is
  // expected to provoke).
  std::vector<std::string> ignored_rules;
  // The oracle: a run without faults ends like the default run (both
  // succeed or both fail).
  bool check_outcome = true;
  // Stop at the first failing run (otherwise count every failure class).
  bool stop_at_first_failure = true;
  // Shrink the first failure of each class.
  bool shrink = true;
  // Where a progress bar and the summary go (NULL: nowhere).
  std::ostream* progress = nullptr;
  // Called after each run is judged (a command line draws its progress
  // line with it, on the wall clock that exploration itself never reads).
  std::function<void(const ExploreProgress&)> on_run;
  // Asked after each run: true ends the campaign there (Ctrl-C), and the
  // report so far comes back with interrupted set.
  std::function<bool()> should_stop;
  // The command that reruns the campaign, for the replay hints ("vssemu
  // replay x.xml"); empty: the hints name VSSEMU_REPLAY.
  std::string replay_command;
  // Appended to the replay command after the seed and the choices: the
  // arguments that must come last (`--exec -- PROGRAM ARGS`).
  std::string replay_command_tail;
  // How many seeded runs go at once (`vssemu fuzz --exec -j N`). Only for
  // runs in processes of their own: runs in this process share its current
  // emulator, so Explore runs one at a time whatever this says. The report
  // is the same for every value: runs are judged in seed order.
  size_t jobs = 1;
  // ExploreScenario only: the folder each failure class's shrunk run is
  // written to as a pinned scenario (the scenario file with its decisions in
  // <explore>, reduced to the writers and faults the failure needs), which
  // ExploreScenario with the same requester replays. Empty: none is written.
  std::string regressions;
};

// One decision of a run, as reports show it.
struct ExploreChoice {
  std::string site;  // e.g. "order.freeze", "fault.provider".
  size_t chosen = 0;
  size_t options = 0;
  size_t occurrence = 1;  // The Nth time the run asked this site (from 1).
};

struct ExploreFailure {
  std::string rule;     // The failure class: a violation rule, an invariant
                        // name, "explore.outcome-changed", "explore.exception".
  std::string section;  // The spec section, when the rule has one.
  std::string message;  // What happened, in a sentence.
  uint64_t seed = 0;    // The run's seed (seeded mode).
  size_t run = 0;       // The run's number in the campaign (0-based).
  std::string choices;  // The run's choice log as text (ReplayChoicesText).
  // After shrinking: the choice log, and the decisions that differ from the
  // documented default (option 0), the "events" of the reproduction.
  std::string shrunk_choices;
  std::vector<ExploreChoice> shrunk_decisions;
  std::vector<std::string> faults;  // The faults the shrunk run fired.
  std::string trace;   // The shrunk run's trace (text).
  std::string replay;  // One command line (or environment) that replays it.
  // The pinned scenario written for it (ExploreOptions::regressions), or
  // why none was ("not pinned: ..."); empty when none was asked for.
  std::string pinned;
};

struct ExploreReport {
  size_t runs = 0;
  // Exhaustive mode: every path was run (not cut short by `runs`).
  bool complete = false;
  // The first failure of each class, in the order found.
  std::vector<ExploreFailure> failures;
  // How many runs failed with each class.
  std::map<std::string, size_t> classes;
  // How many runs fired at least one fault.
  size_t runs_with_faults = 0;
  // The campaign was ended by ExploreOptions::should_stop.
  bool interrupted = false;

  bool ok() const { return failures.empty(); }
  // Returns the summary the progress stream ends with.
  std::string Summary() const;
};

// Sets options to the exhaustive mode and its scope (docs/exploration.md):
// every writer order and every single fault placement (no swarm, one fault
// per run), with the async, race, repeated-Abort, shutdown and intruder
// families off. The other options (runs among them) are left as they are.
void UseExhaustiveScope(ExploreOptions* options);

// Explores fn (see the contract above).
ExploreReport Explore(const ExploreOptions& options,
                      const std::function<HRESULT()>& fn);

namespace scenario {
struct Scenario;
}

// Explores requester, the test's own requester code, in scenario's world
// (a scenario file loaded with scenario::LoadScenarioFile, its requester
// workload="external"): every run builds the scenario's volumes and files,
// scripted and registered writers and faults with the run's choices, then
// calls requester, which creates its IVssBackupComponents and returns what
// its backup returned. Every check of Explore applies (checkers,
// invariants, the outcome oracle), and shrinking and VSSEMU_REPLAY. The
// world's RunOptions (seed of each run aside) are the scenario's:
// options.run only says which choice points and fault kinds are in play
// (options.run.exploration). The scenario's expectations are not checked
// (they describe its default run); the violations it expects do not fail
// a run. A RunScenario called inside vssemu::Explore's function fails
// instead, saying to use this. A pinned scenario (one with <explore>, as
// options.regressions writes them) runs its pinned run only, judged like
// every exploring run: the report has one run, and its failure if the
// requester still fails that way.
ExploreReport ExploreScenario(const scenario::Scenario& scenario,
                              const ExploreOptions& options,
                              const std::function<HRESULT()>& requester);

// Runs fn once with seed and, when choices is not empty, the choices of a
// failure's log (ExploreFailure::choices or shrunk_choices; otherwise the
// seed's own choices), recording the trace. Returns the run: rule is empty
// when it passed; trace is always set.
ExploreFailure ReplayRun(const ExploreOptions& options,
                                        uint64_t seed,
                                        const std::string& choices,
                                        const std::function<HRESULT()>& fn);

// Coverage-guided exploration, for a libFuzzer target (docs/exploration.md):
// each run reads its decisions from the fuzzer's input bytes instead of a
// seed (a byte per decision, two past 256 options, modulo the option count;
// option 0 once the bytes run out), so that coverage feedback steers the
// search through orderings and faults. Every run is judged as Explore
// judges runs; options.seed seeds every run.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     static vssemu::ExploreFuzzer fuzzer(MyOptions(), [] { return MyBackup(); });
//     return fuzzer.Run(data, size);
//   }
//
// vssemu_add_fuzzer() (VssemuHelpers.cmake) builds such a target with
// clang's -fsanitize=fuzzer, or with a main that runs saved inputs.
class ExploreFuzzer {
 public:
  // Runs fn once with the default choices (the oracle's reference).
  ExploreFuzzer(ExploreOptions options, std::function<HRESULT()> fn);
  ~ExploreFuzzer();
  ExploreFuzzer(const ExploreFuzzer&) = delete;
  ExploreFuzzer& operator=(const ExploreFuzzer&) = delete;

  // Runs fn with the decisions of one input; returns the failure (shrunk
  // when options.shrink, with its trace and replay line) or nullopt.
  std::optional<ExploreFailure> Check(const uint8_t* data, size_t size);
  // What LLVMFuzzerTestOneInput returns: 0 when the run passes; on a failure
  // writes the report to stderr and aborts, so that the fuzzer saves the
  // input.
  int Run(const uint8_t* data, size_t size);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads VSSEMU_REPLAY ("SEED" or "SEED:CHOICES"): when set, Explore runs
// only that run (with the trace), as failure reports suggest.
struct ReplayRequest {
  uint64_t seed = 0;
  std::string choices;
};
std::optional<ReplayRequest> ReplayFromEnvironment();

}  // namespace vssemu

#endif  // VSSEMU_EXPLORE_H_
