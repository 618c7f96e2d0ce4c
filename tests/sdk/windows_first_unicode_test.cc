// A writer and a requester that include <windows.h> before the VSS headers,
// as Windows code does, with the Win32 A/W name macros in their
// UNICODE form. On Windows this is the real <windows.h>; elsewhere
// winshim's. Either way the SDK mirror must compile and work unchanged.
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <objbase.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>

#include <gtest/gtest.h>
#include <vssemu/emulator.h>

namespace {

class WindowsHeadersFirstUnicodeWriter : public CVssWriter {
 public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) override {
    return SUCCEEDED(pMetadata->SetRestoreMethod(
               VSS_RME_RESTORE_IF_CAN_REPLACE, NULL, NULL, VSS_WRE_ALWAYS,
               false)) &&
           SUCCEEDED(pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, L"Files",
                                             NULL, NULL, 0, false, false,
                                             true)) &&
           SUCCEEDED(pMetadata->AddFilesToFileGroup(NULL, L"Files", L"C:\\Data",
                                                    L"*", true, NULL));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
};

TEST(WindowsHeadersFirstUnicode, AWriterAndARequesterRunTheDiscovery) {
  vssemu::Emulator emulator;
  WindowsHeadersFirstUnicodeWriter writer;
  const VSS_ID id = {0x1b2c3d4e, 0x5f60, 0x4172, {0x83, 0x94, 0xa5, 0xb6, 0xc7, 0xd8, 0xe9, 0xfa}};
  ASSERT_EQ(writer.Initialize(id, L"windows-first writer", VSS_UT_USERDATA,
                              VSS_ST_OTHER),
            S_OK);
  ASSERT_EQ(writer.Subscribe(), S_OK);
  ASSERT_EQ(CoInitializeEx(NULL, COINIT_MULTITHREADED) >= 0, true);
  IVssBackupComponents* backup = NULL;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  ASSERT_EQ(backup->InitializeForBackup(NULL), S_OK);
  IVssAsync* async = NULL;
  ASSERT_EQ(backup->GatherWriterMetadata(&async), S_OK);
  HRESULT status = E_FAIL;
  EXPECT_EQ(async->Wait(INFINITE), S_OK);
  EXPECT_EQ(async->QueryStatus(&status, NULL), S_OK);
  EXPECT_EQ(status, VSS_S_ASYNC_FINISHED);
  async->Release();
  UINT count = 0;
  EXPECT_EQ(backup->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 1u);
  IVssBackupComponentsEx* ex = NULL;
  EXPECT_EQ(backup->QueryInterface(__uuidof(IVssBackupComponentsEx),
                                   reinterpret_cast<void**>(&ex)),
            S_OK);
  if (ex != NULL) ex->Release();
  backup->Release();
  CoUninitialize();
}

}  // namespace
