// A seed written as text (VSSEMU_SEED, VSSEMU_REPLAY, --seed,
// --vssemu_seed): decimal, or hexadecimal after 0x; never octal, never
// signed, the whole text, so that a typo never silently becomes another
// seed.
#ifndef VSSEMU_SIM_SEED_TEXT_H_
#define VSSEMU_SIM_SEED_TEXT_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace vssemu::sim {

// The seed text names, or nullopt when it is not one.
std::optional<uint64_t> ParseSeedText(std::string_view text);

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_SEED_TEXT_H_
