// Reads <explore>: one exploring run pinned in a scenario file
// (docs/exploration.md, "Pinned runs").
#include "coordinator/choice_points.h"
#include "scenario/scenario_loader_internal.h"
#include "scenario/scenario_limits.h"

namespace vssemu::scenario::loader {
namespace {

sim::PinnedChoice ReadDecision(Element& e) {
  sim::PinnedChoice d;
  d.site = e.Required("site");
  if (d.site.empty()) e.Fail("attribute site: expected a choice point's name, e.g. order.freeze");
  if (!e.Has("of")) e.Fail("missing attribute of (how many options the decision had)");
  d.options = static_cast<size_t>(e.Int("of", 0, limits::kCount));
  d.chosen = static_cast<size_t>(e.Int("pick", 0, limits::kCount));
  d.occurrence = static_cast<size_t>(e.Int("occurrence", 1, limits::kCount));
  if (d.options < 2) e.Fail("attribute of: a decision has at least 2 options");
  if (d.chosen >= d.options) {
    e.Fail("attribute pick: found " + std::to_string(d.chosen) +
           ", expected an option below of=\"" + std::to_string(d.options) + "\" (0-based)");
  }
  if (d.occurrence == 0) e.Fail("attribute occurrence: counts from 1");
  e.Leaf();
  e.Finish();
  return d;
}

}  // namespace

void ReadPinnedRun(Element& e, Scenario& s) {
  if (s.pinned) e.Fail("a scenario pins one run: a second <explore>");
  PinnedRun pin;
  pin.where = e.where();
  pin.exhaustive = e.Has("mode") &&
                   Choice(e, "mode", {"seeded", "exhaustive"}) == "exhaustive";
  if (e.Has("faults")) {
    std::vector<std::string> kinds = e.Words("faults");
    pin.faults.emplace();
    for (const std::string& kind : kinds) {
      if (kind == "none" && kinds.size() == 1) break;
      if (!coordinator::FaultKindFromName(kind)) {
        e.Fail("attribute faults: found \"" + kind +
               "\", expected fault kinds (provider, flush, hold, "
               "freeze-timeout, writer, user) or none");
      }
      pin.faults->push_back(kind);
    }
  }
  if (e.Has("ignore")) pin.ignored_rules = e.Words("ignore");
  pin.failed = e.Text("failed");
  e.Finish();
  for (pugi::xml_node node : e.Children()) {
    Element c(e.reader(), node);
    if (std::string(node.name()) != "choose") UnknownChild(e, c, "<choose>");
    sim::PinnedChoice d = ReadDecision(c);
    for (const sim::PinnedChoice& earlier : pin.decisions) {
      if (earlier.site == d.site && earlier.occurrence == d.occurrence) {
        c.Fail("decision " + d.site + " occurrence " + std::to_string(d.occurrence) +
               " is pinned twice");
      }
    }
    pin.decisions.push_back(std::move(d));
  }
  s.pinned = std::move(pin);
}

}  // namespace vssemu::scenario::loader
