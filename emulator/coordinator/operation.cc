#include "coordinator/operation.h"

#include <vsserror.h>

namespace vssemu::coordinator {

void Operation::Start() {
  if (started_) return;
  started_ = true;
  auto self = shared_from_this();
  scheduler_->Post([self] { self->RunNext(); });
}

void Operation::RunNext() {
  if (done_) return;
  if (next_ == steps_.size()) {
    End(VSS_S_ASYNC_FINISHED);
    return;
  }
  Step step = std::move(steps_[next_++]);
  sim::Duration took = step();
  if (done_) return;
  auto self = shared_from_this();
  scheduler_->PostAfter(took, [self] { self->RunNext(); });
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
