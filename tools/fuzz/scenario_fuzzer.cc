// vssemu_scenario_fuzzer: a libFuzzer target over a scenario file (coverage-
// guided `vssemu fuzz`). Each input's bytes are the run's decisions; a run
// that fails is reported with its `vssemu replay` line, optionally pinned
// as a scenario, and the program aborts so that libFuzzer keeps the input.
//
//   vssemu_scenario_fuzzer --scenario=FILE [--faults=LIST] [--regressions=DIR]
//                          [libFuzzer options] [corpus folders]
//
// libFuzzer passes options that start with "--" on untouched; they are read
// here, in LLVMFuzzerInitialize.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "coordinator/choice_points.h"
#include "explore/fuzz.h"
#include "explore/scenario_explore.h"
#include "scenario/scenario_loader.h"
#include "vssemu/regression_files.h"

namespace {

constexpr const char* kHelp =
    "vssemu_scenario_fuzzer: coverage-guided exploration of a scenario file\n"
    "\n"
    "  --scenario=FILE      the scenario (required; or VSSEMU_FUZZ_SCENARIO)\n"
    "  --faults=LIST        fault kinds in play, comma-separated: provider,\n"
    "                       flush, hold, freeze-timeout, writer, user; or none\n"
    "                       (default: all)\n"
    "  --regressions=DIR    pin a failure as a scenario in DIR\n"
    "\n"
    "Every other option and argument is libFuzzer's (-runs=N, -seed=S,\n"
    "-max_total_time=T, corpus folders; see -help=1). A failing run prints\n"
    "its class, shrunk decisions and a `vssemu replay` line, then aborts.\n"
    "Exit codes: 2 bad usage, 3 the scenario could not be loaded.\n";

struct Target {
  vssemu::scenario::Scenario scenario;
  vssemu::ExploreOptions options;
  std::unique_ptr<vssemu::explore::Fuzzer> fuzzer;
  std::string regressions;
};
std::unique_ptr<Target> target;

// Returns whether arg is "<name><value>", setting *value.
bool Option(const char* arg, const char* name, std::optional<std::string>* value) {
  const size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0) return false;
  *value = std::string(arg + n);
  return true;
}

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr, "vssemu_scenario_fuzzer: %s (see --help)\n", problem.c_str());
  std::exit(2);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::optional<std::string> file, faults, regressions;
  if (const char* env = std::getenv("VSSEMU_FUZZ_SCENARIO")) file = env;
  for (int i = 1; i < *argc; ++i) {
    const char* a = (*argv)[i];
    if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0) {
      std::fputs(kHelp, stdout);
      std::exit(0);
    }
    if (!Option(a, "--scenario=", &file) && !Option(a, "--faults=", &faults) &&
        !Option(a, "--regressions=", &regressions) && std::strncmp(a, "--", 2) == 0) {
      Usage(std::string("unknown option ") + a);
    }
  }
  if (!file || file->empty()) Usage("no scenario: pass --scenario=FILE");
  vssemu::scenario::LoadResult loaded = vssemu::scenario::LoadScenarioFile(*file);
  if (!loaded) {
    std::fprintf(stderr, "vssemu_scenario_fuzzer: %s\n", loaded.ErrorText().c_str());
    std::exit(3);
  }
  if (loaded.scenario->requester.external) {
    std::fprintf(stderr, "vssemu_scenario_fuzzer: %s: the requester is external; "
                         "fuzz it with vssemu::ExploreFuzzer in the test\n", file->c_str());
    std::exit(3);
  }
  target = std::make_unique<Target>();
  target->scenario = std::move(*loaded.scenario);
  target->regressions = regressions.value_or("");
  target->options = vssemu::explore::ScenarioExploreOptions(target->scenario);
  target->options.run.record_trace = false;
  target->options.replay_command = "vssemu replay " + *file;
  if (faults) {
    std::string unknown;
    auto kinds = vssemu::coordinator::FaultKindsFromList(*faults, &unknown);
    if (!kinds) Usage("unknown fault kind " + unknown);
    target->options.run.exploration.faults = std::move(*kinds);
    target->options.replay_command += " --faults " + *faults;
  }
  target->fuzzer = std::make_unique<vssemu::explore::Fuzzer>(
      target->options, vssemu::explore::ScenarioRunner(target->scenario));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<vssemu::ExploreFailure> failure = target->fuzzer->Check(data, size);
  if (!failure) return 0;
  std::fputs(vssemu::explore::FuzzFailureReport(*failure).c_str(), stderr);
  if (!target->regressions.empty()) {
    vssemu::tools::PinRegression(target->regressions, target->scenario, target->options,
                                 *failure, stderr);
  }
  std::fflush(stderr);
  std::abort();
}
