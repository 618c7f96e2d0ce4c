// The canonical trace of a run: one event per line, virtual time only (no
// pointers, thread ids or wall time), fields in a fixed order, and a hash
// of the whole. The same scenario and seed give the same trace, byte for
// byte.
#ifndef VSSEMU_TRACE_H_
#define VSSEMU_TRACE_H_

#include <cstddef>
#include <cstdint>
#include <span>
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

// One field of an event being recorded: views of its name and value, which
// Trace::Add copies.
struct TraceFieldView {
  std::string_view name;
  std::string_view value;
};

class Trace {
 public:
  // Appends an event.
  void Add(const TraceEvent& event);
  // Appends an event made of views, copying their text: how the emulator
  // records, without building a TraceEvent.
  void Add(int64_t time_us, std::string_view kind,
           std::span<const TraceFieldView> fields);
  // Sends every event added from now on to listener (NULL to stop).
  void set_listener(TraceListener* listener) { listener_ = listener; }
  // Returns every event in order. The events are kept in a compact form
  // and made TraceEvents here, those added since the last call, so a trace
  // that is only rendered or hashed never builds them. Like Add, not to be
  // called on one trace from two threads at once.
  const std::vector<TraceEvent>& events() const;
  // Returns the number of events.
  size_t size() const { return records_.size(); }
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
  void Clear();

 private:
  // An event: its time, its kind and its fields as places in text_.
  struct Record {
    int64_t time_us;
    size_t kind;           // Offset of the kind in text_.
    size_t first_field;    // Index of its first field in fields_.
    uint32_t kind_size;
    uint32_t field_count;
  };
  // A field: its name, then at once its value, in text_.
  struct FieldRecord {
    size_t name;
    uint32_t name_size;
    uint32_t value_size;
  };
  // Appends the canonical line of record (without newline) to *out.
  void AppendLine(const Record& record, std::string* out) const;
  // Returns the event record stands for.
  TraceEvent Event(const Record& record) const;

  std::string text_;                  // Every kind, name and value, in order.
  std::vector<Record> records_;
  std::vector<FieldRecord> fields_;
  mutable std::vector<TraceEvent> events_;  // The first events, as built.
  TraceListener* listener_ = nullptr;
};

// Reads one canonical line (TraceEvent::ToLine) back into an event; on a
// line that is not one returns false and says why in *error.
bool ParseTraceLine(std::string_view line, TraceEvent* event,
                    std::string* error);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_H_
