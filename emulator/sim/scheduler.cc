#include "sim/scheduler.h"

namespace vssemu::sim {

TaskId Scheduler::PostAt(TimePoint when, Task task) {
  if (when < now()) when = now();
  const TaskId id = next_id_++;
  const Key key{when.since_start.count(), id};
  queue_.emplace(key, std::move(task));
  keys_.emplace(id, key);
  return id;
}

bool Scheduler::Cancel(TaskId id) {
  auto it = keys_.find(id);
  if (it == keys_.end()) return false;
  queue_.erase(it->second);
  keys_.erase(it);
  return true;
}

bool Scheduler::RunOne() {
  if (queue_.empty()) return false;
  auto it = queue_.begin();
  Task task = std::move(it->second);
  clock_->AdvanceTo(TimePoint{Duration(it->first.first)});
  keys_.erase(it->first.second);
  queue_.erase(it);
  task();
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
  auto it = keys_.find(id);
  if (it == keys_.end()) return std::nullopt;
  return TimePoint{Duration(it->second.first)};
}

std::optional<TimePoint> Scheduler::next_due() const {
  if (queue_.empty()) return std::nullopt;
  return TimePoint{Duration(queue_.begin()->first.first)};
}

}  // namespace vssemu::sim
