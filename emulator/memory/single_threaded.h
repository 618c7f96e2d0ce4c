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

namespace vssemu::memory {

inline bool SingleThreaded() noexcept {
#if defined(VSSEMU_KNOWS_SINGLE_THREADED)
  return __libc_single_threaded != 0;
#else
  return false;
#endif
}

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_SINGLE_THREADED_H_
