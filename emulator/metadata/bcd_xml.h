// The Backup Components Document as XML: what SaveAsXML returns and what
// InitializeForRestore / InitializeForBackup(xml) load.
//
// Contract: SaveBcd writes the shape of documents saved by Windows
// (protocol.md 10.4) and LoadBcd reads them back into an equal model;
// Save then Load is the identity for every field. The loader is strict: a
// malformed document, a wrong root, a missing required attribute or a malformed value fails with a message
// naming the element path and attribute, and the output document is left
// untouched (never half-loaded); unknown names are handled as
// BcdLoadOptions says. It accepts what real saved documents do: an
// optional XML declaration, `xmlns` repeated on WRITER_COMPONENTS,
// `xmlns=""` on BACKUP_METADATA, GUIDs in either letter case with or
// without braces, and missing optional attributes. Enumeration strings
// match case-insensitively.
//
// Observed names (Windows, DiskShadow samples):
//   BACKUP_COMPONENTS  xmlns="x-schema:#VssComponentMetadata" version="1.2"
//                      bootableSystemStateBackup selectComponents backupType
//                      partialFileSupport snapshotSetId
//   WRITER_COMPONENTS  instanceId writerId [instanceName] backupSchema
//   COMPONENT          [logicalPath] componentName componentType [backupStamp]
//   BACKUP_METADATA    metadata          (child of COMPONENT)
//   backupType: full incremental differential log copy other undefined;
//   componentType: database filegroup; booleans yes/no; GUIDs bare lower case.
//
// Names for data no public sample shows (Q27). They live in the emulator's
// own namespace, bound to the prefix "vssemu" (the loader matches the literal
// prefix) and declared on the root as xmlns:vssemu="urn:vssemu:bcd:1" only
// when used, so a document without such data keeps Windows' exact shape.
// Attributes are written only when they differ from the default.
//   on BACKUP_COMPONENTS:
//     vssemu:restoreType   undefined | byCopy | import | other   (undefined)
//     vssemu:context       VSS_SNAPSHOT_CONTEXT as decimal DWORD    (0)
//   vssemu:SNAPSHOT        volumeName snapshotId providerId   (root child)
//   on COMPONENT:
//     vssemu:backupSucceeded, vssemu:selectedForRestore,
//     vssemu:additionalRestores, vssemu:authoritativeRestore   yes/no (no)
//     vssemu:backupOptions, vssemu:previousBackupStamp,
//     vssemu:restoreOptions, vssemu:restoreName,
//     vssemu:prepareForBackupFailureMsg, vssemu:postSnapshotFailureMsg,
//     vssemu:preRestoreFailureMsg, vssemu:postRestoreFailureMsg   (absent)
//     vssemu:restoreTarget  undefined | original | alternate | directed |
//                           originalLocation                  (original)
//     vssemu:fileRestoreStatus  undefined | none | all | failed (undefined)
//     vssemu:rollForwardType    undefined | none | all | partial (undefined)
//     vssemu:rollForwardPoint                                   (absent)
//   children of COMPONENT (each optional, list elements repeat in order):
//     vssemu:RESTORE_METADATA  metadata                  (at most one)
//     vssemu:PARTIAL_FILE      path filename ranges [metadata]
//                              [relocatedRanges]
//     vssemu:DIFFERENCED_FILE  path filespec recursive [lsn]
//                              lastModifyTime (FILETIME, decimal 64-bit)
//     vssemu:RESTORE_SUBCOMPONENT  [logicalPath] componentName repair
//     vssemu:DIRECTED_TARGET   sourcePath sourceFilename [sourceRanges]
//                              destinationPath destinationFilename
//                              [destinationRanges]
//     vssemu:NEW_TARGET        path filespec recursive [alternatePath]
//                              [filespecBackupType]
//     vssemu:ALTERNATE_LOCATION_MAPPING  path filespec recursive
//                              [destination] [filespecBackupType]
//     vssemu:FAILURE           hr hrApplication (0x-hex) [message]
//                              [reserved]                (at most one)
// An absent optional string attribute is "absent" (NULL BSTR); present and
// empty is the empty string.
#ifndef VSSEMU_METADATA_BCD_XML_H_
#define VSSEMU_METADATA_BCD_XML_H_

#include <vssemu/win32_base.h>

#include <string>

#include "metadata/bcd_model.h"

namespace vssemu::metadata {

// The namespace of the names vssemu invented (see above).
inline constexpr char kBcdExtensionNamespace[] = "urn:vssemu:bcd:1";

// How strict LoadBcd is about names it does not know. By default, unknown
// names in Windows' own vocabulary are skipped, because documents saved by
// Windows store data under names that were never published (snapshot
// descriptions, LUN information, ...) and must still load for a restore;
// an unknown "vssemu:" name is always an error, since only vssemu writes
// those and a misspelling would lose data silently.
struct BcdLoadOptions {
  // Rejects every unknown element and attribute (for documents vssemu wrote).
  bool strict = false;
};

// Parses xml into *out. Returns S_OK, VSS_E_INVALID_XML_DOCUMENT (with the
// reason in *error when error is not NULL; *out unchanged), or E_INVALIDARG
// for a NULL out.
HRESULT LoadBcd(BSTR xml, BackupComponentsDocument* out, std::string* error,
                const BcdLoadOptions& options = {});

// Serialises doc compactly (no declaration, no indentation), as SaveAsXML.
std::wstring SaveBcd(const BackupComponentsDocument& doc);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_XML_H_
