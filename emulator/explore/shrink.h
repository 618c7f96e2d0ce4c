// Shrinking: reduces a failing run's choices (orders, timings and faults
// alike, since faults are choices too) while the run keeps failing with the
// same rule, so that the reproduction differs from the documented default
// path in as few decisions as possible.
#ifndef VSSEMU_EXPLORE_SHRINK_H_
#define VSSEMU_EXPLORE_SHRINK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "explore/single_run.h"

namespace vssemu::explore {

// Returns the smallest log found for a run of seed that fails with rule,
// starting from log; each attempt is one run (at most max_attempts).
std::vector<sim::Choice> Shrink(const ExploreOptions& options, uint64_t seed,
                                std::vector<sim::Choice> log,
                                const std::string& rule,
                                const RunRecord& baseline,
                                const Runner& runner,
                                int max_attempts = 500);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_SHRINK_H_
