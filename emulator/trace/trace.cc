// The canonical trace format. Lines look like
//   12.000500 event name=Freeze writer="Sql Writer" level=BACK_END
// with the time in virtual seconds, the kind, then fields in recording
// order. Values that are empty or contain spaces, quotes, '=' or control
// characters are quoted with C-style escapes, so a line splits unambiguously.
#include <vssemu/trace.h>

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

void Trace::Add(const TraceEvent& event) {
  std::vector<TraceFieldView> fields;
  fields.reserve(event.fields.size());
  for (const auto& [key, value] : event.fields) fields.push_back({key, value});
  Add(event.time_us, event.kind, fields);
}

void Trace::Add(int64_t time_us, std::string_view kind,
                std::span<const TraceFieldView> fields) {
  // One append per piece of text and one record per event and field: a
  // backup records hundreds of events, and separate strings per field made
  // recording most of its cost.
  Record record{time_us, text_.size(), fields_.size(),
                static_cast<uint32_t>(kind.size()),
                static_cast<uint32_t>(fields.size())};
  size_t size = kind.size();
  for (const TraceFieldView& f : fields) size += f.name.size() + f.value.size();
  size_t at = text_.size();
  text_.resize(at + size);
  char* out = text_.data();
  auto put = [&](std::string_view piece) {
    CopySmall(out + at, piece.data(), piece.size());
    at += piece.size();
  };
  put(kind);
  for (const TraceFieldView& f : fields) {
    fields_.push_back({at, static_cast<uint32_t>(f.name.size()),
                       static_cast<uint32_t>(f.value.size())});
    put(f.name);
    put(f.value);
  }
  records_.push_back(record);
  if (listener_ != nullptr) listener_->OnEvent(Event(record));
}

TraceEvent Trace::Event(const Record& record) const {
  TraceEvent event;
  event.time_us = record.time_us;
  event.kind.assign(text_, record.kind, record.kind_size);
  event.fields.reserve(record.field_count);
  for (size_t i = 0; i < record.field_count; ++i) {
    const FieldRecord& f = fields_[record.first_field + i];
    event.fields.emplace_back(text_.substr(f.name, f.name_size),
                              text_.substr(f.name + f.name_size, f.value_size));
  }
  return event;
}

const std::vector<TraceEvent>& Trace::events() const {
  for (size_t i = events_.size(); i < records_.size(); ++i) {
    events_.push_back(Event(records_[i]));
  }
  return events_;
}

void Trace::Clear() {
  text_.clear();
  records_.clear();
  fields_.clear();
  events_.clear();
}

void Trace::AppendLine(const Record& record, std::string* out) const {
  const std::string_view text = text_;
  AppendHead(out, record.time_us, text.substr(record.kind, record.kind_size));
  for (size_t i = 0; i < record.field_count; ++i) {
    const FieldRecord& f = fields_[record.first_field + i];
    AppendField(out, text.substr(f.name, f.name_size),
                text.substr(f.name + f.name_size, f.value_size));
  }
}

uint64_t Trace::Hash() const {
  // The hash of the text's event lines, rendered one at a time into one
  // buffer.
  uint64_t hash = kFnvOffsetBasis;
  std::string line;
  for (const Record& record : records_) {
    line.clear();
    AppendLine(record, &line);
    line += '\n';
    hash = Fnv1a(hash, line);
  }
  return hash;
}

std::string Trace::HashText() const { return HashHex(Hash()); }

std::string Trace::ToText() const {
  // Each line is rendered once; the hash is taken over the text itself.
  std::string text;
  for (const Record& record : records_) {
    AppendLine(record, &text);
    text += '\n';
  }
  const uint64_t hash = Fnv1a(kFnvOffsetBasis, text);
  text += "# events=" + std::to_string(records_.size()) + " hash=" + HashHex(hash) + "\n";
  return text;
}

std::string Trace::ToJsonLines() const {
  std::string text;
  for (const TraceEvent& event : events()) {
    text += event.ToJson();
    text += '\n';
  }
  text += "{\"kind\":\"end\",\"events\":" + std::to_string(records_.size()) +
          ",\"hash\":\"" + HashText() + "\"}\n";
  return text;
}

}  // namespace vssemu
