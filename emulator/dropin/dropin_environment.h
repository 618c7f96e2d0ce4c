// The environment that configures the drop-in vssapi library
// (docs/drop-in.md): which scenario's world to build, with which seed and
// choices, and where the trace goes. `vssemu run --exec` and
// `vssemu fuzz --exec` set the same variables for the program they run,
// plus the internal ones below.
#ifndef VSSEMU_DROPIN_DROPIN_ENVIRONMENT_H_
#define VSSEMU_DROPIN_DROPIN_ENVIRONMENT_H_

#include <cstdint>
#include <optional>
#include <string>

namespace vssemu::dropin {

// Public: what a user sets.
inline constexpr const char kScenarioVariable[] = "VSSEMU_SCENARIO";
inline constexpr const char kSeedVariable[] = "VSSEMU_SEED";
inline constexpr const char kReplayVariable[] = "VSSEMU_REPLAY";
inline constexpr const char kTraceVariable[] = "VSSEMU_TRACE";
// Internal: set by `vssemu run --exec` and `vssemu fuzz --exec`.
// The file the library writes its results to (result_file.h).
inline constexpr const char kResultVariable[] = "VSSEMU_RESULT";
// The folder in which the scenario's files are made (the parent removes it
// whatever happens to the program).
inline constexpr const char kScratchVariable[] = "VSSEMU_SCRATCH";
// An exploring run's choices (sim/choice_description.h) and exploration
// options (explore/exploration_text.h).
inline constexpr const char kChoicesVariable[] = "VSSEMU_CHOICES";
inline constexpr const char kExplorationVariable[] = "VSSEMU_EXPLORATION";

struct Environment {
  std::string scenario;  // A scenario file; empty: a machine with defaults.
  std::optional<uint64_t> seed;
  // VSSEMU_REPLAY ("SEED" or "SEED:CHOICES"): an exploring run.
  std::optional<uint64_t> replay_seed;
  std::string replay_choices;
  std::string trace;    // Where the trace is streamed; empty: nowhere.
  std::string result;   // Internal, see above.
  std::string scratch;  // Internal, see above.
  std::string choices;  // Internal, see above.
  std::string exploration;  // Internal, see above.

  // Whether anything asks for more than a plain default machine.
  bool configured() const {
    return !scenario.empty() || !trace.empty() || !result.empty() ||
           replay_seed.has_value() || !choices.empty();
  }
};

// Reads the variables; returns "" or what is wrong with them, naming the
// variable and what it expects.
std::string ReadEnvironment(Environment* environment);

}  // namespace vssemu::dropin

#endif  // VSSEMU_DROPIN_DROPIN_ENVIRONMENT_H_
