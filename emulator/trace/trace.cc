// The canonical trace format. Lines look like
//   12.000500 event name=Freeze writer="Sql Writer" level=BACK_END
// with the time in virtual seconds, the kind, then fields in recording
// order. Values that are empty or contain spaces, quotes, '=' or control
// characters are quoted with C-style escapes, so a line splits unambiguously.
#include <vssemu/trace.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "sim/virtual_time.h"
#include "trace/json_string.h"

namespace vssemu {
namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' ||
        static_cast<unsigned char>(c) < 0x20) {
      return true;
    }
  }
  return false;
}

void AppendEscaped(std::string* out, std::string_view value, bool json) {
  for (char c : value) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), json ? "\\u%04x" : "\\x%02x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          *out += buf;
        } else {
          *out += c;
        }
    }
  }
}


std::string HashHex(uint64_t hash) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view value) {
  *out += '"';
  AppendEscaped(out, value, true);
  *out += '"';
}

std::string_view TraceEvent::Get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return {};
}

namespace {

// Appends the start of a canonical line: the time and the kind.
void AppendHead(std::string* out, int64_t time_us, std::string_view kind) {
  sim::AppendTime(out, sim::TimePoint{sim::Duration(time_us)});
  *out += ' ';
  *out += kind;
}

// Appends one field of a canonical line: " name=value", quoted when needed.
void AppendField(std::string* out, std::string_view key, std::string_view value) {
  *out += ' ';
  *out += key;
  *out += '=';
  if (NeedsQuotes(value)) {
    *out += '"';
    AppendEscaped(out, value, false);
    *out += '"';
  } else {
    *out += value;
  }
}

// Appends event's canonical line (without newline) to *out.
void AppendLine(const TraceEvent& event, std::string* out) {
  AppendHead(out, event.time_us, event.kind);
  for (const auto& [key, value] : event.fields) AppendField(out, key, value);
}

// FNV-1a 64 over bytes, continuing from hash.
uint64_t Fnv1a(uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;  // FNV-1a prime.
  }
  return hash;
}

constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ull;

// Copies n bytes, sizeof(Word) <= n <= 2 * sizeof(Word), as two words that
// may overlap.
template <typename Word>
void CopyEnds(char* to, const char* from, size_t n) {
  Word head, tail;
  std::memcpy(&head, from, sizeof(Word));
  std::memcpy(&tail, from + n - sizeof(Word), sizeof(Word));
  std::memcpy(to, &head, sizeof(Word));
  std::memcpy(to + n - sizeof(Word), &tail, sizeof(Word));
}

// Copies n bytes; most pieces of a trace event (kinds, names, values) are a
// few bytes long, where a call to memcpy costs more than the copy.
void CopySmall(char* to, const char* from, size_t n) {
  if (n > 16) {
    std::memcpy(to, from, n);
  } else if (n >= 8) {
    CopyEnds<uint64_t>(to, from, n);
  } else if (n >= 4) {
    CopyEnds<uint32_t>(to, from, n);
  } else {
    if (n > 0) to[0] = from[0];
    if (n > 1) to[1] = from[1];
    if (n > 2) to[2] = from[2];
  }
}

}  // namespace

std::string TraceEvent::ToLine() const {
  std::string line;
  AppendLine(*this, &line);
  return line;
}

JsonType JsonFieldType(std::string_view kind, std::string_view field) {
  // The typed fields of docs/trace-format.md; every other field is a string.
  struct Typed {
    std::string_view kind, field;
    JsonType type;
  };
  static constexpr Typed kTyped[] = {
      {"writer", "freeze_timeout_ms", JsonType::kInteger},
      {"callback", "returned", JsonType::kBoolean},
      {"callback", "took_us", JsonType::kInteger},
      {"provider", "took_us", JsonType::kInteger},
      {"provider", "deleted", JsonType::kInteger},
      {"status", "writers", JsonType::kInteger},
      {"copy", "files", JsonType::kInteger},
      {"copy", "bytes", JsonType::kInteger},
  };
  for (const Typed& t : kTyped) {
    if (t.kind == kind && t.field == field) return t.type;
  }
  return JsonType::kString;
}

namespace {

// True when value is written as it is for type (a JSON number or boolean).
bool IsJsonLiteral(std::string_view value, JsonType type) {
  if (type == JsonType::kBoolean) return value == "true" || value == "false";
  if (type != JsonType::kInteger || value.empty()) return false;
  size_t digits = value[0] == '-' ? 1 : 0;
  if (digits == value.size()) return false;
  for (size_t i = digits; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string TraceEvent::ToJson() const {
  std::string json = "{\"t_us\":" + std::to_string(time_us) + ",\"kind\":";
  AppendJsonString(&json, kind);
  for (const auto& [key, value] : fields) {
    json += ',';
    AppendJsonString(&json, key);
    json += ':';
    if (IsJsonLiteral(value, JsonFieldType(kind, key))) {
      json += value;
    } else {
      AppendJsonString(&json, value);
    }
  }
  json += '}';
  return json;
}

Trace::Trace(const Trace& other)
    : count_(other.count_),
      events_(other.events_),
      built_chunk_(other.built_chunk_),
      built_offset_(other.built_offset_),
      listener_(other.listener_) {
  // The same chunks, each as large as its events: the copy's reading
  // positions stay where they were.
  if (other.chunks_.empty()) return;
  chunks_.resize(other.filling_ + 1);
  for (size_t i = 0; i <= other.filling_; ++i) {
    const size_t used = other.Used(i);
    chunks_[i].data.reset(new char[used]);
    if (used > 0) std::memcpy(chunks_[i].data.get(), other.chunks_[i].data.get(), used);
    chunks_[i].size = chunks_[i].capacity = used;
  }
  filling_ = other.filling_;
  cursor_ = limit_ = chunks_[filling_].data.get() + chunks_[filling_].size;
}

Trace& Trace::operator=(const Trace& other) {
  if (this != &other) Trace(other).swap(*this);
  return *this;
}

Trace::Trace(Trace&& other) noexcept { swap(other); }

Trace& Trace::operator=(Trace&& other) noexcept {
  Trace moved(std::move(other));
  swap(moved);
  return *this;
}

void Trace::swap(Trace& other) noexcept {
  using std::swap;
  swap(chunks_, other.chunks_);
  swap(filling_, other.filling_);
  swap(cursor_, other.cursor_);
  swap(limit_, other.limit_);
  swap(count_, other.count_);
  swap(events_, other.events_);
  swap(built_chunk_, other.built_chunk_);
  swap(built_offset_, other.built_offset_);
  swap(listener_, other.listener_);
}

// Walks the packed events of a trace from a given offset.
class Trace::Reader {
 public:
  Reader(const char* data, size_t offset) : data_(data), at_(offset) {
    std::memcpy(&header_, data_ + at_, sizeof(header_));
    sizes_ = at_ + sizeof(Header);
    text_ = sizes_ + 2 * sizeof(uint32_t) * header_.field_count;
  }
  int64_t time_us() const { return header_.time_us; }
  uint32_t field_count() const { return header_.field_count; }
  std::string_view kind() const { return {data_ + text_, header_.kind_size}; }
  // Calls visit(name, value) for each field, in order, and returns the
  // offset of the next event.
  template <typename Visit>
  size_t ForEachField(Visit&& visit) const {
    size_t text = text_ + header_.kind_size;
    for (uint32_t i = 0; i < header_.field_count; ++i) {
      uint32_t sizes[2];
      std::memcpy(sizes, data_ + sizes_ + i * sizeof(sizes), sizeof(sizes));
      visit(std::string_view(data_ + text, sizes[0]),
            std::string_view(data_ + text + sizes[0], sizes[1]));
      text += sizes[0] + sizes[1];
    }
    return AlignUp(text);
  }
  // Returns the offset of the next event.
  size_t Next() const {
    return ForEachField([](std::string_view, std::string_view) {});
  }
  static size_t AlignUp(size_t n) { return (n + 7) & ~size_t{7}; }

 private:
  const char* data_;
  size_t at_;
  Header header_;
  size_t sizes_;  // Offset of the fields' sizes.
  size_t text_;   // Offset of the kind, then the names and values.
};

void Trace::Add(const TraceEvent& event) {
  std::vector<TraceFieldView> fields;
  fields.reserve(event.fields.size());
  for (const auto& [key, value] : event.fields) fields.push_back({key, value});
  Add(event.time_us, event.kind, fields);
}

void Trace::Grow(size_t n) {
  if (!chunks_.empty()) {
    chunks_[filling_].size = Used(filling_);
    ++filling_;
  }
  const size_t previous = filling_ == 0 ? 0 : chunks_[filling_ - 1].capacity;
  const size_t capacity =
      std::max(n, std::clamp(previous * 2, kFirstChunk, kLargestChunk));
  if (filling_ == chunks_.size()) chunks_.emplace_back();
  Chunk& chunk = chunks_[filling_];
  if (chunk.capacity < n) {
    // A new chunk, or one kept from before a Clear that is too small for
    // this event: only its buffer is replaced, so the chunks after it are
    // still there for the events that follow. new char[] leaves the bytes
    // uninitialized: every byte up to the chunk's size is written by Add
    // before it is read.
    chunk.data.reset(new char[capacity]);
    chunk.capacity = capacity;
  }
  cursor_ = chunk.data.get();
  limit_ = cursor_ + chunk.capacity;
}

void Trace::Add(int64_t time_us, std::string_view kind,
                std::span<const TraceFieldView> fields) {
  size_t text = kind.size();
  for (const TraceFieldView& f : fields) text += f.name.size() + f.value.size();
  const size_t sizes = 2 * sizeof(uint32_t) * fields.size();
  const size_t total = Reader::AlignUp(sizeof(Header) + sizes + text);
  Reserve(total);
  char* out = cursor_;
  const Header header{time_us, static_cast<uint32_t>(kind.size()),
                      static_cast<uint32_t>(fields.size())};
  std::memcpy(out, &header, sizeof(header));
  char* size_out = out + sizeof(Header);
  char* text_out = size_out + sizes;
  CopySmall(text_out, kind.data(), kind.size());
  text_out += kind.size();
  for (const TraceFieldView& f : fields) {
    const uint32_t field_sizes[2] = {static_cast<uint32_t>(f.name.size()),
                                     static_cast<uint32_t>(f.value.size())};
    std::memcpy(size_out, field_sizes, sizeof(field_sizes));
    size_out += sizeof(field_sizes);
    CopySmall(text_out, f.name.data(), f.name.size());
    text_out += f.name.size();
    CopySmall(text_out, f.value.data(), f.value.size());
    text_out += f.value.size();
  }
  cursor_ += total;
  ++count_;
  if (listener_ != nullptr) listener_->OnEvent(Event(out, 0));
}

TraceEvent Trace::Event(const char* data, size_t offset) {
  const Reader reader(data, offset);
  TraceEvent event;
  event.time_us = reader.time_us();
  event.kind = reader.kind();
  event.fields.reserve(reader.field_count());
  reader.ForEachField([&](std::string_view name, std::string_view value) {
    event.fields.emplace_back(name, value);
  });
  return event;
}

template <typename Visit>
void Trace::ForEachEvent(Visit&& visit) const {
  for (size_t i = 0; i < chunks_.size() && i <= filling_; ++i) {
    const char* data = chunks_[i].data.get();
    const size_t used = Used(i);
    for (size_t at = 0; at < used;) at = visit(Reader(data, at));
  }
}

const std::vector<TraceEvent>& Trace::events() const {
  while (events_.size() < count_) {
    while (built_offset_ >= Used(built_chunk_)) {
      ++built_chunk_;
      built_offset_ = 0;
    }
    const char* data = chunks_[built_chunk_].data.get();
    events_.push_back(Event(data, built_offset_));
    built_offset_ = Reader(data, built_offset_).Next();
  }
  return events_;
}

void Trace::Clear() {
  if (!chunks_.empty()) {
    filling_ = 0;
    cursor_ = chunks_[0].data.get();
    limit_ = cursor_ + chunks_[0].capacity;
  }
  count_ = 0;
  events_.clear();
  built_chunk_ = 0;
  built_offset_ = 0;
}

namespace {

// Appends the canonical line of the event reader is at (without newline)
// and returns the offset of the next event.
template <typename Reader>
size_t AppendPackedLine(const Reader& reader, std::string* out) {
  AppendHead(out, reader.time_us(), reader.kind());
  return reader.ForEachField([&](std::string_view name, std::string_view value) {
    AppendField(out, name, value);
  });
}

}  // namespace

uint64_t Trace::Hash() const {
  // The hash of the text's event lines, rendered one at a time into one
  // buffer.
  uint64_t hash = kFnvOffsetBasis;
  std::string line;
  ForEachEvent([&](const Reader& reader) {
    line.clear();
    const size_t next = AppendPackedLine(reader, &line);
    line += '\n';
    hash = Fnv1a(hash, line);
    return next;
  });
  return hash;
}

std::string Trace::HashText() const { return HashHex(Hash()); }

std::string Trace::ToText() const {
  // Each line is rendered once; the hash is taken over the text itself.
  std::string text;
  ForEachEvent([&](const Reader& reader) {
    const size_t next = AppendPackedLine(reader, &text);
    text += '\n';
    return next;
  });
  const uint64_t hash = Fnv1a(kFnvOffsetBasis, text);
  text +=
      "# events=" + std::to_string(count_) + " hash=" + HashHex(hash) + "\n";
  return text;
}

std::string Trace::ToJsonLines() const {
  std::string text;
  for (const TraceEvent& event : events()) {
    text += event.ToJson();
    text += '\n';
  }
  text += "{\"kind\":\"end\",\"events\":" + std::to_string(count_) +
          ",\"hash\":\"" + HashText() + "\"}\n";
  return text;
}

}  // namespace vssemu
