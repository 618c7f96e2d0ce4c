// The campaign behind vssemu::Explore and ReplayRun, over any Runner (a
// function of the caller's, or a scenario file: scenario_explore.h).
#ifndef VSSEMU_EXPLORE_CAMPAIGN_H_
#define VSSEMU_EXPLORE_CAMPAIGN_H_

#include <cstdint>
#include <string>

#include <vssemu/explore.h>

#include "explore/single_run.h"

namespace vssemu::explore {

// Explores runner as vssemu::Explore explores its function (VSSEMU_REPLAY
// is Explore's alone: the command line has `vssemu replay`).
ExploreReport ExploreWith(const ExploreOptions& options, const Runner& runner);

// Explores runner as vssemu::Explore does: one run at a time, and only
// the run VSSEMU_REPLAY names when it is set.
ExploreReport ExploreInProcess(const ExploreOptions& options, const Runner& runner);

// Builds the report entry of a failing run (number run_number, with seed):
// shrinks it when options ask, replays the result with the trace and adds
// the replay line.
ExploreFailure DescribeFailure(const ExploreOptions& options, const Verdict& verdict,
                               size_t run_number, uint64_t seed, const RunRecord& run,
                               const RunRecord& baseline, const Runner& runner);

// Replays one run of runner as vssemu::ReplayRun does.
ExploreFailure ReplayWith(const ExploreOptions& options, uint64_t seed,
                          const std::string& choices, const Runner& runner);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_CAMPAIGN_H_
