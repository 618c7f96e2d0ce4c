#include <vssemu/memory/block_cache.h>

#include <array>
#include <new>

// Windows builds do not cache either: OLE keeps its own BSTR cache there,
// and MinGW-w64's runtime does not reliably run a thread-local object's
// destructor in a DLL before the thread is joined, which the cache needs
// to give a thread's blocks back.
#if defined(__SANITIZE_ADDRESS__) || defined(_WIN32)
#define VSSEMU_BLOCK_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VSSEMU_BLOCK_CACHE 0
#endif
#endif
#ifndef VSSEMU_BLOCK_CACHE
#define VSSEMU_BLOCK_CACHE 1
#endif

namespace vssemu::memory {
namespace {

void* HeapAllocate(size_t size) noexcept {
  return ::operator new(size, std::nothrow);
}

void HeapFree(void* block) noexcept { ::operator delete(block); }

#if VSSEMU_BLOCK_CACHE

constexpr size_t kStep = 16;
constexpr size_t kClasses = kLargestCached / kStep;

// A free block holds the link to the next one of its list.
struct FreeBlock {
  FreeBlock* next;
};

// A thread's lists. Trivially destructible, so that it stays usable while
// other thread-local objects are destroyed at the thread's end; Drain
// empties it then and closes it.
struct Lists {
  FreeBlock* head[kClasses];
  unsigned short count[kClasses];
  bool armed;   // Drain is registered for this thread and has not run.
  bool closed;  // Drain has run: the thread is ending.
};

thread_local Lists t_lists{};

void DrainLists() noexcept {
  for (size_t c = 0; c < kClasses; ++c) {
    while (FreeBlock* block = t_lists.head[c]) {
      t_lists.head[c] = block->next;
      HeapFree(block);
    }
    t_lists.count[c] = 0;
  }
  t_lists.closed = true;
  t_lists.armed = false;
}

// Registered on a thread when it first caches a block.
struct Drain {
  bool armed = false;
  ~Drain() { DrainLists(); }
};

thread_local Drain t_drain;

// The class of a block of size bytes (1..kLargestCached); its blocks are
// (class + 1) * kStep bytes.
size_t ClassOf(size_t size) { return (size - 1) / kStep; }

// BlocksKept of each class, worked out once: Free runs on every release of
// a cached block, and the division is the slowest instruction it has.
constexpr auto kKept = [] {
  std::array<unsigned short, kClasses> kept{};
  for (size_t c = 0; c < kClasses; ++c) {
    kept[c] = static_cast<unsigned short>(BlocksKept((c + 1) * kStep));
  }
  return kept;
}();

#endif  // VSSEMU_BLOCK_CACHE

}  // namespace

bool Caching() noexcept { return VSSEMU_BLOCK_CACHE != 0; }

size_t CachedOnThisThread() noexcept {
#if VSSEMU_BLOCK_CACHE
  size_t total = 0;
  for (size_t c = 0; c < kClasses; ++c) total += t_lists.count[c];
  return total;
#else
  return 0;
#endif
}

#if VSSEMU_BLOCK_CACHE

void* Allocate(size_t size) noexcept {
  if (size == 0) size = 1;
  if (size > kLargestCached) return HeapAllocate(size);
  const size_t c = ClassOf(size);
  if (FreeBlock* block = t_lists.head[c]) {
    t_lists.head[c] = block->next;
    --t_lists.count[c];
    return block;
  }
  return HeapAllocate((c + 1) * kStep);
}

namespace {

// Everything Free does besides pushing onto a list that has room: NULL,
// sizes the cache does not hold, a full list, the first block a thread
// keeps (Drain is registered then), a thread that is ending. Out of line,
// so that the push that nearly every call makes is a few instructions.
[[gnu::noinline]] void FreeRarely(void* block, size_t size) noexcept {
  if (block == nullptr) return;
  if (size == 0) size = 1;
  if (size > kLargestCached || t_lists.closed) return HeapFree(block);
  const size_t c = ClassOf(size);
  if (t_lists.count[c] >= kKept[c]) return HeapFree(block);
  // Registering Drain costs a check on every access to it; done once.
  t_drain.armed = true;
  t_lists.armed = true;
  auto* free_block = static_cast<FreeBlock*>(block);
  free_block->next = t_lists.head[c];
  t_lists.head[c] = free_block;
  ++t_lists.count[c];
}

}  // namespace

void Free(void* block, size_t size) noexcept {
  // size - 1 wraps for 0, so the class test also sends size 0 the slow way.
  const size_t c = ClassOf(size);
  if (block == nullptr || c >= kClasses) [[unlikely]] {
    return FreeRarely(block, size);
  }
  Lists& lists = t_lists;
  // armed is false before a thread's first kept block and after Drain.
  if (!lists.armed || lists.count[c] >= kKept[c]) [[unlikely]] {
    return FreeRarely(block, size);
  }
  auto* free_block = static_cast<FreeBlock*>(block);
  free_block->next = lists.head[c];
  lists.head[c] = free_block;
  ++lists.count[c];
}

#else

void* Allocate(size_t size) noexcept { return HeapAllocate(size == 0 ? 1 : size); }

void Free(void* block, size_t) noexcept { HeapFree(block); }

#endif  // VSSEMU_BLOCK_CACHE

}  // namespace vssemu::memory
