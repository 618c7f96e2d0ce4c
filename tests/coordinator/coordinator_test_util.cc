#include "coordinator/coordinator_test_util.h"

#include <vsserror.h>

namespace vssemu::testing {

TestWriter::TestWriter(std::wstring name, VSS_APPLICATION_LEVEL level,
                       DWORD freeze_timeout_ms, bool use_ex)
    : name_(std::move(name)),
      level_(level),
      freeze_timeout_ms_(freeze_timeout_ms),
      use_ex_(use_ex) {
  // A stable class id per name, so traces do not depend on test order.
  uint32_t hash = 2166136261u;
  for (wchar_t c : name_) hash = (hash ^ static_cast<uint32_t>(c)) * 16777619u;
  class_id_ = {hash, 0x1234, 0x4321, {0x80, 0, 0, 0, 0, 0, 0, 1}};
}

HRESULT TestWriter::Start() {
  HRESULT hr = use_ex_ ? InitializeEx(class_id_, name_.c_str(), 1, 0,
                                      VSS_UT_USERDATA, VSS_ST_OTHER, level_,
                                      freeze_timeout_ms_)
                       : CVssWriter::Initialize(class_id_, name_.c_str(),
                                                VSS_UT_USERDATA, VSS_ST_OTHER,
                                                level_, freeze_timeout_ms_);
  if (FAILED(hr)) return hr;
  return Subscribe();
}

int TestWriter::Count(const std::string& event) const {
  int n = 0;
  for (const std::string& e : events_) n += e == event ? 1 : 0;
  return n;
}

bool TestWriter::Run(const std::string& event) {
  if (record_events) events_.push_back(event);
  auto it = scripts.find(event);
  if (it == scripts.end()) return true;
  const Script& s = it->second;
  if (s.action) s.action();
  if (s.failure) SetWriterFailureEx(*s.failure, s.app_hr, s.app_message);
  if (s.spend.count() > 0) SpendVirtualTime(s.spend);
  return s.returns;
}

bool TestWriter::Describe(IVssCreateWriterMetadata* metadata) {
  if (FAILED(metadata->SetRestoreMethod(restore_method, NULL, NULL,
                                        writer_restore, false))) {
    return false;
  }
  for (const std::wstring& component : components) {
    if (FAILED(metadata->AddComponent(VSS_CT_FILEGROUP, NULL,
                                      component.c_str(), NULL, NULL, 0, false,
                                      false, true)) ||
        FAILED(metadata->AddFilesToFileGroup(NULL, component.c_str(),
                                             L"C:\\Data", L"*", true, NULL))) {
      return false;
    }
  }
  if (backup_schema != 0 && FAILED(metadata->SetBackupSchema(backup_schema))) {
    return false;
  }
  return !describe_more || describe_more(metadata);
}

bool TestWriter::OnIdentify(IVssCreateWriterMetadata* metadata) {
  bool described = Describe(metadata);
  return Run("Identify") && described;
}

bool TestWriter::OnIdentifyEx(IVssCreateWriterMetadataEx* metadata) {
  bool described = Describe(metadata);
  return Run("IdentifyEx") && described;
}

bool TestWriter::OnPrepareBackup(IVssWriterComponents* components) {
  last_components = components;
  return Run("PrepareForBackup");
}

bool TestWriter::OnPrepareSnapshot() { return Run("PrepareForSnapshot"); }
bool TestWriter::OnFreeze() { return Run("Freeze"); }
bool TestWriter::OnThaw() { return Run("Thaw"); }

bool TestWriter::OnPostSnapshot(IVssWriterComponents* components) {
  last_components = components;
  return Run("PostSnapshot");
}

bool TestWriter::OnAbort() { return Run("Abort"); }

bool TestWriter::OnBackupComplete(IVssWriterComponents* components) {
  last_components = components;
  return Run("BackupComplete");
}

bool TestWriter::OnBackupShutdown(VSS_ID snapshot_set_id) {
  shutdown_set_id = snapshot_set_id;
  return Run("BackupShutdown");
}

bool TestWriter::OnPreRestore(IVssWriterComponents* components) {
  last_components = components;
  return Run("PreRestore");
}

bool TestWriter::OnPostRestore(IVssWriterComponents* components) {
  last_components = components;
  return Run("PostRestore");
}

Requester::Requester() {
  if (FAILED(CreateVssBackupComponents(&backup_))) backup_ = nullptr;
}

Requester::~Requester() { Release(); }

void Requester::Release() {
  if (backup_ != nullptr) {
    backup_->Release();
    backup_ = nullptr;
  }
}

HRESULT Requester::Run(
    HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*call)(IVssAsync**)) {
  IVssAsync* async = nullptr;
  HRESULT hr = (backup_->*call)(&async);
  if (FAILED(hr)) return hr;
  HRESULT status = E_FAIL;
  async->Wait(INFINITE);
  async->QueryStatus(&status, nullptr);
  async->Release();
  return status;
}

void RecordOrder(TestWriter& writer, const std::string& event,
                 std::vector<std::string>* order, const std::string& name) {
  writer.scripts[event].action = [order, name] { order->push_back(name); };
}

HRESULT Requester::Complete() {
  // Spec 9.5: SetBackupSucceeded for every added component first.
  UINT writers = 0;
  HRESULT hr = backup_->GetWriterComponentsCount(&writers);
  for (UINT i = 0; i < writers && SUCCEEDED(hr); ++i) {
    IVssWriterComponentsExt* components = nullptr;
    hr = backup_->GetWriterComponents(i, &components);
    if (FAILED(hr)) break;
    VSS_ID instance = GUID_NULL, writer = GUID_NULL;
    UINT count = 0;
    hr = components->GetWriterInfo(&instance, &writer);
    if (SUCCEEDED(hr)) hr = components->GetComponentCount(&count);
    for (UINT j = 0; j < count && SUCCEEDED(hr); ++j) {
      IVssComponent* c = nullptr;
      hr = components->GetComponent(j, &c);
      if (FAILED(hr)) break;
      BSTR path = nullptr, name = nullptr;
      VSS_COMPONENT_TYPE type = VSS_CT_FILEGROUP;
      c->GetLogicalPath(&path);
      c->GetComponentName(&name);
      c->GetComponentType(&type);
      hr = backup_->SetBackupSucceeded(instance, writer, type, path, name, true);
      SysFreeString(path);
      SysFreeString(name);
      c->Release();
    }
    components->Release();
  }
  if (FAILED(hr)) return hr;
  return Run(&IVssBackupComponents::BackupComplete);
}

HRESULT Requester::Init(bool component_mode, VSS_BACKUP_TYPE type) {
  HRESULT hr = backup_->InitializeForBackup(nullptr);
  if (FAILED(hr)) return hr;
  return backup_->SetBackupState(component_mode, false, type, false);
}

HRESULT Requester::Gather() {
  HRESULT hr = Run(&IVssBackupComponents::GatherWriterMetadata);
  return hr == VSS_S_ASYNC_FINISHED ? S_OK : hr;
}

HRESULT Requester::AddAllComponents() {
  UINT writers = 0;
  HRESULT hr = backup_->GetWriterMetadataCount(&writers);
  for (UINT i = 0; i < writers && SUCCEEDED(hr); ++i) {
    VSS_ID instance;
    IVssExamineWriterMetadata* metadata = nullptr;
    hr = backup_->GetWriterMetadata(i, &instance, &metadata);
    if (FAILED(hr)) break;
    VSS_ID instance_id, writer_id;
    BSTR name = nullptr;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    UINT includes, excludes, components;
    metadata->GetIdentity(&instance_id, &writer_id, &name, &usage, &source);
    SysFreeString(name);
    metadata->GetFileCounts(&includes, &excludes, &components);
    for (UINT c = 0; c < components && SUCCEEDED(hr); ++c) {
      IVssWMComponent* component = nullptr;
      hr = metadata->GetComponent(c, &component);
      if (FAILED(hr)) break;
      PVSSCOMPONENTINFO info = nullptr;
      component->GetComponentInfo(&info);
      // A nonselectable component below another is part of that one's
      // component set and is never added itself (spec 9.2).
      const bool subcomponent = !info->bSelectable &&
                                info->bstrLogicalPath != nullptr &&
                                SysStringLen(info->bstrLogicalPath) > 0;
      if (!subcomponent) {
        hr = backup_->AddComponent(instance, writer_id, info->type,
                                   info->bstrLogicalPath,
                                   info->bstrComponentName);
      }
      component->FreeComponentInfo(info);
      component->Release();
    }
    metadata->Release();
  }
  return hr;
}

HRESULT Requester::StartSet() {
  HRESULT hr = backup_->StartSnapshotSet(&set_id);
  if (FAILED(hr)) return hr;
  VSS_ID snapshot;
  return backup_->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL,
                                   &snapshot);
}

HRESULT Requester::Prepare(bool component_mode) {
  HRESULT hr = Init(component_mode);
  if (SUCCEEDED(hr)) hr = Gather();
  if (SUCCEEDED(hr) && component_mode) hr = AddAllComponents();
  if (SUCCEEDED(hr)) hr = StartSet();
  if (FAILED(hr)) return hr;
  hr = Run(&IVssBackupComponents::PrepareForBackup);
  return hr == VSS_S_ASYNC_FINISHED ? S_OK : hr;
}

HRESULT Requester::Snapshot() {
  HRESULT hr = Run(&IVssBackupComponents::DoSnapshotSet);
  return hr == VSS_S_ASYNC_FINISHED ? S_OK : hr;
}

VSS_WRITER_STATE Requester::StateOf(const std::wstring& name,
                                    HRESULT* failure) {
  if (Run(&IVssBackupComponents::GatherWriterStatus) != VSS_S_ASYNC_FINISHED) {
    return VSS_WS_UNKNOWN;
  }
  UINT count = 0;
  backup_->GetWriterStatusCount(&count);
  VSS_WRITER_STATE found = VSS_WS_UNKNOWN;
  for (UINT i = 0; i < count; ++i) {
    VSS_ID instance, writer;
    BSTR writer_name = nullptr;
    VSS_WRITER_STATE state;
    HRESULT hr_failure;
    backup_->GetWriterStatus(i, &instance, &writer, &writer_name, &state,
                             &hr_failure);
    if (writer_name != nullptr && name == writer_name) {
      found = state;
      if (failure != nullptr) *failure = hr_failure;
    }
    SysFreeString(writer_name);
  }
  backup_->FreeWriterStatus();
  return found;
}

std::vector<std::string> TraceLines(const Trace& trace,
                                    const std::string& kind) {
  std::vector<std::string> lines;
  for (const TraceEvent& event : trace.events()) {
    if (event.kind == kind) lines.push_back(event.ToLine());
  }
  return lines;
}

std::string LastRule(const Emulator& emulator) {
  return emulator.violations().empty() ? "" : emulator.violations().back().rule;
}

}  // namespace vssemu::testing
