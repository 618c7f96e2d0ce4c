#include "sim/scheduler.h"

#include <algorithm>

namespace vssemu::sim {

TaskId Scheduler::PostAt(TimePoint when, Task task) {
  if (when < now()) when = now();
  const TaskId id = next_id_++;
  queue_.push_back(Entry{when.since_start.count(), id, std::move(task)});
  std::push_heap(queue_.begin(), queue_.end(), Later);
  return id;
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
  queue_[at] = std::move(queue_.back());
  queue_.pop_back();
  std::make_heap(queue_.begin(), queue_.end(), Later);
  return true;
}

bool Scheduler::RunOne() {
  if (queue_.empty()) return false;
  std::pop_heap(queue_.begin(), queue_.end(), Later);
  Entry next = std::move(queue_.back());
  queue_.pop_back();
  clock_->AdvanceTo(TimePoint{Duration(next.due)});
  next.task();
  return true;
}

void Scheduler::RunUntilIdle() {
  while (RunOne()) {
  }
}

bool Scheduler::RunUntil(const std::function<bool()>& done,
                         TimePoint deadline) {
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

std::optional<TimePoint> Scheduler::next_due() const {
  if (queue_.empty()) return std::nullopt;
  return TimePoint{Duration(queue_.front().due)};
}

}  // namespace vssemu::sim
