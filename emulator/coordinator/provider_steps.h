// The steps of the provider call sequence (spec 14.4) as values the
// coordinator, the trace and fault injection can name, plus the hook through
// which every step passes and the rule that turns a provider's undocumented
// HRESULT into VSS_E_UNEXPECTED_PROVIDER_ERROR (spec 1.10, 14.4).
//
// Contract: a ProviderBehaviour decides what one step returns and how much
// virtual time it takes; it never sleeps and never reads a clock. The default
// behaviour succeeds at once. The provider (provider_system.h) asks its
// behaviour only for steps that are legal in the provider's current state,
// and passes the behaviour's answer through MapProviderResult before the
// coordinator sees it.
#ifndef VSSEMU_COORDINATOR_PROVIDER_STEPS_H_
#define VSSEMU_COORDINATOR_PROVIDER_STEPS_H_

#include <vss.h>

#include <vssemu/coordinator/provider_volumes.h>
#include <vssemu/sim/virtual_time.h>

namespace vssemu::coordinator {

// Names one call the coordinator makes on a provider while creating or
// deleting shadow copies, in sequence order.
enum class ProviderStep : int {
  kBeginPrepareSnapshot,      // per volume
  kEndPrepareSnapshots,       // per set
  kPreCommitSnapshots,        // per set, writers frozen
  kCommitSnapshots,           // per set, I/O held
  kPostCommitSnapshots,       // per set, I/O released
  kPreFinalCommitSnapshots,   // per set, writers thawed
  kPostFinalCommitSnapshots,  // per set
  kAbortSnapshots,            // per set, after a failure
  kDeleteSnapshot,            // per shadow copy, from DeleteSnapshots
};

// Returns the provider method name of step ("CommitSnapshots"), as the trace
// prints it; kDeleteSnapshot is "DeleteSnapshots", the method it serves.
const char* ProviderStepName(ProviderStep step);

// Describes what the provider is asked to do, as the behaviour sees it.
struct StepCall {
  ProviderStep step;
  VSS_ID set_id = GUID_NULL;
  // The shadow copy concerned by a per-volume step; GUID_NULL otherwise.
  VSS_ID snapshot_id = GUID_NULL;
  // The volume of a per-volume step; nullptr for a per-set step.
  const Volume* volume = nullptr;
  // The set's context (lNewContext of BeginPrepareSnapshot).
  LONG context = VSS_CTX_BACKUP;
};

// Carries what a step returned and how long it took in virtual time.
struct StepResult {
  HRESULT hr = S_OK;
  sim::Duration took{0};
};

// Decides the outcome of each provider step; override to inject delays and
// failures (VSS_E_INSUFFICIENT_STORAGE, VSS_E_PROVIDER_VETO, ...).
class ProviderBehaviour {
 public:
  virtual ~ProviderBehaviour() = default;

  // Returns the outcome of call; the default succeeds in zero time.
  virtual StepResult OnStep(const StepCall& call);
};

// Returns whether hr is one of the codes a provider may return (spec 14.4).
bool IsValidProviderResult(HRESULT hr);

// Maps what a provider returned from step to what the coordinator reports:
// codes outside the valid set become VSS_E_UNEXPECTED_PROVIDER_ERROR, except
// from AbortSnapshots, whose result passes through unchanged (the
// coordinator only logs it).
HRESULT MapProviderResult(ProviderStep step, HRESULT hr);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_PROVIDER_STEPS_H_
