// Small blocks recycled per thread. A backup hands a requester hundreds of
// short-lived objects: a COM view per component it looks at, a component
// info per GetComponentInfo, a BSTR per name it reads, each released a few
// calls later. Going through the general heap for each cost more than all
// the emulator's bookkeeping for them. Windows' OLE keeps a BSTR cache for
// the same reason; this one serves the COM objects and infos too.
//
// A freed block waits in its thread's list for its size class (sizes up to
// kLargestCached bytes, in steps of 16) until a block of that class is
// allocated on that thread; each list holds at most BlocksKept of its
// block size (kBlocksPerClass, fewer for blocks over 512 bytes) and a
// thread's lists are emptied when it ends, so the cache holds a bounded
// amount of memory. Larger blocks go straight to the heap. Blocks come from
// ::operator new, so heap accounting sees the allocations that really
// happen.
//
// Builds with AddressSanitizer do not cache: every Allocate and Free goes
// to the heap, so that a use after free in code under test (a BSTR read
// after SysFreeString, a view used after its last Release) is caught.
// Neither do Windows builds (block_cache.cc says why).
#ifndef VSSEMU_MEMORY_BLOCK_CACHE_H_
#define VSSEMU_MEMORY_BLOCK_CACHE_H_

#include <algorithm>
#include <cstddef>
#include <new>

namespace vssemu::memory {

inline constexpr size_t kLargestCached = 1024;
inline constexpr size_t kBlocksPerClass = 64;
// A list keeps at most this many bytes of blocks.
inline constexpr size_t kBytesPerClass = 32 * 1024;

// The most blocks of block_size bytes (a class's size) a list keeps.
constexpr size_t BlocksKept(size_t block_size) {
  return std::min(kBlocksPerClass, kBytesPerClass / block_size);
}

// Returns a block of at least size bytes, aligned as ::operator new aligns,
// or nullptr when memory is exhausted.
void* Allocate(size_t size) noexcept;

// Gives back a block that Allocate(size) returned, with the same size.
void Free(void* block, size_t size) noexcept;

// Whether this build caches (false under AddressSanitizer and on Windows).
bool Caching() noexcept;

// The number of blocks waiting in this thread's lists.
size_t CachedOnThisThread() noexcept;

// A standard allocator over the cache, for objects made and dropped by the
// dozen on every backup (std::allocate_shared of a document's components).
template <typename T>
class BlockAllocator {
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__,
                "blocks are aligned as ::operator new aligns");

 public:
  using value_type = T;

  BlockAllocator() noexcept = default;
  template <typename U>
  BlockAllocator(const BlockAllocator<U>&) noexcept {}  // NOLINT: rebinding.

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) {
      throw std::bad_array_new_length();
    }
    void* block = Allocate(n * sizeof(T));
    if (block == nullptr) throw std::bad_alloc();
    return static_cast<T*>(block);
  }
  void deallocate(T* block, size_t n) noexcept { Free(block, n * sizeof(T)); }

  template <typename U>
  bool operator==(const BlockAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_BLOCK_CACHE_H_
