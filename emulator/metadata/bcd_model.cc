// Backup Components Document model (see bcd_model.h).
#include "metadata/bcd_model.h"

#include <algorithm>
#include <functional>

#include <vssemu/memory/block_cache.h>

#include "metadata/component_key.h"

namespace vssemu::metadata {
namespace {

// Compares two vectors of shared_ptr by pointee; a null entry only equals a
// null entry (the model never stores one, but comparison must not crash).
template <typename T>
bool PointeesEqual(const std::vector<std::shared_ptr<T>>& a,
                   const std::vector<std::shared_ptr<T>>& b) {
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(),
      [](const std::shared_ptr<T>& x, const std::shared_ptr<T>& y) {
        if (x == nullptr || y == nullptr) return x == y;
        return *x == *y;
      });
}

size_t HashGuid(const GUID& id) {
  size_t h = id.Data1;
  h = h * 1000003u ^ (static_cast<size_t>(id.Data2) << 16 | id.Data3);
  for (unsigned char b : id.Data4) h = h * 131u ^ b;
  return h;
}

}  // namespace

bool BcdComponent::Matches(VSS_COMPONENT_TYPE ct,
                           std::wstring_view logical_path_in,
                           std::wstring_view name_in) const {
  return type == ct &&
         SamePathAndName(logical_path, name, logical_path_in, name_in);
}

std::shared_ptr<BcdComponent> MakeBcdComponent() {
  return std::allocate_shared<BcdComponent>(
      memory::BlockAllocator<BcdComponent>());
}

std::shared_ptr<BcdComponent> MakeBcdComponent(const BcdComponent& copy) {
  return std::allocate_shared<BcdComponent>(
      memory::BlockAllocator<BcdComponent>(), copy);
}

BcdWriterComponents BcdWriterComponents::Clone() const {
  BcdWriterComponents copy;
  copy.instance_id = instance_id;
  copy.writer_id = writer_id;
  copy.instance_name = instance_name;
  copy.backup_schema = backup_schema;
  for (const auto& component : components) {
    if (component != nullptr) {
      copy.components.push_back(MakeBcdComponent(*component));
    }
  }
  return copy;
}

namespace {

// What the lookups return for "not found".
template <typename T>
const std::shared_ptr<T>& NoEntry() {
  static const std::shared_ptr<T> none;
  return none;
}

}  // namespace

const std::shared_ptr<BcdComponent>& BcdWriterComponents::FindByPathAndName(
    std::wstring_view logical_path, std::wstring_view name) const {
  const size_t at = by_path_and_name_.Find(
      components, [&] { return HashPathAndName(logical_path, name); },
      [](const BcdComponent& c) { return HashPathAndName(c.logical_path, c.name); },
      [&](const BcdComponent& c) {
        return SamePathAndName(c.logical_path, c.name, logical_path, name);
      });
  return at != PositionIndex::kNone ? components[at] : NoEntry<BcdComponent>();
}

void BcdWriterComponents::EraseComponent(
    const std::shared_ptr<BcdComponent>& component) {
  by_path_and_name_.Erase(components, component);
}

bool BcdWriterComponents::operator==(const BcdWriterComponents& other) const {
  return instance_id == other.instance_id && writer_id == other.writer_id &&
         instance_name == other.instance_name &&
         backup_schema == other.backup_schema &&
         PointeesEqual(components, other.components);
}

BackupComponentsDocument BackupComponentsDocument::Clone() const {
  BackupComponentsDocument copy;
  copy.select_components = select_components;
  copy.bootable_system_state = bootable_system_state;
  copy.backup_type = backup_type;
  copy.partial_file_support = partial_file_support;
  copy.restore_type = restore_type;
  copy.snapshot_set_id = snapshot_set_id;
  copy.context = context;
  copy.snapshots = snapshots;
  for (const auto& writer : writers) {
    if (writer != nullptr) {
      copy.writers.push_back(
          std::make_shared<BcdWriterComponents>(writer->Clone()));
    }
  }
  return copy;
}

const std::shared_ptr<BcdWriterComponents>&
BackupComponentsDocument::FindWriterInstance(const VSS_ID& instance_id) const {
  const size_t at = by_instance_.Find(
      writers, [&] { return HashGuid(instance_id); },
      [](const BcdWriterComponents& w) { return HashGuid(w.instance_id); },
      [&](const BcdWriterComponents& w) { return w.instance_id == instance_id; });
  return at != PositionIndex::kNone ? writers[at]
                                    : NoEntry<BcdWriterComponents>();
}

void BackupComponentsDocument::EraseWriter(
    const std::shared_ptr<BcdWriterComponents>& writer) {
  by_instance_.Erase(writers, writer);
}

bool BackupComponentsDocument::operator==(
    const BackupComponentsDocument& other) const {
  return select_components == other.select_components &&
         bootable_system_state == other.bootable_system_state &&
         backup_type == other.backup_type &&
         partial_file_support == other.partial_file_support &&
         restore_type == other.restore_type &&
         snapshot_set_id == other.snapshot_set_id && context == other.context &&
         snapshots == other.snapshots && PointeesEqual(writers, other.writers);
}

bool IsAncestorPath(std::wstring_view ancestor_path,
                    std::wstring_view ancestor_name,
                    std::wstring_view descendant_path) {
  // The set a component defines is rooted at "path\name" ("name" at the
  // root); a descendant's logical path equals that root or continues it
  // after a backslash, so "Data" is not an ancestor of "Database".
  std::wstring root(ancestor_path);
  if (!root.empty()) root += L'\\';
  root += ancestor_name;
  if (descendant_path.size() < root.size()) return false;
  if (descendant_path.substr(0, root.size()) != root) return false;
  return descendant_path.size() == root.size() ||
         descendant_path[root.size()] == L'\\';
}

}  // namespace vssemu::metadata
