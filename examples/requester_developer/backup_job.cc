#include "backup_job.h"

#include <vector>

#include <vswriter.h>
#include <vsbackup.h>

namespace {

struct Component {
  VSS_ID instance;
  VSS_ID writer;
  VSS_COMPONENT_TYPE type;
  BSTR path;
  BSTR name;
};

// Waits for an operation and returns its outcome.
HRESULT Finish(IVssAsync* async) {
  HRESULT status = VSS_S_ASYNC_PENDING;
  HRESULT hr = async->Wait(INFINITE);
  while (SUCCEEDED(hr) && (hr = async->QueryStatus(&status, NULL), SUCCEEDED(hr)) &&
         status == VSS_S_ASYNC_PENDING) {
    hr = async->Wait(INFINITE);
  }
  async->Release();
  if (FAILED(hr)) return hr;
  return status == VSS_S_ASYNC_FINISHED ? S_OK : (FAILED(status) ? status : E_FAIL);
}

HRESULT CollectComponents(IVssBackupComponents* backup, std::vector<Component>* out) {
  UINT writers = 0;
  HRESULT hr = backup->GetWriterMetadataCount(&writers);
  for (UINT i = 0; SUCCEEDED(hr) && i < writers; ++i) {
    VSS_ID instance = GUID_NULL;
    IVssExamineWriterMetadata* metadata = NULL;
    hr = backup->GetWriterMetadata(i, &instance, &metadata);
    if (FAILED(hr)) break;
    VSS_ID instance_id, writer_id;
    BSTR name = NULL;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    UINT includes = 0, excludes = 0, count = 0;
    hr = metadata->GetIdentity(&instance_id, &writer_id, &name, &usage, &source);
    SysFreeString(name);
    if (SUCCEEDED(hr)) hr = metadata->GetFileCounts(&includes, &excludes, &count);
    for (UINT c = 0; SUCCEEDED(hr) && c < count; ++c) {
      IVssWMComponent* component = NULL;
      PVSSCOMPONENTINFO info = NULL;
      hr = metadata->GetComponent(c, &component);
      if (SUCCEEDED(hr)) hr = component->GetComponentInfo(&info);
      if (SUCCEEDED(hr)) {
        out->push_back(Component{instance_id, writer_id, info->type,
                                 SysAllocString(info->bstrLogicalPath),
                                 SysAllocString(info->bstrComponentName)});
        component->FreeComponentInfo(info);
      }
      if (component != NULL) component->Release();
    }
    metadata->Release();
  }
  return hr;
}

}  // namespace

HRESULT RunBackupJob(const BackupJobOptions& options) {
  IVssBackupComponents* backup = NULL;
  HRESULT hr = CreateVssBackupComponents(&backup);
  if (FAILED(hr)) return hr;
  std::vector<Component> components;
  IVssAsync* async = NULL;
  VSS_ID set_id = GUID_NULL, snapshot_id = GUID_NULL;
  hr = backup->InitializeForBackup(NULL);
  if (SUCCEEDED(hr)) hr = backup->SetBackupState(true, false, VSS_BT_FULL, false);
  if (SUCCEEDED(hr)) hr = backup->GatherWriterMetadata(&async);
  if (SUCCEEDED(hr)) hr = Finish(async);
  if (SUCCEEDED(hr)) hr = CollectComponents(backup, &components);
  for (const Component& c : components) {
    if (SUCCEEDED(hr)) hr = backup->AddComponent(c.instance, c.writer, c.type, c.path, c.name);
  }
  if (SUCCEEDED(hr)) hr = backup->StartSnapshotSet(&set_id);
  if (SUCCEEDED(hr)) hr = backup->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot_id);
  if (SUCCEEDED(hr)) hr = backup->PrepareForBackup(&async);
  if (SUCCEEDED(hr)) hr = Finish(async);
  if (SUCCEEDED(hr)) hr = backup->DoSnapshotSet(&async);
  if (SUCCEEDED(hr)) hr = Finish(async);
  if (SUCCEEDED(hr)) {
    // The files would be copied from the shadow copy here.
    for (const Component& c : components) {
      backup->SetBackupSucceeded(c.instance, c.writer, c.type, c.path, c.name, true);
    }
    hr = backup->BackupComplete(&async);
    if (SUCCEEDED(hr)) hr = Finish(async);
  } else if (!options.forget_abort_after_failure) {
    backup->AbortBackup();
  }
  for (const Component& c : components) {
    SysFreeString(c.path);
    SysFreeString(c.name);
  }
  backup->Release();
  return hr;
}
