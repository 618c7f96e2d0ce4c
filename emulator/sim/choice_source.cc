#include "sim/choice_source.h"

#include <algorithm>

namespace vssemu::sim {

size_t ChoiceSource::Choose(std::string_view site, size_t options) {
  size_t chosen = options <= 1 ? 0 : Pick(site, options);
  if (logging_) log_.push_back(Choice{std::string(site), options, chosen});
  return chosen;
}

size_t DefaultChoices::Pick(std::string_view, size_t) { return 0; }

size_t SeededChoices::Pick(std::string_view, size_t options) {
  return static_cast<size_t>(prng_.Below(options));
}

size_t ReplayChoices::Pick(std::string_view site, size_t options) {
  // Decisions with a single option are not recorded as picks but are in the
  // log; skip them so that the recorded and the live runs line up.
  while (next_ < recorded_.size() && recorded_[next_].options <= 1) ++next_;
  if (next_ >= recorded_.size()) {
    ++divergences_;
    return 0;
  }
  const Choice& expected = recorded_[next_];
  if (!expected.site.empty() && expected.site != site) {
    // The run took another path here (a shrunk log changed an earlier
    // decision): resume at the next recorded decision of this site, so
    // that the later decisions still land where they were made.
    for (size_t j = next_ + 1; j < recorded_.size(); ++j) {
      if (recorded_[j].site == site && recorded_[j].options == options) {
        next_ = j + 1;
        ++divergences_;
        return recorded_[j].chosen;
      }
    }
    ++divergences_;
    return 0;
  }
  ++next_;
  if (expected.options != Choice::kAnyOptions &&
      (expected.options != options || expected.chosen >= options)) {
    ++divergences_;
    return 0;
  }
  return expected.chosen;
}

bool EnumeratingChoices::Next() {
  // Drop the positions past this run's last decision (a shorter run), then
  // the exhausted tail; bump the last position that has options left.
  path_.resize(std::min(path_.size(), next_));
  while (!path_.empty() && path_.back().chosen + 1 >= path_.back().options) {
    path_.pop_back();
  }
  next_ = 0;
  if (path_.empty()) return false;
  ++path_.back().chosen;
  return true;
}

size_t EnumeratingChoices::Pick(std::string_view, size_t options) {
  if (next_ < path_.size()) {
    Step& step = path_[next_++];
    if (step.options != options) {
      diverged_ = true;
      step.options = options;
      if (step.chosen >= options) step.chosen = 0;
    }
    return step.chosen;
  }
  path_.push_back(Step{0, options});
  ++next_;
  return 0;
}

std::vector<PinnedChoice> PinDecisions(const std::vector<Choice>& log) {
  std::vector<PinnedChoice> pinned;
  std::map<std::string, size_t> asked;
  for (const Choice& c : log) {
    if (c.options <= 1) continue;  // Not a decision (Choose skips the source).
    const size_t occurrence = ++asked[c.site];
    if (c.chosen != 0) pinned.push_back(PinnedChoice{c.site, occurrence, c.chosen, c.options});
  }
  return pinned;
}

size_t PinnedChoices::Pick(std::string_view site, size_t options) {
  auto it = asked_.find(site);
  if (it == asked_.end()) it = asked_.emplace(std::string(site), 0).first;
  const size_t occurrence = ++it->second;
  for (const PinnedChoice& p : pinned_) {
    if (p.site == site && p.occurrence == occurrence) {
      if (p.options != options || p.chosen >= options) return 0;
      ++matched_;
      return p.chosen;
    }
  }
  return 0;
}

size_t ByteChoices::Pick(std::string_view, size_t options) {
  size_t value = 0;
  const size_t width = options > 256 ? 2 : 1;
  for (size_t i = 0; i < width; ++i) {
    if (next_ >= size_) return 0;
    value = value * 256 + data_[next_++];
  }
  return value % options;
}

}  // namespace vssemu::sim
