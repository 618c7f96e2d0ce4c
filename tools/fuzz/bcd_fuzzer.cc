// vssemu_bcd_fuzzer: a Backup Components Document from any bytes. Each input
// is given to InitializeForRestore; a document that loads is read through
// every IVssWriterComponentsExt and IVssComponent(Ex, Ex2) getter, its
// components are selected for restore, and PreRestore and PostRestore run.
// The same bytes then go to InitializeForBackup of a second object. A
// crash, a hang (libFuzzer's -timeout) or a COM object or BSTR left alive
// aborts, so that libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <vsbackup.h>

#include "com/bstr.h"
#include "fuzz/fuzz_support.h"

namespace {

using vssemu::com::Bstr;

void ReadFiledesc(IVssWMFiledesc* file) {
  Bstr path, spec, alternate;
  file->GetPath(path.put());
  file->GetFilespec(spec.put());
  file->GetAlternateLocation(alternate.put());
  file->Release();
}

// Every getter a requester has on a component of a restore document.
void ReadComponent(IVssComponent* c) {
  Bstr text[12];
  VSS_COMPONENT_TYPE type;
  bool flag = false;
  UINT count = 0;
  c->GetLogicalPath(text[0].put());
  c->GetComponentType(&type);
  c->GetComponentName(text[1].put());
  c->GetBackupSucceeded(&flag);
  if (SUCCEEDED(c->GetAlternateLocationMappingCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      IVssWMFiledesc* file = nullptr;
      if (SUCCEEDED(c->GetAlternateLocationMapping(i, &file))) ReadFiledesc(file);
    }
  }
  c->GetBackupMetadata(text[2].put());
  if (SUCCEEDED(c->GetPartialFileCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      Bstr path, name, ranges, metadata;
      c->GetPartialFile(i, path.put(), name.put(), ranges.put(), metadata.put());
    }
  }
  c->IsSelectedForRestore(&flag);
  c->GetAdditionalRestores(&flag);
  if (SUCCEEDED(c->GetNewTargetCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      IVssWMFiledesc* file = nullptr;
      if (SUCCEEDED(c->GetNewTarget(i, &file))) ReadFiledesc(file);
    }
  }
  if (SUCCEEDED(c->GetDirectedTargetCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      Bstr a, b, r1, d, e, r2;
      c->GetDirectedTarget(i, a.put(), b.put(), r1.put(), d.put(), e.put(), r2.put());
    }
  }
  VSS_RESTORE_TARGET target;
  c->GetRestoreMetadata(text[3].put());
  c->GetRestoreTarget(&target);
  c->GetPreRestoreFailureMsg(text[4].put());
  c->GetPostRestoreFailureMsg(text[5].put());
  c->GetBackupStamp(text[6].put());
  c->GetPreviousBackupStamp(text[7].put());
  c->GetBackupOptions(text[8].put());
  c->GetRestoreOptions(text[9].put());
  if (SUCCEEDED(c->GetRestoreSubcomponentCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      Bstr path, name;
      bool repair = false;
      c->GetRestoreSubcomponent(i, path.put(), name.put(), &repair);
    }
  }
  VSS_FILE_RESTORE_STATUS status;
  c->GetFileRestoreStatus(&status);
  if (SUCCEEDED(c->GetDifferencedFilesCount(&count))) {
    for (UINT i = 0; i < count; ++i) {
      Bstr path, spec, lsn;
      BOOL recursive = FALSE;
      FILETIME time;
      c->GetDifferencedFile(i, path.put(), spec.put(), &recursive, lsn.put(), &time);
    }
  }
  IVssComponentEx2* ex2 = nullptr;
  if (SUCCEEDED(c->QueryInterface(__uuidof(IVssComponentEx2), reinterpret_cast<void**>(&ex2)))) {
    VSS_ROLLFORWARD_TYPE roll;
    ex2->GetPrepareForBackupFailureMsg(text[10].put());
    ex2->GetPostSnapshotFailureMsg(text[11].put());
    ex2->GetAuthoritativeRestore(&flag);
    Bstr point, name, message;
    ex2->GetRollForward(&roll, point.put());
    ex2->GetRestoreName(name.put());
    HRESULT hr = S_OK, application = S_OK;
    DWORD reserved = 0;
    ex2->GetFailure(&hr, &application, message.put(), &reserved);
    ex2->Release();
  }
}

// Runs an operation to its end and releases it.
void Finish(HRESULT started, IVssAsync* async) {
  if (SUCCEEDED(started) && async != nullptr) {
    async->Wait();
    async->Release();
  }
}

void Restore(IVssBackupComponents* backup) {
  UINT writers = 0;
  if (FAILED(backup->GetWriterComponentsCount(&writers))) return;
  for (UINT w = 0; w < writers; ++w) {
    IVssWriterComponentsExt* components = nullptr;
    if (FAILED(backup->GetWriterComponents(w, &components))) continue;
    VSS_ID instance, writer;
    components->GetWriterInfo(&instance, &writer);
    UINT count = 0;
    if (SUCCEEDED(components->GetComponentCount(&count))) {
      for (UINT i = 0; i < count; ++i) {
        IVssComponent* component = nullptr;
        if (FAILED(components->GetComponent(i, &component))) continue;
        ReadComponent(component);
        Bstr path, name;
        VSS_COMPONENT_TYPE type;
        if (SUCCEEDED(component->GetLogicalPath(path.put())) &&
            SUCCEEDED(component->GetComponentName(name.put())) &&
            SUCCEEDED(component->GetComponentType(&type))) {
          backup->SetSelectedForRestore(writer, type, path.get(), name.get(), true);
        }
        component->Release();
      }
    }
    components->Release();
  }
  IVssAsync* async = nullptr;
  Finish(backup->PreRestore(&async), async);
  async = nullptr;
  Finish(backup->PostRestore(&async), async);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return vssemu::fuzz::RunInput("vssemu_bcd_fuzzer", size, 1 << 20, [&] {
    Bstr xml(vssemu::fuzz::WideText(data, size));
    IVssBackupComponents* restore = nullptr;
    if (SUCCEEDED(CreateVssBackupComponents(&restore))) {
      if (SUCCEEDED(restore->InitializeForRestore(xml.get()))) Restore(restore);
      restore->Release();
    }
    IVssBackupComponents* backup = nullptr;
    if (SUCCEEDED(CreateVssBackupComponents(&backup))) {
      backup->InitializeForBackup(xml.get());
      backup->Release();
    }
  });
}
