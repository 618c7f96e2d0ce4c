// Speed of the emulated service (Google Benchmark; run the release build):
//   BM_FullBackup: full component-mode backups with 3 writers of 10
//     components each (target: at least 20,000 per second on one core);
//   BM_FreezeTimeout: a DoSnapshotSet that waits out a 60-second freeze
//     window (target: under 100 microseconds of real time);
//   BM_BackupScaling/N: one backup with N writers (target: linear in N);
//   BM_SoakMillionBackups: a million backups in one emulator; resident
//     memory after 10,000 and after 1,000,000 backups (target: within 10 %
//     of each other: nothing grows with the number of backups).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <vector>

#include <unistd.h>

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
    w->record_events = false;  // Measure the emulator, not the test writer.
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

// Resident memory of this process in KiB (Linux: /proc/self/statm).
double ResidentKiB() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  long size = 0, resident = 0;
  const int read = std::fscanf(statm, "%ld %ld", &size, &resident);
  std::fclose(statm);
  return read == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1024
                   : 0;
}

void BM_SoakMillionBackups(benchmark::State& state) {
  for (auto _ : state) {
    Emulator emulator(QuietOptions());
    auto writers = MakeWriters(3, 10);
    double after_10k = 0;
    for (int i = 1; i <= 1000000; ++i) {
      if (!FullBackup()) {
        state.SkipWithError("backup failed");
        return;
      }
      if (i == 10000) after_10k = ResidentKiB();
    }
    const double after_1m = ResidentKiB();
    state.counters["rss_kib_at_10k"] = after_10k;
    state.counters["rss_kib_at_1m"] = after_1m;
    state.counters["growth_pct"] = after_10k > 0 ? 100.0 * (after_1m - after_10k) / after_10k : 0;
  }
}
BENCHMARK(BM_SoakMillionBackups)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace vssemu::testing

BENCHMARK_MAIN();
