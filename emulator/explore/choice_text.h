// Choice logs as text, for replay command lines and pinned scenarios:
// "1/2,0/3,2/6" lists each decision's pick and option count in order
// (decisions with a single option are left out; so are trailing default
// picks, which a replay takes anyway).
#ifndef VSSEMU_EXPLORE_CHOICE_TEXT_H_
#define VSSEMU_EXPLORE_CHOICE_TEXT_H_

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

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_CHOICE_TEXT_H_
