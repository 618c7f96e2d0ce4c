// What a backup application reads from a Writer Metadata Document to copy
// files (spec 9.4, 11.2, 11.4): each component's file sets, the writer's
// excluded files, its restore method and its alternate location mappings;
// and the matching rules over them.
//
// Contract: read through the SDK interface IVssExamineWriterMetadata only,
// so the same code serves live metadata (GetWriterMetadata) and stored
// documents (CreateVssExamineWriterMetadata). Paths are kept without a
// trailing backslash; comparisons ignore letter case, as Windows does.
#ifndef VSSEMU_REFERENCE_REQUESTER_WRITER_FILES_H_
#define VSSEMU_REFERENCE_REQUESTER_WRITER_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include <windows.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>

#include <vssemu/reference_requester/backup_media.h>

namespace vssemu::scenario {

// A file set with its alternate location (file groups) or destination
// (mappings), "" when none.
struct FileSetWithTarget {
  MediaFileSet set;
  std::wstring target;
  // The VSS_FILE_SPEC_BACKUP_TYPE mask (spec 12.3).
  DWORD backup_type_mask = VSS_FSBT_ALL_BACKUP_REQUIRED |
                           VSS_FSBT_ALL_SNAPSHOT_REQUIRED;
  bool log_files = false;  // Added with AddDatabaseLogFiles.
};

// One component and its own file sets (file group files, database files
// and log files).
struct ComponentFiles {
  std::wstring logical_path;
  std::wstring name;
  std::vector<FileSetWithTarget> file_sets;

  // Returns "logical\path\name" (or "name" at the root).
  std::wstring FullPath() const;
};

// Everything one writer's metadata says about its files.
struct WriterFiles {
  VSS_ID instance_id = GUID_NULL;
  VSS_ID writer_id = GUID_NULL;
  std::vector<ComponentFiles> components;
  std::vector<MediaFileSet> excludes;
  VSS_RESTOREMETHOD_ENUM restore_method = VSS_RME_UNDEFINED;
  std::vector<FileSetWithTarget> alternate_mappings;

  // Returns the components of the set defined by the component full_path:
  // it and every component below it by logical path (spec 9.2).
  std::vector<const ComponentFiles*> ComponentSet(
      std::wstring_view full_path) const;
  // Returns whether the file folder\name is excluded (spec 9.4).
  bool Excluded(std::wstring_view folder, std::wstring_view name) const;
  // Returns the alternate location mapping of set, or NULL.
  const FileSetWithTarget* MappingFor(const MediaFileSet& set) const;
};

// Reads md into *out; returns the first failing call's HRESULT.
HRESULT ReadWriterFiles(IVssExamineWriterMetadata* md, WriterFiles* out);

// Returns whether the file folder\name belongs to set: folder is the set's
// path (or, for a recursive set, below it) and name matches its filespec.
bool InFileSet(const MediaFileSet& set, std::wstring_view folder,
               std::wstring_view name);

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_WRITER_FILES_H_
