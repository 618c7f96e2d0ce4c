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
  void Add() noexcept { Change(1); }
  void Remove() noexcept { Change(-1); }
  // Returns the live things: adds less removes, on every thread.
  long Total() const noexcept { return count_.load(std::memory_order_relaxed); }

 private:
  void Change(long by) noexcept {
    if (SingleThreaded()) {
      count_.store(count_.load(std::memory_order_relaxed) + by,
                   std::memory_order_relaxed);
    } else {
      count_.fetch_add(by, std::memory_order_relaxed);
    }
  }

  std::atomic<long> count_{0};
};

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_LIVE_COUNTER_H_
