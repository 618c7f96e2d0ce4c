// A file set (IVssWMFiledesc): the model shared by both metadata documents
// and its read-only COM view. The Writer Metadata Document uses it for
// component files, excludes and alternate location mappings; the Backup
// Components Document for the mappings used and new targets at restore.
#ifndef VSSEMU_METADATA_FILEDESC_H_
#define VSSEMU_METADATA_FILEDESC_H_

#include <string>

#include <vswriter.h>

#include <vssemu/com/com_object.h>
#include <vssemu/memory/boxed_optional.h>

namespace vssemu::metadata {

// An optional string of a record that is kept many times over (component
// records, file sets) and is mostly unset: one pointer instead of an
// optional string's 40 bytes (memory/boxed_optional.h).
using BoxedText = memory::BoxedOptional<std::wstring>;

// The default VSS_FILE_SPEC_BACKUP_TYPE mask of every Add*Files call.
inline constexpr DWORD kDefaultBackupTypeMask =
    VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED;

struct FileSpec {
  std::wstring path;
  std::wstring filespec;
  bool recursive = false;
  // Alternate path (file groups), destination (mappings) or new location
  // (new targets); absent when none was given. Boxed: a writer names a
  // file set per component, and few have an alternate path.
  BoxedText alternate_location;
  DWORD backup_type_mask = kDefaultBackupTypeMask;

  bool operator==(const FileSpec&) const = default;
};

// IVssWMFiledesc over a copy of a FileSpec.
class FiledescView : public com::ComObject<FiledescView, IVssWMFiledesc> {
 public:
  using Queryable = com::InterfaceList<>;
  explicit FiledescView(FileSpec spec) : spec_(std::move(spec)) {}

  HRESULT STDMETHODCALLTYPE GetPath(BSTR* pbstrPath) override;
  HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* pbstrFilespec) override;
  HRESULT STDMETHODCALLTYPE GetRecursive(bool* pbRecursive) override;
  HRESULT STDMETHODCALLTYPE GetAlternateLocation(
      BSTR* pbstrAlternateLocation) override;
  HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* pdwTypeMask) override;

 private:
  FileSpec spec_;
};

// Hands a new IVssWMFiledesc for spec to the caller (E_INVALIDARG on NULL).
HRESULT ReturnFiledesc(const FileSpec& spec, IVssWMFiledesc** out);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_FILEDESC_H_
