// BCD -> XML (see bcd_xml.h for the names).
#include <cstdio>
#include <string>

#include "metadata/bcd_xml.h"
#include "metadata/bcd_xml_enums.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

using bcd_xml::ToXml;

constexpr char kVssNamespace[] = "x-schema:#VssComponentMetadata";

std::string Hex32(DWORD value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
  return text;
}

// Writes one document; remembers whether any vssemu name was used so the
// namespace is declared only then.
class Saver {
 public:
  void Save(const BackupComponentsDocument& doc, pugi::xml_node root);

 private:
  // Marks the vssemu namespace as used and passes node through.
  pugi::xml_node Ext(pugi::xml_node node) {
    used_extension_ = true;
    return node;
  }
  // value: a std::optional<std::wstring> or a BoxedText.
  template <typename Optional>
  void OptText(pugi::xml_node node, const char* name, const Optional& value) {
    if (value) SetText(Ext(node), name, *value);
  }
  void Flag(pugi::xml_node node, const char* name, bool value) {
    if (value) SetYesNo(Ext(node), name, true);
  }
  void SaveWriter(const BcdWriterComponents& writer, pugi::xml_node parent);
  void SaveComponent(const BcdComponent& c, pugi::xml_node parent);
  void SaveComponentLists(const BcdComponent& c, pugi::xml_node node);
  void SaveFileSpec(const FileSpec& spec, const char* element,
                    const char* location_attribute, pugi::xml_node parent);

  bool used_extension_ = false;
};

void Saver::Save(const BackupComponentsDocument& doc, pugi::xml_node root) {
  root.append_attribute("xmlns").set_value(kVssNamespace);
  root.append_attribute("version").set_value("1.2");
  SetYesNo(root, "bootableSystemStateBackup", doc.bootable_system_state);
  SetYesNo(root, "selectComponents", doc.select_components);
  root.append_attribute("backupType").set_value(ToXml(doc.backup_type));
  SetYesNo(root, "partialFileSupport", doc.partial_file_support);
  SetGuid(root, "snapshotSetId", doc.snapshot_set_id);
  if (doc.restore_type != VSS_RTYPE_UNDEFINED) {
    Ext(root)
        .append_attribute("vssemu:restoreType")
        .set_value(ToXml(doc.restore_type));
  }
  if (doc.context != VSS_CTX_BACKUP) {
    SetNumber(Ext(root), "vssemu:context", static_cast<DWORD>(doc.context));
  }
  for (const auto& writer : doc.writers) {
    if (writer != nullptr) SaveWriter(*writer, root);
  }
  for (const BcdSnapshot& snapshot : doc.snapshots) {
    pugi::xml_node node = Ext(root).append_child("vssemu:SNAPSHOT");
    SetText(node, "volumeName", snapshot.volume_name);
    SetGuid(node, "snapshotId", snapshot.snapshot_id);
    SetGuid(node, "providerId", snapshot.provider_id);
  }
  if (used_extension_) {
    root.insert_attribute_after("xmlns:vssemu", root.attribute("xmlns"))
        .set_value(kBcdExtensionNamespace);
  }
}

void Saver::SaveWriter(const BcdWriterComponents& writer,
                       pugi::xml_node parent) {
  pugi::xml_node node = parent.append_child("WRITER_COMPONENTS");
  SetGuid(node, "instanceId", writer.instance_id);
  SetGuid(node, "writerId", writer.writer_id);
  if (writer.instance_name) {
    SetText(node, "instanceName", *writer.instance_name);
  }
  SetNumber(node, "backupSchema", writer.backup_schema);
  for (const auto& component : writer.components) {
    if (component != nullptr) SaveComponent(*component, node);
  }
}

void Saver::SaveComponent(const BcdComponent& c, pugi::xml_node parent) {
  pugi::xml_node node = parent.append_child("COMPONENT");
  // Observed: the root logical path is written by leaving the attribute out.
  if (!c.logical_path.empty()) SetText(node, "logicalPath", c.logical_path);
  SetText(node, "componentName", c.name);
  node.append_attribute("componentType").set_value(ToXml(c.type));
  if (c.backup_stamp) SetText(node, "backupStamp", *c.backup_stamp);
  Flag(node, "vssemu:backupSucceeded", c.backup_succeeded);
  OptText(node, "vssemu:backupOptions", c.backup_options);
  OptText(node, "vssemu:previousBackupStamp", c.previous_backup_stamp);
  OptText(node, "vssemu:prepareForBackupFailureMsg",
          c.prepare_for_backup_failure_msg);
  OptText(node, "vssemu:postSnapshotFailureMsg", c.post_snapshot_failure_msg);
  Flag(node, "vssemu:selectedForRestore", c.selected_for_restore);
  Flag(node, "vssemu:additionalRestores", c.additional_restores);
  OptText(node, "vssemu:restoreOptions", c.restore_options);
  if (c.restore_target != VSS_RT_ORIGINAL) {
    Ext(node)
        .append_attribute("vssemu:restoreTarget")
        .set_value(ToXml(c.restore_target));
  }
  if (c.file_restore_status != VSS_RS_UNDEFINED) {
    Ext(node)
        .append_attribute("vssemu:fileRestoreStatus")
        .set_value(ToXml(c.file_restore_status));
  }
  OptText(node, "vssemu:preRestoreFailureMsg", c.pre_restore_failure_msg);
  OptText(node, "vssemu:postRestoreFailureMsg", c.post_restore_failure_msg);
  Flag(node, "vssemu:authoritativeRestore", c.authoritative_restore);
  if (c.roll_forward_type != VSS_RF_UNDEFINED) {
    Ext(node)
        .append_attribute("vssemu:rollForwardType")
        .set_value(ToXml(c.roll_forward_type));
  }
  OptText(node, "vssemu:rollForwardPoint", c.roll_forward_point);
  OptText(node, "vssemu:restoreName", c.restore_name);
  if (c.backup_metadata) {
    pugi::xml_node metadata = node.append_child("BACKUP_METADATA");
    SetText(metadata, "metadata", *c.backup_metadata);
  }
  if (c.restore_metadata) {
    pugi::xml_node metadata = Ext(node).append_child("vssemu:RESTORE_METADATA");
    SetText(metadata, "metadata", *c.restore_metadata);
  }
  SaveComponentLists(c, node);
}

void Saver::SaveComponentLists(const BcdComponent& c, pugi::xml_node node) {
  for (const BcdPartialFile& file : c.partial_files) {
    pugi::xml_node child = Ext(node).append_child("vssemu:PARTIAL_FILE");
    SetText(child, "path", file.path);
    SetText(child, "filename", file.filename);
    SetText(child, "ranges", file.ranges);
    if (file.metadata) SetText(child, "metadata", *file.metadata);
    if (file.relocated_ranges) {
      SetText(child, "relocatedRanges", *file.relocated_ranges);
    }
  }
  for (const BcdDifferencedFile& file : c.differenced_files) {
    pugi::xml_node child = Ext(node).append_child("vssemu:DIFFERENCED_FILE");
    SetText(child, "path", file.path);
    SetText(child, "filespec", file.filespec);
    SetYesNo(child, "recursive", file.recursive);
    if (file.lsn) SetText(child, "lsn", *file.lsn);
    SetNumber(child, "lastModifyTime", file.last_modify_time);
  }
  for (const BcdRestoreSubcomponent& sub : c.restore_subcomponents) {
    pugi::xml_node child =
        Ext(node).append_child("vssemu:RESTORE_SUBCOMPONENT");
    if (!sub.logical_path.empty()) {
      SetText(child, "logicalPath", sub.logical_path);
    }
    SetText(child, "componentName", sub.name);
    SetYesNo(child, "repair", sub.repair);
  }
  for (const BcdDirectedTarget& t : c.directed_targets) {
    pugi::xml_node child = Ext(node).append_child("vssemu:DIRECTED_TARGET");
    SetText(child, "sourcePath", t.source_path);
    SetText(child, "sourceFilename", t.source_filename);
    if (t.source_ranges) SetText(child, "sourceRanges", *t.source_ranges);
    SetText(child, "destinationPath", t.destination_path);
    SetText(child, "destinationFilename", t.destination_filename);
    if (t.destination_ranges) {
      SetText(child, "destinationRanges", *t.destination_ranges);
    }
  }
  for (const FileSpec& spec : c.new_targets) {
    SaveFileSpec(spec, "vssemu:NEW_TARGET", "alternatePath", node);
  }
  for (const FileSpec& spec : c.alternate_location_mappings) {
    SaveFileSpec(spec, "vssemu:ALTERNATE_LOCATION_MAPPING", "destination",
                 node);
  }
  if (c.failure != BcdComponentFailure{}) {
    pugi::xml_node child = Ext(node).append_child("vssemu:FAILURE");
    child.append_attribute("hr").set_value(
        Hex32(static_cast<DWORD>(c.failure.hr)).c_str());
    child.append_attribute("hrApplication")
        .set_value(Hex32(static_cast<DWORD>(c.failure.hr_application)).c_str());
    if (c.failure.message) SetText(child, "message", *c.failure.message);
    if (c.failure.reserved != 0) {
      SetNumber(child, "reserved", c.failure.reserved);
    }
  }
}

void Saver::SaveFileSpec(const FileSpec& spec, const char* element,
                         const char* location_attribute,
                         pugi::xml_node parent) {
  pugi::xml_node child = Ext(parent).append_child(element);
  SetText(child, "path", spec.path);
  SetText(child, "filespec", spec.filespec);
  SetYesNo(child, "recursive", spec.recursive);
  if (spec.alternate_location) {
    SetText(child, location_attribute, *spec.alternate_location);
  }
  if (spec.backup_type_mask != kDefaultBackupTypeMask) {
    SetNumber(child, "filespecBackupType", spec.backup_type_mask);
  }
}

}  // namespace

std::wstring SaveBcd(const BackupComponentsDocument& doc) {
  pugi::xml_document xml;
  Saver().Save(doc, xml.append_child("BACKUP_COMPONENTS"));
  return SaveDocument(xml);
}

}  // namespace vssemu::metadata
