#include "benchmarks/heap_counter.h"

#include <malloc.h>

#include <cstdlib>
#include <new>

// Single-threaded counters: the emulator runs on the caller's thread, and
// so do the benchmarks that read them.
namespace {

uint64_t g_allocations = 0;
bool g_sizing = false;  // A PeakHeap is alive.
int64_t g_in_use = 0;   // Net bytes since the PeakHeap began.
int64_t g_peak = 0;

void* Allocate(size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  ++g_allocations;
  if (g_sizing) {
    g_in_use += static_cast<int64_t>(malloc_usable_size(p));
    if (g_in_use > g_peak) g_peak = g_in_use;
  }
  return p;
}

void Free(void* p) {
  if (p == nullptr) return;
  if (g_sizing) g_in_use -= static_cast<int64_t>(malloc_usable_size(p));
  std::free(p);
}

}  // namespace

void* operator new(size_t size) { return Allocate(size); }
void* operator new[](size_t size) { return Allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { Free(p); }
void operator delete[](void* p) noexcept { Free(p); }
void operator delete(void* p, size_t) noexcept { Free(p); }
void operator delete[](void* p, size_t) noexcept { Free(p); }

namespace vssemu::bench {

uint64_t Allocations() { return g_allocations; }

PeakHeap::PeakHeap() {
  g_in_use = 0;
  g_peak = 0;
  g_sizing = true;
}

PeakHeap::~PeakHeap() { g_sizing = false; }

size_t PeakHeap::bytes() const { return static_cast<size_t>(g_peak); }

}  // namespace vssemu::bench
