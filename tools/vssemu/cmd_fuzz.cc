// vssemu fuzz / replay: explore a scenario's orderings and faults, and replay
// one run of it (docs/exploration.md).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "coordinator/choice_points.h"
#include "exec/exec_explore.h"
#include "explore/campaign.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"
#include "vssemu/commands.h"
#include "vssemu/regression_files.h"
#include "vssemu/terminal.h"

namespace vssemu::tools {
namespace {

constexpr const char* kFuzzHelp =
    "usage: vssemu fuzz [options] <scenario.xml>\n"
    "\n"
    "Runs the scenario many times, each time with other choices where the\n"
    "protocol allows variation (writer orders, async timing, races, repeated\n"
    "Abort, BackupShutdown timing, another requester's Identify) and with\n"
    "faults, and checks every run: vssemu's checkers, and that a run without\n"
    "faults ends like the default run. The first failure of each class is\n"
    "shrunk, printed with the command that replays it and written as a\n"
    "pinned scenario (the scenario with that run's decisions in <explore>).\n"
    "\n"
    "  --runs N        how many runs (default 1000; exhaustive: the most)\n"
    "  --seed S        the first seed (default: the scenario's)\n"
    "  --exhaustive    run every writer order with every single fault\n"
    "                  placement instead of seeded runs\n"
    "  --faults LIST   fault kinds, comma-separated: provider, flush, hold,\n"
    "                  freeze-timeout, writer, user; or none (default: all)\n"
    "  --keep-going    count every failure class instead of stopping at the\n"
    "                  first failing run\n"
    "  --no-shrink     report failures as found (and pin none)\n"
    "  --regressions DIR\n"
    "                  write each shrunk failure as a pinned scenario into\n"
    "                  DIR (none is written without it); `vssemu run`\n"
    "                  replays it\n"
    "  --no-regressions  write no pinned scenario (the default)\n"
    "  --trace         print the trace of each (shrunk) failure\n"
    "  --quiet         no progress bar\n"
    "  --exec -- PROGRAM [ARGS...]\n"
    "                  explore a requester program: each run is one process\n"
    "                  of PROGRAM under vssemu's vssapi library\n"
    "                  (docs/drop-in.md); a scenario with <requester\n"
    "                  workload=\"exec\"> names its own program\n"
    "  --timeout S     a program still running after S seconds (default 60)\n"
    "                  is killed and the run fails with exec.hang\n"
    "  -j N            with --exec: N seeded runs (processes) at once; the\n"
    "                  report is the same for every N\n"
    "\n"
    "Exit codes: 0 no failure, 1 a failure was found, 2 bad usage, 3 the\n"
    "scenario could not be loaded.\n";

constexpr const char* kReplayHelp =
    "usage: vssemu replay --seed S [--choices C] <scenario.xml>\n"
    "\n"
    "Runs one run of a fuzz campaign again and prints its trace and verdict:\n"
    "the seed's own choices, or the recorded choices C (as `vssemu fuzz`\n"
    "prints them: PICK/OPTIONS, 0 and 0*N, comma-separated).\n"
    "\n"
    "  --seed S        the run's seed (required)\n"
    "  --choices C     the run's choices\n"
    "  --faults LIST   as for fuzz (must match the campaign)\n"
    "  --exec -- PROGRAM [ARGS...]  as for fuzz\n"
    "\n"
    "Exit codes: 0 the run passes, 1 it fails, 2 bad usage, 3 the scenario\n"
    "could not be loaded.\n";

struct Args {
  std::string file;
  size_t runs = 1000;
  std::optional<uint64_t> seed;
  std::optional<std::string> faults;
  std::string choices;
  std::optional<std::string> regressions;  // "" with --no-regressions.
  bool exhaustive = false, keep_going = false, shrink = true, trace = false,
       quiet = false;
  std::vector<std::string> exec;  // --exec: the program and its arguments.
  size_t jobs = 1;                // -j N.
  std::chrono::milliseconds timeout{60000};
};

bool Number(const std::string& text, uint64_t* value) {
  char* end = nullptr;
  *value = std::strtoull(text.c_str(), &end, 0);
  return !text.empty() && end != nullptr && *end == '\0';
}

// Parses args; on a problem prints it and returns the exit code.
std::optional<int> Parse(const char* command, const std::vector<std::string>& args,
                         bool replay, Args* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    uint64_t n = 0;
    if (a == "--runs" && has_value && !replay) {
      if (!Number(args[++i], &n) || n == 0) {
        std::fprintf(stderr, "vssemu %s: --runs takes a positive number\n", command);
        return kExitUsage;
      }
      out->runs = n;
    } else if (a == "--seed" && has_value) {
      if (!Number(args[++i], &n)) {
        std::fprintf(stderr, "vssemu %s: --seed takes a number\n", command);
        return kExitUsage;
      }
      out->seed = n;
    } else if (a == "--faults" && has_value) {
      out->faults = args[++i];
    } else if (a == "--exec") {
      size_t first = i + 1;
      if (first < args.size() && args[first] == "--") ++first;
      if (first < args.size()) {
        out->exec.assign(args.begin() + static_cast<std::ptrdiff_t>(first), args.end());
      }
      if (out->exec.empty()) {
        std::fprintf(stderr, "vssemu %s: --exec needs a program: --exec -- PROGRAM [ARGS...]\n",
                     command);
        return kExitUsage;
      }
      break;
    } else if ((a == "-j" || a == "--jobs") && has_value && !replay) {
      if (!Number(args[++i], &n) || n == 0 || n > 256) {
        std::fprintf(stderr, "vssemu %s: -j takes a number of runs at once, 1 to 256\n", command);
        return kExitUsage;
      }
      out->jobs = n;
    } else if (a == "--timeout" && has_value) {
      if (!Number(args[++i], &n) || n == 0 || n > 24 * 3600) {
        std::fprintf(stderr, "vssemu %s: --timeout takes seconds, 1 to 86400\n", command);
        return kExitUsage;
      }
      out->timeout = std::chrono::seconds(n);
    } else if (a == "--choices" && has_value && replay) {
      out->choices = args[++i];
    } else if (a == "--exhaustive" && !replay) {
      out->exhaustive = true;
    } else if (a == "--keep-going" && !replay) {
      out->keep_going = true;
    } else if (a == "--no-shrink" && !replay) {
      out->shrink = false;
    } else if (a == "--regressions" && has_value && !replay) {
      out->regressions = args[++i];
    } else if (a == "--no-regressions" && !replay) {
      out->regressions = "";
    } else if (a == "--trace" && !replay) {
      out->trace = true;
    } else if (a == "--quiet" && !replay) {
      out->quiet = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "vssemu %s: unknown option '%s' (see --help)\n",
                   command, a.c_str());
      return kExitUsage;
    } else if (out->file.empty()) {
      out->file = a;
    } else {
      std::fprintf(stderr, "vssemu %s: one scenario at a time\n", command);
      return kExitUsage;
    }
  }
  if (out->file.empty()) {
    std::fprintf(stderr, "vssemu %s: no scenario given (see --help)\n", command);
    return kExitUsage;
  }
  if (replay && !out->seed) {
    std::fprintf(stderr, "vssemu replay: --seed is required\n");
    return kExitUsage;
  }
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
  if (r.external && !r.exec && args.exec.empty()) {
    std::fprintf(stderr,
                 "vssemu %s: %s: the requester is external (the test's own "
                 "code): explore it with vssemu::Explore in the test, or run "
                 "it as a program with --exec -- PROGRAM\n",
                 command, args.file.c_str());
    return std::nullopt;
  }
  return std::move(*loaded.scenario);
}

// The program a run starts, from --exec or the scenario; empty program
// when the scenario runs in this process.
ExecRequest ProgramRequest(const Args& args, const scenario::Scenario& s) {
  ExecRequest request;
  request.scenario_file = args.file;
  request.timeout = args.timeout;
  if (!args.exec.empty()) {
    request.program = args.exec.front();
    request.args.assign(args.exec.begin() + 1, args.exec.end());
  } else if (s.requester.exec) {
    request.program = s.requester.program;
    request.args = s.requester.args;
  }
  return request;
}

// The --exec part of a replay line, which comes last.
std::string ExecTail(const Args& args) {
  std::string tail;
  for (const std::string& a : args.exec) tail += " " + a;
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
    if (!args.exec.empty()) {
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
  int exit_code = 0;
  if (HandleHelp(argv, kFuzzHelp, &exit_code)) return exit_code;
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
  // The progress bar only on a terminal; the summary always, on stdout.
  const bool bar = !args.quiet && ColourTerminal(stderr);
  options.progress = bar ? &std::cerr : nullptr;
  options.replay_command_tail = ExecTail(args);
  const ExecRequest program = ProgramRequest(args, *s);
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
  if (!bar) std::fputs(report.Summary().c_str(), stdout);
  if (args.trace) {
    for (const ExploreFailure& f : report.failures) {
      std::printf("--- trace of %s (seed %llu)\n%s", f.rule.c_str(),
                  static_cast<unsigned long long>(f.seed), f.trace.c_str());
    }
  }
  Pin(args, *s, options, report, program);
  return report.ok() ? kExitOk : kExitFailure;
}

int RunReplay(const std::vector<std::string>& argv) {
  int exit_code = 0;
  if (HandleHelp(argv, kReplayHelp, &exit_code)) return exit_code;
  Args args;
  if (auto code = Parse("replay", argv, true, &args)) return *code;
  std::optional<scenario::Scenario> s = Load("replay", args);
  if (!s) return kExitInput;
  ExploreOptions options = explore::ScenarioExploreOptions(*s);
  if (!ApplyFaults("replay", args, &options)) return kExitUsage;
  const ExecRequest program = ProgramRequest(args, *s);
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
