// The identity of a component within its writer: its logical path and name,
// matched exactly and case-sensitively, the root being "" (spec 9.1). One
// home for the key's hash and equality, which every lookup of a component
// by path and name uses.
#ifndef VSSEMU_METADATA_COMPONENT_KEY_H_
#define VSSEMU_METADATA_COMPONENT_KEY_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace vssemu::metadata {

// The key hash of a component: its logical path and name.
inline size_t HashPathAndName(std::wstring_view logical_path,
                              std::wstring_view name) {
  const std::hash<std::wstring_view> hash;
  return hash(logical_path) * 1000003u ^ hash(name);
}

// Tells whether two texts are equal. Inline and from the end: the names a
// writer gives its components mostly share a prefix and differ at the end
// ("Log1", "Log2"), and a writer's few components are scanned rather than
// indexed, so a library call per comparison was most of a lookup's cost.
inline bool SameText(std::wstring_view a, std::wstring_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Tells whether a component's logical path and name are the ones looked for.
inline bool SamePathAndName(std::wstring_view logical_path,
                            std::wstring_view name,
                            std::wstring_view wanted_path,
                            std::wstring_view wanted_name) {
  return SameText(name, wanted_name) && SameText(logical_path, wanted_path);
}

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_COMPONENT_KEY_H_
