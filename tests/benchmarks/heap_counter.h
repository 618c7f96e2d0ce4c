// Counts the heap of the process that links heap_counter.cc, which replaces
// the global operator new and delete: allocations made and bytes in use,
// with the peak since the last ResetPeak. Benchmarks report allocations per
// operation and peak memory with it, exactly and on every run, where the
// resident size of the process would only ever grow.
#ifndef VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_
#define VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_

#include <cstddef>
#include <cstdint>

namespace vssemu::bench {

struct HeapCounts {
  uint64_t allocations = 0;  // operator new calls so far.
  size_t in_use = 0;         // Bytes allocated and not yet freed.
  size_t peak = 0;           // Highest in_use since ResetPeak.
};

// Returns the counts now.
HeapCounts Heap();
// Starts a new peak from the bytes in use now.
void ResetPeak();

}  // namespace vssemu::bench

#endif  // VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_
