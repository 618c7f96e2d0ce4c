// vssemu_api_fuzzer: IVssBackupComponents and IVssAsync calls in any order,
// with NULL, garbage and good arguments, against the sample writer. The
// input is a program: each byte picks a call on one of two backup objects
// (early Release included) and the following bytes its arguments. Every
// call must return an HRESULT (whatever the emulator answers, it must not
// crash or hang), and once everything is released no COM object or BSTR
// may be left alive. A failure aborts, so that libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>

#include <string>

#include <vsbackup.h>
#include <vsserror.h>
#include <vswriter.h>

#include "com/bstr.h"
#include "fixtures/samples/sample_writer.h"
#include "fuzz/fuzz_support.h"

namespace {

using vssemu::com::Bstr;

using Bytes = vssemu::fuzz::ByteProgram;

const wchar_t* Name(Bytes& in) {
  static const wchar_t* const kNames[] = {L"C:\\", L"C:", L"D:\\", L"", L"garbage\\path",
                                          L"SampleFiles", L"Databases", L"Orders", nullptr};
  return kNames[in.Next() % (sizeof(kNames) / sizeof(kNames[0]))];
}

VSS_ID Id(Bytes& in, const VSS_ID& known) {
  switch (in.Next() % 3) {
    case 0: return known;
    case 1: return GUID_NULL;
    default: {
      VSS_ID id = GUID_NULL;
      id.Data1 = in.Next();
      return id;
    }
  }
}

// One requester's objects.
struct Slot {
  IVssBackupComponents* backup = nullptr;
  IVssAsync* async = nullptr;
  VSS_ID set = GUID_NULL;
  VSS_ID snapshot = GUID_NULL;

  void ReleaseAsync() {
    if (async != nullptr) async->Release();
    async = nullptr;
  }
  // An application's express writer objects.
  IVssExpressWriter* express = nullptr;
  IVssCreateExpressWriterMetadata* metadata = nullptr;

  void ReleaseMetadata() {
    if (metadata != nullptr) metadata->Release();
    metadata = nullptr;
  }
  void Release() {
    ReleaseAsync();
    if (backup != nullptr) backup->Release();
    backup = nullptr;
    ReleaseMetadata();
    if (express != nullptr) express->Release();
    express = nullptr;
  }
};

const VSS_ID kExpressId = {0x0e0e0e0e, 0x1, 0x2, {3, 4, 5, 6, 7, 8, 9, 10}};

// Loads the document the slot's builder saves, cut short or whole.
void LoadSaved(Slot& s, Bytes& in) {
  BSTR xml = nullptr;
  if (s.metadata == nullptr || FAILED(s.metadata->SaveAsXML(&xml))) return;
  std::wstring text(xml, SysStringLen(xml));
  SysFreeString(xml);
  const size_t keep = text.size() * (in.Next() % 5) / 4;  // 0 to whole.
  text.resize(keep);
  s.express->LoadMetadata(text.c_str(), in.Next() % 4 == 0 ? 1 : 0);
}

// One express writer call: create, describe, register, unregister; a
// writer registered or unregistered in the middle of a backup included.
void ExpressCall(Slot& s, Bytes& in) {
  if (s.express == nullptr) {
    CreateVssExpressWriter(in.Next() % 16 == 0 ? nullptr : &s.express);
    return;
  }
  IVssCreateExpressWriterMetadata* m = s.metadata;
  switch (in.Next() % 7) {
    case 0:
      s.ReleaseMetadata();
      s.express->CreateMetadata(Id(in, kExpressId), in.Flag() ? nullptr : L"Express",
                                static_cast<VSS_USAGE_TYPE>(in.Next() % 6), 1, 0,
                                in.Next() % 4 == 0 ? 1 : 0,
                                in.Next() % 8 == 0 ? nullptr : &s.metadata);
      break;
    case 1:
      if (m != nullptr) {
        m->AddComponent(static_cast<VSS_COMPONENT_TYPE>(in.Next() % 4), Name(in), Name(in),
                        nullptr, nullptr, 0, in.Flag(), in.Flag(), in.Flag(), in.Flag(),
                        in.Next() % 8);
      }
      break;
    case 2:
      if (m != nullptr) {
        m->AddFilesToFileGroup(Name(in), Name(in), Name(in), in.Flag() ? L"*" : nullptr,
                               in.Flag(), in.Flag() ? nullptr : L"D:\\Alt",
                               static_cast<DWORD>(in.Next()) * 0x101u);
      }
      break;
    case 3:
      if (m != nullptr) {
        m->SetRestoreMethod(static_cast<VSS_RESTOREMETHOD_ENUM>(in.Next() % 10),
                            in.Flag() ? nullptr : L"Svc", nullptr,
                            static_cast<VSS_WRITERRESTORE_ENUM>(in.Next() % 4), in.Flag());
      }
      break;
    case 4: s.express->Register(); break;
    case 5: s.express->Unregister(Id(in, kExpressId)); break;
    default: LoadSaved(s, in); break;
  }
}

// Starts an operation; keeps its IVssAsync (or passes NULL when the input
// says so).
void Start(Slot& s, Bytes& in, HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*call)(IVssAsync**)) {
  s.ReleaseAsync();
  (s.backup->*call)(in.Next() % 8 == 0 ? nullptr : &s.async);
}

void Call(Slot& s, Bytes& in) {
  const uint8_t op = in.Next() % 28;
  if (op >= 26) {
    ExpressCall(s, in);
    return;
  }
  if (op == 0) {
    if (s.backup == nullptr) CreateVssBackupComponents(&s.backup);
    return;
  }
  if (s.backup == nullptr) return;
  IVssBackupComponents* b = s.backup;
  switch (op) {
    case 1: s.Release(); break;
    case 2: {
      Bstr xml(in.Flag() ? L"<garbage" : L"");
      b->InitializeForBackup(in.Flag() ? nullptr : xml.get());
      break;
    }
    case 3: {
      Bstr xml(L"<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\"/>");
      b->InitializeForRestore(in.Flag() ? nullptr : xml.get());
      break;
    }
    case 4:
      b->SetBackupState(in.Flag(), in.Flag(), static_cast<VSS_BACKUP_TYPE>(in.Next() % 8),
                        in.Flag());
      break;
    case 5: {
      static const LONG kContexts[] = {VSS_CTX_BACKUP, VSS_CTX_FILE_SHARE_BACKUP,
                                       VSS_CTX_NAS_ROLLBACK, VSS_CTX_APP_ROLLBACK,
                                       VSS_CTX_CLIENT_ACCESSIBLE, VSS_CTX_ALL, 0x7fffffff};
      b->SetContext(kContexts[in.Next() % 7]);
      break;
    }
    case 6: Start(s, in, &IVssBackupComponents::GatherWriterMetadata); break;
    case 7:
      if (s.async != nullptr) {
        HRESULT status = S_OK;
        switch (in.Next() % 4) {
          case 0: s.async->Wait(); break;
          case 1: s.async->QueryStatus(in.Flag() ? nullptr : &status, nullptr); break;
          case 2: s.async->Cancel(); break;
          default: s.ReleaseAsync(); break;
        }
      }
      break;
    case 8: {
      UINT count = 0;
      b->GetWriterMetadataCount(in.Flag() ? nullptr : &count);
      VSS_ID instance;
      IVssExamineWriterMetadata* metadata = nullptr;
      b->GetWriterMetadata(in.Next() % 4, in.Flag() ? nullptr : &instance,
                           in.Flag() ? nullptr : &metadata);
      if (metadata != nullptr) metadata->Release();
      break;
    }
    case 9: b->FreeWriterMetadata(); break;
    case 10:
      b->AddComponent(GUID_NULL, Id(in, vssemu::samples::SampleWriter::kWriterId),
                      in.Flag() ? VSS_CT_FILEGROUP : VSS_CT_DATABASE, Name(in), Name(in));
      break;
    case 11: b->StartSnapshotSet(in.Flag() ? nullptr : &s.set); break;
    case 12: b->AddToSnapshotSet(const_cast<VSS_PWSZ>(Name(in)), GUID_NULL,
                                 in.Flag() ? nullptr : &s.snapshot);
      break;
    case 13: Start(s, in, &IVssBackupComponents::PrepareForBackup); break;
    case 14: Start(s, in, &IVssBackupComponents::DoSnapshotSet); break;
    case 15: Start(s, in, &IVssBackupComponents::BackupComplete); break;
    case 16: b->AbortBackup(); break;
    case 17: {
      Start(s, in, &IVssBackupComponents::GatherWriterStatus);
      UINT count = 0;
      b->GetWriterStatusCount(&count);
      VSS_ID instance, writer;
      Bstr name;
      VSS_WRITER_STATE state;
      HRESULT failure = S_OK;
      b->GetWriterStatus(in.Next() % 4, &instance, &writer, in.Flag() ? nullptr : name.put(),
                         &state, &failure);
      break;
    }
    case 18: b->FreeWriterStatus(); break;
    case 19: {
      Bstr xml;
      b->SaveAsXML(in.Flag() ? nullptr : xml.put());
      break;
    }
    case 20:
      b->SetBackupSucceeded(GUID_NULL, Id(in, vssemu::samples::SampleWriter::kWriterId),
                            VSS_CT_FILEGROUP, Name(in), Name(in), in.Flag());
      break;
    case 21: {
      VSS_SNAPSHOT_PROP properties = {};
      if (SUCCEEDED(b->GetSnapshotProperties(Id(in, s.snapshot), in.Flag() ? nullptr : &properties)) &&
          properties.m_pwszSnapshotDeviceObject != nullptr) {
        VssFreeSnapshotProperties(&properties);
      }
      break;
    }
    case 22: {
      LONG deleted = 0;
      VSS_ID bad;
      b->DeleteSnapshots(Id(in, s.set), in.Flag() ? VSS_OBJECT_SNAPSHOT_SET : VSS_OBJECT_SNAPSHOT,
                         in.Flag(), &deleted, &bad);
      break;
    }
    case 23: {
      BOOL supported = FALSE;
      b->IsVolumeSupported(GUID_NULL, const_cast<VSS_PWSZ>(Name(in)),
                           in.Flag() ? nullptr : &supported);
      break;
    }
    case 24: {
      const VSS_ID id = Id(in, vssemu::samples::SampleWriter::kWriterId);
      if (in.Flag()) {
        b->DisableWriterClasses(&id, 1);
      } else {
        b->EnableWriterClasses(&id, 1);
      }
      break;
    }
    default:
      if (in.Flag()) {
        Start(s, in, &IVssBackupComponents::PreRestore);
      } else {
        Start(s, in, &IVssBackupComponents::PostRestore);
      }
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return vssemu::fuzz::RunInput("vssemu_api_fuzzer", size, 4096, [&] {
    vssemu::samples::SampleWriter writer;
    if (SUCCEEDED(writer.Initialize()) && SUCCEEDED(writer.Subscribe())) {
      Bytes in(data, size);
      Slot slots[2];
      while (in.More()) Call(slots[in.Next() % 2], in);
      for (Slot& s : slots) s.Release();
      writer.Unsubscribe();
    }
  });
}
