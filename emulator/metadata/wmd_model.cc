#include "metadata/wmd_model.h"

#include "metadata/component_key.h"

namespace vssemu::metadata {
namespace {

// Shared by the const and non-const overloads so that the matching rule
// (exact, case-sensitive, root = "") lives in one place.
template <typename Metadata>
auto* FindIn(Metadata& metadata, std::wstring_view logical_path,
             std::wstring_view name) {
  decltype(&metadata.components.front()) found = nullptr;
  for (auto& component : metadata.components) {
    if (SamePathAndName(component.logical_path, component.name, logical_path,
                        name)) {
      found = &component;
      break;
    }
  }
  return found;
}

template <typename Enum>
bool InRange(Enum value, Enum first, Enum last) {
  auto v = static_cast<long long>(value);
  return v >= static_cast<long long>(first) &&
         v <= static_cast<long long>(last);
}

}  // namespace

std::wstring FullComponentPath(std::wstring_view logical_path,
                               std::wstring_view name) {
  if (logical_path.empty()) return std::wstring(name);
  std::wstring full(logical_path);
  full += L'\\';
  full += name;
  return full;
}

const Component* FindComponent(const WriterMetadata& metadata,
                               std::wstring_view logical_path,
                               std::wstring_view name) {
  return FindIn(metadata, logical_path, name);
}

Component* FindComponent(WriterMetadata* metadata,
                         std::wstring_view logical_path,
                         std::wstring_view name) {
  return FindIn(*metadata, logical_path, name);
}

bool IsValidComponentName(std::wstring_view name) {
  // The AddComponent page: required, and "cannot contain backslashes"
  // because the name becomes one element of its subcomponents' logical paths.
  return !name.empty() && name.find(L'\\') == std::wstring_view::npos;
}

bool IsValidFilespec(std::wstring_view filespec) {
  // A filespec is a file pattern relative to the file set's path; directory
  // parts belong in the path (spec 9.4).
  return filespec.find(L'\\') == std::wstring_view::npos;
}

// The enum checks compare as long long because callers pass arbitrary
// numbers cast to the enum type, which may be negative or wide.
bool IsDefinedRestoreMethod(VSS_RESTOREMETHOD_ENUM value) {
  return InRange(value, VSS_RME_UNDEFINED, VSS_RME_RESTORE_STOP_START);
}

bool IsDefinedWriterRestore(VSS_WRITERRESTORE_ENUM value) {
  return InRange(value, VSS_WRE_UNDEFINED, VSS_WRE_ALWAYS);
}

bool IsDefinedUsage(VSS_USAGE_TYPE value) {
  return InRange(value, VSS_UT_UNDEFINED, VSS_UT_OTHER);
}

bool IsDefinedSource(VSS_SOURCE_TYPE value) {
  return InRange(value, VSS_ST_UNDEFINED, VSS_ST_OTHER);
}

}  // namespace vssemu::metadata
