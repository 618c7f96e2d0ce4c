// The writing half of wmd_xml.h; the reading half is wmd_xml_parse.cc.
#include "metadata/wmd_xml.h"

#include "metadata/wmd_encoding.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

// Which optional attributes a file-set element carries; each element kind
// writes exactly the attributes Windows writes for it (spec 10.2).
struct FileSpecShape {
  bool recursive;
  const char* alternate_attribute;  // nullptr: no alternate location.
  bool mask;
};

constexpr FileSpecShape kFileListShape{true, "vssemu:alternatePath", true};
constexpr FileSpecShape kDatabaseFilesShape{false, nullptr, true};
constexpr FileSpecShape kExcludeShape{true, nullptr, false};
constexpr FileSpecShape kIncludeShape{true, "vssemu:alternatePath", false};
constexpr FileSpecShape kMappingShape{true, "vssemu:destination", false};

void AppendFileSpec(pugi::xml_node parent, const char* name,
                    const FileSpec& spec, const FileSpecShape& shape) {
  pugi::xml_node node = parent.append_child(name);
  SetText(node, "path", spec.path);
  SetText(node, "filespec", spec.filespec);
  if (shape.recursive) SetYesNo(node, "recursive", spec.recursive);
  if (shape.alternate_attribute != nullptr && spec.alternate_location) {
    SetText(node, shape.alternate_attribute, *spec.alternate_location);
  }
  if (shape.mask) SetNumber(node, "filespecBackupType", spec.backup_type_mask);
}

// Writes an enum string; a value outside the tables (only reachable by
// building a model by hand) is written as its number so nothing is lost
// silently, and the loader will then reject it loudly.
void SetEnum(pugi::xml_node node, const char* name, const char* text,
             long long value) {
  if (text != nullptr) {
    node.append_attribute(name).set_value(text);
  } else {
    node.append_attribute(name).set_value(value);
  }
}

void AppendIdentity(pugi::xml_node root, const WriterIdentity& identity) {
  pugi::xml_node node = root.append_child("IDENTIFICATION");
  SetGuid(node, "writerId", identity.writer_id);
  SetGuid(node, "instanceId", identity.instance_id);
  if (identity.instance_name) {
    SetText(node, "instanceName", *identity.instance_name);
  }
  SetText(node, "friendlyName", identity.writer_name);
  SetEnum(node, "usage", UsageToString(identity.usage), identity.usage);
  SetEnum(node, "dataSource", SourceToString(identity.source), identity.source);
  SetNumber(node, "majorVersion", identity.major_version);
  SetNumber(node, "minorVersion", identity.minor_version);
}

void AppendRestoreMethod(pugi::xml_node root, const WriterMetadata& metadata) {
  const RestoreMethod& restore = metadata.restore_method;
  pugi::xml_node node = root.append_child("RESTORE_METHOD");
  SetEnum(node, "method", RestoreMethodToString(restore.method),
          restore.method);
  if (restore.service) SetText(node, "vssemu:service", *restore.service);
  if (restore.user_procedure) {
    SetText(node, "vssemu:userProcedure", *restore.user_procedure);
  }
  SetEnum(node, "writerRestore", WriterRestoreToString(restore.writer_restore),
          restore.writer_restore);
  SetYesNo(node, "rebootRequired", restore.reboot_required);
  for (const FileSpec& mapping : metadata.alternate_location_mappings) {
    AppendFileSpec(node, "vssemu:ALTERNATE_LOCATION_MAPPING", mapping,
                   kMappingShape);
  }
}

void AppendComponent(pugi::xml_node locations, const Component& component) {
  bool database = component.type == VSS_CT_DATABASE;
  pugi::xml_node node =
      locations.append_child(database ? "DATABASE" : "FILE_GROUP");
  // Windows omits logicalPath for root components (spec 10.2).
  if (!component.logical_path.empty()) {
    SetText(node, "logicalPath", component.logical_path);
  }
  SetText(node, "componentName", component.name);
  if (component.caption) SetText(node, "caption", *component.caption);
  if (!component.icon.empty()) {
    node.append_attribute("vssemu:icon")
        .set_value(EncodeBase64(component.icon).c_str());
  }
  SetYesNo(node, "restoreMetadata", component.restore_metadata);
  SetYesNo(node, "notifyOnBackupComplete", component.notify_on_backup_complete);
  SetYesNo(node, "selectable", component.selectable);
  SetYesNo(node, "selectableForRestore", component.selectable_for_restore);
  SetNumber(node, "componentFlags", component.component_flags);
  for (const FileSpec& spec : component.files) {
    AppendFileSpec(node, "FILE_LIST", spec, kFileListShape);
  }
  for (const FileSpec& spec : component.database_files) {
    AppendFileSpec(node, "DATABASE_FILES", spec, kDatabaseFilesShape);
  }
  for (const FileSpec& spec : component.database_log_files) {
    AppendFileSpec(node, "DATABASE_LOGFILES", spec, kDatabaseFilesShape);
  }
  for (const ComponentDependency& dependency : component.dependencies) {
    pugi::xml_node dep = node.append_child("vssemu:DEPENDENCY");
    SetGuid(dep, "writerId", dependency.writer_id);
    if (!dependency.logical_path.empty()) {
      SetText(dep, "logicalPath", dependency.logical_path);
    }
    SetText(dep, "componentName", dependency.component_name);
  }
}

bool UsesExtensions(const WriterMetadata& metadata) {
  const RestoreMethod& restore = metadata.restore_method;
  if (restore.service || restore.user_procedure ||
      !metadata.alternate_location_mappings.empty() ||
      !metadata.include_files.empty()) {
    return true;
  }
  for (const Component& component : metadata.components) {
    if (!component.icon.empty() || !component.dependencies.empty()) return true;
    for (const FileSpec& spec : component.files) {
      if (spec.alternate_location) return true;
    }
  }
  return false;
}

}  // namespace

std::wstring SerializeWriterMetadata(const WriterMetadata& metadata) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("WRITER_METADATA");
  root.append_attribute("xmlns").set_value("x-schema:#VssWriterMetadataInfo");
  root.append_attribute("version").set_value("1.2");
  if (metadata.backup_schema != VSS_BS_UNDEFINED) {
    SetNumber(root, "backupSchema", metadata.backup_schema);
  }
  AppendIdentity(root, metadata.identity);
  AppendRestoreMethod(root, metadata);
  pugi::xml_node locations = root.append_child("BACKUP_LOCATIONS");
  for (const Component& component : metadata.components) {
    AppendComponent(locations, component);
  }
  for (const FileSpec& spec : metadata.include_files) {
    AppendFileSpec(locations, "vssemu:INCLUDE_FILES", spec, kIncludeShape);
  }
  for (const FileSpec& spec : metadata.exclude_files) {
    AppendFileSpec(locations, "EXCLUDE_FILES", spec, kExcludeShape);
  }
  for (const FileSpec& spec : metadata.exclude_from_snapshot_files) {
    AppendFileSpec(locations, "EXCLUDE_FILES_FROM_SNAPSHOT", spec,
                   kExcludeShape);
  }
  // The extension namespace is declared only when an extension was written,
  // so a document with nothing Windows would not write looks exactly like
  // one Windows saved.
  if (UsesExtensions(metadata)) {
    root.insert_attribute_after("xmlns:vssemu", root.attribute("version"))
        .set_value(kExtensionNamespace);
  }
  return SaveDocument(doc);
}

}  // namespace vssemu::metadata
