// Copying a backup's files from its shadow copies to the media.
#include "reference_requester/backup_copy.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#include "com/guid_format.h"
#include "metadata/wmd_model.h"
#include "metadata/xml_util.h"
#include "paths/host_mapping.h"
#include "paths/path_text.h"
#include "paths/vss_paths.h"
#include "reference_requester/backup_media.h"
#include "reference_requester/writer_files.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// A writer's differenced file with a last-modify time (spec 12.5).
struct Differenced {
  VSS_ID instance_id = GUID_NULL;
  MediaFileSet set;
  uint64_t last_modify = 0;
};

// Returns a host file's last-write time as a FILETIME number (0 if none).
uint64_t LastWriteFiletime(const fs::path& file) {
  std::error_code ec;
  const fs::file_time_type t = fs::last_write_time(file, ec);
  return ec ? 0 : FiletimeFromHost(t);
}

class Copier {
 public:
  Copier(IVssBackupComponents* backup, const BackupPlan& plan,
         BackupResult* result, std::string* error)
      : backup_(backup), plan_(plan), result_(result), error_(error) {}

  HRESULT Run();

 private:
  HRESULT ReadWriters();
  HRESULT ReadDifferenced();
  HRESULT CopyComponent(const SelectedComponent& selected);
  HRESULT CopyFileSet(const WriterFiles& writer, const SelectedComponent& c,
                      const MediaFileSet& set);
  HRESULT CopyOne(const WriterFiles& writer, const SelectedComponent& c,
                  const MediaFileSet& set, const fs::path& host,
                  const std::wstring& folder, const std::wstring& name);
  bool Wanted(const FileSetWithTarget& set) const;
  bool Unchanged(const VSS_ID& instance, const std::wstring& folder,
                 const std::wstring& name, const fs::path& host) const;
  // Returns the snapshot device that holds path, and the volume's display
  // name in *volume; "" when no volume of the set holds it.
  std::wstring DeviceFor(std::wstring_view path, std::wstring* volume) const;

  IVssBackupComponents* backup_;
  const BackupPlan& plan_;
  BackupResult* result_;
  std::string* error_;
  std::vector<WriterFiles> writers_;
  std::vector<Differenced> differenced_;
};

HRESULT Copier::ReadWriters() {
  UINT count = 0;
  HRESULT hr = backup_->GetWriterMetadataCount(&count);
  for (UINT i = 0; i < count && SUCCEEDED(hr); ++i) {
    VSS_ID instance = GUID_NULL;
    IVssExamineWriterMetadata* md = NULL;
    hr = backup_->GetWriterMetadata(i, &instance, &md);
    if (FAILED(hr)) break;
    WriterFiles files;
    hr = ReadWriterFiles(md, &files);
    BSTR xml = NULL;
    if (SUCCEEDED(hr)) hr = md->SaveAsXML(&xml);
    if (SUCCEEDED(hr)) {
      // Spec 11.1 step 3: a restore reads the stored documents.
      hr = WriteText(plan_.media,
                     L"writers\\" + com::FormatGuidW(instance) + L".xml",
                     xml != NULL ? xml : L"");
    }
    SysFreeString(xml);
    md->Release();
    writers_.push_back(std::move(files));
  }
  if (FAILED(hr)) *error_ = "reading or storing the writer metadata failed";
  return hr;
}

HRESULT Copier::ReadDifferenced() {
  UINT count = 0;
  HRESULT hr = backup_->GetWriterComponentsCount(&count);
  for (UINT i = 0; i < count && SUCCEEDED(hr); ++i) {
    IVssWriterComponentsExt* ext = NULL;
    hr = backup_->GetWriterComponents(i, &ext);
    if (FAILED(hr)) break;
    VSS_ID instance = GUID_NULL, writer = GUID_NULL;
    UINT components = 0;
    hr = ext->GetWriterInfo(&instance, &writer);
    if (SUCCEEDED(hr)) hr = ext->GetComponentCount(&components);
    for (UINT c = 0; c < components && SUCCEEDED(hr); ++c) {
      IVssComponent* component = NULL;
      hr = ext->GetComponent(c, &component);
      if (FAILED(hr)) break;
      UINT files = 0;
      component->GetDifferencedFilesCount(&files);
      for (UINT f = 0; f < files; ++f) {
        BSTR path = NULL, spec = NULL, lsn = NULL;
        BOOL recursive = FALSE;
        FILETIME t{0, 0};
        if (SUCCEEDED(component->GetDifferencedFile(f, &path, &spec, &recursive,
                                                    &lsn, &t))) {
          differenced_.push_back(
              {instance,
               {path != NULL ? path : L"", spec != NULL ? spec : L"",
                recursive != FALSE},
               (static_cast<uint64_t>(t.dwHighDateTime) << 32) |
                   t.dwLowDateTime});
        }
        SysFreeString(path);
        SysFreeString(spec);
        SysFreeString(lsn);
      }
      component->Release();
    }
    ext->Release();
  }
  if (FAILED(hr)) *error_ = "reading the writer components failed";
  return hr;
}

std::wstring Copier::DeviceFor(std::wstring_view path,
                               std::wstring* volume) const {
  size_t best = 0;
  std::wstring device;
  for (size_t i = 0; i < plan_.volumes.size() && i < result_->snapshots.size();
       ++i) {
    const std::wstring_view v =
        paths::WithoutTrailingBackslashes(plan_.volumes[i]);
    if (paths::IsAtOrBelow(path, v) && v.size() > best) {
      best = v.size();
      device = result_->snapshots[i].device_object;
      *volume = std::wstring(v);
    }
  }
  return device;
}

// Spec 12.1, 12.3: a full (or copy) backup takes the sets whose mask has
// VSS_FSBT_FULL_BACKUP_REQUIRED, a log backup the log-file sets with
// VSS_FSBT_LOG_BACKUP_REQUIRED; incremental and differential backups take
// every set and filter by the differenced files (Unchanged), as a
// requester without history of its own must.
bool Copier::Wanted(const FileSetWithTarget& set) const {
  switch (plan_.type) {
    case VSS_BT_INCREMENTAL:
    case VSS_BT_DIFFERENTIAL:
      return true;
    case VSS_BT_LOG:
      return set.log_files &&
             (set.backup_type_mask & VSS_FSBT_LOG_BACKUP_REQUIRED) != 0;
    default:
      return (set.backup_type_mask & VSS_FSBT_FULL_BACKUP_REQUIRED) != 0;
  }
}

bool Copier::Unchanged(const VSS_ID& instance, const std::wstring& folder,
                       const std::wstring& name, const fs::path& host) const {
  if (plan_.type != VSS_BT_INCREMENTAL && plan_.type != VSS_BT_DIFFERENTIAL) {
    return false;
  }
  for (const Differenced& d : differenced_) {
    if (d.instance_id == instance && d.last_modify != 0 &&
        InFileSet(d.set, folder, name)) {
      return LastWriteFiletime(host) <= d.last_modify;
    }
  }
  return false;
}

HRESULT Copier::CopyOne(const WriterFiles& writer, const SelectedComponent& c,
                        const MediaFileSet& set, const fs::path& host,
                        const std::wstring& folder, const std::wstring& name) {
  const std::wstring original = folder + L"\\" + name;
  for (const MediaFile& done : result_->files) {
    if (paths::SameFolder(done.original, original)) return S_OK;  // Two sets name it.
  }
  if (writer.Excluded(folder, name) ||
      Unchanged(writer.instance_id, folder, name, host)) {
    return S_OK;
  }
  MediaFile file{writer.writer_id, writer.instance_id,
                 metadata::FullComponentPath(c.logical_path, c.name),
                 set, original, MediaPathFor(original), 0};
  const int64_t bytes =
      CopyHostFile(host, paths::HostPathBelow(plan_.media, file.media_path));
  if (bytes < 0) {
    *error_ = "cannot copy " + metadata::ToUtf8(original) + " to the media";
    return E_FAIL;
  }
  file.bytes = static_cast<uint64_t>(bytes);
  result_->files.push_back(std::move(file));
  return S_OK;
}

HRESULT Copier::CopyFileSet(const WriterFiles& writer,
                            const SelectedComponent& c,
                            const MediaFileSet& set) {
  std::wstring volume;
  const std::wstring device = DeviceFor(set.path, &volume);
  if (device.empty()) {
    *error_ = metadata::ToUtf8(set.path) + " is on no volume of the snapshot set";
    return VSS_E_OBJECT_NOT_FOUND;
  }
  const fs::path root = HostPath(device + set.path.substr(volume.size()));
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return S_OK;  // No files.
  auto visit = [&](const fs::directory_entry& entry) -> HRESULT {
    if (!entry.is_regular_file(ec)) return S_OK;
    const fs::path relative = entry.path().lexically_relative(root);
    std::wstring folder = set.path;
    const fs::path parent = relative.parent_path();
    for (const fs::path& part : parent) folder += L"\\" + paths::WideFromPath(part);
    const std::wstring name = paths::WideFromPath(relative.filename());
    if (!paths::MatchesFilespec(name, set.filespec)) return S_OK;
    return CopyOne(writer, c, set, entry.path(), folder, name);
  };
  // Listed first and sorted, so the copy (and the manifest) come out in the
  // same order on every host.
  std::vector<fs::directory_entry> entries;
  if (set.recursive) {
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end;
         it.increment(ec)) {
      entries.push_back(*it);
    }
  } else {
    for (fs::directory_iterator it(root, ec), end; !ec && it != end;
         it.increment(ec)) {
      entries.push_back(*it);
    }
  }
  std::sort(entries.begin(), entries.end());
  HRESULT hr = S_OK;
  for (size_t i = 0; i < entries.size() && SUCCEEDED(hr); ++i) {
    hr = visit(entries[i]);
  }
  if (SUCCEEDED(hr) && ec) {
    *error_ = "cannot list " + metadata::ToUtf8(set.path) + " in the snapshot";
    hr = E_FAIL;
  }
  return hr;
}

HRESULT Copier::CopyComponent(const SelectedComponent& selected) {
  for (const WriterFiles& writer : writers_) {
    if (writer.instance_id != selected.instance_id) continue;
    const std::wstring full =
        metadata::FullComponentPath(selected.logical_path, selected.name);
    for (const ComponentFiles* c : writer.ComponentSet(full)) {
      for (const FileSetWithTarget& set : c->file_sets) {
        if (!Wanted(set)) continue;
        HRESULT hr = CopyFileSet(writer, selected, set.set);
        if (FAILED(hr)) return hr;
      }
    }
  }
  return S_OK;
}

HRESULT Copier::Run() {
  HRESULT hr = ReadWriters();
  if (SUCCEEDED(hr)) hr = ReadDifferenced();
  for (size_t i = 0; i < result_->components.size() && SUCCEEDED(hr); ++i) {
    hr = CopyComponent(result_->components[i]);
  }
  if (SUCCEEDED(hr)) hr = WriteManifest(plan_.media, result_->files, error_);
  return hr;
}

}  // namespace

HRESULT CopyBackupFiles(IVssBackupComponents* backup, const BackupPlan& plan,
                        BackupResult* result, std::string* error) {
  return Copier(backup, plan, result, error).Run();
}

}  // namespace vssemu::scenario
