// Choice logs as text, for replay command lines and pinned scenarios:
// "0*3,1/2,0,2/6" lists the decisions in order: PICK/OPTIONS for a pick
// other than the default, 0 for a default pick and 0*N for N of them in a
// row (valid whatever the option count). Decisions with a single option are
// left out, and so are trailing default picks, which a replay takes anyway.
#ifndef VSSEMU_EXPLORE_CHOICE_TEXT_H_
#define VSSEMU_EXPLORE_CHOICE_TEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/choice_source.h"

namespace vssemu::explore {

// Formats log (see above).
std::string ChoicesToText(const std::vector<sim::Choice>& log);

// Parses text into a log with empty sites (they match any site on replay);
// on bad text returns nullopt and says why in *error (which token, what was
// expected).
std::optional<std::vector<sim::Choice>> ChoicesFromText(std::string_view text,
                                                        std::string* error);

// The choices of a replayed run: the seed's own (SeededChoices) when
// choices is empty, else the log the text names; nullptr with *error set
// when the text is not a log.
std::unique_ptr<sim::ChoiceSource> ReplaySource(uint64_t seed, std::string_view choices,
                                                std::string* error);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_CHOICE_TEXT_H_
