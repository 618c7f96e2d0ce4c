// Whether the process has only ever run one thread. While it has, nothing
// else can touch an object concurrently, so reference counts and locks can
// skip their locked instructions (about 7 ns each here, where a backup ran
// over a hundred of them). The C library clears the flag before it starts
// a second thread, in the thread that starts it, and never sets it again:
// an object that switches from plain to atomic updates has its plain
// updates published by the thread's creation. libstdc++ counts shared_ptr
// references the same way. Where the C library does not say (Windows),
// the answer is always no.
#ifndef VSSEMU_MEMORY_SINGLE_THREADED_H_
#define VSSEMU_MEMORY_SINGLE_THREADED_H_

#if defined(__has_include)
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define VSSEMU_KNOWS_SINGLE_THREADED 1
#endif
#endif

#include <atomic>

namespace vssemu::memory {

inline bool SingleThreaded() noexcept {
#if defined(VSSEMU_KNOWS_SINGLE_THREADED)
  return __libc_single_threaded != 0;
#else
  return false;
#endif
}

// Adds one to count, or takes one from it, and returns the new count: a
// plain update while the process has one thread, an atomic one after.
template <typename T>
T Increment(std::atomic<T>& count) noexcept {
  if (SingleThreaded()) {
    const T result = count.load(std::memory_order_relaxed) + 1;
    count.store(result, std::memory_order_relaxed);
    return result;
  }
  return ++count;
}
template <typename T>
T Decrement(std::atomic<T>& count) noexcept {
  if (SingleThreaded()) {
    const T result = count.load(std::memory_order_relaxed) - 1;
    count.store(result, std::memory_order_relaxed);
    return result;
  }
  return --count;
}

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_SINGLE_THREADED_H_
