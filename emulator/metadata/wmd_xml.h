// Writer Metadata Document <-> XML, in the format Windows saves (spec 10.2),
// so that documents saved by a real backup load here and ours look like
// theirs.
//
// Contract: SerializeWriterMetadata always succeeds and produces compact XML
// (no declaration) that ParseWriterMetadata turns back into an equal model.
// ParseWriterMetadata is strict about what it understands and never returns
// a half-built model: it returns either the whole document or an error that
// names the element and its byte offset in the UTF-8 text. It skips
// elements and attributes of Windows' vocabulary that it does not know,
// because real documents may carry data whose names were never published
// (spec Q27) and refusing them would make stored documents unusable; an
// unknown "vssemu:" name is an error, because only vssemu writes those.
//
// Observed names (spec 10.2), used as seen:
//   <WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"
//                    [backupSchema="<decimal>"]>   (omitted when 0)
//     <IDENTIFICATION writerId instanceId [instanceName] friendlyName usage
//                     dataSource majorVersion minorVersion/>
//     <RESTORE_METHOD method writerRestore rebootRequired .../>
//     <BACKUP_LOCATIONS>
//       <FILE_GROUP | DATABASE [logicalPath] componentName [caption]
//            restoreMetadata notifyOnBackupComplete selectable
//            selectableForRestore componentFlags>
//         <FILE_LIST path filespec [recursive] filespecBackupType/>
//         <DATABASE_FILES path filespec filespecBackupType/>
//         <DATABASE_LOGFILES path filespec filespecBackupType/>
//       <EXCLUDE_FILES path filespec recursive/>
//       <EXCLUDE_FILES_FROM_SNAPSHOT path filespec recursive/>
//   GUIDs are written bare lower case and read in any case, with or without
//   braces; booleans are yes/no; numbers decimal (0x-hex also read).
//
// Names chosen here for data no public sample shows (spec Q27). As the spec
// asks, they live in the emulator's own namespace, bound to the prefix
// "vssemu" (the loader matches the literal prefix) and declared on the root
// as xmlns:vssemu="urn:vssemu:wmd:1" only when the document uses one:
//   FILE_LIST vssemu:alternatePath="..."        the file group's alternate path
//   FILE_GROUP/DATABASE vssemu:icon="<base64>"  the component icon bytes
//   <vssemu:DEPENDENCY writerId [logicalPath] componentName/>
//                                               child of FILE_GROUP/DATABASE
//   <vssemu:ALTERNATE_LOCATION_MAPPING path filespec recursive
//        vssemu:destination/>                   child of RESTORE_METHOD
//   <vssemu:INCLUDE_FILES path filespec recursive [vssemu:alternatePath]/>
//                                               child of BACKUP_LOCATIONS
//   RESTORE_METHOD vssemu:service="..." vssemu:userProcedure="..."
//                                               (omitted when NULL)
//   caption and instanceName are omitted when NULL and written when "".
//
// Enum strings (observed ones marked *; tables in wmd_encoding.h):
//   usage:         UNDEFINED, BOOTABLE_SYSTEM_STATE*, SYSTEM_SERVICE*,
//                  USER_DATA*, OTHER
//   dataSource:    UNDEFINED, TRANSACTION_DB*, NONTRANSACTION_DB, OTHER*
//   method:        UNDEFINED, RESTORE_IF_NOT_THERE,
//                  RESTORE_IF_CAN_BE_REPLACED*, STOP_RESTART_SERVICE,
//                  RESTORE_TO_ALTERNATE_LOCATION, REPLACE_AT_REBOOT*,
//                  REPLACE_AT_REBOOT_IF_CANNOT_REPLACE*, CUSTOM,
//                  RESTORE_STOP_START
//   writerRestore: undefined, never*, ifReplaceFails, always*
#ifndef VSSEMU_METADATA_WMD_XML_H_
#define VSSEMU_METADATA_WMD_XML_H_

#include <optional>
#include <string>
#include <string_view>

#include "metadata/wmd_model.h"

namespace vssemu::metadata {

// The namespace of the emulator's WMD extensions (prefix "vssemu").
inline constexpr char kExtensionNamespace[] = "urn:vssemu:wmd:1";

// What ParseWriterMetadata produced: a whole model, or why there is none.
struct WmdParseResult {
  std::optional<WriterMetadata> metadata;
  std::string error;  // Empty on success.

  explicit operator bool() const { return metadata.has_value(); }
};

// Serialises metadata as a Writer Metadata Document.
std::wstring SerializeWriterMetadata(const WriterMetadata& metadata);

// Parses a Writer Metadata Document; fails on empty or malformed XML, a
// missing root or IDENTIFICATION, a missing required attribute, an unknown
// enum string, a malformed GUID, number or boolean, a component name that
// is invalid or duplicated, or file lists that do not fit the component type.
WmdParseResult ParseWriterMetadata(std::wstring_view xml);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_XML_H_
