#include "metadata/wmd_index.h"

#include <algorithm>
#include <functional>

#include "metadata/component_key.h"
#include "metadata/position_index.h"

namespace vssemu::metadata {
namespace {

size_t HashText(std::wstring_view text) {
  return std::hash<std::wstring_view>()(text);
}


bool ByHash(const std::pair<size_t, const Component*>& a,
            const std::pair<size_t, const Component*>& b) {
  return a.first < b.first;
}

// Returns whether root is the full path of a component at logical_path
// named name ("path\name", or "name" at the root), without building it.
bool IsFullPath(std::wstring_view root, std::wstring_view logical_path,
                std::wstring_view name) {
  if (logical_path.empty()) return root == name;
  return root.size() == logical_path.size() + 1 + name.size() &&
         root.substr(0, logical_path.size()) == logical_path &&
         root[logical_path.size()] == L'\\' &&
         root.substr(logical_path.size() + 1) == name;
}

// Calls visit with each prefix of path that ends at an element boundary,
// the whole path included ("A\B" gives "A" and "A\B").
template <typename Visit>
bool AnyPrefix(std::wstring_view path, Visit visit) {
  for (size_t end = 0; end <= path.size(); ++end) {
    if ((end == path.size() || path[end] == L'\\') && end > 0 &&
        visit(path.substr(0, end))) {
      return true;
    }
  }
  return false;
}

}  // namespace

ComponentIndex::ComponentIndex(const WriterMetadata& wmd) {
  if (wmd.components.size() < PositionIndex::kIndexFrom) {
    scanned_ = &wmd;
    for (const Component& c : wmd.components) {
      if (HasSelectableAncestor(c)) {
        has_component_sets_ = true;
        break;
      }
    }
    return;
  }
  by_identity_.reserve(wmd.components.size());
  for (const Component& c : wmd.components) {
    by_identity_.emplace_back(HashPathAndName(c.logical_path, c.name), &c);
    if (c.selectable) {
      selectable_by_root_.emplace_back(
          HashText(FullComponentPath(c.logical_path, c.name)), &c);
    }
  }
  // Stable: among equal hashes, document order decides which comes first.
  std::stable_sort(by_identity_.begin(), by_identity_.end(), ByHash);
  std::stable_sort(selectable_by_root_.begin(), selectable_by_root_.end(), ByHash);
  if (!selectable_by_root_.empty()) {
    for (const Component& c : wmd.components) {
      if (HasSelectableAncestor(c)) {
        has_component_sets_ = true;
        break;
      }
    }
  }
}

const Component* ComponentIndex::Find(VSS_COMPONENT_TYPE type,
                                      std::wstring_view logical_path,
                                      std::wstring_view name) const {
  if (scanned_ != nullptr) {
    for (const Component& c : scanned_->components) {
      if (c.type == type &&
          SamePathAndName(c.logical_path, c.name, logical_path, name)) {
        return &c;
      }
    }
    return nullptr;
  }
  const Entry key{HashPathAndName(logical_path, name), nullptr};
  auto [first, last] =
      std::equal_range(by_identity_.begin(), by_identity_.end(), key, ByHash);
  for (auto it = first; it != last; ++it) {
    const Component& c = *it->second;
    if (c.type == type &&
        SamePathAndName(c.logical_path, c.name, logical_path, name)) {
      return &c;
    }
  }
  return nullptr;
}

bool ComponentIndex::HasSelectableAncestor(const Component& c) const {
  if (scanned_ != nullptr) {
    return AnyPrefix(c.logical_path, [&](std::wstring_view root) {
      for (const Component& a : scanned_->components) {
        if (a.selectable && IsFullPath(root, a.logical_path, a.name)) return true;
      }
      return false;
    });
  }
  if (selectable_by_root_.empty()) return false;
  return AnyPrefix(c.logical_path, [&](std::wstring_view root) {
    const Entry key{HashText(root), nullptr};
    auto [first, last] = std::equal_range(selectable_by_root_.begin(),
                                          selectable_by_root_.end(), key, ByHash);
    for (auto it = first; it != last; ++it) {
      if (IsFullPath(root, it->second->logical_path, it->second->name)) {
        return true;
      }
    }
    return false;
  });
}

}  // namespace vssemu::metadata
