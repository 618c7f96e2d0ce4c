// The block cache reuses a thread's freed blocks by size class, holds at
// most kBlocksPerClass of a class, sends large blocks to the heap, and
// gives its blocks back to the heap when the thread ends. The heap's own
// calls are counted by replacing the global operator new and delete in
// this program.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <thread>
#include <vector>

#include <vssemu/memory/block_cache.h>

namespace {

// Heap calls on any thread (the tests that read them are single-threaded
// at the time they read).
std::size_t g_heap_allocations = 0;
std::size_t g_heap_frees = 0;

}  // namespace

void* operator new(std::size_t size) {
  ++g_heap_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++g_heap_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept {
  if (p != nullptr) ++g_heap_frees;
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace vssemu::memory {
namespace {

class BlockCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Caching()) GTEST_SKIP() << "this build does not cache (sanitizers)";
  }
};

TEST_F(BlockCacheTest, AFreedBlockServesTheNextAllocationOfItsClass) {
  void* first = Allocate(40);
  ASSERT_NE(first, nullptr);
  Free(first, 40);
  const std::size_t allocations = g_heap_allocations;
  // 33..48 bytes share a class.
  void* again = Allocate(48);
  EXPECT_EQ(again, first);
  EXPECT_EQ(g_heap_allocations, allocations);
  Free(again, 48);
}

TEST_F(BlockCacheTest, OtherClassesComeFromTheHeap) {
  void* small = Allocate(16);
  Free(small, 16);
  const std::size_t allocations = g_heap_allocations;
  void* other = Allocate(17);  // The next class up.
  EXPECT_EQ(g_heap_allocations, allocations + 1);
  EXPECT_NE(other, small);
  Free(other, 17);
}

TEST_F(BlockCacheTest, LargeBlocksAreNeverCached) {
  const std::size_t cached = CachedOnThisThread();
  const std::size_t frees = g_heap_frees;
  void* large = Allocate(kLargestCached + 1);
  ASSERT_NE(large, nullptr);
  Free(large, kLargestCached + 1);
  EXPECT_EQ(g_heap_frees, frees + 1);
  EXPECT_EQ(CachedOnThisThread(), cached);
}

TEST_F(BlockCacheTest, AClassHoldsAtMostItsShare) {
  std::vector<void*> blocks;
  for (std::size_t i = 0; i < kBlocksPerClass + 5; ++i) {
    blocks.push_back(Allocate(kLargestCached));
  }
  const std::size_t frees = g_heap_frees;
  const std::size_t cached = CachedOnThisThread();
  for (void* b : blocks) Free(b, kLargestCached);
  // What the class could still take stays; the rest goes to the heap.
  const std::size_t kept = CachedOnThisThread() - cached;
  EXPECT_LE(kept, kBlocksPerClass);
  EXPECT_EQ(kept + (g_heap_frees - frees), blocks.size());
  EXPECT_GE(g_heap_frees - frees, 5u);
}

TEST_F(BlockCacheTest, AThreadsBlocksGoBackToTheHeapWhenItEnds) {
  std::size_t cached_in_thread = 0;
  std::size_t frees_before = 0;
  std::thread worker([&] {
    std::vector<void*> blocks;
    for (int i = 0; i < 10; ++i) blocks.push_back(Allocate(24));
    for (void* b : blocks) Free(b, 24);
    cached_in_thread = CachedOnThisThread();
    frees_before = g_heap_frees;
  });
  worker.join();
  EXPECT_EQ(cached_in_thread, 10u);
  // The ten, besides what the thread's own ending frees.
  EXPECT_GE(g_heap_frees - frees_before, 10u);
}

TEST_F(BlockCacheTest, ZeroBytesIsAUsableBlock) {
  void* block = Allocate(0);
  EXPECT_NE(block, nullptr);
  Free(block, 0);
  Free(nullptr, 8);  // Nothing to give back.
}

}  // namespace
}  // namespace vssemu::memory
