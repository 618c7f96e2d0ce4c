// RunOptions::exploration as one line of text, for an exploring run in
// another process (`vssemu fuzz --exec`, docs/drop-in.md):
//   orders=1,thaw-levels=1,async=1,pending=2,race=1,abort=1,shutdown=1,
//   intruder=1,swarm=1,max-faults=-1,faults=provider+flush+hold
#ifndef VSSEMU_EXPLORE_EXPLORATION_TEXT_H_
#define VSSEMU_EXPLORE_EXPLORATION_TEXT_H_

#include <string>
#include <string_view>

#include <vssemu/run_options.h>

namespace vssemu::explore {

std::string ExplorationToText(const ExplorationOptions& options);

// Reads text into *options (every key is required); false with *error set
// (the key and what it expects) on text that ExplorationToText did not
// write.
bool ExplorationFromText(std::string_view text, ExplorationOptions* options,
                         std::string* error);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_EXPLORATION_TEXT_H_
