// Reading file sets out of writer metadata through the SDK interfaces.
#include "reference_requester/writer_files.h"

#include "metadata/wmd_model.h"
#include "paths/vss_paths.h"

namespace vssemu::scenario {
namespace {

std::wstring Take(BSTR s) {
  std::wstring out = s != NULL ? std::wstring(s) : std::wstring();
  SysFreeString(s);
  return out;
}

std::wstring Trimmed(std::wstring path) {
  while (path.size() > 3 && path.back() == L'\\') path.pop_back();
  return path;
}

// Reads one IVssWMFiledesc (and releases it).
HRESULT ReadFiledesc(IVssWMFiledesc* f, FileSetWithTarget* out) {
  BSTR path = NULL, spec = NULL, target = NULL;
  bool recursive = false;
  HRESULT hr = f->GetPath(&path);
  if (SUCCEEDED(hr)) hr = f->GetFilespec(&spec);
  if (SUCCEEDED(hr)) hr = f->GetRecursive(&recursive);
  if (SUCCEEDED(hr)) hr = f->GetAlternateLocation(&target);
  if (SUCCEEDED(hr)) hr = f->GetBackupTypeMask(&out->backup_type_mask);
  out->set = {Trimmed(Take(path)), Take(spec), recursive};
  out->target = Trimmed(Take(target));
  f->Release();
  return hr;
}

// Reads a component's file sets of one kind.
template <typename Getter>
HRESULT ReadSets(UINT count, Getter get, std::vector<FileSetWithTarget>* out,
                 bool log_files = false) {
  for (UINT i = 0; i < count; ++i) {
    IVssWMFiledesc* f = NULL;
    HRESULT hr = get(i, &f);
    if (FAILED(hr)) return hr;
    FileSetWithTarget set;
    hr = ReadFiledesc(f, &set);
    if (FAILED(hr)) return hr;
    set.log_files = log_files;
    out->push_back(std::move(set));
  }
  return S_OK;
}

HRESULT ReadComponent(IVssWMComponent* c, ComponentFiles* out) {
  PVSSCOMPONENTINFO info = NULL;
  HRESULT hr = c->GetComponentInfo(&info);
  if (FAILED(hr)) return hr;
  out->logical_path = info->bstrLogicalPath != NULL ? info->bstrLogicalPath : L"";
  out->name = info->bstrComponentName != NULL ? info->bstrComponentName : L"";
  const UINT files = info->cFileCount, dbs = info->cDatabases,
             logs = info->cLogFiles;
  c->FreeComponentInfo(info);
  hr = ReadSets(files, [c](UINT i, IVssWMFiledesc** f) { return c->GetFile(i, f); },
                &out->file_sets);
  if (SUCCEEDED(hr)) {
    hr = ReadSets(
        dbs, [c](UINT i, IVssWMFiledesc** f) { return c->GetDatabaseFile(i, f); },
        &out->file_sets);
  }
  if (SUCCEEDED(hr)) {
    hr = ReadSets(
        logs,
        [c](UINT i, IVssWMFiledesc** f) { return c->GetDatabaseLogFile(i, f); },
        &out->file_sets, true);
  }
  return hr;
}

}  // namespace

std::wstring ComponentFiles::FullPath() const {
  return metadata::FullComponentPath(logical_path, name);
}

bool InFileSet(const MediaFileSet& set, std::wstring_view folder,
               std::wstring_view name) {
  if (!paths::MatchesFilespec(name, set.filespec)) return false;
  if (paths::SameFolder(folder, set.path)) return true;
  return set.recursive && paths::IsAtOrBelow(folder, set.path);
}

std::vector<const ComponentFiles*> WriterFiles::ComponentSet(
    std::wstring_view full_path) const {
  std::vector<const ComponentFiles*> out;
  const std::wstring prefix = std::wstring(full_path) + L"\\";
  for (const ComponentFiles& c : components) {
    if (c.FullPath() == full_path || c.logical_path == full_path ||
        c.logical_path.starts_with(prefix)) {
      out.push_back(&c);
    }
  }
  return out;
}

bool WriterFiles::Excluded(std::wstring_view folder,
                           std::wstring_view name) const {
  for (const MediaFileSet& e : excludes) {
    if (InFileSet(e, folder, name)) return true;
  }
  return false;
}

const FileSetWithTarget* WriterFiles::MappingFor(const MediaFileSet& set) const {
  for (const FileSetWithTarget& m : alternate_mappings) {
    if (paths::SameFolder(m.set.path, set.path) &&
        paths::SameFolder(m.set.filespec, set.filespec) &&
        m.set.recursive == set.recursive) {
      return &m;
    }
  }
  return nullptr;
}

HRESULT ReadWriterFiles(IVssExamineWriterMetadata* md, WriterFiles* out) {
  BSTR name = NULL;
  VSS_USAGE_TYPE usage;
  VSS_SOURCE_TYPE source;
  HRESULT hr = md->GetIdentity(&out->instance_id, &out->writer_id, &name,
                               &usage, &source);
  SysFreeString(name);
  UINT includes = 0, excludes = 0, components = 0, mappings = 0;
  if (SUCCEEDED(hr)) hr = md->GetFileCounts(&includes, &excludes, &components);
  for (UINT i = 0; i < excludes && SUCCEEDED(hr); ++i) {
    IVssWMFiledesc* f = NULL;
    hr = md->GetExcludeFile(i, &f);
    FileSetWithTarget set;
    if (SUCCEEDED(hr)) hr = ReadFiledesc(f, &set);
    if (SUCCEEDED(hr)) out->excludes.push_back(set.set);
  }
  for (UINT i = 0; i < components && SUCCEEDED(hr); ++i) {
    IVssWMComponent* c = NULL;
    hr = md->GetComponent(i, &c);
    if (FAILED(hr)) break;
    ComponentFiles files;
    hr = ReadComponent(c, &files);
    c->Release();
    if (SUCCEEDED(hr)) out->components.push_back(std::move(files));
  }
  BSTR service = NULL, procedure = NULL;
  VSS_WRITERRESTORE_ENUM writer_restore;
  bool reboot = false;
  if (SUCCEEDED(hr)) {
    // S_FALSE: the writer gave no restore method.
    hr = md->GetRestoreMethod(&out->restore_method, &service, &procedure,
                              &writer_restore, &reboot, &mappings);
    SysFreeString(service);
    SysFreeString(procedure);
    if (hr == S_FALSE) mappings = 0;
  }
  for (UINT i = 0; i < mappings && SUCCEEDED(hr); ++i) {
    IVssWMFiledesc* f = NULL;
    hr = md->GetAlternateLocationMapping(i, &f);
    FileSetWithTarget set;
    if (SUCCEEDED(hr)) hr = ReadFiledesc(f, &set);
    if (SUCCEEDED(hr)) out->alternate_mappings.push_back(std::move(set));
  }
  return FAILED(hr) ? hr : S_OK;
}

}  // namespace vssemu::scenario
