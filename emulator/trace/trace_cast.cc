#include "trace/trace_cast.h"

#include <map>
#include <utility>

namespace vssemu::trace_cast {
namespace {

void AddOnce(std::vector<std::string>* names, std::string name) {
  if (name.empty()) return;
  for (const std::string& known : *names) {
    if (known == name) return;
  }
  names->push_back(std::move(name));
}

}  // namespace

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string RequesterOf(const TraceEvent& event) {
  std::string_view requester = event.Get("requester");
  if (AllDigits(requester)) return "requester#" + std::string(requester);
  return std::string(requester);
}

std::string WriterOf(const TraceEvent& event) {
  return std::string(event.Get("writer"));
}

Cast FindCast(const Trace& trace) {
  Cast cast;
  for (const TraceEvent& event : trace.events()) {
    AddOnce(&cast.requesters, RequesterOf(event));
    AddOnce(&cast.writers, WriterOf(event));
    if (event.kind == "provider") cast.provider = true;
  }
  return cast;
}

int64_t TookUs(const TraceEvent& event, int64_t otherwise) {
  std::string_view took = event.Get("took_us");
  if (!AllDigits(took) || took.size() > 18) return otherwise;
  return std::stoll(std::string(took));
}

std::vector<long> PairCallbacks(const std::vector<TraceEvent>& events) {
  std::vector<long> callback_of(events.size(), -1);
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> open;
  for (size_t i = 0; i < events.size(); ++i) {
    const TraceEvent& e = events[i];
    if (e.kind != "event" && e.kind != "callback") continue;
    auto key = std::make_pair(WriterOf(e), std::string(e.Get("name")));
    if (e.kind == "event") {
      open[key].push_back(i);
    } else if (auto it = open.find(key); it != open.end() && !it->second.empty()) {
      callback_of[it->second.back()] = static_cast<long>(i);
      it->second.pop_back();
    }
  }
  return callback_of;
}

}  // namespace vssemu::trace_cast
