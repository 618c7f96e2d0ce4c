#include "sim/choice_source.h"

namespace vssemu::sim {

size_t ChoiceSource::Choose(std::string_view site, size_t options) {
  size_t chosen = options <= 1 ? 0 : Pick(site, options);
  log_.push_back(Choice{std::string(site), options, chosen});
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
  const Choice& expected = recorded_[next_++];
  if (expected.site != site || expected.options != options ||
      expected.chosen >= options) {
    ++divergences_;
    return 0;
  }
  return expected.chosen;
}

}  // namespace vssemu::sim
