#include "sim/scheduler.h"

#include <algorithm>

namespace vssemu::sim {

TaskId Scheduler::PostAt(TimePoint when, Task task) {
  if (when < now()) when = now();
  const TaskId id = next_id_++;
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = std::move(task);
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.push_back(std::move(task));
  }
  queue_.push_back(Entry{when.since_start.count(), id, slot});
  std::push_heap(queue_.begin(), queue_.end(), Later());
  return id;
}

Scheduler::Task Scheduler::Vacate(uint32_t slot) {
  Task task = std::move(slots_[slot]);
  free_slots_.push_back(slot);
  return task;
}

size_t Scheduler::Find(TaskId id) const {
  for (size_t i = 0; i < queue_.size(); ++i) {
    if (queue_[i].id == id) return i;
  }
  return queue_.size();
}

bool Scheduler::Cancel(TaskId id) {
  const size_t at = Find(id);
  if (at == queue_.size()) return false;
  const uint32_t slot = queue_[at].slot;
  queue_[at] = queue_.back();
  queue_.pop_back();
  std::make_heap(queue_.begin(), queue_.end(), Later());
  // Destroyed last: a task's captures may cancel or post in turn.
  Task cancelled = Vacate(slot);
  return true;
}

bool Scheduler::RunOne() {
  if (queue_.empty()) return false;
  std::pop_heap(queue_.begin(), queue_.end(), Later());
  const Entry next = queue_.back();
  queue_.pop_back();
  // Out of its slot before it runs: what it posts may move the slots.
  Task task = Vacate(next.slot);
  clock_->AdvanceTo(TimePoint{Duration(next.due)});
  task();
  return true;
}

void Scheduler::RunUntilIdle() {
  while (RunOne()) {
  }
}

bool Scheduler::RunUntil(FunctionRef<bool()> done, TimePoint deadline) {
  while (!done()) {
    std::optional<TimePoint> due = next_due();
    if (!due || *due > deadline) {
      if (deadline > now()) clock_->AdvanceTo(deadline);
      return done();
    }
    RunOne();
  }
  return true;
}

std::optional<TimePoint> Scheduler::due(TaskId id) const {
  const size_t at = Find(id);
  if (at == queue_.size()) return std::nullopt;
  return TimePoint{Duration(queue_[at].due)};
}

}  // namespace vssemu::sim
