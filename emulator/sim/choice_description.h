// Choice sources described as text (ChoiceSource::Describe), so that a run
// in another process makes the decisions the campaign's source would make
// here (`vssemu fuzz --exec`, docs/drop-in.md):
//   default                       option 0 everywhere
//   seeded:SEED                   a new SeededChoices(SEED)
//   replay:SITE/OPTIONS/CHOSEN;…  a recorded log (OPTIONS * = any count)
//   path:CHOSEN/OPTIONS;…         the exhaustive walk's current path
//   pinned:SITE/OCCURRENCE/CHOSEN/OPTIONS;…
// Sites hold no '/' or ';' (they are names such as order.freeze).
#ifndef VSSEMU_SIM_CHOICE_DESCRIPTION_H_
#define VSSEMU_SIM_CHOICE_DESCRIPTION_H_

#include <memory>
#include <string>
#include <string_view>

#include "sim/choice_source.h"

namespace vssemu::sim {

// Makes the source text describes; nullptr with *error set when the text
// is not a description.
std::unique_ptr<ChoiceSource> ChoiceSourceFromDescription(std::string_view text,
                                                          std::string* error);

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_CHOICE_DESCRIPTION_H_
