// Counting instructions needs a known number of iterations, which Google
// Benchmark's own flags (1.7: --benchmark_min_time in seconds) cannot set:
// with VSSEMU_BENCH_ITERATIONS=N in the environment, every benchmark that
// applies FixedIterations runs exactly N iterations, once.
// tests/benchmarks/count_instructions.sh runs a benchmark under callgrind
// at N and at 2N iterations and divides the difference by N.
//
// With VSSEMU_BENCH_SMOKE set (the test suite's Benchmarks.* tests, run
// with --benchmark_min_time=0), the benchmarks whose one iteration is long
// (a million backups, an exhaustive proof) do a small part of it: every
// benchmark runs in every build so that none rots, and none is timed there.
#ifndef VSSEMU_TESTS_BENCHMARKS_FIXED_ITERATIONS_H_
#define VSSEMU_TESTS_BENCHMARKS_FIXED_ITERATIONS_H_

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace vssemu::bench {

inline void FixedIterations(benchmark::internal::Benchmark* b) {
  const char* text = std::getenv("VSSEMU_BENCH_ITERATIONS");
  if (text == nullptr) return;
  const long long n = std::atoll(text);
  if (n > 0) b->Iterations(static_cast<benchmark::IterationCount>(n));
}

// Returns whether the benchmark runs as a smoke test (VSSEMU_BENCH_SMOKE).
inline bool Smoke() { return std::getenv("VSSEMU_BENCH_SMOKE") != nullptr; }

}  // namespace vssemu::bench

#endif  // VSSEMU_TESTS_BENCHMARKS_FIXED_ITERATIONS_H_
