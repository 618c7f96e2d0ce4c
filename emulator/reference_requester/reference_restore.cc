#include "reference_requester/reference_restore.h"

#include <fstream>
#include <iterator>
#include <map>
#include <system_error>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#include "com/guid_format.h"
#include "metadata/wmd_model.h"
#include "metadata/xml_util.h"
#include "paths/host_mapping.h"
#include "paths/vss_paths.h"
#include "reference_requester/step_runner.h"
#include "reference_requester/writer_files.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// A component of the stored document, as the restore handles it.
struct RestoreComponent {
  VSS_ID instance_id = GUID_NULL;
  VSS_ID writer_id = GUID_NULL;
  VSS_COMPONENT_TYPE type = VSS_CT_FILEGROUP;
  std::wstring logical_path;
  std::wstring name;
  bool with_writer = true;  // SetSelectedForRestore succeeded.
  VSS_RESTORE_TARGET target = VSS_RT_ORIGINAL;
  std::wstring full() const {
    return metadata::FullComponentPath(logical_path, name);
  }
  const wchar_t* path_arg() const {
    return logical_path.empty() ? NULL : logical_path.c_str();
  }
};

// Returns destination + the part of original below the file set's path.
std::wstring Rebase(const MediaFileSet& set, const std::wstring& original,
                    const std::wstring& destination) {
  return destination +
         original.substr(paths::WithoutTrailingBackslashes(set.path).size());
}

class RestoreRun {
 public:
  RestoreRun(const RestorePlan& plan, RestoreResult* result)
      : plan_(plan),
        result_(result),
        steps_(plan.wait, plan.after_step, &result->hr, &result->failed_step,
               &result->steps) {}

  void Run();

 private:
  bool Initialize();
  bool ReadComponents(bool targets);
  bool LoadStoredMetadata();
  bool Select();
  bool GatherStatus(const char* after, std::vector<WriterStatusRow>* rows);
  bool CopyComponent(RestoreComponent& c);
  std::wstring DestinationOf(const RestoreComponent& c, const MediaFile& f,
                             const WriterFiles* writer, bool* mapped) const;
  bool Wanted(const std::wstring& full) const;

  const RestorePlan& plan_;
  RestoreResult* result_;
  StepRunner steps_;
  IVssBackupComponents* backup_ = NULL;
  std::vector<RestoreComponent> components_;
  std::vector<MediaFile> media_files_;
  std::map<std::wstring, WriterFiles> stored_;  // By instance id text.
};

bool RestoreRun::Wanted(const std::wstring& full) const {
  if (plan_.components.empty()) return true;
  for (const std::wstring& c : plan_.components) {
    if (c == full) return true;
  }
  return false;
}

bool RestoreRun::Initialize() {
  std::wstring bcd;
  std::string error;
  if (FAILED(ReadText(plan_.media, L"bcd.xml", &bcd)) ||
      FAILED(ReadManifest(plan_.media, &media_files_, &error))) {
    result_->message = error.empty() ? "the media has no bcd.xml" : error;
    return steps_.Fail("ReadMedia", VSS_E_OBJECT_NOT_FOUND);
  }
  if (!steps_.Check("CreateVssBackupComponents",
                    CreateVssBackupComponents(&backup_))) {
    backup_ = NULL;
    return false;
  }
  BSTR xml = SysAllocStringLen(bcd.data(), static_cast<UINT>(bcd.size()));
  HRESULT hr = backup_->InitializeForRestore(xml);
  SysFreeString(xml);
  if (!steps_.Check("InitializeForRestore", hr)) return false;
  if (!steps_.Check("SetRestoreState", backup_->SetRestoreState(plan_.type))) {
    return false;
  }
  IVssAsync* async = NULL;
  hr = backup_->GatherWriterMetadata(&async);
  return steps_.RunAsync("GatherWriterMetadata", async, hr);
}

// Reads the document's components (targets: also each restore target the
// writers set in PreRestore, spec 11.1 step 12).
bool RestoreRun::ReadComponents(bool targets) {
  UINT writers = 0;
  HRESULT hr = backup_->GetWriterComponentsCount(&writers);
  for (UINT i = 0; i < writers && SUCCEEDED(hr); ++i) {
    IVssWriterComponentsExt* ext = NULL;
    hr = backup_->GetWriterComponents(i, &ext);
    if (FAILED(hr)) break;
    VSS_ID instance = GUID_NULL, writer = GUID_NULL;
    UINT count = 0;
    hr = ext->GetWriterInfo(&instance, &writer);
    if (SUCCEEDED(hr)) hr = ext->GetComponentCount(&count);
    for (UINT c = 0; c < count && SUCCEEDED(hr); ++c) {
      IVssComponent* component = NULL;
      hr = ext->GetComponent(c, &component);
      if (FAILED(hr)) break;
      RestoreComponent rc;
      rc.instance_id = instance;
      rc.writer_id = writer;
      BSTR path = NULL, name = NULL;
      component->GetComponentType(&rc.type);
      component->GetLogicalPath(&path);
      component->GetComponentName(&name);
      rc.logical_path = path != NULL ? path : L"";
      rc.name = name != NULL ? name : L"";
      SysFreeString(path);
      SysFreeString(name);
      if (!targets && Wanted(rc.full())) components_.push_back(rc);
      for (RestoreComponent& mine : components_) {
        if (targets && mine.instance_id == instance &&
            mine.full() == rc.full()) {
          component->GetRestoreTarget(&mine.target);
        }
      }
      component->Release();
    }
    ext->Release();
  }
  return steps_.Check("GetWriterComponents", hr);
}

bool RestoreRun::LoadStoredMetadata() {
  for (const RestoreComponent& c : components_) {
    const std::wstring key = com::FormatGuidW(c.instance_id);
    if (stored_.count(key) != 0) continue;
    std::wstring text;
    if (FAILED(ReadText(plan_.media, L"writers\\" + key + L".xml", &text))) {
      continue;  // A writer without stored metadata: original locations.
    }
    BSTR xml = SysAllocStringLen(text.data(), static_cast<UINT>(text.size()));
    IVssExamineWriterMetadata* md = NULL;
    HRESULT hr = CreateVssExamineWriterMetadata(xml, &md);
    SysFreeString(xml);
    if (!steps_.Check("CreateVssExamineWriterMetadata", hr)) return false;
    WriterFiles files;
    hr = ReadWriterFiles(md, &files);
    md->Release();
    if (!steps_.Check("ReadStoredMetadata", hr)) return false;
    stored_[key] = std::move(files);
  }
  return true;
}

bool RestoreRun::Select() {
  for (RestoreComponent& c : components_) {
    HRESULT hr = backup_->SetSelectedForRestore(c.writer_id, c.type,
                                                c.path_arg(), c.name.c_str(),
                                                true);
    if (hr == VSS_E_OBJECT_NOT_FOUND) {
      // Rule 2: the writer is not running; restore its files without it.
      c.with_writer = false;
      result_->without_writer.push_back(c.full());
      result_->steps.push_back("SetSelectedForRestore");
      continue;
    }
    if (!steps_.Check("SetSelectedForRestore", hr)) return false;
    for (const NewTarget& t : plan_.new_targets) {
      if (t.component != c.full()) continue;
      if (!steps_.Check("AddNewTarget",
                        backup_->AddNewTarget(
                            c.writer_id, c.type, c.path_arg(), c.name.c_str(),
                            t.file_set.path.c_str(), t.file_set.filespec.c_str(),
                            t.file_set.recursive, t.destination.c_str()))) {
        return false;
      }
    }
    if (plan_.additional_restores &&
        !steps_.Check("SetAdditionalRestores",
                      backup_->SetAdditionalRestores(c.writer_id, c.type,
                                                     c.path_arg(),
                                                     c.name.c_str(), true))) {
      return false;
    }
  }
  return true;
}

bool RestoreRun::GatherStatus(const char* after,
                              std::vector<WriterStatusRow>* rows) {
  return steps_.GatherStatus(backup_, after, plan_.fail_on_writer_error, rows);
}

std::wstring RestoreRun::DestinationOf(const RestoreComponent& c,
                                       const MediaFile& f,
                                       const WriterFiles* writer,
                                       bool* mapped) const {
  *mapped = false;
  for (const NewTarget& t : plan_.new_targets) {
    if (t.component == c.full() && paths::SameFolder(t.file_set.path, f.file_set.path) &&
        paths::SameFolder(t.file_set.filespec, f.file_set.filespec) &&
        t.file_set.recursive == f.file_set.recursive) {
      return Rebase(f.file_set, f.original, t.destination);
    }
  }
  const bool alternate =
      writer != nullptr &&
      (c.target == VSS_RT_ALTERNATE ||
       (writer->restore_method == VSS_RME_RESTORE_TO_ALTERNATE_LOCATION &&
        c.target != VSS_RT_ORIGINAL_LOCATION));
  if (alternate) {
    if (const FileSetWithTarget* m = writer->MappingFor(f.file_set)) {
      *mapped = true;
      return Rebase(f.file_set, f.original, m->target);
    }
  }
  return f.original;
}

bool RestoreRun::CopyComponent(RestoreComponent& c) {
  auto it = stored_.find(com::FormatGuidW(c.instance_id));
  const WriterFiles* writer = it != stored_.end() ? &it->second : nullptr;
  std::vector<std::pair<const MediaFile*, std::wstring>> plan;
  std::vector<const MediaFile*> mapped_sets;
  bool any_there = false;
  std::error_code ec;
  for (const MediaFile& f : media_files_) {
    if (f.instance_id != c.instance_id || f.component != c.full()) continue;
    bool mapped = false;
    std::wstring destination = DestinationOf(c, f, writer, &mapped);
    if (mapped) mapped_sets.push_back(&f);
    any_there = any_there || fs::exists(HostPath(destination), ec);
    plan.emplace_back(&f, std::move(destination));
  }
  // Spec 11.2: RESTORE_IF_NOT_THERE restores nothing if anything is there.
  const bool skip = writer != nullptr && any_there &&
                    writer->restore_method == VSS_RME_RESTORE_IF_NOT_THERE;
  bool failed = false;
  for (const auto& [file, destination] : plan) {
    RestoredFile r{c.full(), file->original, L"", file->media_path};
    const fs::path host = HostPath(destination);
    const fs::path media = paths::HostPathBelow(plan_.media, file->media_path);
    if (!skip && !host.empty() && CopyHostFile(media, host) >= 0) {
      r.destination = destination;
    } else if (!skip) {
      failed = true;
    }
    result_->files.push_back(std::move(r));
  }
  if (!c.with_writer) return true;
  for (const MediaFile* f : mapped_sets) {
    const FileSetWithTarget* m = writer->MappingFor(f->file_set);
    if (!steps_.Check("AddAlternativeLocationMapping",
                      backup_->AddAlternativeLocationMapping(
                          c.writer_id, c.type, c.path_arg(), c.name.c_str(),
                          f->file_set.path.c_str(),
                          f->file_set.filespec.c_str(), f->file_set.recursive,
                          m->target.c_str()))) {
      return false;
    }
    break;  // One mapping per file set is enough; the sets repeat per file.
  }
  const VSS_FILE_RESTORE_STATUS status =
      skip ? VSS_RS_NONE : (failed ? VSS_RS_FAILED : VSS_RS_ALL);
  return steps_.Check("SetFileRestoreStatus",
                      backup_->SetFileRestoreStatus(c.writer_id, c.type,
                                                    c.path_arg(),
                                                    c.name.c_str(), status));
}

void RestoreRun::Run() {
  bool ok = Initialize() && ReadComponents(false) && LoadStoredMetadata() &&
            Select();
  if (ok) {
    IVssAsync* async = NULL;
    HRESULT hr = backup_->PreRestore(&async);
    ok = steps_.RunAsync("PreRestore", async, hr) &&
         GatherStatus("PreRestore", &result_->status_after_pre_restore) &&
         ReadComponents(true);
  }
  for (size_t i = 0; ok && i < components_.size(); ++i) {
    ok = CopyComponent(components_[i]);
  }
  if (ok) {
    IVssAsync* async = NULL;
    HRESULT hr = backup_->PostRestore(&async);
    ok = steps_.RunAsync("PostRestore", async, hr) &&
         GatherStatus("PostRestore", &result_->status_after_post_restore);
  }
  if (backup_ == NULL) return;
  result_->steps.push_back("Release");
  backup_->Release();
  backup_ = NULL;
}

// Returns the bytes of a host file, or false.
bool ReadBytes(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in),
                std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

RestoreResult RunRestore(const RestorePlan& plan) {
  RestoreResult result;
  RestoreRun(plan, &result).Run();
  return result;
}

std::vector<std::string> VerifyRestoredFiles(const RestorePlan& plan,
                                             const RestoreResult& result) {
  std::vector<std::string> problems;
  for (const RestoredFile& f : result.files) {
    if (f.destination.empty()) continue;
    std::string expected, actual;
    const std::string where = metadata::ToUtf8(f.destination);
    const fs::path media = paths::HostPathBelow(plan.media, f.media_path);
    if (!ReadBytes(media, &expected)) {
      problems.push_back("the media copy of " + metadata::ToUtf8(f.original) +
                         " is missing");
    } else if (!ReadBytes(HostPath(f.destination), &actual)) {
      problems.push_back(where + " was not restored");
    } else if (actual != expected) {
      problems.push_back(where + " differs from the backed-up bytes");
    }
  }
  return problems;
}

}  // namespace vssemu::scenario
