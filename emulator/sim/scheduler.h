// Runs queued work and timers in virtual time, on the caller's thread.
//
// Contract: tasks run in order of (due time, posting order); running a task
// first moves the clock to its due time (never backwards: a task posted for
// the past runs at the current time). Tasks may post and cancel tasks. The
// scheduler never sleeps: time only passes by running tasks.
#ifndef VSSEMU_SIM_SCHEDULER_H_
#define VSSEMU_SIM_SCHEDULER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "sim/function_ref.h"
#include "sim/inline_function.h"
#include "sim/virtual_time.h"

namespace vssemu::sim {

// Identifies a posted task, for Cancel.
using TaskId = uint64_t;

class Scheduler {
 public:
  using Task = InlineFunction<void()>;

  // Uses clock as the time source; clock must outlive the scheduler.
  explicit Scheduler(VirtualClock* clock) : clock_(clock) {}
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Returns the clock.
  VirtualClock& clock() { return *clock_; }
  // Returns the current virtual time.
  TimePoint now() const { return clock_->now(); }

  // Queues task to run at the current time, after tasks already due now.
  TaskId Post(Task task) { return PostAt(now(), std::move(task)); }
  // Queues task to run after delay.
  TaskId PostAfter(Duration delay, Task task) {
    return PostAt(now() + delay, std::move(task));
  }
  // Queues task to run at time when.
  TaskId PostAt(TimePoint when, Task task);
  // Removes a queued task; false if it already ran or was cancelled.
  bool Cancel(TaskId id);

  // Runs the earliest task; false if none was queued.
  bool RunOne();
  // Runs tasks until none is queued.
  void RunUntilIdle();
  // Runs tasks due no later than deadline, stopping early once done()
  // returns true (checked before each task); returns done(). If nothing is
  // left before the deadline the clock moves to the deadline, as a Wait
  // with a timeout lets that much time pass.
  bool RunUntil(FunctionRef<bool()> done, TimePoint deadline);

  // Returns whether no task is queued.
  bool idle() const { return queue_.empty(); }
  // Returns how many tasks are queued.
  size_t pending() const { return queue_.size(); }
  // Returns when the queued task id is due; nullopt once it ran or was
  // cancelled.
  std::optional<TimePoint> due(TaskId id) const;
  // Returns the due time of the earliest task, if any.
  std::optional<TimePoint> next_due() const {
    if (queue_.empty()) return std::nullopt;
    return TimePoint{Duration(queue_.front().due)};
  }

 private:
  // A queued task: when it is due, and where it waits. Plain data, so that
  // keeping the heap in order moves a few words rather than tasks, each of
  // which moves through a call.
  struct Entry {
    int64_t due;    // Microseconds since the start.
    TaskId id;      // Posting order among tasks due at the same time.
    uint32_t slot;  // Its place in slots_.
  };
  // Whether a runs after b: the heap keeps the earliest entry at front().
  // A function object rather than a function, which the heap algorithms
  // would call through a pointer instead of inlining.
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.due != b.due ? a.due > b.due : a.id > b.id;
    }
  };
  // Returns the position of task id in queue_, or queue_.size().
  size_t Find(TaskId id) const;
  // Takes the task out of slot, which becomes free.
  Task Vacate(uint32_t slot);

  VirtualClock* clock_;
  // A binary heap in one vector: posting a task allocates no node. Cancel
  // and due look a task up by scanning, which is rare (a freeze timer per
  // writer) and short (the tasks pending at one time).
  std::vector<Entry> queue_;
  // The queued tasks, each moved in when posted and out when run; a slot
  // freed is reused, so the slots are as many as tasks were ever pending
  // at once.
  std::vector<Task> slots_;
  std::vector<uint32_t> free_slots_;
  TaskId next_id_ = 1;
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_SCHEDULER_H_
