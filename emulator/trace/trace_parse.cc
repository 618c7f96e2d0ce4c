// Reads canonical trace lines back (the inverse of TraceEvent::ToLine): a
// program run under the drop-in library streams its trace as text, and
// `vssemu run --exec` judges and renders it from that text.
#include <vssemu/trace.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vssemu {
namespace {

// Reads the quoted value at line[*at] (past the opening quote on return,
// *at is past the closing one).
bool ReadQuoted(std::string_view line, size_t* at, std::string* value,
                std::string* error) {
  size_t i = *at + 1;
  while (i < line.size() && line[i] != '"') {
    char c = line[i];
    if (c != '\\') {
      *value += c;
      ++i;
      continue;
    }
    if (i + 1 >= line.size()) break;
    char e = line[i + 1];
    i += 2;
    switch (e) {
      case '"': *value += '"'; break;
      case '\\': *value += '\\'; break;
      case 'n': *value += '\n'; break;
      case 'r': *value += '\r'; break;
      case 't': *value += '\t'; break;
      case 'x': {
        unsigned byte = 0;
        const char* first = line.data() + i;
        const char* last = line.data() + std::min(i + 2, line.size());
        if (last - first != 2 || std::from_chars(first, last, byte, 16).ptr != last) {
          *error = "\\x takes two hexadecimal digits";
          return false;
        }
        *value += static_cast<char>(byte);
        i += 2;
        break;
      }
      default:
        *error = std::string("unknown escape \\") + e;
        return false;
    }
  }
  if (i >= line.size()) {
    *error = "a quoted value does not end";
    return false;
  }
  *at = i + 1;
  return true;
}

// Reads "SECONDS.MICROSECONDS" into microseconds.
bool ReadTime(std::string_view text, int64_t* us) {
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() - dot != 7) {
    return false;
  }
  int64_t seconds = 0, micro = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == dot) continue;
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    int64_t& part = i < dot ? seconds : micro;
    if (part > (INT64_MAX - 9) / 10) return false;
    part = part * 10 + (text[i] - '0');
  }
  if (seconds > INT64_MAX / 1000000 - 1) return false;
  *us = seconds * 1000000 + micro;
  return true;
}

}  // namespace

bool ParseTraceLine(std::string_view line, TraceEvent* event,
                    std::string* error) {
  *event = TraceEvent();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t space = line.find(' ');
  if (space == std::string_view::npos ||
      !ReadTime(line.substr(0, space), &event->time_us)) {
    *error = "expected a time (seconds.microseconds) and a kind";
    return false;
  }
  size_t at = space + 1;
  size_t end = line.find(' ', at);
  event->kind = std::string(line.substr(at, end == std::string_view::npos
                                                ? std::string_view::npos
                                                : end - at));
  if (event->kind.empty()) {
    *error = "expected a kind after the time";
    return false;
  }
  at = end == std::string_view::npos ? line.size() : end;
  while (at < line.size()) {
    if (line[at] != ' ') {
      *error = "expected a space before field " +
               std::to_string(event->fields.size() + 1);
      return false;
    }
    ++at;
    const size_t equals = line.find('=', at);
    if (equals == std::string_view::npos || equals == at) {
      *error = "expected name=value at column " + std::to_string(at + 1);
      return false;
    }
    std::string name(line.substr(at, equals - at));
    std::string value;
    at = equals + 1;
    if (at < line.size() && line[at] == '"') {
      if (!ReadQuoted(line, &at, &value, error)) return false;
    } else {
      size_t stop = line.find(' ', at);
      if (stop == std::string_view::npos) stop = line.size();
      value = std::string(line.substr(at, stop - at));
      at = stop;
    }
    event->fields.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

}  // namespace vssemu
