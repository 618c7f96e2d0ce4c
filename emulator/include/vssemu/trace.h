// The canonical trace of a run: one event per line, virtual time only (no
// pointers, thread ids or wall time), fields in a fixed order, and a hash
// of the whole. The same scenario and seed give the same trace, byte for
// byte.
#ifndef VSSEMU_TRACE_H_
#define VSSEMU_TRACE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vssemu {

// How a field's value is written in JSON lines (docs/trace-format.md):
// most are strings; a few are integers or booleans.
enum class JsonType { kString, kInteger, kBoolean };
JsonType JsonFieldType(std::string_view kind, std::string_view field);

struct TraceEvent {
  int64_t time_us = 0;  // Virtual time since the emulator started.
  std::string kind;     // call, event, callback, state, provider, timer, ...
  // Name/value pairs in the order they were recorded.
  std::vector<std::pair<std::string, std::string>> fields;

  // Returns the value of a field, or "" when absent.
  std::string_view Get(std::string_view name) const;
  // Formats the event as one canonical line (without newline).
  std::string ToLine() const;
  // Formats the event as one JSON object (without newline): "t_us" and
  // "kind", then the fields in order, typed as JsonFieldType says.
  std::string ToJson() const;
};

// Sees each event as it is added: a trace streamed to a file line by line
// (the drop-in library's VSSEMU_TRACE), or shown live.
class TraceListener {
 public:
  virtual ~TraceListener() = default;
  virtual void OnEvent(const TraceEvent& event) = 0;
};

class Trace {
 public:
  // Appends an event.
  void Add(TraceEvent event) {
    events_.push_back(std::move(event));
    if (listener_ != nullptr) listener_->OnEvent(events_.back());
  }
  // Sends every event added from now on to listener (NULL to stop).
  void set_listener(TraceListener* listener) { listener_ = listener; }
  // Returns every event in order.
  const std::vector<TraceEvent>& events() const { return events_; }
  // Returns the canonical text: one line per event, then a hash line.
  std::string ToText() const;
  // Returns the events as JSON lines, then {"kind":"end","events":N,"hash":H}.
  std::string ToJsonLines() const;
  // Returns the FNV-1a 64-bit hash of the canonical event lines.
  uint64_t Hash() const;
  // Returns Hash() as 16 lower-case hex digits, as the text form's last line
  // writes it.
  std::string HashText() const;
  // Drops every event.
  void Clear() { events_.clear(); }

 private:
  std::vector<TraceEvent> events_;
  TraceListener* listener_ = nullptr;
};

// Reads one canonical line (TraceEvent::ToLine) back into an event; on a
// line that is not one returns false and says why in *error.
bool ParseTraceLine(std::string_view line, TraceEvent* event,
                    std::string* error);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_H_
