// Speed of scenario files (Google Benchmark; run the release build):
//   BM_LoadAndRunFreezeWindowScenario: scenarios/timeout/
//     freeze-window-expires.xml (a 61-second Freeze against a 60-second
//     window) loaded and run with its trace and expectations (target: a
//     few milliseconds of wall time at most);
//   BM_LoadScenario: the loader alone on the same file.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"

namespace vssemu::scenario {
namespace {

std::string ReadCorpusFile(const char* relative) {
  std::ifstream in(std::string(VSSEMU_SOURCE_DIR) + "/" + relative,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* kFreezeWindow = "scenarios/timeout/freeze-window-expires.xml";

void BM_LoadAndRunFreezeWindowScenario(benchmark::State& state) {
  const std::string xml = ReadCorpusFile(kFreezeWindow);
  for (auto _ : state) {
    LoadResult loaded = LoadScenarioText(xml, kFreezeWindow);
    if (!loaded) {
      state.SkipWithError(loaded.ErrorText().c_str());
      return;
    }
    RunResult run = RunScenario(*loaded.scenario, std::nullopt);
    if (!run.passed) {
      state.SkipWithError("the scenario's expectations failed");
      return;
    }
    benchmark::DoNotOptimize(run.trace);
  }
}
BENCHMARK(BM_LoadAndRunFreezeWindowScenario)->Unit(benchmark::kMicrosecond);

void BM_LoadScenario(benchmark::State& state) {
  const std::string xml = ReadCorpusFile(kFreezeWindow);
  for (auto _ : state) {
    LoadResult loaded = LoadScenarioText(xml, kFreezeWindow);
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadScenario)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vssemu::scenario

BENCHMARK_MAIN();
