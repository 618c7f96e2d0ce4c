#include "coordinator/selection_rules.h"

#include "metadata/xml_util.h"

namespace vssemu::coordinator {
namespace {

std::string Describe(const metadata::Component& c) {
  return metadata::ToUtf8(metadata::FullComponentPath(c.logical_path, c.name));
}

}  // namespace

bool IsAncestor(const metadata::Component& ancestor,
                const metadata::Component& c) {
  return metadata::IsAncestorPath(ancestor.logical_path, ancestor.name,
                                  c.logical_path);
}

std::string AddComponentProblem(const metadata::ComponentIndex& index,
                                const metadata::Component& c,
                                const metadata::BcdWriterComponents& entry) {
  if (!index.has_component_sets()) return "";
  if (!c.selectable && index.HasSelectableAncestor(c)) {
    return Describe(c) +
           " is a nonselectable subcomponent; it is included through its "
           "component set and must never be added";
  }
  for (const auto& added : entry.components) {
    const metadata::Component* other =
        index.Find(added->type, added->logical_path, added->name);
    if (other == nullptr || other == &c) continue;
    // Only a selectable ancestor defines a component set (spec 9.2).
    if ((other->selectable && IsAncestor(*other, c)) ||
        (c.selectable && IsAncestor(c, *other))) {
      return Describe(c) + " and " + Describe(*other) +
             " are in one component set; only the set-defining component is "
             "added";
    }
  }
  return "";
}

std::vector<const metadata::Component*> MissingRequiredComponents(
    const metadata::WriterMetadata& wmd, const metadata::ComponentIndex& index,
    const metadata::BcdWriterComponents& entry) {
  std::vector<const metadata::Component*> missing;
  for (const metadata::Component& c : wmd.components) {
    if (c.selectable || index.HasSelectableAncestor(c)) continue;
    if (!entry.FindByPathAndName(c.logical_path, c.name)) missing.push_back(&c);
  }
  return missing;
}

}  // namespace vssemu::coordinator
