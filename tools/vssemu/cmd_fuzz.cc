// vssemu fuzz / replay: explore a scenario's orderings and faults, and replay
// one run of it (docs/exploration.md).
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "coordinator/choice_points.h"
#include "exec/exec_explore.h"
#include "explore/campaign.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"
#include "vssemu/command_line.h"
#include "vssemu/commands.h"
#include "vssemu/progress_line.h"
#include "vssemu/regression_files.h"
#include "vssemu/terminal.h"

namespace vssemu::tools {
namespace {

constexpr const char* kFuzzDescription =
    "Runs the scenario many times, each time with other choices where the\n"
    "protocol allows variation (writer orders, async timing, races, repeated\n"
    "Abort, BackupShutdown timing, another requester's Identify) and with\n"
    "faults, and checks every run: vssemu's checkers, and that a run without\n"
    "faults ends like the default run. The first failure of each class is\n"
    "shrunk and printed with the command that replays it; --regressions\n"
    "writes it as a pinned scenario (the scenario with that run's decisions\n"
    "in <explore>).";

constexpr const char* kFuzzFooter =
    "Exit codes: 0 no failure, 1 a failure was found, 2 bad usage, 3 the\n"
    "scenario could not be loaded, 130 interrupted (Ctrl-C) after printing\n"
    "the summary so far.";

constexpr const char* kReplayDescription =
    "Runs one run of a fuzz campaign again and prints its trace and verdict:\n"
    "the seed's own choices, or the recorded choices C (as `vssemu fuzz`\n"
    "prints them: PICK/OPTIONS, 0 and 0*N, comma-separated).";

constexpr const char* kReplayFooter =
    "Exit codes: 0 the run passes, 1 it fails, 2 bad usage, 3 the scenario\n"
    "could not be loaded.";

struct Args {
  std::string file;
  size_t runs = 1000;
  std::optional<uint64_t> seed;
  std::optional<std::string> faults;
  std::string choices;
  std::optional<std::string> regressions;  // "" with --no-regressions.
  bool exhaustive = false, keep_going = false, shrink = true, trace = false,
       quiet = false;
  ProgramOptions program;  // --exec and --timeout.
  size_t jobs = 1;         // -j N.
};

volatile std::sig_atomic_t g_interrupted = 0;

void OnInterrupt(int) { g_interrupted = 1; }

// Parses args; on a problem, or after --help or --version, returns the
// exit code.
std::optional<int> Parse(const char* command, const std::vector<std::string>& given,
                         bool replay, Args* out) {
  std::vector<std::string> args = given;
  CLI::App app;
  SetUpCommand(app, command, replay ? kReplayDescription : kFuzzDescription,
               replay ? kReplayFooter : kFuzzFooter);
  const std::string exec_error = AddProgramOptions(
      app, &args,
      "explore a requester program, each run a process of it under vssemu's vssapi "
      "library (docs/drop-in.md)",
      &out->program);
  if (!exec_error.empty()) {
    std::fprintf(stderr, "vssemu %s: %s\n", command, exec_error.c_str());
    return kExitUsage;
  }
  std::string faults;
  CLI::Option* seed_option = AddSeedOption(
      app, &out->seed, replay ? "the run's seed" : "the first seed (default: the scenario's)");
  if (replay) seed_option->required();
  CLI::Option* faults_option = app.add_option(
      "--faults", faults,
      replay ? "as for fuzz (must match the campaign)"
             : "fault kinds, comma-separated: provider, flush, hold, freeze-timeout, writer, "
               "user; or none (default: all)");
  if (replay) {
    app.add_option("--choices", out->choices, "the run's choices");
  } else {
    app.add_option("--runs", out->runs, "how many runs (default 1000; exhaustive: the most)")
        ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1000000000)));
    app.add_flag("--exhaustive", out->exhaustive,
                 "run every writer order with every single fault placement instead of "
                 "seeded runs");
    app.add_flag("--keep-going", out->keep_going,
                 "count every failure class instead of stopping at the first failing run");
    bool no_shrink = false;
    app.add_flag("--no-shrink", no_shrink, "report failures as found (and pin none)")
        ->each([out](const std::string&) { out->shrink = false; });
    app.add_option("--regressions", out->regressions,
                   "write each shrunk failure as a pinned scenario into this folder "
                   "(none is written without it); `vssemu run` replays it");
    app.add_flag("--no-regressions")
        ->description("write no pinned scenario (the default)")
        ->each([out](const std::string&) { out->regressions = ""; });
    app.add_flag("--trace", out->trace, "print the trace of each (shrunk) failure");
    app.add_flag("--quiet", out->quiet, "no progress bar");
    app.add_option("-j,--jobs", out->jobs,
                   "with a program: this many seeded runs (processes) at once; the report "
                   "is the same for every number")
        ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(256)));
  }
  app.add_option("scenario", out->file, "the scenario file")->required();
  if (std::optional<int> code = ParseCommand(app, args)) return *code;
  if (faults_option->count() > 0) out->faults = faults;
  return std::nullopt;
}

// Applies --faults; returns false (after saying why) for an unknown kind.
bool ApplyFaults(const char* command, const Args& args, ExploreOptions* options) {
  if (!args.faults) return true;
  std::string unknown;
  auto kinds = coordinator::FaultKindsFromList(*args.faults, &unknown);
  if (!kinds) {
    std::fprintf(stderr,
                 "vssemu %s: unknown fault kind '%s' (expected provider, "
                 "flush, hold, freeze-timeout, writer, user or none)\n",
                 command, unknown.c_str());
    return false;
  }
  options->run.exploration.faults = std::move(*kinds);
  return true;
}

std::optional<scenario::Scenario> Load(const char* command, const Args& args) {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(args.file);
  if (!loaded) {
    std::fprintf(stderr, "vssemu %s: %s\n", command, loaded.ErrorText().c_str());
    return std::nullopt;
  }
  const scenario::RequesterWorkload& r = loaded.scenario->requester;
  if (r.external && !r.exec && args.program.command.empty()) {
    std::fprintf(stderr,
                 "vssemu %s: %s: the requester is external (the test's own "
                 "code): explore it with vssemu::Explore in the test, or run "
                 "it as a program with --exec -- PROGRAM\n",
                 command, args.file.c_str());
    return std::nullopt;
  }
  return std::move(*loaded.scenario);
}

// The --exec part of a replay line, which comes last.
std::string ExecTail(const Args& args) {
  std::string tail;
  for (const std::string& a : args.program.command) tail += " " + a;
  return tail.empty() ? "" : " --exec --" + tail;
}

// Writes each failure of report as a pinned scenario (pin_scenario.h) into
// the folder args asks for. A requester program's pinned scenario names
// the program (relative to that folder), so that `vssemu run` replays it.
void Pin(const Args& args, const scenario::Scenario& s,
         const ExploreOptions& options, const ExploreReport& report,
         const ExecRequest& program) {
  // Files go into a source tree only when asked.
  const std::string dir = args.regressions.value_or("");
  if (report.failures.empty() || !args.shrink) return;
  if (dir.empty()) {
    if (!args.regressions) {
      std::printf("(pass --regressions DIR to write the failures as pinned scenarios)\n");
    }
    return;
  }
  std::optional<explore::PinProgram> pin;
  if (!program.program.empty()) {
    pin.emplace();
    pin->folder = dir;
    pin->runner = PinnedCandidateRunner(program);
    if (!args.program.command.empty()) {
      // A path leads from the pinned file's folder; a bare name stays one
      // (looked up on PATH).
      const std::string found = FindProgram(program.program);
      std::error_code ec;
      const std::filesystem::path absolute = std::filesystem::absolute(found, ec);
      const std::filesystem::path relative =
          std::filesystem::relative(absolute, std::filesystem::absolute(dir, ec), ec);
      pin->program = std::filesystem::path(program.program).has_parent_path() && !ec
                         ? relative.generic_string()
                         : program.program;
      pin->args = program.args;
    }
  }
  for (const ExploreFailure& f : report.failures) {
    PinRegression(dir, s, options, f, stdout, pin ? &*pin : nullptr);
  }
}

}  // namespace

int RunFuzz(const std::vector<std::string>& argv) {
  Args args;
  if (auto code = Parse("fuzz", argv, false, &args)) return *code;
  std::optional<scenario::Scenario> s = Load("fuzz", args);
  if (!s) return kExitInput;
  ExploreOptions options = explore::ScenarioExploreOptions(*s);
  if (!ApplyFaults("fuzz", args, &options)) return kExitUsage;
  if (args.seed) options.seed = *args.seed;
  options.runs = args.runs;
  options.stop_at_first_failure = !args.keep_going;
  options.shrink = args.shrink;
  options.run.record_trace = false;
  options.replay_command = "vssemu replay " + args.file;
  if (args.faults) options.replay_command += " --faults " + *args.faults;
  if (args.exhaustive) {
    UseExhaustiveScope(&options);
    if (args.runs == 1000) options.runs = static_cast<size_t>(-1);
    options.replay_command += " --exhaustive";
  }
  // The progress line only on a terminal; the summary always, on stdout.
  const bool bar = !args.quiet && ColourTerminal(stderr);
  options.progress = nullptr;
  ProgressLine line(stderr);
  if (bar) options.on_run = [&line](const ExploreProgress& p) { line.Update(p); };
  // Ctrl-C ends the campaign after the run in progress: the summary so far.
  g_interrupted = 0;
  void (*previous)(int) = std::signal(SIGINT, OnInterrupt);
  options.should_stop = [] { return g_interrupted != 0; };
  options.replay_command_tail = ExecTail(args);
  const ExecRequest program = ProgramRequest(args.program, args.file, *s);
  if (args.jobs > 1 && program.program.empty()) {
    std::fprintf(stderr,
                 "vssemu fuzz: -j runs programs at once (--exec, or a scenario "
                 "with <requester workload=\"exec\">); this scenario runs in "
                 "this process, one run at a time\n");
    return kExitUsage;
  }
  options.jobs = args.jobs;
  explore::Runner runner = program.program.empty() ? explore::ScenarioRunner(*s)
                                                   : ExecRunner(*s, program);
  ExploreReport report = explore::ExploreWith(options, runner);
  std::signal(SIGINT, previous == SIG_ERR ? SIG_DFL : previous);
  if (bar) line.Finish();
  std::fputs(report.Summary().c_str(), stdout);
  if (args.trace) {
    for (const ExploreFailure& f : report.failures) {
      std::printf("--- trace of %s (seed %llu)\n%s", f.rule.c_str(),
                  static_cast<unsigned long long>(f.seed), f.trace.c_str());
    }
  }
  Pin(args, *s, options, report, program);
  if (report.interrupted) return kExitInterrupted;
  return report.ok() ? kExitOk : kExitFailure;
}

int RunReplay(const std::vector<std::string>& argv) {
  Args args;
  if (auto code = Parse("replay", argv, true, &args)) return *code;
  std::optional<scenario::Scenario> s = Load("replay", args);
  if (!s) return kExitInput;
  ExploreOptions options = explore::ScenarioExploreOptions(*s);
  if (!ApplyFaults("replay", args, &options)) return kExitUsage;
  const ExecRequest program = ProgramRequest(args.program, args.file, *s);
  explore::Runner runner = program.program.empty() ? explore::ScenarioRunner(*s)
                                                   : ExecRunner(*s, program);
  ExploreFailure run = explore::ReplayWith(options, *args.seed, args.choices, runner);
  if (run.rule == "explore.bad-choices") {
    std::fprintf(stderr, "vssemu replay: --choices: %s\n", run.message.c_str());
    return kExitUsage;
  }
  std::fputs(run.trace.c_str(), stdout);
  if (run.rule.empty()) {
    std::printf("replay: the run passes\n");
    return kExitOk;
  }
  std::printf("replay: %s%s%s: %s\n", run.rule.c_str(),
              run.section.empty() ? "" : " (spec ",
              run.section.empty() ? "" : (run.section + ")").c_str(),
              run.message.c_str());
  return kExitFailure;
}

}  // namespace vssemu::tools
