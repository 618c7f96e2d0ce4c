// The express writer rules of the sdk-api pages, one predicate each: the
// builder applies them call by call, and ExpressRuleBroken to a whole
// document (one LoadMetadata read, or one a scenario or RunOptions stores).
#ifndef VSSEMU_METADATA_WMD_EXPRESS_RULES_H_
#define VSSEMU_METADATA_WMD_EXPRESS_RULES_H_

#include <string>

#include <vswriter.h>

#include "metadata/wmd_model.h"

namespace vssemu::metadata {

// Returns whether an express writer may declare usage (CreateMetadata).
bool ExpressUsage(VSS_USAGE_TYPE usage);
// Returns whether an express writer may add a component of type ct with
// these flags (VSS_CT_FILEGROUP, VSS_CF_NOT_SYSTEM_STATE at most).
bool ExpressComponent(VSS_COMPONENT_TYPE ct, DWORD flags);
// Returns whether a file set of an express writer may have this backup
// type mask and alternate location (no partial backup bits, no location).
bool ExpressFiles(DWORD backup_type_mask, bool has_alternate_location);
// Returns whether an express writer may declare this restore method.
bool ExpressRestoreMethod(VSS_RESTOREMETHOD_ENUM method,
                          VSS_WRITERRESTORE_ENUM writer_restore);
// Returns whether an express writer may declare this backup schema.
bool ExpressBackupSchema(DWORD schema);

// Returns why metadata breaks an express writer rule, or "" when it keeps
// them all (a missing restore method counts as broken).
std::string ExpressRuleBroken(const WriterMetadata& metadata);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_EXPRESS_RULES_H_
