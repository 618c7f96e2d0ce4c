#include "coordinator/operation.h"

#include <vsserror.h>

namespace vssemu::coordinator {

void Operation::Start() {
  if (started_) return;
  started_ = true;
  scheduler_->Post(NextStep(shared_from_this()));
}

sim::Scheduler::Task Operation::NextStep(std::shared_ptr<Operation> self) {
  return [self = std::move(self)]() mutable {
    Operation* op = self.get();
    op->RunNext(std::move(self));
  };
}

void Operation::RunNext(std::shared_ptr<Operation> self) {
  if (done_) return;
  if (next_ == steps_.size()) {
    End(VSS_S_ASYNC_FINISHED);
    return;
  }
  Step step = std::move(steps_[next_++]);
  sim::Duration took = step();
  if (done_) return;
  scheduler_->PostAfter(took, NextStep(std::move(self)));
}

void Operation::Finish() { End(VSS_S_ASYNC_FINISHED); }

void Operation::Fail(HRESULT hr) { End(hr); }

bool Operation::Cancel() {
  if (done_) return false;
  End(VSS_S_ASYNC_CANCELLED);
  return true;
}

HRESULT Operation::status() const {
  return done_ ? status_ : VSS_S_ASYNC_PENDING;
}

void Operation::End(HRESULT status) {
  if (done_) return;
  done_ = true;
  status_ = status;
  steps_.clear();
  next_ = 0;
  if (on_done) {
    auto callback = std::move(on_done);
    callback(*this);
  }
}

}  // namespace vssemu::coordinator
