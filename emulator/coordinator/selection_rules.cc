#include "coordinator/selection_rules.h"

#include "metadata/xml_util.h"

namespace vssemu::coordinator {
namespace {

std::string Describe(const metadata::Component& c) {
  return metadata::ToUtf8(metadata::FullComponentPath(c.logical_path, c.name));
}

const metadata::Component* FindComponent(const metadata::WriterMetadata& wmd,
                                         const metadata::BcdComponent& added) {
  for (const metadata::Component& c : wmd.components) {
    if (c.type == added.type && c.logical_path == added.logical_path &&
        c.name == added.name) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

bool IsAncestor(const metadata::Component& ancestor,
                const metadata::Component& c) {
  return metadata::IsAncestorPath(ancestor.logical_path, ancestor.name,
                                  c.logical_path);
}

bool HasSelectableAncestor(const metadata::WriterMetadata& wmd,
                           const metadata::Component& c) {
  for (const metadata::Component& other : wmd.components) {
    if (other.selectable && IsAncestor(other, c)) return true;
  }
  return false;
}

std::string AddComponentProblem(const metadata::WriterMetadata& wmd,
                                const metadata::Component& c,
                                const metadata::BcdWriterComponents& entry) {
  if (!c.selectable && HasSelectableAncestor(wmd, c)) {
    return Describe(c) +
           " is a nonselectable subcomponent; it is included through its "
           "component set and must never be added";
  }
  for (const auto& added : entry.components) {
    const metadata::Component* other = FindComponent(wmd, *added);
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
    const metadata::WriterMetadata& wmd,
    const metadata::BcdWriterComponents& entry) {
  std::vector<const metadata::Component*> missing;
  for (const metadata::Component& c : wmd.components) {
    if (c.selectable || HasSelectableAncestor(wmd, c)) continue;
    if (!entry.FindByPathAndName(c.logical_path, c.name)) missing.push_back(&c);
  }
  return missing;
}

}  // namespace vssemu::coordinator
