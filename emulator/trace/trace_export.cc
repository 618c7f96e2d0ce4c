// Mermaid and Chrome trace-event views of the canonical trace. Both walk
// the events once to find the cast (requesters, writers, provider), then
// once more to write one line per event; neither depends on anything but
// the trace, so the output is as deterministic as the trace itself.
#include "trace/trace_export.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "trace/json_string.h"
#include "trace/trace_cast.h"

#include "sim/virtual_time.h"

namespace vssemu {
namespace {

using trace_cast::Cast;
using trace_cast::FindCast;
using trace_cast::PairCallbacks;
using trace_cast::RequesterOf;
using trace_cast::TookUs;
using trace_cast::WriterOf;

std::string Seconds(int64_t time_us) {
  return sim::FormatTime(sim::TimePoint{sim::Duration(time_us)});
}

// ---------------------------------------------------------------------------
// Mermaid.

// Escapes text that follows a ':' or an `as`: Mermaid ends a statement at
// ';' or a newline, starts a comment at '#', and renders '<' as HTML. Its
// entity codes (#35; ...) are decoded after parsing.
std::string MermaidText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '#': out += "#35;"; break;
      case ';': out += "#59;"; break;
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '%': out += "#37;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

// Turns a name into an id Mermaid accepts: letters, digits and single '_'.
std::string SanitizeId(std::string_view name) {
  std::string id;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    if (alnum) {
      id += c;
    } else if (!id.empty() && id.back() != '_') {
      id += '_';
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

class MermaidIds {
 public:
  MermaidIds() {
    used_.insert("VSS");
    used_.insert("Provider");
  }

  // Returns a fresh id built from prefix and name.
  std::string Make(std::string_view prefix, std::string_view name) {
    std::string base = std::string(prefix) + SanitizeId(name);
    if (base == prefix) base += "unnamed";
    std::string id = base;
    for (int n = 2; used_.count(id) != 0; ++n) {
      id = base + "_" + std::to_string(n);
    }
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

class MermaidWriter {
 public:
  explicit MermaidWriter(const Cast& cast) {
    MermaidIds ids;
    out_ = "sequenceDiagram\n";
    for (const std::string& name : cast.requesters) {
      // Requester names are requester#N: r_requester_1 would only be longer.
      const std::string id = ids.Make("", name);
      Declare(id, name);
      requesters_[name] = id;
      first_ = first_.empty() ? id : first_;
    }
    out_ += "  participant VSS\n";
    if (first_.empty()) first_ = "VSS";
    last_ = "VSS";
    for (const std::string& name : cast.writers) {
      const std::string id = ids.Make("w_", name);
      Declare(id, name);
      writers_[name] = id;
      last_ = id;
    }
    if (cast.provider) {
      out_ += "  participant Provider\n";
      last_ = "Provider";
    }
  }

  void Add(const TraceEvent& event) {
    if (event.time_us != time_us_) {
      time_us_ = event.time_us;
      Note(first_ == last_ ? first_ : first_ + "," + last_,
           "t=" + Seconds(time_us_) + " s");
    }
    const std::string& kind = event.kind;
    const std::string name(event.Get("name"));
    const std::string writer = Writer(event);
    const std::string requester = Requester(event);
    if (kind == "call" && !requester.empty()) {
      std::string text = name;
      std::string_view result = event.Get("result");
      if (!result.empty() && result != "S_OK") text += " = " + std::string(result);
      Arrow(requester, "->>", "VSS", text);
    } else if (kind == "async" && !requester.empty()) {
      Arrow("VSS", "-->>", requester,
            Join(name, std::string(event.Get("status"))));
    } else if (kind == "event" && !writer.empty()) {
      Arrow("VSS", "->>", writer, name);
    } else if (kind == "callback" && !writer.empty()) {
      std::string text(event.Get("returned"));
      std::string_view failure = event.Get("failure");
      if (!failure.empty()) text += " (" + std::string(failure) + ")";
      if (const int64_t took = TookUs(event, -1); took >= 0) {
        text += ", took " + Seconds(took) + " s";
      }
      Arrow(writer, "-->>", "VSS", text);
    } else if (kind == "skipped" && !writer.empty()) {
      std::string text = name + " skipped";
      std::string_view reason = event.Get("reason");
      if (!reason.empty()) text += " (" + std::string(reason) + ")";
      Arrow("VSS", "-x", writer, text);
    } else if (kind == "state" && !writer.empty()) {
      std::string text(event.Get("state"));
      std::string_view failure = event.Get("failure");
      if (!failure.empty()) text += " (" + std::string(failure) + ")";
      std::string& last = states_[writer];
      if (text != last) {
        last = text;
        Note(writer, text);
      }
    } else if (kind == "writer" && !writer.empty()) {
      std::string text = name;
      if (name == "Initialize") {
        std::string_view level = event.Get("level");
        std::string_view timeout = event.Get("freeze_timeout_ms");
        if (!level.empty()) text += " " + std::string(level);
        if (!timeout.empty()) {
          text += ", freeze timeout " + std::string(timeout) + " ms";
        }
      }
      Note(writer, text);
    } else if (kind == "filtered" && !writer.empty()) {
      Note(writer, "filtered out: no events");
    } else if (kind == "provider") {
      std::string text(event.Get("step"));
      text = Join(text, std::string(event.Get("volume")));
      std::string_view result = event.Get("result");
      if (!result.empty() && result != "S_OK") text += " = " + std::string(result);
      if (const int64_t took = TookUs(event, -1); took >= 0) {
        text += ", took " + Seconds(took) + " s";
      }
      Arrow("VSS", "->>", "Provider", text);
    } else if (kind == "timer") {
      std::string text = name;
      for (char& c : text) {
        if (c == '-') c = ' ';
      }
      if (!event.Get("writer").empty()) {
        text += " for " + std::string(event.Get("writer"));
      }
      Note("VSS", text);
    } else if (kind == "hold") {
      Note("VSS", Join("hold " + name, std::string(event.Get("result"))));
    } else if (kind == "violation") {
      std::string text = "violation " + std::string(event.Get("rule"));
      std::string_view section = event.Get("section");
      if (!section.empty()) text += " (" + std::string(section) + ")";
      std::string_view message = event.Get("message");
      if (!message.empty()) text += ": " + std::string(message);
      Note("VSS", text);
    } else if (kind == "status") {
      std::string text = "status of " + std::string(event.Get("writers")) +
                         " writers";
      if (!requester.empty()) text += " for " + RequesterOf(event);
      Note("VSS", text);
    } else if (kind == "volume" && !requester.empty()) {
      std::string text = "volume " + std::string(event.Get("volume"));
      std::string_view snapshot = event.Get("snapshot");
      if (!snapshot.empty()) text += ", snapshot " + std::string(snapshot);
      Note(requester, text);
    } else {
      // Anything else (note, a Cancel without a requester, kinds added
      // later): the kind and its fields, over whoever it names.
      std::string text = kind;
      for (const auto& [key, value] : event.fields) {
        if (key == "requester" && !requester.empty()) continue;
        if (key == "writer" && !writer.empty()) continue;
        text += " " + key + "=" + value;
      }
      Note(!requester.empty() ? requester : !writer.empty() ? writer : "VSS",
           text);
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  static std::string Join(std::string a, const std::string& b) {
    if (b.empty()) return a;
    if (a.empty()) return b;
    return a + " " + b;
  }

  void Declare(const std::string& id, const std::string& name) {
    out_ += "  participant " + id;
    if (id != name) out_ += " as " + MermaidText(name);
    out_ += "\n";
  }

  void Arrow(const std::string& from, const char* arrow, const std::string& to,
             const std::string& text) {
    out_ += "  " + from + " " + arrow + " " + to + ": " + MermaidText(text) +
            "\n";
  }

  void Note(const std::string& over, const std::string& text) {
    out_ += "  Note over " + over + ": " + MermaidText(text) + "\n";
  }

  std::string Writer(const TraceEvent& event) const {
    auto it = writers_.find(WriterOf(event));
    return it == writers_.end() ? std::string() : it->second;
  }

  std::string Requester(const TraceEvent& event) const {
    auto it = requesters_.find(RequesterOf(event));
    return it == requesters_.end() ? std::string() : it->second;
  }

  std::string out_;
  std::map<std::string, std::string> requesters_;  // name -> id
  std::map<std::string, std::string> writers_;     // name -> id
  std::map<std::string, std::string> states_;      // writer id -> last note
  std::string first_;  // The leftmost and rightmost lifelines.
  std::string last_;
  int64_t time_us_ = 0;
};

// ---------------------------------------------------------------------------
// Chrome trace-event JSON.


using Fields = std::vector<std::pair<std::string, std::string>>;

// Appends "args":{...}, each key once (the first value wins).
void AppendArgs(std::string* out, const Fields& fields) {
  *out += "\"args\":{";
  std::set<std::string_view> seen;
  bool first = true;
  for (const auto& [key, value] : fields) {
    if (!seen.insert(key).second) continue;
    if (!first) *out += ',';
    first = false;
    AppendJsonString(out, key);
    *out += ':';
    AppendJsonString(out, value);
  }
  *out += '}';
}

struct ChromeEvent {
  std::string name;
  std::string cat;
  char ph = 'i';  // 'i' (instant), 'X' (complete), 'B' or 'E' (a span's ends).
  int64_t ts = 0;
  int64_t dur = 0;  // For "X" only.
  int tid = 0;
  Fields args;
};

std::string ChromeLine(const ChromeEvent& e) {
  std::string line = "{\"name\":";
  AppendJsonString(&line, e.name);
  if (!e.cat.empty()) {
    line += ",\"cat\":";
    AppendJsonString(&line, e.cat);
  }
  line += ",\"ph\":\"";
  line += e.ph;
  line += '"';
  if (e.ph == 'i') line += ",\"s\":\"t\"";
  line += ",\"ts\":" + std::to_string(e.ts);
  if (e.ph == 'X') line += ",\"dur\":" + std::to_string(e.dur);
  line += ",\"pid\":1,\"tid\":" + std::to_string(e.tid) + ",";
  AppendArgs(&line, e.args);
  line += '}';
  return line;
}

class ChromeTracks {
 public:
  explicit ChromeTracks(const Cast& cast) {
    for (const std::string& name : cast.requesters) requesters_[name] = Add(name);
    vss_ = Add("VSS");
    for (const std::string& name : cast.writers) writers_[name] = Add(name);
    provider_ = cast.provider ? Add("Provider") : vss_;
  }

  // The "M" records: a name and a sort index for every track.
  std::vector<std::string> Metadata() const {
    std::vector<std::string> lines;
    for (size_t i = 0; i < names_.size(); ++i) {
      const std::string tid = std::to_string(i + 1);
      std::string line =
          "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + tid +
          ",\"args\":{\"name\":";
      AppendJsonString(&line, names_[i]);
      line += "}}";
      lines.push_back(std::move(line));
      lines.push_back(
          "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":" +
          tid + ",\"args\":{\"sort_index\":" + tid + "}}");
    }
    return lines;
  }

  // The track of an event: its writer's, else its requester's, else VSS.
  int For(const TraceEvent& event) const {
    if (event.kind == "provider") return provider_;
    auto writer = writers_.find(WriterOf(event));
    if (writer != writers_.end()) return writer->second;
    auto requester = requesters_.find(RequesterOf(event));
    if (requester != requesters_.end()) return requester->second;
    return vss_;
  }

 private:
  int Add(const std::string& name) {
    names_.push_back(name);
    return static_cast<int>(names_.size());
  }

  std::vector<std::string> names_;  // tid - 1 -> name
  std::map<std::string, int> requesters_;
  std::map<std::string, int> writers_;
  int vss_ = 0;
  int provider_ = 0;
};

// The name an instant shows on its track.
std::string InstantName(const TraceEvent& event) {
  const char* key = "name";
  if (event.kind == "state") key = "state";
  if (event.kind == "provider") key = "step";
  if (event.kind == "violation") key = "rule";
  if (event.kind == "volume") key = "volume";
  std::string_view name = event.Get(key);
  return name.empty() ? event.kind : std::string(name);
}

}  // namespace

std::string TraceToMermaid(const Trace& trace) {
  MermaidWriter writer(FindCast(trace));
  for (const TraceEvent& event : trace.events()) writer.Add(event);
  return writer.Take();
}

std::string TraceToChromeJson(const Trace& trace) {
  const std::vector<TraceEvent>& events = trace.events();
  const ChromeTracks tracks(FindCast(trace));
  const std::vector<long> callback_of = PairCallbacks(events);
  std::vector<bool> answered(events.size(), false);
  for (long j : callback_of) {
    if (j >= 0) answered[static_cast<size_t>(j)] = true;
  }

  std::vector<std::string> lines = tracks.Metadata();
  // Each writer's frozen period, Freeze to Thaw or Abort: a span around its
  // callbacks on the writer's track, closed at the end if never ended.
  std::map<std::string, int64_t> frozen;  // Writer -> when its Freeze came.
  auto frozen_span = [&](const TraceEvent& e, char ph, int64_t ts) {
    lines.push_back(ChromeLine({"frozen", "frozen", ph, ts, 0, tracks.For(e),
                                {{"writer", std::string(e.Get("writer"))}}}));
  };
  for (size_t i = 0; i < events.size(); ++i) {
    const TraceEvent& e = events[i];
    if (e.kind == "event") {
      const std::string writer(e.Get("writer"));
      const std::string_view name = e.Get("name");
      if (name == "Freeze" && frozen.count(writer) == 0) {
        frozen[writer] = e.time_us;
        frozen_span(e, 'B', e.time_us);
      } else if ((name == "Thaw" || name == "Abort") && frozen.erase(writer) > 0) {
        frozen_span(e, 'E', e.time_us);
      }
    }
    if (answered[i]) continue;  // Part of its event's slice.
    ChromeEvent c{InstantName(e), e.kind, 'i', e.time_us, 0, tracks.For(e),
                  e.fields};
    if (callback_of[i] >= 0) {
      const TraceEvent& callback = events[static_cast<size_t>(callback_of[i])];
      c.ph = 'X';
      c.dur = TookUs(callback, callback.time_us - e.time_us);
      c.args.insert(c.args.end(), callback.fields.begin(),
                    callback.fields.end());
    } else if (e.kind == "provider" && !e.Get("took_us").empty()) {
      c.ph = 'X';
      c.dur = TookUs(e, 0);
    }
    if (c.ph == 'X' && c.dur < 1) c.dur = 1;
    lines.push_back(ChromeLine(c));
  }
  const int64_t end = events.empty() ? 0 : events.back().time_us;
  for (const auto& [writer, since] : frozen) {
    TraceEvent last{end, "event", {{"writer", writer}}};
    frozen_span(last, 'E', end);
  }

  std::string json = "{\"traceEvents\":[\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    json += lines[i];
    json += i + 1 < lines.size() ? ",\n" : "\n";
  }
  json += "],\n\"displayTimeUnit\":\"ms\"}\n";
  return json;
}

}  // namespace vssemu
