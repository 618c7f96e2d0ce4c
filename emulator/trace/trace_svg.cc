#include "trace/trace_svg.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/virtual_time.h"
#include "trace/trace_cast.h"
#include "trace/xml_text.h"

namespace vssemu {
namespace {

using trace_cast::Cast;
using trace_cast::FindCast;
using trace_cast::RequesterOf;
using trace_cast::WriterOf;

constexpr int kLeft = 110;      // Room for the time labels.
constexpr int kColumn = 180;    // Between two lifelines.
constexpr int kTop = 50;        // Below the participants' boxes.
constexpr int kRow = 24;

std::string Num(int64_t value) { return std::to_string(value); }

// The columns of the diagram, in the Mermaid view's order.
class Columns {
 public:
  explicit Columns(const Cast& cast) {
    for (const std::string& r : cast.requesters) Add(r);
    vss_ = Add("VSS");
    for (const std::string& w : cast.writers) Add(w);
    provider_ = cast.provider ? Add("Provider") : vss_;
  }
  const std::vector<std::string>& names() const { return names_; }
  int X(size_t column) const { return kLeft + static_cast<int>(column) * kColumn + kColumn / 2; }
  size_t Vss() const { return vss_; }
  size_t Provider() const { return provider_; }
  // The column of a requester or writer name, else VSS.
  size_t Of(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? vss_ : it->second;
  }
  int Width() const { return kLeft + static_cast<int>(names_.size()) * kColumn + 20; }

 private:
  size_t Add(const std::string& name) {
    index_[name] = names_.size();
    names_.push_back(name);
    return names_.size() - 1;
  }
  std::vector<std::string> names_;
  std::map<std::string, size_t> index_;
  size_t vss_ = 0;
  size_t provider_ = 0;
};

std::string Field(const TraceEvent& e, const char* name) { return std::string(e.Get(name)); }

// A short summary of a line drawn as a note: its kind and first fields.
std::string Summary(const TraceEvent& e) {
  std::string text = e.kind;
  size_t shown = 0;
  for (const auto& [key, value] : e.fields) {
    if (key == "requester" || key == "writer" || shown == 3) continue;
    text += " " + key + "=" + value;
    ++shown;
  }
  return text;
}

class SequenceWriter {
 public:
  explicit SequenceWriter(const Cast& cast) : columns_(cast) {}

  void Add(const TraceEvent& e, size_t index) {
    const int y = kTop + static_cast<int>(row_) * kRow + kRow / 2;
    body_ += "<g class=\"row\" data-kind=\"" + XmlText(e.kind) + "\" data-index=\"" +
             Num(static_cast<int64_t>(index)) + "\">";
    if (row_ == 0 || e.time_us != last_time_) {
      body_ += "<text class=\"time\" x=\"4\" y=\"" + Num(y + 4) + "\">" +
               XmlText(sim::FormatTime(sim::TimePoint{sim::Duration(e.time_us)})) + "</text>";
      last_time_ = e.time_us;
    }
    const size_t vss = columns_.Vss();
    const size_t writer = columns_.Of(WriterOf(e));
    const size_t requester = columns_.Of(RequesterOf(e));
    const std::string name = Field(e, "name");
    if (e.kind == "call") {
      std::string label = name;
      if (!e.Get("result").empty()) label += " \u2192 " + Field(e, "result");
      Arrow(requester, vss, y, label, false);
    } else if (e.kind == "async") {
      Arrow(vss, requester, y, name + ": " + Field(e, "status"), true);
    } else if (e.kind == "event") {
      Arrow(vss, writer, y, name, false);
    } else if (e.kind == "callback") {
      std::string label = name + ": " + Field(e, "returned");
      if (!e.Get("failure").empty()) label += " (" + Field(e, "failure") + ")";
      if (!e.Get("took_us").empty()) label += ", took " + Field(e, "took_us") + " us";
      Arrow(writer, vss, y, label, true);
    } else if (e.kind == "writer") {
      Arrow(writer, vss, y, name, false);
    } else if (e.kind == "provider") {
      std::string label = Field(e, "step");
      if (!e.Get("result").empty()) label += " \u2192 " + Field(e, "result");
      Arrow(vss, columns_.Provider(), y, label, false);
    } else if (e.kind == "state") {
      std::string label = Field(e, "state");
      if (!e.Get("failure").empty()) label += " (" + Field(e, "failure") + ")";
      Note(writer, y, label, "statenote");
    } else if (e.kind == "violation") {
      body_ += "<rect class=\"violation\" x=\"" + Num(kLeft) + "\" y=\"" + Num(y - 9) +
               "\" width=\"" + Num(columns_.Width() - kLeft - 20) + "\" height=\"18\"/>";
      // Cut to the band (about 6.5 pixels a character), whole in the tooltip.
      const std::string text = "violation " + Field(e, "rule") + " (spec " + Field(e, "section") +
                               "): " + Field(e, "message");
      const size_t fits = static_cast<size_t>((columns_.Width() - kLeft - 40) * 2 / 13);
      body_ += "<text class=\"violation\" x=\"" + Num(kLeft + 6) + "\" y=\"" + Num(y + 4) +
               "\"><title>" + XmlText(text) + "</title>" +
               XmlText(text.size() <= fits ? text : text.substr(0, fits - 3) + "...") + "</text>";
    } else {
      const size_t at = !WriterOf(e).empty() ? writer : !RequesterOf(e).empty() ? requester : vss;
      Note(at, y, Summary(e), "note");
    }
    body_ += "</g>\n";
    ++row_;
  }

  std::string Take() {
    const int height = kTop + static_cast<int>(row_) * kRow + 20;
    const int width = columns_.Width();
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\" width=\"" +
                      Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " +
                      Num(width) + " " + Num(height) + "\">\n";
    svg +=
        "<defs><marker id=\"seq-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
        "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        "<path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n";
    for (size_t c = 0; c < columns_.names().size(); ++c) {
      const int x = columns_.X(c);
      svg += "<g class=\"participant\" data-name=\"" + XmlText(columns_.names()[c]) + "\">";
      svg += "<line class=\"lifeline\" x1=\"" + Num(x) + "\" y1=\"" + Num(kTop - 14) + "\" x2=\"" +
             Num(x) + "\" y2=\"" + Num(height - 10) + "\"/>";
      svg += "<rect class=\"head\" x=\"" + Num(x - kColumn / 2 + 8) + "\" y=\"8\" width=\"" +
             Num(kColumn - 16) + "\" height=\"28\" rx=\"4\"/>";
      svg += "<text class=\"head\" x=\"" + Num(x) + "\" y=\"27\">" +
             XmlText(columns_.names()[c]) + "</text></g>\n";
    }
    return svg + body_ + "</svg>\n";
  }

 private:
  void Arrow(size_t from, size_t to, int y, const std::string& label, bool dashed) {
    const int x1 = columns_.X(from);
    int x2 = columns_.X(to);
    if (from == to) x2 = x1 + 40;  // A line to itself: a short stub.
    body_ += "<line class=\"" + std::string(dashed ? "reply" : "message") + "\" x1=\"" + Num(x1) +
             "\" y1=\"" + Num(y) + "\" x2=\"" + Num(x2) + "\" y2=\"" + Num(y) +
             "\" marker-end=\"url(#seq-arrow)\"/>";
    body_ += "<text class=\"label\" x=\"" + Num((x1 + x2) / 2) + "\" y=\"" + Num(y - 4) + "\">" +
             XmlText(label) + "</text>";
  }

  // A note on a lifeline; a long text is cut to the note's width, whole in
  // its tooltip.
  void Note(size_t column, int y, const std::string& label, const char* kind) {
    constexpr size_t kFits = 26;
    const std::string shown =
        label.size() <= kFits ? label : label.substr(0, kFits - 3) + "...";
    const int x = columns_.X(column);
    body_ += "<rect class=\"" + std::string(kind) + "\" x=\"" + Num(x - kColumn / 2 + 6) +
             "\" y=\"" + Num(y - 9) + "\" width=\"" + Num(kColumn - 12) + "\" height=\"18\"/>";
    body_ += "<text class=\"" + std::string(kind) + "\" x=\"" + Num(x) + "\" y=\"" + Num(y + 4) +
             "\"><title>" + XmlText(label) + "</title>" + XmlText(shown) + "</text>";
  }

  Columns columns_;
  std::string body_;
  size_t row_ = 0;
  int64_t last_time_ = 0;
};

// A state's colour class: how the writer is doing.
std::string StateClass(std::string_view state) {
  if (state.rfind("FAILED", 0) == 0) return "failed";
  if (state.rfind("WAITING", 0) == 0) return "waiting";
  if (state == "STABLE") return "stable";
  return "other";
}

}  // namespace

std::string TraceToSvgSequence(const Trace& trace) {
  SequenceWriter writer(FindCast(trace));
  for (size_t i = 0; i < trace.events().size(); ++i) writer.Add(trace.events()[i], i);
  return writer.Take();
}

std::string TraceToSvgStates(const Trace& trace) {
  const std::vector<TraceEvent>& events = trace.events();
  const Cast cast = FindCast(trace);
  // On virtual time; a run in which no virtual time passed is laid out by
  // trace line instead, so that its states still show in order.
  const int64_t last = events.empty() ? 0 : events.back().time_us;
  const bool timed = last > 0;
  const int64_t end = timed ? last : std::max<int64_t>(static_cast<int64_t>(events.size()), 1);
  constexpr int kName = 150, kBar = 720, kHeight = 26;
  auto x_of = [&](int64_t at) { return kName + static_cast<int>(at * kBar / end); };
  const int height = static_cast<int>(cast.writers.size()) * kHeight + 40;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"states\" width=\"" +
                    Num(kName + kBar + 30) + "\" height=\"" + Num(height) + "\">\n";
  int y = 4;
  for (const std::string& writer : cast.writers) {
    struct Span {
      int64_t at;  // Virtual time, or line number when no time passed.
      int64_t time_us;
      std::string label;
    };
    std::vector<Span> states;
    for (size_t i = 0; i < events.size(); ++i) {
      const TraceEvent& e = events[i];
      if (e.kind == "state" && e.Get("writer") == writer) {
        std::string label(e.Get("state"));
        if (!e.Get("failure").empty()) label += " (" + std::string(e.Get("failure")) + ")";
        states.push_back({timed ? e.time_us : static_cast<int64_t>(i), e.time_us, label});
      }
    }
    svg += "<g class=\"timeline\" data-writer=\"" + XmlText(writer) + "\">";
    svg += "<text class=\"writer\" x=\"4\" y=\"" + Num(y + 16) + "\">" + XmlText(writer) + "</text>";
    for (size_t i = 0; i < states.size(); ++i) {
      const int64_t to = i + 1 < states.size() ? states[i + 1].at : end;
      const int x = x_of(states[i].at);
      const int width = std::max(3, x_of(to) - x);
      const std::string state = states[i].label.substr(0, states[i].label.find(' '));
      svg += "<rect class=\"state " + StateClass(state) + "\" data-state=\"" + XmlText(state) +
             "\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(width) +
             "\" height=\"20\"><title>" +
             XmlText(states[i].label + " from " +
                     sim::FormatTime(sim::TimePoint{sim::Duration(states[i].time_us)}) + " s") +
             "</title></rect>";
      if (width > 8 * static_cast<int>(state.size())) {
        svg += "<text class=\"state\" x=\"" + Num(x + 4) + "\" y=\"" + Num(y + 14) + "\">" +
               XmlText(state) + "</text>";
      }
    }
    svg += "</g>\n";
    y += kHeight;
  }
  // The axis: the start, the middle and the end, in seconds or lines.
  svg += "<g class=\"axis\"><line x1=\"" + Num(kName) + "\" y1=\"" + Num(y + 2) + "\" x2=\"" +
         Num(kName + kBar) + "\" y2=\"" + Num(y + 2) + "\"/>";
  for (int64_t at : {int64_t{0}, end / 2, end}) {
    const char* anchor = at == 0 ? "start" : at == end ? "end" : "middle";
    const std::string label =
        timed ? sim::FormatTime(sim::TimePoint{sim::Duration(at)}) + " s"
              : "line " + Num(at) + (at == end ? " (no virtual time passed)" : "");
    svg += "<text x=\"" + Num(x_of(at)) + "\" y=\"" + Num(y + 18) + "\" text-anchor=\"" + anchor +
           "\">" + XmlText(label) + "</text>";
  }
  return svg + "</g></svg>\n";
}

}  // namespace vssemu
