// The canonical trace of a run: one event per line, virtual time only (no
// pointers, thread ids or wall time), fields in a fixed order, and a hash
// of the whole. The same scenario and seed give the same trace, byte for
// byte.
#ifndef VSSEMU_TRACE_H_
#define VSSEMU_TRACE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
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
  Trace() = default;
  Trace(const Trace& other);
  Trace& operator=(const Trace& other);
  Trace(Trace&& other) noexcept;
  Trace& operator=(Trace&& other) noexcept;
  ~Trace() = default;

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
  size_t size() const { return count_; }
  // Returns the canonical text: one line per event, then a hash line.
  std::string ToText() const;
  // Returns the events as JSON lines, then {"kind":"end","events":N,"hash":H}.
  std::string ToJsonLines() const;
  // Returns the FNV-1a 64-bit hash of the canonical event lines.
  uint64_t Hash() const;
  // Returns Hash() as 16 lower-case hex digits, as the text form's last line
  // writes it.
  std::string HashText() const;
  // Drops every event; the memory is kept for the next ones.
  void Clear();
  // Exchanges the contents of two traces.
  void swap(Trace& other) noexcept;

 private:
  class Reader;
  // Events are packed one after another in chunks, each event 8-byte
  // aligned and whole in one chunk: a Header, then the sizes of each
  // field's name and value (two uint32_t per field), then the kind and
  // every name and value, in order. A backup records hundreds of events;
  // buffers written without zero-filling make recording one a few copies.
  // Chunks double up to kLargestChunk and are never moved, so a trace of
  // millions of events is never copied to grow, and needs no more memory
  // than it holds plus one chunk.
  struct Header {
    int64_t time_us;
    uint32_t kind_size;
    uint32_t field_count;
  };
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size = 0;  // Bytes of packed events (of the chunk being filled:
                      // up to cursor_).
    size_t capacity = 0;
  };
  static constexpr size_t kFirstChunk = 4096;
  static constexpr size_t kLargestChunk = size_t{1} << 20;
  // Makes room for n more bytes at cursor_.
  void Reserve(size_t n) {
    if (static_cast<size_t>(limit_ - cursor_) < n) Grow(n);
  }
  // Moves cursor_ to the next chunk with room for n bytes.
  void Grow(size_t n);
  // Returns the bytes of events packed in chunk i.
  size_t Used(size_t i) const {
    return i == filling_ ? static_cast<size_t>(cursor_ - chunks_[i].data.get())
                         : chunks_[i].size;
  }
  // Calls visit(reader) for every event, in order.
  template <typename Visit>
  void ForEachEvent(Visit&& visit) const;
  // Returns the event packed at offset of data.
  static TraceEvent Event(const char* data, size_t offset);

  std::vector<Chunk> chunks_;  // Filled in order up to chunks_[filling_].
  size_t filling_ = 0;
  char* cursor_ = nullptr;  // Where the next event goes.
  char* limit_ = nullptr;   // The end of the chunk being filled.
  size_t count_ = 0;        // Events packed.
  mutable std::vector<TraceEvent> events_;  // The first events, as built.
  // Where the event after the last one built is: chunk and offset.
  mutable size_t built_chunk_ = 0;
  mutable size_t built_offset_ = 0;
  TraceListener* listener_ = nullptr;
};

// Reads one canonical line (TraceEvent::ToLine) back into an event; on a
// line that is not one returns false and says why in *error.
bool ParseTraceLine(std::string_view line, TraceEvent* event,
                    std::string* error);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_H_
