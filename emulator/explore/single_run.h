// One exploring run and its judgement: a fresh emulator whose choices come
// from a given source, the code under test, the end-of-run checkers, the
// caller's invariants; then what, if anything, failed.
#ifndef VSSEMU_EXPLORE_SINGLE_RUN_H_
#define VSSEMU_EXPLORE_SINGLE_RUN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <vssemu/explore.h>
#include <vssemu/violation.h>

#include "sim/choice_source.h"

namespace vssemu::explore {

// What one run did.
struct RunRecord {
  HRESULT hr = S_OK;     // What the code under test returned.
  std::string threw;     // The exception that escaped it, if any.
  std::vector<Violation> violations;
  std::vector<std::string> faults;  // "kind at where", in order.
  std::vector<sim::Choice> log;
  // Invariants that did not hold: name, then what is wrong.
  std::vector<std::pair<std::string, std::string>> broken;
  std::string trace;  // The trace text, when recorded.
};

// Runs fn once with seed, its choices from source (borrowed: it may serve
// many runs), recording the trace when asked.
RunRecord RunOnce(const ExploreOptions& options, uint64_t seed,
                  sim::ChoiceSource* source, bool record_trace,
                  const std::function<HRESULT()>& fn);

// The first reason run fails, judged against the default run (baseline).
struct Verdict {
  std::string rule;
  std::string section;
  std::string message;
};
std::optional<Verdict> Judge(const ExploreOptions& options,
                             const RunRecord& run, const RunRecord& baseline);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_SINGLE_RUN_H_
