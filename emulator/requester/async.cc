#include "requester/async.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

#include <vsserror.h>

namespace vssemu::requester {

void RunToEnd(coordinator::Service& service, coordinator::Operation& op) {
  const sim::TimePoint forever{sim::Duration(std::numeric_limits<int64_t>::max())};
  if (!service.scheduler().RunUntil([&] { return op.done(); }, forever) ||
      !op.done()) {
    // Nothing left to run yet the operation is open: an emulator bug.
    std::fprintf(stderr, "vssemu internal error: %s never ended (seed %llu)\n",
                 op.name(),
                 static_cast<unsigned long long>(service.options().seed));
    std::abort();
  }
}

Async::Async(std::shared_ptr<coordinator::Service> service,
             std::shared_ptr<coordinator::Operation> op,
             std::function<void()> on_cancel)
    : service_(std::move(service)),
      op_(std::move(op)),
      on_cancel_(std::move(on_cancel)) {}

HRESULT Async::Cancel() {
  // Already ended: VSS_S_ASYNC_FINISHED, VSS_S_ASYNC_CANCELLED, or the
  // operation's failure, as the Cancel page lists.
  if (op_->done()) return op_->status();
  op_->Cancel();
  service_->Record("async", {{"name", "Cancel"}, {"operation", op_->name()}});
  if (on_cancel_) on_cancel_();
  return S_OK;
}

bool Async::AnswerPending(const char* call, const char* site) {
  const ExplorationOptions& options = service_->options().exploration;
  if (op_->done() || op_->pending_answers >= options.max_pending_answers) {
    return false;
  }
  if (service_->choice_points().Choose(options.async_timing, site, 2) != 1) {
    return false;
  }
  ++op_->pending_answers;
  service_->Record("async", {{"name", call},
                             {"operation", op_->name()},
                             {"status", "VSS_S_ASYNC_PENDING"}});
  return true;
}

HRESULT Async::Wait(DWORD dwMilliseconds) {
  if (dwMilliseconds != INFINITE && AnswerPending("Wait", "async.wait")) {
    return S_OK;
  }
  if (dwMilliseconds == INFINITE) {
    RunToEnd(*service_, *op_);
  } else {
    service_->scheduler().RunUntil(
        [&] { return op_->done(); },
        service_->now() + sim::Milliseconds(dwMilliseconds));
  }
  if (op_->done() && FAILED(op_->status()) &&
      service_->options().knobs.wait_returns_failure) {
    return op_->status();
  }
  return S_OK;
}

HRESULT Async::QueryStatus(HRESULT* pHrResult, INT* pReserved) {
  if (pHrResult == nullptr) return E_INVALIDARG;
  (void)pReserved;
  if (AnswerPending("QueryStatus", "async.query")) {
    *pHrResult = VSS_S_ASYNC_PENDING;
    return S_OK;
  }
  RunToEnd(*service_, *op_);
  *pHrResult = op_->status();
  return S_OK;
}

}  // namespace vssemu::requester
