#include "explore/exploration_text.h"

#include <cstdlib>
#include <map>

namespace vssemu::explore {
namespace {

std::string Flag(bool on) { return on ? "1" : "0"; }

}  // namespace

std::string ExplorationToText(const ExplorationOptions& o) {
  std::string faults;
  for (const std::string& f : o.faults) faults += (faults.empty() ? "" : "+") + f;
  return "orders=" + Flag(o.orders) + ",thaw-levels=" + Flag(o.thaw_level_order) +
         ",async=" + Flag(o.async_timing) +
         ",pending=" + std::to_string(o.max_pending_answers) +
         ",race=" + Flag(o.freeze_race) + ",abort=" + Flag(o.repeated_abort) +
         ",shutdown=" + Flag(o.shutdown_timing) +
         ",intruder=" + Flag(o.second_requester) + ",swarm=" + Flag(o.swarm) +
         ",max-faults=" + std::to_string(o.max_faults) + ",faults=" + faults;
}

bool ExplorationFromText(std::string_view text, ExplorationOptions* options,
                         std::string* error) {
  std::map<std::string, std::string, std::less<>> values;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(start, end - start);
    const size_t equals = item.find('=');
    if (equals == std::string_view::npos) {
      error->assign(1, '"');
      error->append(item);
      error->append("\" is not KEY=VALUE");
      return false;
    }
    values[std::string(item.substr(0, equals))] = std::string(item.substr(equals + 1));
    start = end + 1;
  }
  ExplorationOptions o;
  auto flag = [&](const char* key, bool* out) {
    auto it = values.find(key);
    if (it == values.end() || (it->second != "0" && it->second != "1")) {
      *error = std::string(key) + ": expected 0 or 1";
      return false;
    }
    *out = it->second == "1";
    return true;
  };
  auto number = [&](const char* key, int* out) {
    auto it = values.find(key);
    char* end = nullptr;
    const long n = it == values.end() ? 0 : std::strtol(it->second.c_str(), &end, 10);
    if (it == values.end() || it->second.empty() || *end != '\0' || n < -1 || n > 1000000) {
      *error = std::string(key) + ": expected a number";
      return false;
    }
    *out = static_cast<int>(n);
    return true;
  };
  if (!flag("orders", &o.orders) || !flag("thaw-levels", &o.thaw_level_order) ||
      !flag("async", &o.async_timing) || !number("pending", &o.max_pending_answers) ||
      !flag("race", &o.freeze_race) || !flag("abort", &o.repeated_abort) ||
      !flag("shutdown", &o.shutdown_timing) || !flag("intruder", &o.second_requester) ||
      !flag("swarm", &o.swarm) || !number("max-faults", &o.max_faults)) {
    return false;
  }
  auto faults = values.find("faults");
  if (faults == values.end()) {
    *error = "faults: missing";
    return false;
  }
  o.faults.clear();
  size_t at = 0;
  const std::string& list = faults->second;
  while (at < list.size()) {
    size_t plus = list.find('+', at);
    if (plus == std::string::npos) plus = list.size();
    o.faults.push_back(list.substr(at, plus - at));
    at = plus + 1;
  }
  *options = std::move(o);
  return true;
}

}  // namespace vssemu::explore
