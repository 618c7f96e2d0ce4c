// vssemu run / validate / list: scenario files from the command line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>

#include "exec/exec_explore.h"
#include "exec/exec_run.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"
#include "trace/trace_export.h"
#include "vssemu/command_line.h"
#include "vssemu/commands.h"
#include "vssemu/html_report.h"
#include "vssemu/junit_report.h"
#include "vssemu/scenario_files.h"
#include "vssemu/terminal.h"

namespace vssemu::tools {
namespace {

constexpr const char* kRunFooter =
    "With one scenario its trace is printed, then one verdict line; with\n"
    "several, one progress line each. A scenario with <requester\n"
    "workload=\"exec\"> runs its own program (docs/drop-in.md).\n"
    "\n"
    "Exit codes: 0 every expectation held, 1 an expectation failed (or the\n"
    "program crashed or hung), 2 bad usage, 3 a scenario could not be loaded,\n"
    "names a writer class this program has not registered, or its program\n"
    "did not start, 4 every scenario was skipped (its requester is the test's\n"
    "own code, workload=\"external\", and no --exec program was given).\n"
    "An emulator bug stops the program with\n"
    "'vssemu internal error' and the seed (SIGABRT).";

const char* Paint(bool ok, std::FILE* stream) {
  if (!ColourTerminal(stream)) return ok ? "ok" : "FAILED";
  return ok ? "\033[32mok\033[0m" : "\033[31mFAILED\033[0m";
}

using Outcome = ScenarioOutcome;

// The last lines of a trace's text, for a failure's report.
std::string TraceTail(const Trace& trace, size_t lines) {
  const std::vector<TraceEvent>& events = trace.events();
  std::string tail;
  for (size_t i = events.size() > lines ? events.size() - lines : 0; i < events.size(); ++i) {
    tail += events[i].ToLine() + "\n";
  }
  return tail;
}

std::string Render(const Trace& trace, const std::string& format) {
  if (format == "json") return trace.ToJsonLines();
  if (format == "mermaid") return TraceToMermaid(trace);
  if (format == "chrome") return TraceToChromeJson(trace);
  return trace.ToText();
}

// Collects files for a command; prints why when none can be used.
bool Files(const char* command, const std::vector<std::string>& args,
           std::vector<std::string>* files) {
  std::vector<std::string> missing;
  *files = FindScenarioFiles(args, &missing);
  for (const std::string& m : missing) {
    std::fprintf(stderr, "vssemu %s: %s: no such file or folder\n", command, m.c_str());
  }
  if (files->empty()) {
    std::fprintf(stderr, "vssemu %s: no scenario files found\n", command);
    return false;
  }
  return missing.empty();
}

}  // namespace

namespace {

// The one line that ends a single scenario's run: whether its expectations
// held (or the first failure), its seed and its trace's hash.
std::string VerdictLine(const scenario::Scenario& s, const scenario::RunResult& run,
                        uint64_t seed) {
  std::string line = "verdict: ";
  if (run.passed) {
    line += s.pinned ? std::string("ok, the pinned run passes")
                     : "ok, " + std::to_string(s.expectations.size()) +
                           " expectation(s) held";
  } else {
    line += "FAILED, ";
    line += run.failures.empty() ? std::string("the run failed") : run.failures.front();
    if (run.failures.size() > 1) {
      line += " (and " + std::to_string(run.failures.size() - 1) + " more)";
    }
  }
  line += "; seed " + std::to_string(seed) + "; trace hash " + run.trace.HashText();
  return line;
}

// Writes run's HTML page as dir/<file's name>.html; returns its path, or ""
// when it cannot be written.
std::string WriteReport(const std::string& dir, const std::string& file,
                        const scenario::Scenario& s, const scenario::RunResult& run,
                        uint64_t seed, const std::string& verdict) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path path = fs::path(dir) / (fs::path(file).stem().string() + ".html");
  std::ofstream out(path, std::ios::binary);
  out << HtmlReport(s, run, seed, verdict);
  out.close();
  return out ? path.generic_string() : "";
}

// True when s's requester is the test's own code and this run has no
// program to stand in for it.
bool NeedsTheTestsRequester(const std::string& file, const scenario::Scenario& s,
                            const ProgramOptions& program) {
  return s.requester.external && ProgramRequest(program, file, s).program.empty();
}

// Runs one loaded scenario: in process, pinned, or around a program.
// *program_failed is set when the program could not be run at all.
scenario::RunResult RunOne(const std::string& file, const scenario::Scenario& s,
                           std::optional<uint64_t> seed,
                           const ProgramOptions& program, bool* not_started) {
  ExecRequest request = ProgramRequest(program, file, s);
  if (request.program.empty()) {
    // A scenario with <explore> pins one exploring run: that run, judged
    // as `vssemu fuzz` judges runs. With the test's own requester it is
    // replayed from the test (RunScenario says so).
    return s.pinned && !s.requester.external ? explore::RunPinned(s, seed)
                                             : scenario::RunScenario(s, seed);
  }
  request.seed = seed;
  if (s.pinned) {
    // A pinned run of the program: judged as `vssemu fuzz --exec` judges
    // runs, each run a process of the program.
    scenario::RunResult last;
    const explore::Runner runner = ExecRunner(s, request, &last);
    return explore::RunPinned(s, seed, &runner, &last);
  }
  ExecOutcome outcome = RunProgram(s, request);
  *not_started = !outcome.child.started || !outcome.program.load_error.empty();
  for (const std::string& note : outcome.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
  if (!outcome.run.passed && !outcome.output.empty()) {
    std::fflush(stdout);
    std::fprintf(stderr, "--- the program's output ---\n%s%s--- end of the program's output ---\n",
                 outcome.output.c_str(),
                 outcome.output.back() == '\n' ? "" : "\n");
  }
  return std::move(outcome.run);
}

}  // namespace

int RunScenarios(const std::vector<std::string>& args) {
  std::optional<uint64_t> seed;
  std::string format = "text", junit, report, hashes;
  bool quiet = false, trace = false;
  std::vector<std::string> inputs;
  std::vector<std::string> rest = args;
  CLI::App app;
  SetUpCommand(app, "run", "Runs scenarios and checks their expectations.", kRunFooter);
  ProgramOptions program;
  const std::string exec_error = AddProgramOptions(
      app, &rest,
      "run PROGRAM as each scenario's requester, a child process with vssemu's vssapi "
      "library, judged from outside",
      &program);
  if (!exec_error.empty()) {
    std::fprintf(stderr, "vssemu run: %s\n", exec_error.c_str());
    return kExitUsage;
  }
  AddSeedOption(app, &seed, "replace every scenario's seed");
  app.add_option("--format", format,
                 "trace format: text (default), json, mermaid, chrome, or html (a whole report "
                 "page)")
      ->check(CLI::IsMember({"text", "json", "mermaid", "chrome", "html"}));
  app.add_option("--report", report,
                 "write one self-contained HTML page per scenario into this folder");
  app.add_option("--hashes", hashes,
                 "write each run's trace hash and file (HASH PATH, one line each) to this file, "
                 "to compare runs across machines");
  app.add_flag("--trace", trace, "print the trace even when running several");
  app.add_flag("--quiet", quiet, "print no trace, only results");
  app.add_option("--junit", junit, "write a JUnit XML report");
  app.add_option("scenarios", inputs, "scenario files or folders")->required();
  if (std::optional<int> code = ParseCommand(app, rest)) return *code;
  std::vector<std::string> files;
  if (!Files("run", inputs, &files) && files.empty()) return kExitInput;
  const bool single = files.size() == 1;
  // Standard output carries the traces; with a format for other tools it
  // carries nothing else, and the lines for people go to standard error.
  std::FILE* human = format == "text" ? stdout : stderr;
  std::vector<Outcome> outcomes;
  std::string hash_lines;
  bool any_load_error = false, any_failure = false;
  for (size_t i = 0; i < files.size(); ++i) {
    Outcome o;
    o.file = files[i];
    scenario::LoadResult loaded = scenario::LoadScenarioFile(files[i]);
    if (!loaded) {
      o.messages.push_back(loaded.ErrorText());
      std::fprintf(stderr, "%s\n", loaded.ErrorText().c_str());
      any_load_error = true;
    } else if (std::string unregistered = scenario::UnregisteredWriterClass(*loaded.scenario);
               !unregistered.empty()) {
      // The scenario is fine; this program cannot run it: an input error.
      o.messages.push_back(unregistered);
      std::fprintf(stderr, "%s\n", unregistered.c_str());
      any_load_error = true;
    } else if (NeedsTheTestsRequester(files[i], *loaded.scenario, program)) {
      o.loaded = true;
      o.skipped = true;
      o.name = loaded.scenario->name;
      o.seed = seed.value_or(loaded.scenario->options.seed);
      o.messages.push_back(loaded.scenario->requester.where.ToString() +
                           ": skipped: its requester is the test's own code "
                           "(workload=\"external\"); run it from C++ with "
                           "vssemu::scenario::RunScenario or vssemu::ExploreScenario, "
                           "or give it a program with --exec -- PROGRAM");
      std::fprintf(stderr, "%s\n", o.messages.back().c_str());
    } else {
      o.loaded = true;
      o.name = loaded.scenario->name;
      o.seed = seed.value_or(loaded.scenario->options.seed);
      bool not_started = false;
      const auto started = std::chrono::steady_clock::now();
      scenario::RunResult run =
          RunOne(files[i], *loaded.scenario, seed, program, &not_started);
      o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (!run.passed) o.trace_tail = TraceTail(run.trace, 30);
      any_load_error |= not_started;
      o.passed = run.passed;
      o.messages = run.failures;
      any_failure |= !run.passed;
      const uint64_t run_seed = seed.value_or(loaded.scenario->options.seed);
      hash_lines += run.trace.HashText() + " " + std::filesystem::path(files[i]).generic_string() +
                    "\n";
      const std::string verdict = VerdictLine(*loaded.scenario, run, run_seed);
      if (!quiet && (single || trace)) {
        std::fputs(format == "html" ? HtmlReport(*loaded.scenario, run, run_seed, verdict).c_str()
                                    : Render(run.trace, format).c_str(),
                   stdout);
      }
      if (!report.empty()) {
        std::string written = WriteReport(report, files[i], *loaded.scenario, run, run_seed, verdict);
        if (written.empty()) {
          std::fprintf(stderr, "vssemu run: cannot write a report into %s\n", report.c_str());
          any_load_error = true;
        } else {
          std::fprintf(stderr, "report: %s\n", written.c_str());
        }
      }
      // The trace and the failures often share a terminal or a pipe: keep
      // them in order.
      std::fflush(stdout);
      for (const std::string& m : run.failures) std::fprintf(stderr, "%s\n", m.c_str());
      if (single && !quiet) {
        // After a text trace on standard output; with another format on
        // standard error, so that standard output stays machine-readable.
        std::fflush(stderr);
        std::FILE* stream = format == "text" ? stdout : stderr;
        std::fprintf(stream, "%s\n", verdict.c_str());
        std::fflush(stream);
      }
    }
    if (!single || quiet) {
      std::fprintf(human, "[%llu/%llu] %s ... %s\n",
                  static_cast<unsigned long long>(i + 1),
                  static_cast<unsigned long long>(files.size()), o.file.c_str(),
                  !o.loaded ? "LOAD ERROR" : o.skipped ? "skipped" : Paint(o.passed, human));
    }
    outcomes.push_back(std::move(o));
  }
  if (!hashes.empty()) {
    std::ofstream out(hashes, std::ios::binary);
    out << hash_lines;
    if (!out) {
      std::fprintf(stderr, "vssemu run: cannot write %s\n", hashes.c_str());
      return kExitInput;
    }
  }
  if (!junit.empty() && !WriteJunit(junit, outcomes)) {
    std::fprintf(stderr, "vssemu run: cannot write %s\n", junit.c_str());
    return kExitInput;
  }
  size_t passed = 0, skipped = 0;
  for (const Outcome& o : outcomes) {
    passed += o.passed ? 1 : 0;
    skipped += o.skipped ? 1 : 0;
  }
  if (!single) {
    std::fprintf(human, "%llu of %llu scenarios passed", static_cast<unsigned long long>(passed),
                 static_cast<unsigned long long>(outcomes.size()));
    if (skipped > 0) std::fprintf(human, ", %llu skipped", static_cast<unsigned long long>(skipped));
    std::fprintf(human, "\n");
  }
  if (any_load_error) return kExitInput;
  if (any_failure) return kExitFailure;
  return skipped == outcomes.size() ? kExitSkipped : kExitOk;
}

namespace {

// Loads every scenario named by args (files or folders), reporting load
// errors on stderr and handing each loaded one to use; returns the exit
// status of validate and list.
int ForEachLoaded(const char* command, const std::vector<std::string>& args,
                  const std::function<void(const std::string& file,
                                           const scenario::Scenario&)>& use) {
  std::vector<std::string> files;
  int status = Files(command, args, &files) ? kExitOk : kExitInput;
  for (const std::string& file : files) {
    scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.ErrorText().c_str());
      status = kExitInput;
    } else {
      use(file, *loaded.scenario);
    }
  }
  return status;
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  CLI::App app;
  SetUpCommand(app, "validate",
               "Loads scenarios without running them and reports the first error of "
               "each as file:line:column: message.",
               "Exit codes: 0 all valid, 2 bad usage, 3 a scenario is invalid.");
  std::vector<std::string> inputs;
  app.add_option("scenarios", inputs, "scenario files or folders")->required();
  if (std::optional<int> code = ParseCommand(app, args)) return *code;
  return ForEachLoaded("validate", inputs,
                       [](const std::string& file, const scenario::Scenario&) {
                         std::printf("%s: ok\n", file.c_str());
                       });
}

int RunList(const std::vector<std::string>& args) {
  CLI::App app;
  SetUpCommand(app, "list",
               "Lists the scenarios in the folders: file, spec section and requirement.",
               "Exit codes: 0 ok, 2 bad usage, 3 a scenario could not be loaded.");
  std::vector<std::string> inputs;
  app.add_option("folders", inputs, "folders (or scenario files)")->required();
  if (std::optional<int> code = ParseCommand(app, args)) return *code;
  return ForEachLoaded(
      "list", inputs, [](const std::string& file, const scenario::Scenario& s) {
        std::printf("%s  [spec %s] %s\n", file.c_str(), s.spec_section.c_str(),
                    s.requirement.c_str());
      });
}

}  // namespace vssemu::tools
