// Speed of exploration (Google Benchmark; run the release build):
//   BM_SeededRunsThreeWriters: seeded runs of a full component-mode backup by
//     the sample requester of fixtures/broken against three writers, every
//     choice point and fault kind in play, the checkers on, no trace (target:
//     at least 50,000 runs per second on one core);
//   BM_ExhaustiveThreeWriters: the exhaustive proof of the same requester
//     against every order of three writers (one per application level) and
//     every single fault placement; reports the number of paths.
#include <benchmark/benchmark.h>

#include <functional>

#include <vssemu/explore.h>

#include "benchmarks/fixed_iterations.h"

#include "fixtures/broken/backup_requester.h"
#include "fixtures/broken/flawed_writer.h"

namespace vssemu::broken {
namespace {

struct ThreeWriters {
  Database db[3];
  VSS_APPLICATION_LEVEL levels[3] = {VSS_APP_FRONT_END, VSS_APP_FRONT_END,
                                     VSS_APP_FRONT_END};
  HRESULT operator()() {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A", {}, levels[0]), b(&db[1], L"B", {}, levels[1]),
        c(&db[2], L"C", {}, levels[2]);
    for (FlawedWriter* w : {&a, &b, &c}) {
      HRESULT hr = w->Start();
      if (FAILED(hr)) return hr;
    }
    return RunSampleBackup();
  }
};

void BM_SeededRunsThreeWriters(benchmark::State& state) {
  ThreeWriters world;
  ExploreOptions options;
  options.runs = 1000;
  options.run.record_trace = false;
  size_t runs = 0;
  for (auto _ : state) {
    ExploreReport report = Explore(options, std::ref(world));
    if (!report.ok()) {
      state.SkipWithError(report.Summary().c_str());
      return;
    }
    runs += report.runs;
    options.seed += options.runs;
  }
  state.SetItemsProcessed(static_cast<int64_t>(runs));
}
BENCHMARK(BM_SeededRunsThreeWriters)
    ->Unit(benchmark::kMillisecond)
    ->Apply(bench::FixedIterations);

void BM_ExhaustiveThreeWriters(benchmark::State& state) {
  ThreeWriters world;
  world.levels[1] = VSS_APP_BACK_END;
  world.levels[2] = VSS_APP_SYSTEM;
  ExploreOptions options;
  UseExhaustiveScope(&options);
  // A smoke run walks the first paths only.
  options.runs = bench::Smoke() ? 200 : static_cast<size_t>(-1);
  options.run.record_trace = false;
  size_t paths = 0;
  for (auto _ : state) {
    ExploreReport report = Explore(options, std::ref(world));
    if (!report.ok() || (!report.complete && !bench::Smoke())) {
      state.SkipWithError(report.Summary().c_str());
      return;
    }
    paths = report.runs;
  }
  state.counters["paths"] = static_cast<double>(paths);
}
BENCHMARK(BM_ExhaustiveThreeWriters)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace vssemu::broken

BENCHMARK_MAIN();
