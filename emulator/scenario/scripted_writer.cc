#include "scenario/scripted_writer.h"

#include <chrono>
#include <stdexcept>

#include <vssemu/emulator.h>

#include "coordinator/service.h"

namespace vssemu::scenario {
namespace {

using coordinator::WriterEvent;

LPCWSTR OrNull(const std::wstring& text) {
  return text.empty() ? nullptr : text.c_str();
}

LPCWSTR OrNull(const std::optional<std::wstring>& text) {
  return text ? text->c_str() : nullptr;
}

// Returns text with every "{n}" replaced by delivery.
std::wstring Numbered(std::wstring text, int delivery) {
  const std::wstring number = std::to_wstring(delivery);
  for (size_t at = text.find(L"{n}"); at != std::wstring::npos;
       at = text.find(L"{n}", at + number.size())) {
    text.replace(at, 3, number);
  }
  return text;
}

}  // namespace

HRESULT ScriptedVssWriter::Start() {
  const metadata::WriterIdentity& id = spec_.metadata.identity;
  LPCWSTR instance = OrNull(id.instance_name);
  HRESULT hr =
      spec_.extended
          ? InitializeEx(id.writer_id, id.writer_name.c_str(), 1, 0, id.usage,
                         id.source, spec_.level, spec_.freeze_timeout_ms,
                         VSS_AWS_NO_ALTERNATE_WRITER, false, instance)
          : CVssWriter::Initialize(id.writer_id, id.writer_name.c_str(),
                                   id.usage, id.source, spec_.level,
                                   spec_.freeze_timeout_ms,
                                   VSS_AWS_NO_ALTERNATE_WRITER, false,
                                   instance);
  if (FAILED(hr) || !spec_.subscribe) return hr;
  return Subscribe();
}

bool ScriptedVssWriter::Describe(IVssCreateWriterMetadata* m) {
  const metadata::WriterMetadata& wmd = spec_.metadata;
  const metadata::RestoreMethod& r = wmd.restore_method;
  bool ok = SUCCEEDED(m->SetRestoreMethod(r.method, OrNull(r.service),
                                          OrNull(r.user_procedure),
                                          r.writer_restore, r.reboot_required));
  for (const metadata::FileSpec& a : wmd.alternate_location_mappings) {
    ok = ok && SUCCEEDED(m->AddAlternateLocationMapping(
                   a.path.c_str(), a.filespec.c_str(), a.recursive,
                   a.alternate_location->c_str()));
  }
  for (const metadata::FileSpec& x : wmd.exclude_files) {
    ok = ok && SUCCEEDED(m->AddExcludeFiles(x.path.c_str(), x.filespec.c_str(),
                                            x.recursive));
  }
  for (const metadata::Component& c : wmd.components) {
    ok = ok && SUCCEEDED(m->AddComponent(
                   c.type, OrNull(c.logical_path), c.name.c_str(),
                   OrNull(c.caption), nullptr, 0, false, false, c.selectable,
                   c.selectable_for_restore, c.component_flags));
    for (const metadata::FileSpec& f : c.files) {
      ok = ok && SUCCEEDED(m->AddFilesToFileGroup(
                     OrNull(c.logical_path), c.name.c_str(), f.path.c_str(),
                     f.filespec.c_str(), f.recursive,
                     OrNull(f.alternate_location), f.backup_type_mask));
    }
    for (const metadata::FileSpec& f : c.database_files) {
      ok = ok && SUCCEEDED(m->AddDatabaseFiles(OrNull(c.logical_path),
                                               c.name.c_str(), f.path.c_str(),
                                               f.filespec.c_str(),
                                               f.backup_type_mask));
    }
    for (const metadata::ComponentDependency& d : c.dependencies) {
      ok = ok && SUCCEEDED(m->AddComponentDependency(
                     OrNull(c.logical_path), c.name.c_str(), d.writer_id,
                     OrNull(d.logical_path), d.component_name.c_str()));
    }
    for (const metadata::FileSpec& f : c.database_log_files) {
      ok = ok && SUCCEEDED(m->AddDatabaseLogFiles(
                     OrNull(c.logical_path), c.name.c_str(), f.path.c_str(),
                     f.filespec.c_str(), f.backup_type_mask));
    }
  }
  if (wmd.backup_schema != 0) ok = ok && SUCCEEDED(m->SetBackupSchema(wmd.backup_schema));
  return ok;
}

const metadata::Component* ScriptedVssWriter::FindComponent(
    IVssComponent* c) const {
  BSTR path = nullptr, name = nullptr;
  c->GetLogicalPath(&path);
  c->GetComponentName(&name);
  const std::wstring logical_path = path != nullptr ? path : L"";
  const std::wstring component = name != nullptr ? name : L"";
  SysFreeString(path);
  SysFreeString(name);
  for (const metadata::Component& m : spec_.metadata.components) {
    if (m.logical_path == logical_path && m.name == component) return &m;
  }
  return nullptr;
}

bool ScriptedVssWriter::AddDifferenced(IVssComponent* c, uint64_t since) {
  const metadata::Component* m = FindComponent(c);
  if (m == nullptr) return false;
  const FILETIME t{static_cast<DWORD>(since & 0xFFFFFFFFu),
                   static_cast<DWORD>(since >> 32)};
  bool ok = true;
  for (const auto* sets : {&m->files, &m->database_files,
                           &m->database_log_files}) {
    for (const metadata::FileSpec& f : *sets) {
      ok = ok && SUCCEEDED(c->AddDifferencedFilesByLastModifyTime(
                     f.path.c_str(), f.filespec.c_str(), f.recursive, t));
    }
  }
  return ok;
}

bool ScriptedVssWriter::ChangeComponent(const EventBehaviour& b,
                                        IVssComponent* c, int delivery) {
  bool ok = true;
  if (b.backup_stamp) {
    const std::wstring stamp = Numbered(*b.backup_stamp, delivery);
    ok = ok && SUCCEEDED(c->SetBackupStamp(stamp.c_str()));
  }
  if (b.backup_metadata) {
    const std::wstring metadata = Numbered(*b.backup_metadata, delivery);
    ok = ok && SUCCEEDED(c->SetBackupMetadata(metadata.c_str()));
  }
  // Differenced files belong to incremental and differential backups only
  // (spec 12.5); in the others the writer names none, as a real one would.
  const VSS_BACKUP_TYPE type = GetBackupType();
  if (b.differenced_since &&
      (type == VSS_BT_INCREMENTAL || type == VSS_BT_DIFFERENTIAL)) {
    ok = ok && AddDifferenced(c, *b.differenced_since);
  }
  if (b.restore_target) {
    ok = ok && SUCCEEDED(c->SetRestoreTarget(*b.restore_target));
  }
  if (b.pre_restore_failure_msg) {
    ok = ok && SUCCEEDED(c->SetPreRestoreFailureMsg(
                   b.pre_restore_failure_msg->c_str()));
  }
  if (b.post_restore_failure_msg) {
    ok = ok && SUCCEEDED(c->SetPostRestoreFailureMsg(
                   b.post_restore_failure_msg->c_str()));
  }
  return ok;
}

bool ScriptedVssWriter::ChangeComponents(const EventBehaviour& b,
                                         IVssWriterComponents* components,
                                         int delivery) {
  const bool changes = b.backup_stamp || b.backup_metadata ||
                       b.differenced_since || b.restore_target ||
                       b.pre_restore_failure_msg || b.post_restore_failure_msg;
  if (components == nullptr || !changes) return true;
  UINT count = 0;
  if (FAILED(components->GetComponentCount(&count))) return false;
  bool ok = true;
  for (UINT i = 0; i < count; ++i) {
    IVssComponent* c = nullptr;
    if (FAILED(components->GetComponent(i, &c))) return false;
    ok = ChangeComponent(b, c, delivery) && ok;
    c->Release();
  }
  return ok;
}

bool ScriptedVssWriter::InjectedFailure(WriterEvent event) {
  // Identify, Abort and BackupShutdown are not vetoes a requester handles.
  switch (event) {
    case WriterEvent::kIdentify:
    case WriterEvent::kAbort:
    case WriterEvent::kBackupShutdown:
    case WriterEvent::kNone:
      return false;
    default:
      break;
  }
  coordinator::Service& service = *Emulator::Current().service();
  return service.choice_points().FaultFires(
      coordinator::FaultKind::kWriter,
      spec_.id + " " + std::string(coordinator::EventName(event)));
}

bool ScriptedVssWriter::Behave(WriterEvent event,
                               IVssWriterComponents* components) {
  auto it = spec_.behaviour.find(event);
  int delivery = ++deliveries_[event];
  if (InjectedFailure(event)) {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  if (it == spec_.behaviour.end()) return true;
  const EventBehaviour& b = it->second;
  if (b.first > 0 && delivery > b.first) return true;  // Recovered.
  if (b.take_ms > 0) SpendVirtualTime(std::chrono::milliseconds(b.take_ms));
  // A change that cannot be made is a writer bug; the callback then fails.
  if (!ChangeComponents(b, components, delivery)) return false;
  if (b.failure) {
    if (b.extended) {
      SetWriterFailureEx(*b.failure, b.application_hr,
                         OrNull(b.application_message));
    } else {
      SetWriterFailure(*b.failure);
    }
  }
  switch (b.outcome) {
    case EventBehaviour::Outcome::kReturnTrue: return true;
    case EventBehaviour::Outcome::kReturnFalse: return false;
    case EventBehaviour::Outcome::kThrow:
      throw std::runtime_error("scripted writer throws from a callback");
  }
  return true;
}

bool ScriptedVssWriter::OnIdentify(IVssCreateWriterMetadata* m) {
  return Describe(m) && Behave(WriterEvent::kIdentify);
}
bool ScriptedVssWriter::OnIdentifyEx(IVssCreateWriterMetadataEx* m) {
  return Describe(m) && Behave(WriterEvent::kIdentify);
}
bool ScriptedVssWriter::OnPrepareBackup(IVssWriterComponents* c) {
  return Behave(WriterEvent::kPrepareForBackup, c);
}
bool ScriptedVssWriter::OnPrepareSnapshot() {
  return Behave(WriterEvent::kPrepareForSnapshot);
}
bool ScriptedVssWriter::OnFreeze() { return Behave(WriterEvent::kFreeze); }
bool ScriptedVssWriter::OnThaw() { return Behave(WriterEvent::kThaw); }
bool ScriptedVssWriter::OnAbort() { return Behave(WriterEvent::kAbort); }
bool ScriptedVssWriter::OnPostSnapshot(IVssWriterComponents* c) {
  return Behave(WriterEvent::kPostSnapshot, c);
}
bool ScriptedVssWriter::OnBackupComplete(IVssWriterComponents* c) {
  return Behave(WriterEvent::kBackupComplete, c);
}
bool ScriptedVssWriter::OnBackupShutdown(VSS_ID) {
  return Behave(WriterEvent::kBackupShutdown);
}
bool ScriptedVssWriter::OnPreRestore(IVssWriterComponents* c) {
  return Behave(WriterEvent::kPreRestore, c);
}
bool ScriptedVssWriter::OnPostRestore(IVssWriterComponents* c) {
  return Behave(WriterEvent::kPostRestore, c);
}

}  // namespace vssemu::scenario
