#include "support/trace_event_rules.h"

#include <map>
#include <vector>

#include "support/json_value.h"

namespace vssemu::test_support {

std::string CheckTraceEventRules(const std::string& text) {
  Json root;
  JsonParser parser(text);
  if (!parser.Parse(&root)) return parser.error();
  const Json* events = root.type == Json::kObject ? root.Find("traceEvents") : nullptr;
  if (events == nullptr || events->type != Json::kArray) return "no traceEvents array";
  struct Open {
    std::string name;
    double ts;
  };
  std::map<double, std::vector<Open>> open;  // tid -> open spans.
  for (size_t i = 0; i < events->items.size(); ++i) {
    const Json& e = events->items[i];
    const std::string at = "event " + std::to_string(i) + ": ";
    const Json* name = e.Find("name");
    const Json* ph = e.Find("ph");
    if (name == nullptr || name->type != Json::kString) return at + "no string name";
    if (ph == nullptr || ph->type != Json::kString || ph->text.size() != 1 ||
        std::string("MiXBE").find(ph->text) == std::string::npos) {
      return at + "no ph of M, i, X, B or E";
    }
    for (const char* field : {"pid", "tid"}) {
      const Json* v = e.Find(field);
      if (v == nullptr || v->type != Json::kNumber) return at + "no numeric " + field;
    }
    if (ph->text == "M") continue;
    const Json* ts = e.Find("ts");
    if (ts == nullptr || ts->type != Json::kNumber) return at + "no numeric ts";
    const double tid = e.Num("tid");
    if (ph->text == "X" && e.Num("dur") < 0) return at + "a complete event without dur";
    if (ph->text == "i" && e.Str("s") == "<missing>") return at + "an instant without scope";
    if (ph->text == "B") open[tid].push_back({name->text, ts->number});
    if (ph->text == "E") {
      std::vector<Open>& spans = open[tid];
      if (spans.empty()) return at + "an E with no open B on its track";
      if (spans.back().name != name->text) return at + "an E closing " + spans.back().name;
      if (ts->number < spans.back().ts) return at + "an E before its B";
      spans.pop_back();
    }
  }
  for (const auto& [tid, spans] : open) {
    if (!spans.empty()) return "a B left open on track " + std::to_string(tid);
  }
  return "";
}

}  // namespace vssemu::test_support
