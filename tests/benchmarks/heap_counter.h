// Counts the heap of the process that links heap_counter.cc, which replaces
// the global operator new and delete: allocations made, always, and the
// peak of the bytes in use while a PeakHeap is alive. Benchmarks report
// allocations per operation and peak memory with it, exactly and on every
// run, where the resident size of the process would only ever grow.
//
// Bytes are counted only inside a PeakHeap because sizing every block
// (malloc_usable_size on each allocation and free) costs about a twentieth
// of an emulated backup, which would distort the benchmarks that do not
// report memory.
#ifndef VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_
#define VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_

#include <cstddef>
#include <cstdint>

namespace vssemu::bench {

// operator new calls so far.
uint64_t Allocations();

// Measures the peak heap of the code run while it is alive: the highest
// number of bytes allocated in its lifetime and not yet freed (blocks
// allocated before it and freed during it lower the count, never below
// zero). One at a time.
class PeakHeap {
 public:
  PeakHeap();
  ~PeakHeap();
  PeakHeap(const PeakHeap&) = delete;
  PeakHeap& operator=(const PeakHeap&) = delete;

  // The peak so far, in bytes.
  size_t bytes() const;
};

}  // namespace vssemu::bench

#endif  // VSSEMU_TESTS_BENCHMARKS_HEAP_COUNTER_H_
