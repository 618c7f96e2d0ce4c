#include "metadata/wmd_express_rules.h"

#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

// The file-mask bits an express writer may not set: the differential,
// incremental and log backup requirements.
constexpr DWORD kPartialBackupBits = VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED |
                                     VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED |
                                     VSS_FSBT_LOG_BACKUP_REQUIRED;
// The backup schema bits an express writer may set.
constexpr DWORD kExpressSchema = VSS_BS_COPY | VSS_BS_INDEPENDENT_SYSTEM_STATE;

std::string Named(const char* what, const Component& c) {
  std::string text = what;
  text += " of component ";
  text += ToUtf8(FullComponentPath(c.logical_path, c.name));
  return text;
}

}  // namespace

bool ExpressUsage(VSS_USAGE_TYPE usage) {
  return usage == VSS_UT_BOOTABLESYSTEMSTATE ||
         usage == VSS_UT_SYSTEMSERVICE || usage == VSS_UT_USERDATA;
}

bool ExpressComponent(VSS_COMPONENT_TYPE ct, DWORD flags) {
  return ct == VSS_CT_FILEGROUP &&
         (flags & ~static_cast<DWORD>(VSS_CF_NOT_SYSTEM_STATE)) == 0;
}

bool ExpressFiles(DWORD backup_type_mask, bool has_alternate_location) {
  return !has_alternate_location && (backup_type_mask & kPartialBackupBits) == 0;
}

bool ExpressRestoreMethod(VSS_RESTOREMETHOD_ENUM method,
                          VSS_WRITERRESTORE_ENUM writer_restore) {
  return method != VSS_RME_UNDEFINED &&
         method != VSS_RME_RESTORE_TO_ALTERNATE_LOCATION &&
         method != VSS_RME_CUSTOM && writer_restore == VSS_WRE_NEVER;
}

bool ExpressBackupSchema(DWORD schema) {
  return (schema & ~kExpressSchema) == 0;
}

std::string ExpressRuleBroken(const WriterMetadata& m) {
  if (!ExpressUsage(m.identity.usage)) return "the usage type";
  if (!ExpressRestoreMethod(m.restore_method.method,
                            m.restore_method.writer_restore)) {
    return "the restore method (one of the in-place methods with VSS_WRE_NEVER is needed)";
  }
  if (!ExpressBackupSchema(m.backup_schema)) return "the backup schema";
  if (!m.alternate_location_mappings.empty()) return "an alternate location mapping";
  if (!m.exclude_from_snapshot_files.empty()) return "an exclude-from-snapshot list";
  for (const Component& c : m.components) {
    if (!ExpressComponent(c.type, c.component_flags)) {
      return Named("the type or flags", c);
    }
    for (const FileSpec& f : c.files) {
      if (!ExpressFiles(f.backup_type_mask, f.alternate_location.has_value())) {
        return Named("a file set", c);
      }
    }
  }
  return "";
}

}  // namespace vssemu::metadata
