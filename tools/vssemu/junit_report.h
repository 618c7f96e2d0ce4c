// `vssemu run --junit FILE`: the JUnit XML that Jenkins and GitLab read
// (docs/scenarios.md, "JUnit XML"). One <testsuite> per scenario file, so
// that each carries its own seed as a property; every <testsuite> and
// <testcase> has a time (wall-clock seconds); a failing case's
// <system-out> holds its failures and the tail of its trace.
#ifndef VSSEMU_TOOLS_VSSEMU_JUNIT_REPORT_H_
#define VSSEMU_TOOLS_VSSEMU_JUNIT_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace vssemu::tools {

// What running one scenario file came to.
struct ScenarioOutcome {
  std::string file;
  std::string name;      // The scenario's name; empty when it did not load.
  bool loaded = false;
  bool passed = false;
  bool skipped = false;  // Needs a requester this run does not have.
  std::vector<std::string> messages;
  uint64_t seed = 0;
  double seconds = 0;      // Wall-clock time the run took.
  std::string trace_tail;  // The last lines of the trace, for a failure.
};

// The JUnit classname of a scenario file: its path without ".xml", with
// every other '.' and every '\' made '_' and '/' kept (Jenkins splits
// class names on dots).
std::string JunitClassName(const std::string& file);

// Writes the report to path; false when it cannot be written.
bool WriteJunit(const std::string& path, const std::vector<ScenarioOutcome>& outcomes);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_JUNIT_REPORT_H_
