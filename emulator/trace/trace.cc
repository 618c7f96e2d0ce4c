// The canonical trace format. Lines look like
//   12.000500 event name=Freeze writer="Sql Writer" level=BACK_END
// with the time in virtual seconds, the kind, then fields in recording
// order. Values that are empty or contain spaces, quotes, '=' or control
// characters are quoted with C-style escapes, so a line splits unambiguously.
#include <vssemu/trace.h>

#include <cstdio>

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

// Appends event's canonical line (without newline) to *out: the one
// renderer behind ToLine, ToText and Hash.
void AppendLine(const TraceEvent& event, std::string* out) {
  sim::AppendTime(out, sim::TimePoint{sim::Duration(event.time_us)});
  *out += ' ';
  *out += event.kind;
  for (const auto& [key, value] : event.fields) {
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

uint64_t Trace::Hash() const {
  // The hash of the text's event lines, rendered one at a time into one
  // buffer.
  uint64_t hash = kFnvOffsetBasis;
  std::string line;
  for (const TraceEvent& event : events_) {
    line.clear();
    AppendLine(event, &line);
    line += '\n';
    hash = Fnv1a(hash, line);
  }
  return hash;
}

std::string Trace::HashText() const { return HashHex(Hash()); }

std::string Trace::ToText() const {
  // Each line is rendered once; the hash is taken over the text itself.
  std::string text;
  for (const TraceEvent& event : events_) {
    AppendLine(event, &text);
    text += '\n';
  }
  const uint64_t hash = Fnv1a(kFnvOffsetBasis, text);
  text += "# events=" + std::to_string(events_.size()) + " hash=" + HashHex(hash) + "\n";
  return text;
}

std::string Trace::ToJsonLines() const {
  std::string text;
  for (const TraceEvent& event : events_) {
    text += event.ToJson();
    text += '\n';
  }
  text += "{\"kind\":\"end\",\"events\":" + std::to_string(events_.size()) +
          ",\"hash\":\"" + HashText() + "\"}\n";
  return text;
}

}  // namespace vssemu
