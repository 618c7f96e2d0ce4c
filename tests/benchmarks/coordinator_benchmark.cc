// Speed of the emulated service (Google Benchmark; run the release build):
//   BM_FullBackup: full component-mode backups with 3 writers of 10
//     components each (target: at least 20,000 per second on one core);
//   BM_FreezeTimeout: a DoSnapshotSet that waits out a 60-second freeze
//     window (target: under 100 microseconds of real time);
//   BM_BackupScaling/N: one backup with N writers (target: linear in N).
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

RunOptions QuietOptions() {
  RunOptions options;
  options.record_trace = false;     // Runs of millions of events.
  options.strictness = Strictness::kWindows;
  return options;
}

std::vector<std::unique_ptr<TestWriter>> MakeWriters(int count,
                                                     int components) {
  std::vector<std::unique_ptr<TestWriter>> writers;
  for (int i = 0; i < count; ++i) {
    auto w = std::make_unique<TestWriter>(L"W" + std::to_wstring(i));
    w->components.clear();
    for (int c = 0; c < components; ++c) {
      w->components.push_back(L"C" + std::to_wstring(c));
    }
    if (FAILED(w->Start())) return {};
    writers.push_back(std::move(w));
  }
  return writers;
}

// One complete component-mode backup, as a requester does it.
bool FullBackup() {
  Requester r;
  if (FAILED(r.Prepare())) return false;
  if (FAILED(r.Snapshot())) return false;
  return r.Run(&IVssBackupComponents::BackupComplete) == VSS_S_ASYNC_FINISHED;
}

void BM_FullBackup(benchmark::State& state) {
  Emulator emulator(QuietOptions());
  auto writers = MakeWriters(3, 10);
  for (auto _ : state) {
    if (!FullBackup()) state.SkipWithError("backup failed");
  }
  state.counters["backups_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FullBackup);

void BM_FreezeTimeout(benchmark::State& state) {
  Emulator emulator(QuietOptions());
  TestWriter front(L"Front", VSS_APP_FRONT_END, 60000);
  TestWriter back(L"Back", VSS_APP_BACK_END);
  back.scripts["Freeze"].spend = std::chrono::seconds(61);
  if (FAILED(front.Start()) || FAILED(back.Start())) {
    state.SkipWithError("writers failed to start");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    Requester r;
    bool prepared = SUCCEEDED(r.Prepare());
    state.ResumeTiming();
    // The timed part: DoSnapshotSet, 61 s of virtual time, one timeout.
    if (!prepared || FAILED(r.Snapshot())) state.SkipWithError("snapshot failed");
    state.PauseTiming();
    r.Release();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_FreezeTimeout)->Unit(benchmark::kMicrosecond);

void BM_BackupScaling(benchmark::State& state) {
  Emulator emulator(QuietOptions());
  auto writers = MakeWriters(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) {
    if (!FullBackup()) state.SkipWithError("backup failed");
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_BackupScaling)
    ->Arg(1)->Arg(10)->Arg(100)->Arg(1000)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);

}  // namespace
}  // namespace vssemu::testing

BENCHMARK_MAIN();
