// The work behind one asynchronous requester call (GatherWriterMetadata,
// PrepareForBackup, DoSnapshotSet, ...), run as a chain of steps on the
// scheduler so that virtual time can pass between them.
//
// Contract: each step returns the virtual time it took; the next step runs
// that much later, so timers due in between (a writer's freeze window) fire
// first. A step may append steps, or end the operation with Finish or Fail;
// the operation finishes by itself with VSS_S_ASYNC_FINISHED when no step is
// left. done() becomes true exactly once, after which on_done runs.
#ifndef VSSEMU_COORDINATOR_OPERATION_H_
#define VSSEMU_COORDINATOR_OPERATION_H_

#include <vssemu/win32_base.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sim/inline_function.h"
#include "sim/scheduler.h"

namespace vssemu::coordinator {

class Operation : public std::enable_shared_from_this<Operation> {
 public:
  using Step = sim::InlineFunction<sim::Duration()>;

  // name is the requester call's name, a literal that outlives the
  // operation.
  Operation(sim::Scheduler* scheduler, const char* name)
      : scheduler_(scheduler), name_(name) {}

  // Returns the requester call this operation belongs to.
  const char* name() const { return name_; }

  // Appends a step.
  void Then(Step step) {
    if (steps_.empty()) steps_.reserve(8);
    steps_.push_back(std::move(step));
  }
  // Inserts a step before the index-th step still to run (at the end when
  // index is the count).
  void InsertAt(size_t index, Step step) {
    steps_.insert(steps_.begin() + static_cast<std::ptrdiff_t>(next_ + index),
                  std::move(step));
  }
  // Returns how many steps are still to run.
  size_t steps_left() const { return steps_.size() - next_; }
  // Runs the steps from the current time on.
  void Start();
  // Ends the operation successfully now; remaining steps are dropped.
  void Finish();
  // Ends the operation with a failure now; remaining steps are dropped.
  void Fail(HRESULT hr);
  // Ends an unfinished operation as cancelled; false if it had finished.
  bool Cancel();

  // Returns whether the operation has ended.
  bool done() const { return done_; }
  // Returns VSS_S_ASYNC_PENDING, VSS_S_ASYNC_FINISHED, VSS_S_ASYNC_CANCELLED
  // or the failure.
  HRESULT status() const;

  // Runs once when the operation ends (success, failure or cancel). Kept
  // inline: every asynchronous call sets one.
  sim::InlineFunction<void(Operation&)> on_done;
  // How many times an exploring run answered VSS_S_ASYNC_PENDING for it.
  int pending_answers = 0;

 private:
  // Runs the next step; self is this operation, kept alive by the task
  // that runs it and handed on to the task that runs the step after
  // (taking it again from shared_from_this costs a locked instruction).
  void RunNext(std::shared_ptr<Operation> self);
  // Returns the task that runs self's next step.
  static sim::Scheduler::Task NextStep(std::shared_ptr<Operation> self);
  void End(HRESULT status);

  sim::Scheduler* scheduler_;
  const char* name_;
  // The steps, run from next_ on: those run stay until the operation ends,
  // which spares a deque's node allocations on every operation.
  std::vector<Step> steps_;
  size_t next_ = 0;
  bool started_ = false;
  bool done_ = false;
  HRESULT status_ = 0;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_OPERATION_H_
