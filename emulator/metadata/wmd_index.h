// An index of the components of one Writer Metadata Document: a requester's
// AddComponent and the selection checks of protocol.md 9.2 look components
// and their selectable ancestors up in time proportional to the depth of a
// logical path, not to the number of components, so a writer of a thousand
// components is gathered, selected and backed up in linear time.
//
// Contract: built from a document that no longer changes (the coordinator's
// gathered metadata is immutable); the pointers it returns point into that
// document, which must outlive the index. Lookups answer exactly as a scan
// of the document in order would.
#ifndef VSSEMU_METADATA_WMD_INDEX_H_
#define VSSEMU_METADATA_WMD_INDEX_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata/wmd_model.h"

namespace vssemu::metadata {

class ComponentIndex {
 public:
  explicit ComponentIndex(const WriterMetadata& wmd);

  // Returns the first component with this type, logical path and name, in
  // document order, or nullptr.
  const Component* Find(VSS_COMPONENT_TYPE type, std::wstring_view logical_path,
                        std::wstring_view name) const;
  // Returns whether a selectable component is an ancestor of c by logical
  // path (IsAncestorPath).
  bool HasSelectableAncestor(const Component& c) const;
  // Returns whether any component has a selectable ancestor. Without one the
  // document defines no component set, and no selection can put two
  // components in one.
  bool has_component_sets() const { return has_component_sets_; }

 private:
  using Entry = std::pair<size_t, const Component*>;  // Hash, component.
  // Documents of fewer components than PositionIndex::kIndexFrom are
  // scanned: sorting them cost more than the scans it saves.
  const WriterMetadata* scanned_ = nullptr;
  // Every component by the hash of (logical path, name), in document order
  // among equal hashes.
  std::vector<Entry> by_identity_;
  // Selectable components by the hash of their full path ("path\name").
  std::vector<Entry> selectable_by_root_;
  bool has_component_sets_ = false;
};

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_INDEX_H_
