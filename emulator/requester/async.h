// IVssAsync over one coordinator Operation (spec 7).
//
// Contract: Wait(ms) runs the emulator's scheduler until the operation ends
// or ms of virtual time have passed, and returns S_OK (spec Q19 default;
// with the knob, the operation's failure). QueryStatus runs the operation
// to its end (pending work runs on Wait/QueryStatus, execution model) and
// reports VSS_S_ASYNC_FINISHED, VSS_S_ASYNC_CANCELLED or the failure. An
// exploring run may instead find the operation still running (choice sites
// async.wait for a bounded Wait, async.query for QueryStatus): Wait returns
// S_OK at once, QueryStatus reports VSS_S_ASYNC_PENDING, without running
// anything, at most max_pending_answers times per operation.
// Cancel ends an unfinished operation (spec Q15: an Abort reaches writers
// that are in the snapshot sequence).
#ifndef VSSEMU_REQUESTER_ASYNC_H_
#define VSSEMU_REQUESTER_ASYNC_H_

#include <functional>
#include <memory>

#include <vss.h>

#include "com/com_object.h"
#include "coordinator/operation.h"
#include "coordinator/service.h"

namespace vssemu::requester {

class Async : public com::ComObject<Async, IVssAsync> {
 public:
  using Queryable = com::InterfaceList<IVssAsync>;

  // Wraps op; on_cancel runs when Cancel ends it early.
  Async(std::shared_ptr<coordinator::Service> service,
        std::shared_ptr<coordinator::Operation> op,
        std::function<void()> on_cancel);

  HRESULT STDMETHODCALLTYPE Cancel() override;
  HRESULT STDMETHODCALLTYPE Wait(DWORD dwMilliseconds) override;
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* pHrResult,
                                        INT* pReserved) override;

 private:
  // Decides whether call finds the operation still running (see above).
  bool AnswerPending(const char* call, const char* site);

  std::shared_ptr<coordinator::Service> service_;
  std::shared_ptr<coordinator::Operation> op_;
  std::function<void()> on_cancel_;
};

// Runs the scheduler until op has ended.
void RunToEnd(coordinator::Service& service, coordinator::Operation& op);

}  // namespace vssemu::requester

#endif  // VSSEMU_REQUESTER_ASYNC_H_
