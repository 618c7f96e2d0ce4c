// The provider side of DoSnapshotSet as the sequence sees it: one call per
// step of spec 14.4, each with an HRESULT and the virtual time it took.
// The steps go to the emulated system provider, whose behaviour hook lets
// later work inject delays and failures.
#ifndef VSSEMU_COORDINATOR_SNAPSHOT_PROVIDER_H_
#define VSSEMU_COORDINATOR_SNAPSHOT_PROVIDER_H_

#include <vssemu/win32_base.h>

#include "coordinator/provider_steps.h"
#include "sim/virtual_time.h"

namespace vssemu::coordinator {

class Service;
class BackupSession;

struct ProviderStepResult {
  HRESULT hr = S_OK;
  sim::Duration took{0};
};

// Runs one provider step for session's snapshot set (BeginPrepareSnapshot:
// for every volume) and traces it; after CommitSnapshots the session's
// volumes know their shadow-copy device names.
ProviderStepResult RunProviderStep(Service& service, BackupSession& session,
                                   ProviderStep step);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_SNAPSHOT_PROVIDER_H_
