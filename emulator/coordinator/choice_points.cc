#include "coordinator/choice_points.h"

#include <utility>

#include "coordinator/service.h"

namespace vssemu::coordinator {
namespace {

constexpr const char* kFaultNames[kFaultKinds] = {
    "provider", "flush", "hold", "freeze-timeout", "writer", "user"};
// The choice sites of each kind, "fault.<kind>" and "fault.enable.<kind>",
// spelled out so that asking them builds no string.
constexpr const char* kFaultSites[kFaultKinds] = {
    "fault.provider", "fault.flush", "fault.hold", "fault.freeze-timeout",
    "fault.writer", "fault.user"};
constexpr const char* kEnableSites[kFaultKinds] = {
    "fault.enable.provider", "fault.enable.flush", "fault.enable.hold",
    "fault.enable.freeze-timeout", "fault.enable.writer", "fault.enable.user"};

// The two tables above spell the names of kFaultNames.
constexpr bool Spells(std::string_view site, std::string_view prefix,
                      std::string_view name) {
  return site.size() == prefix.size() + name.size() &&
         site.substr(0, prefix.size()) == prefix && site.substr(prefix.size()) == name;
}
constexpr bool SitesSpellTheNames() {
  for (int i = 0; i < kFaultKinds; ++i) {
    if (!Spells(kFaultSites[i], "fault.", kFaultNames[i]) ||
        !Spells(kEnableSites[i], "fault.enable.", kFaultNames[i])) {
      return false;
    }
  }
  return true;
}
static_assert(SitesSpellTheNames());

}  // namespace

const char* FaultKindName(FaultKind kind) {
  return kFaultNames[static_cast<int>(kind)];
}

std::optional<FaultKind> FaultKindFromName(std::string_view name) {
  for (int i = 0; i < kFaultKinds; ++i) {
    if (name == kFaultNames[i]) return static_cast<FaultKind>(i);
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> FaultKindsFromList(std::string_view list,
                                                           std::string* unknown) {
  std::vector<std::string> kinds;
  if (list == "none") return kinds;
  while (true) {
    const size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    if (!FaultKindFromName(name)) {
      *unknown = std::string(name);
      return std::nullopt;
    }
    kinds.emplace_back(name);
    if (comma == std::string_view::npos) return kinds;
    list.remove_prefix(comma + 1);
  }
}

ChoicePoints::ChoicePoints(Service* service) : service_(service) {
  for (const std::string& name : service->options().exploration.faults) {
    if (auto kind = FaultKindFromName(name)) {
      allowed_[static_cast<int>(*kind)] = true;
    }
  }
}

size_t ChoicePoints::Choose(bool family_offered, std::string_view site,
                            size_t options) {
  if (!family_offered || options <= 1) return 0;
  return service_->choices().Choose(site, options);
}

void ChoicePoints::Order(std::string_view site,
                         std::vector<Participant*>* writers) {
  const bool offered = service_->options().exploration.orders;
  if (!offered) return;
  // Draw i picks which of the remaining writers goes to position i.
  for (size_t i = 0; i + 1 < writers->size(); ++i) {
    size_t pick = Choose(true, site, writers->size() - i);
    if (pick != 0) std::swap((*writers)[i], (*writers)[i + pick]);
  }
}

void ChoicePoints::OrderWithin(
    std::string_view site, std::vector<Participant*>* writers,
    const std::function<int(const Participant*)>& rank) {
  if (!service_->options().exploration.orders) return;
  size_t begin = 0;
  while (begin < writers->size()) {
    size_t end = begin + 1;
    while (end < writers->size() &&
           rank((*writers)[end]) == rank((*writers)[begin])) {
      ++end;
    }
    for (size_t i = begin; i + 1 < end; ++i) {
      size_t pick = Choose(true, site, end - i);
      if (pick != 0) std::swap((*writers)[i], (*writers)[i + pick]);
    }
    begin = end;
  }
}

bool ChoicePoints::FaultPossible(FaultKind kind) {
  const ExplorationOptions& options = service_->options().exploration;
  const int k = static_cast<int>(kind);
  if (!allowed_[k]) return false;
  if (options.max_faults >= 0 &&
      fired_.size() >= static_cast<size_t>(options.max_faults)) {
    return false;
  }
  if (enabled_[k] == 0) {
    // Swarm testing: a run enables only some kinds, so that runs with one
    // kind of fault are as common as runs mixing all of them.
    bool on = !options.swarm ||
              service_->choices().Choose(kEnableSites[k], 2) == 1;
    enabled_[k] = on ? 1 : -1;
  }
  return enabled_[k] == 1;
}

bool ChoicePoints::FaultFires(FaultKind kind, std::string_view where) {
  if (!FaultPossible(kind)) return false;
  if (service_->choices().Choose(kFaultSites[static_cast<int>(kind)], 2) != 1) {
    return false;
  }
  NoteFault(kind, where);
  return true;
}

void ChoicePoints::NoteFault(FaultKind kind, std::string_view where) {
  fired_.push_back(FiredFault{kind, std::string(where)});
  service_->Record("fault", {{"kind", FaultKindName(kind)},
                             {"at", std::string(where)}});
}

}  // namespace vssemu::coordinator
