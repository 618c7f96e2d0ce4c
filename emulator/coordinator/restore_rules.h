// The checks behind the restore settings a requester gives a component
// (spec 11.4-11.6, 12.2): which file sets a component set has, and which
// backup-schema bit each optional restore feature needs.
//
// Contract: pure functions over writer metadata; they never change it.
// Paths and file specifications compare as Windows compares them: letter
// case ignored, a trailing backslash on a folder ignored.
#ifndef VSSEMU_COORDINATOR_RESTORE_RULES_H_
#define VSSEMU_COORDINATOR_RESTORE_RULES_H_

#include <vss.h>

#include <string_view>

#include "metadata/wmd_model.h"

namespace vssemu::coordinator {

// Returns whether the component set defined by `defining` (the component
// and every component below it by logical path, spec 9.2) has a file set
// with this path, file specification and recursion flag.
bool ComponentSetHasFileSet(const metadata::WriterMetadata& wmd,
                            const metadata::Component& defining,
                            std::wstring_view path, std::wstring_view filespec,
                            bool recursive);

// Returns the VSS_BACKUP_SCHEMA bit's name ("VSS_BS_RESTORE_RENAME").
const char* BackupSchemaBitName(DWORD bit);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_RESTORE_RULES_H_
