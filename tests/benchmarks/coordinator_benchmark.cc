// Speed of the emulated service (Google Benchmark; run the release build;
// docs/performance.md has the figures and how they were measured):
//   BM_DirectCalls: the baseline. The writers' callbacks of a full
//     component-mode backup of 3 writers of 10 components, called directly
//     in the documented order with vssemu's own metadata builder and
//     Backup Components Document views: what a backup costs with no
//     emulator at all;
//   BM_FullBackup: the same backup through the emulator: a fresh emulator
//     (trace on, checkers on), the writers subscribed, and a requester that
//     follows the protocol, with no violation allowed (target: within 3x of
//     BM_DirectCalls in instructions, at least 60,000 per second);
//   BM_TraceText, BM_TraceHash: the canonical text of that backup's trace
//     and its hash alone (target: 200 ns per event at most);
//   BM_FreezeTimeout: a DoSnapshotSet that waits out a 60-second freeze
//     window (target: 10 microseconds at most);
//   BM_Scaling/W/C: one full backup of W writers of C components each, in a
//     fresh emulator, with the peak heap it needed (target: linear in
//     writers times components);
//   BM_SoakMillionBackups: a million backups in one emulator; resident
//     memory after 10,000 and after 1,000,000 backups (target: within 10 %
//     of each other: nothing grows with the number of backups).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <vector>

#include <unistd.h>

#include <vsserror.h>

#include "benchmarks/fixed_iterations.h"
#include "benchmarks/heap_counter.h"
#include "coordinator/coordinator_test_util.h"
#include "coordinator/service.h"
#include "metadata/bcd_model.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/wmd_create.h"

namespace vssemu::testing {
namespace {

std::vector<std::unique_ptr<TestWriter>> MakeWriters(int count, int components,
                                                     bool subscribe = true) {
  std::vector<std::unique_ptr<TestWriter>> writers;
  writers.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    auto w = std::make_unique<TestWriter>(L"W" + std::to_wstring(i));
    w->record_events = false;  // Measure the emulator, not the test writer.
    w->components.clear();
    for (int c = 0; c < components; ++c) {
      w->components.push_back(L"C" + std::to_wstring(c));
    }
    if (subscribe && FAILED(w->Start())) return {};
    writers.push_back(std::move(w));
  }
  return writers;
}

// One complete component-mode backup, as a requester does it: every
// component it added reported with SetBackupSucceeded before
// BackupComplete (spec 9.5).
bool FullBackup() {
  Requester r;
  if (FAILED(r.Prepare())) return false;
  if (FAILED(r.Snapshot())) return false;
  return r.Complete() == VSS_S_ASYNC_FINISHED;
}

// Runs one backup of writers x components in a fresh emulator with
// options; false (and the benchmark skipped with the reason) if it failed
// or broke a rule.
bool FreshBackup(benchmark::State& state, const RunOptions& options,
                 int writers, int components) {
  Emulator emulator(options);
  auto subscribed = MakeWriters(writers, components);
  if (subscribed.empty() || !FullBackup()) {
    state.SkipWithError("backup failed");
    return false;
  }
  if (!emulator.violations().empty()) {
    state.SkipWithError(("violation: " + emulator.violations()[0].rule).c_str());
    return false;
  }
  return true;
}

// The events of one full backup, in the documented order (spec 3.1), with
// the BcdEvent each callback's components view is made for.
void CallDirectly(std::vector<std::unique_ptr<TestWriter>>& writers) {
  using metadata::BcdEvent;
  metadata::BackupComponentsDocument bcd;
  metadata::SetBackupState(&bcd, true, false, VSS_BT_FULL, false);
  // Identify: each writer describes itself to a fresh builder; the
  // requester adds every component it declared.
  for (auto& w : writers) {
    metadata::WriterIdentity identity;
    identity.writer_id = w->class_id();
    identity.instance_id = w->class_id();
    auto creator = com::MakeComObject<metadata::WriterMetadataCreator>(identity);
    w->OnIdentify(static_cast<IVssCreateWriterMetadata*>(creator.get()));
    const metadata::WriterMetadata described = creator->Take();
    for (const metadata::Component& c : described.components) {
      metadata::AddComponent(&bcd, identity.instance_id, identity.writer_id,
                             c.type, c.logical_path.c_str(), c.name.c_str());
    }
  }
  auto each = [&](BcdEvent event, auto call) {
    auto access = metadata::MakeBcdAccess(event);
    for (size_t i = 0; i < writers.size(); ++i) {
      metadata::BcdWriterComponentsView view(bcd.writers[i], access);
      call(*writers[i], &view);
    }
  };
  each(BcdEvent::kPrepareForBackup,
       [](TestWriter& w, IVssWriterComponents* v) { w.OnPrepareBackup(v); });
  each(BcdEvent::kNone, [](TestWriter& w, auto*) { w.OnPrepareSnapshot(); });
  each(BcdEvent::kNone, [](TestWriter& w, auto*) { w.OnFreeze(); });
  each(BcdEvent::kNone, [](TestWriter& w, auto*) { w.OnThaw(); });
  each(BcdEvent::kPostSnapshot,
       [](TestWriter& w, IVssWriterComponents* v) { w.OnPostSnapshot(v); });
  // The requester reports every component before BackupComplete.
  for (const auto& entry : bcd.writers) {
    for (const auto& c : entry->components) {
      metadata::SetBackupSucceeded(&bcd, entry->instance_id, entry->writer_id,
                                   c->type, c->logical_path.c_str(),
                                   c->name.c_str(), true);
    }
  }
  each(BcdEvent::kBackupComplete,
       [](TestWriter& w, IVssWriterComponents* v) { w.OnBackupComplete(v); });
  each(BcdEvent::kNone,
       [](TestWriter& w, auto*) { w.OnBackupShutdown(GUID_NULL); });
}

void BM_DirectCalls(benchmark::State& state) {
  auto writers = MakeWriters(3, 10, /*subscribe=*/false);
  const uint64_t before = bench::Allocations();
  for (auto _ : state) CallDirectly(writers);
  state.counters["allocs_per_backup"] =
      static_cast<double>(bench::Allocations() - before) /
      static_cast<double>(state.iterations());
}
BENCHMARK(BM_DirectCalls)->Apply(bench::FixedIterations);

void BM_FullBackup(benchmark::State& state) {
  Emulator emulator;  // Trace on, checkers on, violations reported.
  auto writers = MakeWriters(3, 10);
  Trace& trace = emulator.service()->trace();
  size_t events = 0;
  const uint64_t before = bench::Allocations();
  for (auto _ : state) {
    if (!FullBackup()) {
      state.SkipWithError("backup failed");
      return;
    }
    if (!emulator.violations().empty()) {
      state.SkipWithError(("violation: " + emulator.violations()[0].rule).c_str());
      return;
    }
    // Every event was recorded; dropping them keeps the memory flat.
    events = trace.size();
    trace.Clear();
  }
  state.counters["backups_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["allocs_per_backup"] =
      static_cast<double>(bench::Allocations() - before) /
      static_cast<double>(state.iterations());
}
BENCHMARK(BM_FullBackup)->Apply(bench::FixedIterations);

// The trace of one full backup of 3 writers of 10 components.
Trace OneBackupTrace() {
  Emulator emulator;
  auto writers = MakeWriters(3, 10);
  FullBackup();
  return emulator.trace();
}

// Reports the trace events handled per second by a benchmark that handles
// events events per iteration (1e9 / events_per_s is the time per event).
void CountEvents(benchmark::State& state, size_t events) {
  state.counters["events"] = static_cast<double>(events);
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(events) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void BM_TraceText(benchmark::State& state) {
  const Trace trace = OneBackupTrace();
  for (auto _ : state) benchmark::DoNotOptimize(trace.ToText());
  CountEvents(state, trace.events().size());
}
BENCHMARK(BM_TraceText)->Apply(bench::FixedIterations);

void BM_TraceHash(benchmark::State& state) {
  const Trace trace = OneBackupTrace();
  for (auto _ : state) benchmark::DoNotOptimize(trace.Hash());
  CountEvents(state, trace.events().size());
}
BENCHMARK(BM_TraceHash)->Apply(bench::FixedIterations);

RunOptions QuietOptions() {
  RunOptions options;
  options.record_trace = false;     // Runs of millions of events.
  options.strictness = Strictness::kWindows;
  return options;
}

void BM_FreezeTimeout(benchmark::State& state) {
  Emulator emulator(QuietOptions());
  TestWriter front(L"Front", VSS_APP_FRONT_END, 60000);
  TestWriter back(L"Back", VSS_APP_BACK_END);
  front.record_events = back.record_events = false;
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

void BM_Scaling(benchmark::State& state) {
  const int writers = static_cast<int>(state.range(0));
  const int components = static_cast<int>(state.range(1));
  const RunOptions options;
  size_t peak = 0;
  for (auto _ : state) {
    const bench::PeakHeap heap;
    if (!FreshBackup(state, options, writers, components)) return;
    peak = heap.bytes();
  }
  state.counters["components"] = static_cast<double>(writers) * components;
  state.counters["peak_heap_kib"] = static_cast<double>(peak) / 1024;
}
BENCHMARK(BM_Scaling)
    ->ArgNames({"writers", "components"})
    ->Args({1, 1})
    ->Args({10, 10})
    ->Args({100, 100})
    ->Args({1, 1000})
    ->Args({1000, 100})
    ->Unit(benchmark::kMillisecond)
    ->Apply(bench::FixedIterations);

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
    const int total = bench::Smoke() ? 2000 : 1000000;
    const int early = bench::Smoke() ? 1000 : 10000;
    for (int i = 1; i <= total; ++i) {
      if (!FullBackup()) {
        state.SkipWithError("backup failed");
        return;
      }
      if (i == early) after_10k = ResidentKiB();
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
