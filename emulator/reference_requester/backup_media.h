// Backup media for the reference requester: the folder where a backup keeps
// the files it copied out of its shadow copies, the writers' metadata
// documents and its Backup Components Document, and from which a restore
// copies them back (spec 11, 12.7).
//
// Layout below the media root:
//   files/<volume>/<path>      each copied file, under its volume's letter
//                              (or the mounted folder's path), e.g.
//                              files/D/Db/orders.mdf for D:\Db\orders.mdf
//   writers/<instance>.xml     the Writer Metadata Document of each writer
//                              (a restore reads file sets from the stored
//                              documents, not the live ones: spec 11.1 step 3)
//   manifest.xml               one <file> per copied file: its original path,
//                              the component and file set it belongs to
//   bcd.xml                    the saved Backup Components Document
//
// Contract: nothing here throws; failures come back as HRESULTs
// (VSS_E_OBJECT_NOT_FOUND for a missing media file, E_FAIL for a host I/O
// error) together with a message naming the VSS path, never a host path.
#ifndef VSSEMU_REFERENCE_REQUESTER_BACKUP_MEDIA_H_
#define VSSEMU_REFERENCE_REQUESTER_BACKUP_MEDIA_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <windows.h>
#include <vss.h>

namespace vssemu::scenario {

// One file set of a component, as the writer's metadata gives it.
struct MediaFileSet {
  std::wstring path;  // "D:\Db" (no trailing backslash).
  std::wstring filespec;
  bool recursive = false;
};

// One file a backup copied to the media.
struct MediaFile {
  VSS_ID writer_id = GUID_NULL;
  VSS_ID instance_id = GUID_NULL;
  // The component that was added ("Logs\Current"), even when the file
  // belongs to one of its subcomponents.
  std::wstring component;
  MediaFileSet file_set;    // The file set that names it.
  std::wstring original;    // "D:\Db\orders.mdf".
  std::wstring media_path;  // "files\D\Db\orders.mdf", below the root.
  uint64_t bytes = 0;
};

// Returns the path below the media root where original is kept
// ("files\D\Db\orders.mdf" for "D:\Db\orders.mdf").
std::wstring MediaPathFor(std::wstring_view original);

// Writes the manifest; returns S_OK or E_FAIL with *error set.
HRESULT WriteManifest(const std::filesystem::path& root,
                      const std::vector<MediaFile>& files, std::string* error);

// Reads the manifest; VSS_E_OBJECT_NOT_FOUND when absent,
// VSS_E_INVALID_XML_DOCUMENT when it does not parse.
HRESULT ReadManifest(const std::filesystem::path& root,
                     std::vector<MediaFile>* files, std::string* error);

// Writes text (UTF-8) to root\relative, creating folders; S_OK or E_FAIL.
HRESULT WriteText(const std::filesystem::path& root, std::wstring_view relative,
                  std::wstring_view text);

// Reads root\relative (UTF-8) into *text; VSS_E_OBJECT_NOT_FOUND if absent.
HRESULT ReadText(const std::filesystem::path& root, std::wstring_view relative,
                 std::wstring* text);

// Converts a host file time to a FILETIME number (100 ns units since
// 1601-01-01 UTC), as writers give last-modify times (spec 12.5).
uint64_t FiletimeFromHost(std::filesystem::file_time_type time);

// Converts a FILETIME number to a host file time.
std::filesystem::file_time_type HostFromFiletime(uint64_t filetime);

// Copies the host file from to the host path to, creating to's folders and
// keeping the last-write time; returns the bytes copied or -1 on failure.
int64_t CopyHostFile(const std::filesystem::path& from,
                     const std::filesystem::path& to);

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_BACKUP_MEDIA_H_
