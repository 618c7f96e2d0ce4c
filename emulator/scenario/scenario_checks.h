// Checks a scenario's expectations after its run, against the trace, the
// violations, the reference requester's results and the files of the
// emulated machine.
//
// What each form reads (docs/scenarios.md, <expect>):
// - writer state: the last writer status the reference requester gathered
//   (backup or restore), or, with an external requester, the trace as of
//   the writer's BackupShutdown;
// - events, calls, violations, provider calls: the whole run's trace;
// - backup outcome: the last backup; bcd, bcd-component, copied-files: the
//   backup backup= names, else the last one;
// - restore outcome and restored-files: the last restore; restore-verified:
//   every restore, as verified right after it ran;
// - file: the machine's files through vssemu::HostPath, after the run.
//
// Contract: returns "" when the expectation holds, else one line saying
// what was expected and what was found, naming VSS paths only (never host
// paths). Never throws.
#ifndef VSSEMU_SCENARIO_SCENARIO_CHECKS_H_
#define VSSEMU_SCENARIO_SCENARIO_CHECKS_H_

#include <string>
#include <vector>

#include <vssemu/emulator.h>

#include <vssemu/scenario/scenario_model.h>
#include <vssemu/scenario/scenario_runner.h>
#include <vssemu/scenario/scenario_steps.h>

namespace vssemu::scenario {

// What the checks read.
struct CheckContext {
  const Emulator& emulator;  // Its trace, violations and files.
  const WriterNames& names;
  const RunResult& run;
  bool external = false;  // The requester is the test's own code.
};

// Checks one expectation; returns "" or why it failed.
std::string CheckExpectation(const Expectation& x, const CheckContext& c);

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_CHECKS_H_
