// Small blocks recycled per thread. A backup hands a requester hundreds of
// short-lived objects: a COM view per component it looks at, a component
// info per GetComponentInfo, a BSTR per name it reads, each released a few
// calls later. Going through the general heap for each cost more than all
// the emulator's bookkeeping for them. Windows' OLE keeps a BSTR cache for
// the same reason; this one serves the COM objects and infos too.
//
// A freed block waits in its thread's list for its size class (sizes up to
// kLargestCached bytes, in steps of 16) until a block of that class is
// allocated on that thread; each list holds at most kBlocksPerClass and a
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

#include <cstddef>

namespace vssemu::memory {

inline constexpr size_t kLargestCached = 512;
inline constexpr size_t kBlocksPerClass = 64;

// Returns a block of at least size bytes, aligned as ::operator new aligns,
// or nullptr when memory is exhausted.
void* Allocate(size_t size) noexcept;

// Gives back a block that Allocate(size) returned, with the same size.
void Free(void* block, size_t size) noexcept;

// Whether this build caches (false under AddressSanitizer and on Windows).
bool Caching() noexcept;

// The number of blocks waiting in this thread's lists.
size_t CachedOnThisThread() noexcept;

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_BLOCK_CACHE_H_
