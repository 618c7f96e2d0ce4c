#include "dropin/dropin_environment.h"

#include <cerrno>
#include <cstdlib>

namespace vssemu::dropin {
namespace {

std::string Get(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

bool ParseSeed(const std::string& text, uint64_t* seed) {
  if (text.empty() || text[0] == '-' || text[0] == '+' || text[0] == ' ') {
    return false;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text.c_str(), &end, 0);
  if (errno != 0 || end == nullptr || *end != '\0') return false;
  *seed = value;
  return true;
}

std::string ReadEnvironment(Environment* environment) {
  Environment& e = *environment;
  e.scenario = Get(kScenarioVariable);
  e.trace = Get(kTraceVariable);
  e.result = Get(kResultVariable);
  e.scratch = Get(kScratchVariable);
  e.choices = Get(kChoicesVariable);
  e.exploration = Get(kExplorationVariable);
  if (std::string seed = Get(kSeedVariable); !seed.empty()) {
    uint64_t value = 0;
    if (!ParseSeed(seed, &value)) {
      return std::string(kSeedVariable) + "=\"" + seed +
             "\": expected a number (decimal or 0x hexadecimal)";
    }
    e.seed = value;
  }
  if (std::string replay = Get(kReplayVariable); !replay.empty()) {
    const size_t colon = replay.find(':');
    uint64_t value = 0;
    if (!ParseSeed(replay.substr(0, colon), &value)) {
      return std::string(kReplayVariable) + "=\"" + replay +
             "\": expected SEED or SEED:CHOICES, as a failure report's "
             "replay line gives it";
    }
    e.replay_seed = value;
    if (colon != std::string::npos) e.replay_choices = replay.substr(colon + 1);
  }
  return "";
}

}  // namespace vssemu::dropin
