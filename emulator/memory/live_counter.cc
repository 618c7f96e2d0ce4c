#include <vssemu/memory/live_counter.h>

#include <mutex>
#include <new>
#include <vector>

// Windows builds count with one shared atomic per counter:
// block_cache.cc says why their thread-local objects cannot be relied on.
#if defined(_WIN32)
#define VSSEMU_LIVE_SLOTS 0
#else
#define VSSEMU_LIVE_SLOTS 1
#endif

namespace vssemu::memory {
namespace {

#if VSSEMU_LIVE_SLOTS

// One thread's slot of every counter. Only the thread that holds the set
// writes to it; Total reads it from any thread.
struct Slots {
  std::atomic<long> count[kMaxLiveCounters];
};

struct Registry {
  std::mutex mutex;
  std::vector<Slots*> all;   // Every set made; never freed.
  std::vector<Slots*> idle;  // The sets of threads that have ended.
  size_t counters = 0;       // Slots given to counters so far.
};

Registry& TheRegistry() {
  static Registry* registry = new Registry;  // Outlives every static.
  return *registry;
}

thread_local Slots* t_slots = nullptr;
thread_local bool t_closed = false;  // The thread has given its set back.

// Gives the thread's set back when the thread ends, for the next thread.
struct SlotsReturn {
  bool armed = false;
  ~SlotsReturn() {
    t_closed = true;
    if (t_slots == nullptr) return;
    Registry& registry = TheRegistry();
    const std::lock_guard<std::mutex> lock(registry.mutex);
    registry.idle.push_back(t_slots);
    t_slots = nullptr;
  }
};
thread_local SlotsReturn t_return;

// Takes this thread's set; nullptr once the thread is ending or when
// memory is exhausted. Out of line, so that a change on a thread that has
// its set saves no registers for it.
[[gnu::noinline]] Slots* TakeSlots() noexcept {
  if (t_closed) return nullptr;
  Registry& registry = TheRegistry();
  try {
    const std::lock_guard<std::mutex> lock(registry.mutex);
    if (!registry.idle.empty()) {
      t_slots = registry.idle.back();
      registry.idle.pop_back();
    } else {
      registry.all.reserve(registry.all.size() + 1);
      t_slots = new Slots{};
      registry.all.push_back(t_slots);
    }
  } catch (...) {
    return nullptr;
  }
  t_return.armed = true;  // Registers the return at this thread's end.
  return t_slots;
}

Slots* ThisThreadSlots() noexcept {
  Slots* slots = t_slots;
  return slots != nullptr ? slots : TakeSlots();
}

#endif  // VSSEMU_LIVE_SLOTS

}  // namespace

LiveCounter::LiveCounter() : slot_(kMaxLiveCounters) {
#if VSSEMU_LIVE_SLOTS
  Registry& registry = TheRegistry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  if (registry.counters < kMaxLiveCounters) slot_ = registry.counters++;
#endif
}

void LiveCounter::Change(long by) noexcept {
#if VSSEMU_LIVE_SLOTS
  if (slot_ < kMaxLiveCounters) {
    if (Slots* slots = ThisThreadSlots()) {
      // Only this thread writes the slot: no locked instruction needed.
      std::atomic<long>& count = slots->count[slot_];
      count.store(count.load(std::memory_order_relaxed) + by,
                  std::memory_order_relaxed);
      return;
    }
  }
#endif
  shared_.fetch_add(by, std::memory_order_relaxed);
}

long LiveCounter::Total() const noexcept {
  long total = shared_.load(std::memory_order_relaxed);
#if VSSEMU_LIVE_SLOTS
  if (slot_ < kMaxLiveCounters) {
    Registry& registry = TheRegistry();
    const std::lock_guard<std::mutex> lock(registry.mutex);
    for (const Slots* slots : registry.all) {
      total += slots->count[slot_].load(std::memory_order_relaxed);
    }
  }
#endif
  return total;
}

}  // namespace vssemu::memory
