// Virtual time: the only time the emulator knows. Every timeout (a writer's
// freeze window, the 10-second flush-and-hold, IVssAsync::Wait) is measured
// on it, so a 60-second timeout path costs microseconds of real time and the
// same run always sees the same times.
#ifndef VSSEMU_SIM_VIRTUAL_TIME_H_
#define VSSEMU_SIM_VIRTUAL_TIME_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace vssemu::sim {

// A span of virtual time.
using Duration = std::chrono::microseconds;

// A point in virtual time: the span since the emulator started.
struct TimePoint {
  Duration since_start{0};

  auto operator<=>(const TimePoint&) const = default;
  TimePoint operator+(Duration d) const { return {since_start + d}; }
  Duration operator-(TimePoint other) const {
    return since_start - other.since_start;
  }
};

// Converts a Win32 millisecond count (as in Wait(dwMilliseconds)) to a span.
inline Duration Milliseconds(uint32_t ms) {
  return std::chrono::duration_cast<Duration>(std::chrono::milliseconds(ms));
}

// Formats a time point as seconds with microsecond precision ("61.000000"),
// the form the trace uses.
std::string FormatTime(TimePoint t);
// Appends FormatTime(t) to *out.
void AppendTime(std::string* out, TimePoint t);

// Holds the current virtual time; only moves forward.
class VirtualClock {
 public:
  // Returns the current virtual time.
  TimePoint now() const { return now_; }
  // Moves the clock to t; a t in the past is an emulator bug (asserted).
  void AdvanceTo(TimePoint t);

 private:
  TimePoint now_;
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_VIRTUAL_TIME_H_
