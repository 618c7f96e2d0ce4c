#include "explore/shrink.h"

namespace vssemu::explore {
namespace {

size_t Weight(const std::vector<sim::Choice>& log) {
  size_t weight = 0;
  for (const sim::Choice& c : log) weight += c.options > 1 ? c.chosen : 0;
  return weight;
}

}  // namespace

std::vector<sim::Choice> Shrink(const ExploreOptions& options, uint64_t seed,
                                std::vector<sim::Choice> log,
                                const std::string& rule,
                                const RunRecord& baseline,
                                const Runner& runner,
                                int max_attempts) {
  int attempts = 0;
  // Runs candidate; on the same failure, adopts the decisions the run
  // actually made (a change early on can change which decisions follow).
  auto accept = [&](const std::vector<sim::Choice>& candidate) {
    if (attempts >= max_attempts) return false;
    ++attempts;
    sim::ReplayChoices source(candidate);
    RunRecord run = RunOnce(options, seed, &source, false, runner);
    std::optional<Verdict> verdict = Judge(options, run, baseline);
    if (!verdict || verdict->rule != rule) return false;
    if (Weight(run.log) >= Weight(log) && run.log.size() >= log.size()) {
      return false;
    }
    log = std::move(run.log);
    return true;
  };
  bool changed = true;
  while (changed && attempts < max_attempts) {
    changed = false;
    // Default every decision we can, the latest first: late decisions often
    // depend on early ones, not the other way round.
    for (size_t i = log.size(); i-- > 0;) {
      if (i >= log.size() || log[i].chosen == 0) continue;
      std::vector<sim::Choice> candidate = log;
      candidate[i].chosen = 0;
      if (accept(candidate)) changed = true;
    }
    // Then the smallest other option for what must stay non-default.
    for (size_t i = 0; i < log.size(); ++i) {
      if (log[i].chosen <= 1) continue;
      std::vector<sim::Choice> candidate = log;
      candidate[i].chosen = 1;
      if (accept(candidate)) changed = true;
    }
  }
  return log;
}

}  // namespace vssemu::explore
