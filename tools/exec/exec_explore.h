// Exploration over programs (`vssemu fuzz --exec`, docs/drop-in.md): each
// run of a campaign is one process of the program under the scenario, with
// the run's seed, choices and exploration options in its environment; the
// run's decisions, violations and faults come back through its result file
// and trace, so that judging, shrinking, replay and pinning work as for
// runs in this process.
#ifndef VSSEMU_TOOLS_EXEC_EXEC_EXPLORE_H_
#define VSSEMU_TOOLS_EXEC_EXEC_EXPLORE_H_

#include <functional>
#include <memory>
#include <string>

#include "exec/exec_run.h"
#include "explore/single_run.h"
#include "scenario/scenario_model.h"

namespace vssemu::tools {

// The runner of scenario around request's program (both copied into it).
// A run's outcome is the program's: exit code 0 is S_OK, any other E_FAIL;
// a crash is the failure exec.crash, a hang exec.hang, a run the library
// refused or that ended without its checks exec.setup. Each run's result
// (its trace and failures) is stored in *last when given; keep is held as
// long as the runner (a file the runs need).
explore::Runner ExecRunner(const scenario::Scenario& scenario,
                           const ExecRequest& request,
                           scenario::RunResult* last = nullptr,
                           std::shared_ptr<void> keep = nullptr);

// The candidate runner of a pinned scenario of a requester program
// (explore::PinProgram::runner): each candidate's text goes to a
// temporary file the program loads, and runs with its own program and
// arguments (request gives the timeout and the library).
std::function<explore::Runner(const scenario::Scenario&, const std::string&)>
PinnedCandidateRunner(const ExecRequest& request);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_EXEC_EXEC_EXPLORE_H_
