// vssemu_writer_helpers_fuzzer: a writer that, at every event of a backup,
// calls the CVssWriter helpers the input chooses (SetWriterFailure and
// SetWriterFailureEx with any codes, GetSnapshotDeviceName,
// IsPathAffected, the volume array, the snapshot set, backup and restore
// types, the session id, ...), with names that are volumes, paths, garbage
// or NULL, and returns what the input says. The reference requester backs
// it up. A crash, a hang (libFuzzer's -timeout) or a COM object or BSTR
// left alive aborts, so that libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cwchar>

#include <vsbackup.h>
#include <vswriter.h>
#include <vssemu/emulator.h>

#include "fixtures/samples/reference_requester.h"
#include "fuzz/fuzz_support.h"

namespace {

using Bytes = vssemu::fuzz::ByteProgram;

// A name a helper may be given: a volume, a path, garbage or NULL.
const wchar_t* Name(Bytes& in) {
  static const wchar_t* const kNames[] = {
      L"C:\\", L"C:", L"c:\\data\\file.db", L"D:\\", L"", L"\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\",
      L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\", L"relative\\path", L"C:\\..\\..", nullptr};
  return kNames[in.Next() % (sizeof(kNames) / sizeof(kNames[0]))];
}

class FuzzedWriter : public CVssWriterEx2 {
 public:
  explicit FuzzedWriter(Bytes* in) : in_(in) {}

  HRESULT Start() {
    static const VSS_ID kId = {0xf022ed01, 0x1, 0x2, {3, 4, 5, 6, 7, 8, 9, 10}};
    HRESULT hr = Initialize(kId, L"Fuzzed Writer", VSS_UT_USERDATA, VSS_ST_OTHER,
                            static_cast<VSS_APPLICATION_LEVEL>(1 + in_->Next() % 3),
                            1000 + in_->Next() * 1000);
    return FAILED(hr) ? hr : Subscribe();
  }

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override {
    metadata->AddComponent(VSS_CT_FILEGROUP, nullptr, L"Files", nullptr, nullptr, 0, false,
                           true, true, false);
    metadata->AddFilesToFileGroup(nullptr, L"Files", L"C:\\Data", L"*", true, nullptr);
    return Event();
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents*) override { return Event(); }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return Event(); }
  bool STDMETHODCALLTYPE OnFreeze() override { return Event(); }
  bool STDMETHODCALLTYPE OnThaw() override { return Event(); }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents*) override { return Event(); }
  bool STDMETHODCALLTYPE OnAbort() override { return Event(); }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents*) override { return Event(); }
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID) override { return Event(); }

 private:
  // Calls the helpers the input chooses, then returns what it says.
  bool Event() {
    for (int calls = in_->Next() % 6; calls > 0; --calls) Helper();
    return in_->Next() % 8 != 0;
  }

  void Helper() {
    switch (in_->Next() % 16) {
      case 0: SetWriterFailure(static_cast<HRESULT>(in_->Next32())); break;
      case 1:
        SetWriterFailureEx(static_cast<HRESULT>(in_->Next32()), static_cast<HRESULT>(in_->Next32()),
                           Name(*in_));
        break;
      case 2: {
        LPCWSTR device = nullptr;
        GetSnapshotDeviceName(Name(*in_), in_->Next() % 4 == 0 ? nullptr : &device);
        break;
      }
      case 3: {
        const wchar_t* path = Name(*in_);
        if (path != nullptr) IsPathAffected(path);
        break;
      }
      case 4: {
        // Every name of the array is read, as a writer walking it does.
        LPCWSTR* volumes = GetCurrentVolumeArray();
        const UINT count = GetCurrentVolumeCount();
        for (UINT i = 0; volumes != nullptr && i < count; ++i) touched_ += std::wcslen(volumes[i]);
        break;
      }
      case 5: GetCurrentSnapshotSetId(); break;
      case 6: GetContext(); break;
      case 7: GetCurrentLevel(); break;
      case 8: IsBootableSystemStateBackedUp(); break;
      case 9: AreComponentsSelected(); break;
      case 10: GetBackupType(); break;
      case 11: GetRestoreType(); break;
      case 12: IsPartialFileSupportEnabled(); break;
      case 13: {
        VSS_ID session;
        GetSessionId(in_->Next() % 4 == 0 ? nullptr : &session);
        break;
      }
      case 14: IsWriterShuttingDown(); break;
      default: vssemu::SpendVirtualTime(std::chrono::milliseconds(in_->Next() * 500)); break;
    }
  }

  Bytes* in_;
  size_t touched_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return vssemu::fuzz::RunInput("vssemu_writer_helpers_fuzzer", size, 4096, [&] {
    Bytes in(data, size);
    FuzzedWriter writer(&in);
    if (SUCCEEDED(writer.Start())) {
      vssemu::samples::BackupPlan plan;
      plan.fail_on_writer_error = false;
      vssemu::samples::RunBackup(plan);
      writer.Unsubscribe();
    }
  });
}
