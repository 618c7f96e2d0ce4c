// File-set matching and schema bit names for the restore settings.
#include "coordinator/restore_rules.h"

#include "coordinator/selection_rules.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

bool HasFileSet(const metadata::Component& c, std::wstring_view path,
                std::wstring_view filespec, bool recursive) {
  for (const auto* list : {&c.files, &c.database_files,
                           &c.database_log_files}) {
    for (const metadata::FileSpec& f : *list) {
      if (f.recursive == recursive && paths::SameFolder(f.path, path) &&
          paths::SameFolder(f.filespec, filespec)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool ComponentSetHasFileSet(const metadata::WriterMetadata& wmd,
                            const metadata::Component& defining,
                            std::wstring_view path, std::wstring_view filespec,
                            bool recursive) {
  for (const metadata::Component& c : wmd.components) {
    if (&c != &defining && !IsAncestor(defining, c)) continue;
    if (HasFileSet(c, path, filespec, recursive)) return true;
  }
  return false;
}

const char* BackupSchemaBitName(DWORD bit) {
  switch (bit) {
    case VSS_BS_WRITER_SUPPORTS_NEW_TARGET:
      return "VSS_BS_WRITER_SUPPORTS_NEW_TARGET";
    case VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE:
      return "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE";
    case VSS_BS_ROLLFORWARD_RESTORE:
      return "VSS_BS_ROLLFORWARD_RESTORE";
    case VSS_BS_RESTORE_RENAME:
      return "VSS_BS_RESTORE_RENAME";
    case VSS_BS_AUTHORITATIVE_RESTORE:
      return "VSS_BS_AUTHORITATIVE_RESTORE";
    default:
      return "a backup schema bit";
  }
}

}  // namespace vssemu::coordinator
