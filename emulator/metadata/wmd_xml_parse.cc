// The reading half of wmd_xml.h: a strict loader that accepts what Windows
// writes. Everything is built into a local model that is handed out only
// when the whole document has been read, so a failure never leaves a
// half-loaded document behind.
#include <algorithm>
#include <cstring>
#include <string>

#include "com/guid_format.h"
#include "metadata/wmd_encoding.h"
#include "metadata/wmd_xml.h"

#include <algorithm>
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

// Which attributes a file-set element may carry; mirrors the writer side.
struct FileSpecShape {
  bool recursive;
  const char* alternate_attribute;  // nullptr: none.
  bool alternate_required;
  bool mask;
};

constexpr FileSpecShape kFileListShape{true, "vssemu:alternatePath", false,
                                       true};
constexpr FileSpecShape kDatabaseFilesShape{false, nullptr, false, true};
constexpr FileSpecShape kExcludeShape{true, nullptr, false, false};
constexpr FileSpecShape kIncludeShape{true, "vssemu:alternatePath", false,
                                      false};
constexpr FileSpecShape kMappingShape{true, "vssemu:destination", true, false};

bool Is(pugi::xml_node node, const char* name) {
  return std::strcmp(node.name(), name) == 0;
}

class Parser {
 public:
  WmdParseResult Run(std::wstring_view xml);

 private:
  // Records the first failure, naming the element and where it starts.
  bool Fail(pugi::xml_node node, const std::string& message);

  bool RequiredText(pugi::xml_node node, const char* name, std::wstring* out);
  std::optional<std::wstring> OptionalText(pugi::xml_node node,
                                           const char* name);
  bool Bool(pugi::xml_node node, const char* name, bool* out);
  bool Number(pugi::xml_node node, const char* name, bool required, DWORD* out);
  bool Guid(pugi::xml_node node, const char* name, GUID* out);
  template <typename Enum>
  bool EnumValue(pugi::xml_node node, const char* name,
                 std::optional<Enum> (*parse)(std::string_view), Enum* out);

  bool ReadRoot(pugi::xml_node root, WriterMetadata* metadata);
  bool CheckExtensionNames(pugi::xml_node node);
  bool ReadIdentity(pugi::xml_node node, WriterIdentity* identity);
  bool ReadRestoreMethod(pugi::xml_node node, WriterMetadata* metadata);
  bool ReadLocations(pugi::xml_node node, WriterMetadata* metadata);
  bool ReadComponent(pugi::xml_node node, WriterMetadata* metadata);
  bool ReadComponentChild(pugi::xml_node child, Component* component);
  bool ReadFileSpec(pugi::xml_node node, const FileSpecShape& shape,
                    std::vector<FileSpec>* out);

  std::string error_;
};

WmdParseResult Parser::Run(std::wstring_view xml) {
  WmdParseResult result;
  if (xml.empty()) {
    result.error = "empty document";
    return result;
  }
  std::string utf8 = ToUtf8(xml);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(
      utf8.data(), utf8.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    result.error = std::string("malformed XML: ") + parsed.description() +
                   " at offset " + std::to_string(parsed.offset);
    return result;
  }
  WriterMetadata metadata;
  if (!CheckExtensionNames(doc.document_element()) ||
      !ReadRoot(doc.document_element(), &metadata)) {
    result.error = error_;
    return result;
  }
  result.metadata = std::move(metadata);
  return result;
}

// Unknown names in Windows' vocabulary are skipped (see wmd_xml.h), but a
// "vssemu:" name only vssemu writes, so an unknown one is a misspelling that
// would otherwise lose data without a word.
bool Parser::CheckExtensionNames(pugi::xml_node node) {
  static constexpr std::string_view kElements[] = {
      "vssemu:DEPENDENCY", "vssemu:ALTERNATE_LOCATION_MAPPING",
      "vssemu:INCLUDE_FILES"};
  static constexpr std::string_view kAttributes[] = {
      "vssemu:alternatePath", "vssemu:destination", "vssemu:service",
      "vssemu:userProcedure", "vssemu:icon"};
  auto known = [](std::string_view name, const auto& list) {
    return name.rfind("vssemu:", 0) != 0 ||
           std::find(std::begin(list), std::end(list), name) != std::end(list);
  };
  if (!known(node.name(), kElements)) {
    return Fail(node, std::string("unknown element ") + node.name());
  }
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (!known(attribute.name(), kAttributes)) {
      return Fail(node, std::string("unknown attribute ") + attribute.name());
    }
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && !CheckExtensionNames(child)) {
      return false;
    }
  }
  return true;
}

bool Parser::Fail(pugi::xml_node node, const std::string& message) {
  if (error_.empty()) {
    error_ = std::string(node.name()) + " at offset " +
             std::to_string(node.offset_debug()) + ": " + message;
  }
  return false;
}

bool Parser::RequiredText(pugi::xml_node node, const char* name,
                          std::wstring* out) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    return Fail(node, std::string("missing attribute ") + name);
  }
  *out = FromUtf8(attribute.value());
  return true;
}

std::optional<std::wstring> Parser::OptionalText(pugi::xml_node node,
                                                 const char* name) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) return std::nullopt;
  return FromUtf8(attribute.value());
}

// A missing boolean means "no": Windows omits `recursive` on some FILE_LIST
// entries (spec 10.2) and every other boolean defaults to false in the API.
bool Parser::Bool(pugi::xml_node node, const char* name, bool* out) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    *out = false;
    return true;
  }
  std::optional<bool> value = ParseYesNo(attribute.value());
  if (!value) {
    return Fail(node, std::string(name) + "=\"" + attribute.value() +
                          "\" is not yes/no");
  }
  *out = *value;
  return true;
}

// Optional numbers keep the default already in *out.
bool Parser::Number(pugi::xml_node node, const char* name, bool required,
                    DWORD* out) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    if (required) return Fail(node, std::string("missing attribute ") + name);
    return true;
  }
  std::optional<DWORD> value = ParseDword(attribute.value());
  if (!value) {
    return Fail(node, std::string(name) + "=\"" + attribute.value() +
                          "\" is not a 32-bit unsigned number");
  }
  *out = *value;
  return true;
}

bool Parser::Guid(pugi::xml_node node, const char* name, GUID* out) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    return Fail(node, std::string("missing attribute ") + name);
  }
  std::optional<GUID> value =
      com::ParseGuid(std::string_view(attribute.value()));
  if (!value) {
    return Fail(node, std::string(name) + "=\"" + attribute.value() +
                          "\" is not a GUID");
  }
  *out = *value;
  return true;
}

template <typename Enum>
bool Parser::EnumValue(pugi::xml_node node, const char* name,
                       std::optional<Enum> (*parse)(std::string_view),
                       Enum* out) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    return Fail(node, std::string("missing attribute ") + name);
  }
  std::optional<Enum> value = parse(attribute.value());
  if (!value) {
    return Fail(node, std::string("unknown ") + name + " \"" +
                          attribute.value() + "\"");
  }
  *out = *value;
  return true;
}

bool Parser::ReadRoot(pugi::xml_node root, WriterMetadata* metadata) {
  if (!root) return Fail(root, "no root element");
  if (!Is(root, "WRITER_METADATA")) {
    return Fail(root, "root element is not WRITER_METADATA");
  }
  if (!Number(root, "backupSchema", false, &metadata->backup_schema)) {
    return false;
  }
  // Element order is not fixed in saved documents (RESTORE_METHOD appears
  // both before and after BACKUP_LOCATIONS), so each singleton is looked up
  // by name and duplicates are refused.
  bool seen_identity = false, seen_restore = false, seen_locations = false;
  for (pugi::xml_node child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    bool* seen = Is(child, "IDENTIFICATION")     ? &seen_identity
                 : Is(child, "RESTORE_METHOD")   ? &seen_restore
                 : Is(child, "BACKUP_LOCATIONS") ? &seen_locations
                                                 : nullptr;
    if (seen == nullptr) continue;  // Unpublished data (spec Q27).
    if (*seen) return Fail(child, "appears more than once");
    *seen = true;
    bool ok = seen == &seen_identity  ? ReadIdentity(child, &metadata->identity)
              : seen == &seen_restore ? ReadRestoreMethod(child, metadata)
                                      : ReadLocations(child, metadata);
    if (!ok) return false;
  }
  if (!seen_identity) return Fail(root, "missing IDENTIFICATION");
  return true;
}

bool Parser::ReadIdentity(pugi::xml_node node, WriterIdentity* identity) {
  identity->instance_name = OptionalText(node, "instanceName");
  return Guid(node, "writerId", &identity->writer_id) &&
         Guid(node, "instanceId", &identity->instance_id) &&
         RequiredText(node, "friendlyName", &identity->writer_name) &&
         EnumValue(node, "usage", &UsageFromString, &identity->usage) &&
         EnumValue(node, "dataSource", &SourceFromString, &identity->source) &&
         Number(node, "majorVersion", false, &identity->major_version) &&
         Number(node, "minorVersion", false, &identity->minor_version);
}

bool Parser::ReadRestoreMethod(pugi::xml_node node, WriterMetadata* metadata) {
  RestoreMethod& restore = metadata->restore_method;
  if (!EnumValue(node, "method", &RestoreMethodFromString, &restore.method) ||
      !EnumValue(node, "writerRestore", &WriterRestoreFromString,
                 &restore.writer_restore) ||
      !Bool(node, "rebootRequired", &restore.reboot_required)) {
    return false;
  }
  restore.service = OptionalText(node, "vssemu:service");
  restore.user_procedure = OptionalText(node, "vssemu:userProcedure");
  for (pugi::xml_node child :
       node.children("vssemu:ALTERNATE_LOCATION_MAPPING")) {
    if (!ReadFileSpec(child, kMappingShape,
                      &metadata->alternate_location_mappings)) {
      return false;
    }
  }
  return true;
}

bool Parser::ReadLocations(pugi::xml_node node, WriterMetadata* metadata) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    bool ok = true;
    if (Is(child, "FILE_GROUP") || Is(child, "DATABASE")) {
      ok = ReadComponent(child, metadata);
    } else if (Is(child, "EXCLUDE_FILES")) {
      ok = ReadFileSpec(child, kExcludeShape, &metadata->exclude_files);
    } else if (Is(child, "EXCLUDE_FILES_FROM_SNAPSHOT")) {
      ok = ReadFileSpec(child, kExcludeShape,
                        &metadata->exclude_from_snapshot_files);
    } else if (Is(child, "vssemu:INCLUDE_FILES")) {
      ok = ReadFileSpec(child, kIncludeShape, &metadata->include_files);
    }
    if (!ok) return false;
  }
  return true;
}

bool Parser::ReadComponent(pugi::xml_node node, WriterMetadata* metadata) {
  Component component;
  component.type = Is(node, "DATABASE") ? VSS_CT_DATABASE : VSS_CT_FILEGROUP;
  component.logical_path = OptionalText(node, "logicalPath").value_or(L"");
  component.caption = OptionalText(node, "caption");
  if (!RequiredText(node, "componentName", &component.name)) return false;
  if (!IsValidComponentName(component.name)) {
    return Fail(node, "componentName is empty or contains a backslash");
  }
  if (FindComponent(*metadata, component.logical_path, component.name)) {
    return Fail(node, "duplicate component (same logicalPath and name)");
  }
  if (pugi::xml_attribute icon = node.attribute("vssemu:icon")) {
    std::optional<std::vector<BYTE>> bytes = DecodeBase64(icon.value());
    if (!bytes) return Fail(node, "icon is not base64");
    component.icon = std::move(*bytes);
  }
  if (!Bool(node, "restoreMetadata", &component.restore_metadata) ||
      !Bool(node, "notifyOnBackupComplete",
            &component.notify_on_backup_complete) ||
      !Bool(node, "selectable", &component.selectable) ||
      !Bool(node, "selectableForRestore", &component.selectable_for_restore) ||
      !Number(node, "componentFlags", false, &component.component_flags)) {
    return false;
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (!ReadComponentChild(child, &component)) return false;
  }
  metadata->components.push_back(std::move(component));
  return true;
}

bool Parser::ReadComponentChild(pugi::xml_node child, Component* component) {
  bool database = component->type == VSS_CT_DATABASE;
  if (Is(child, "FILE_LIST")) {
    if (database) return Fail(child, "FILE_LIST inside a DATABASE");
    return ReadFileSpec(child, kFileListShape, &component->files);
  }
  if (Is(child, "DATABASE_FILES") || Is(child, "DATABASE_LOGFILES")) {
    if (!database) return Fail(child, "database files inside a FILE_GROUP");
    return ReadFileSpec(child, kDatabaseFilesShape,
                        Is(child, "DATABASE_FILES")
                            ? &component->database_files
                            : &component->database_log_files);
  }
  if (Is(child, "vssemu:DEPENDENCY")) {
    ComponentDependency dependency;
    dependency.logical_path = OptionalText(child, "logicalPath").value_or(L"");
    if (!Guid(child, "writerId", &dependency.writer_id) ||
        !RequiredText(child, "componentName", &dependency.component_name)) {
      return false;
    }
    component->dependencies.push_back(std::move(dependency));
  }
  return true;
}

bool Parser::ReadFileSpec(pugi::xml_node node, const FileSpecShape& shape,
                          std::vector<FileSpec>* out) {
  FileSpec spec;
  if (!RequiredText(node, "path", &spec.path) ||
      !RequiredText(node, "filespec", &spec.filespec)) {
    return false;
  }
  if (shape.recursive && !Bool(node, "recursive", &spec.recursive)) {
    return false;
  }
  if (shape.alternate_attribute != nullptr) {
    spec.alternate_location = OptionalText(node, shape.alternate_attribute);
    if (shape.alternate_required && !spec.alternate_location) {
      return Fail(
          node, std::string("missing attribute ") + shape.alternate_attribute);
    }
  }
  if (shape.mask &&
      !Number(node, "filespecBackupType", false, &spec.backup_type_mask)) {
    return false;
  }
  out->push_back(std::move(spec));
  return true;
}

}  // namespace

WmdParseResult ParseWriterMetadata(std::wstring_view xml) {
  return Parser().Run(xml);
}

}  // namespace vssemu::metadata
