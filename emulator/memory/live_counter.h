// A count of live things (the COM objects of one kind, BSTRs) that every
// thread changes and only a leak check reads. A backup makes and drops a
// few hundred of them; one shared atomic counter made each change a locked
// instruction, which took a tenth of a backup's time.
//
// Each thread changes its own slot of the counter, with plain loads and
// stores of an atomic that no other thread writes; Total sums the slots of
// every thread. A thread's slots are kept when it ends (its counts still
// add up) and handed to the next thread that starts, so a process holds
// as many sets of slots as it ever ran threads at once. The first
// kMaxLiveCounters counters of a process have slots; any further one, and
// every counter in builds that do not use per-thread slots (Windows, where
// a DLL's thread-local objects are not reliably destroyed before a thread
// is joined), is one shared atomic.
#ifndef VSSEMU_MEMORY_LIVE_COUNTER_H_
#define VSSEMU_MEMORY_LIVE_COUNTER_H_

#include <atomic>
#include <cstddef>

namespace vssemu::memory {

inline constexpr size_t kMaxLiveCounters = 128;

class LiveCounter {
 public:
  LiveCounter();
  LiveCounter(const LiveCounter&) = delete;
  LiveCounter& operator=(const LiveCounter&) = delete;

  // One more live thing; one fewer. Either may run on any thread.
  void Add() noexcept { Change(1); }
  void Remove() noexcept { Change(-1); }
  // Returns the live things: adds less removes, on every thread.
  long Total() const noexcept;

 private:
  void Change(long by) noexcept;

  size_t slot_;                  // kMaxLiveCounters when it has none.
  std::atomic<long> shared_{0};  // The count of a counter without slots.
};

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_LIVE_COUNTER_H_
