// A count of live things (the COM objects of one kind, BSTRs) that any
// thread changes and only a leak check reads. A backup makes and drops a
// few hundred of them, and a locked instruction per change took a tenth
// of a backup's time; while the process has only ever had one thread
// (memory/single_threaded.h), a change is a plain update.
#ifndef VSSEMU_MEMORY_LIVE_COUNTER_H_
#define VSSEMU_MEMORY_LIVE_COUNTER_H_

#include <vssemu/memory/single_threaded.h>

#include <atomic>

namespace vssemu::memory {

class LiveCounter {
 public:
  LiveCounter() = default;
  LiveCounter(const LiveCounter&) = delete;
  LiveCounter& operator=(const LiveCounter&) = delete;

  // One more live thing; one fewer. Either may run on any thread.
  void Add() noexcept { Increment(count_); }
  void Remove() noexcept { Decrement(count_); }
  // Returns the live things: adds less removes, on every thread.
  long Total() const noexcept { return count_.load(std::memory_order_relaxed); }

 private:
  std::atomic<long> count_{0};
};

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_LIVE_COUNTER_H_
