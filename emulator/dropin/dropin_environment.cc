#include "dropin/dropin_environment.h"

#include <cstdlib>

#include "sim/seed_text.h"

namespace vssemu::dropin {
namespace {

std::string Get(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string ReadEnvironment(Environment* environment) {
  Environment& e = *environment;
  e.scenario = Get(kScenarioVariable);
  e.trace = Get(kTraceVariable);
  e.result = Get(kResultVariable);
  e.scratch = Get(kScratchVariable);
  e.choices = Get(kChoicesVariable);
  e.exploration = Get(kExplorationVariable);
  if (std::string seed = Get(kSeedVariable); !seed.empty()) {
    const std::optional<uint64_t> value = sim::ParseSeedText(seed);
    if (!value) {
      return std::string(kSeedVariable) + "=\"" + seed +
             "\": expected a number (decimal or 0x hexadecimal)";
    }
    e.seed = *value;
  }
  if (std::string replay = Get(kReplayVariable); !replay.empty()) {
    const size_t colon = replay.find(':');
    const std::optional<uint64_t> value = sim::ParseSeedText(replay.substr(0, colon));
    if (!value) {
      return std::string(kReplayVariable) + "=\"" + replay +
             "\": expected SEED or SEED:CHOICES, as a failure report's "
             "replay line gives it";
    }
    e.replay_seed = *value;
    if (colon != std::string::npos) e.replay_choices = replay.substr(colon + 1);
  }
  return "";
}

}  // namespace vssemu::dropin
