// The block cache reuses a thread's freed blocks by size class, holds at
// most BlocksKept of a class, sends large blocks to the heap, and
// gives its blocks back to the heap when the thread ends. The heap's own
// calls are counted by replacing the global operator new and delete in
// this program.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
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
  // On a thread of its own, whose lists start empty whatever the other
  // tests left in this thread's.
  void* small = nullptr;
  void* other = nullptr;
  std::size_t heap_calls = 0;
  std::thread fresh([&] {
    small = Allocate(16);
    Free(small, 16);
    const std::size_t allocations = g_heap_allocations;
    other = Allocate(17);  // The next class up.
    heap_calls = g_heap_allocations - allocations;
    Free(other, 17);
  });
  fresh.join();
  EXPECT_EQ(heap_calls, 1u);
  EXPECT_NE(other, small);
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

// Frees more blocks of size bytes than a class keeps and returns how many
// stayed in the cache; the rest must have gone to the heap.
std::size_t KeptOfMany(std::size_t size, std::size_t many) {
  std::vector<void*> blocks;
  for (std::size_t i = 0; i < many; ++i) blocks.push_back(Allocate(size));
  const std::size_t frees = g_heap_frees;
  const std::size_t cached = CachedOnThisThread();
  for (void* b : blocks) Free(b, size);
  const std::size_t kept = CachedOnThisThread() - cached;
  EXPECT_EQ(kept + (g_heap_frees - frees), many);
  return kept;
}

TEST_F(BlockCacheTest, AClassHoldsAtMostItsShare) {
  // What the class could still take stays; the rest goes to the heap.
  EXPECT_LE(KeptOfMany(512, kBlocksPerClass + 5), kBlocksPerClass);
  EXPECT_LE(KeptOfMany(kLargestCached, kBlocksPerClass + 5),
            BlocksKept(kLargestCached));
}

TEST_F(BlockCacheTest, LargeClassesKeepFewerBlocks) {
  EXPECT_EQ(BlocksKept(16), kBlocksPerClass);
  EXPECT_EQ(BlocksKept(512), kBlocksPerClass);
  EXPECT_EQ(BlocksKept(1024), kBytesPerClass / 1024);
  EXPECT_LT(BlocksKept(1024), kBlocksPerClass);
}

struct Sample {
  int a = 1;
  double b = 2.0;
};

TEST_F(BlockCacheTest, AnAllocatorSharesItsBlocksWithTheCache) {
  BlockAllocator<Sample> allocator;
  Sample* first = allocator.allocate(3);
  allocator.deallocate(first, 3);
  const std::size_t allocations = g_heap_allocations;
  // A block of the same class, asked for directly.
  void* again = Allocate(3 * sizeof(Sample));
  EXPECT_EQ(again, first);
  EXPECT_EQ(g_heap_allocations, allocations);
  Free(again, 3 * sizeof(Sample));
  // Rebinding keeps the cache: the control block and object of a
  // std::allocate_shared come from it too.
  auto shared = std::allocate_shared<Sample>(allocator);
  EXPECT_EQ(shared->a, 1);
  EXPECT_TRUE(BlockAllocator<int>() == allocator);
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
  // Kept as a block of the smallest class, like one of a single byte.
  void* again = Allocate(1);
  EXPECT_EQ(again, block);
  Free(again, 1);
}

}  // namespace
}  // namespace vssemu::memory
