// What a requester sees of a registered express writer: a writer like any
// other in GatherWriterMetadata and GatherWriterStatus, answered by VSS,
// whose components it selects and must report (docs/protocol.md Q40).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include <atlbase.h>
#include <vsbackup.h>
#include <vsserror.h>
#include <vswriter.h>
#include <vssemu/emulator.h>

namespace vssemu {
namespace {

using ::testing::Contains;
using ::testing::Field;

const VSS_ID kAppId = {0x5a5a0001, 0x1234, 0x4321,
                       {0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87}};

HRESULT Wait(IVssAsync* async) {
  if (async == nullptr) return E_POINTER;
  HRESULT hr = async->Wait();
  HRESULT status = S_OK;
  if (SUCCEEDED(hr)) hr = async->QueryStatus(&status, nullptr);
  async->Release();
  return FAILED(hr) ? hr : (status == VSS_S_ASYNC_FINISHED ? S_OK : status);
}

// Registers "App" with the file group "Files".
void RegisterApp() {
  CComPtr<IVssExpressWriter> writer;
  ASSERT_EQ(CreateVssExpressWriter(&writer), S_OK);
  CComPtr<IVssCreateExpressWriterMetadata> m;
  ASSERT_EQ(writer->CreateMetadata(kAppId, L"App", VSS_UT_USERDATA, 2, 1, 0, &m), S_OK);
  ASSERT_EQ(m->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, NULL, NULL,
                                VSS_WRE_NEVER, false),
            S_OK);
  ASSERT_EQ(m->AddComponent(VSS_CT_FILEGROUP, NULL, L"Files", L"App files", NULL, 0,
                            false, false, true),
            S_OK);
  ASSERT_EQ(m->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*", true, NULL,
                                   VSS_FSBT_FULL_BACKUP_REQUIRED |
                                       VSS_FSBT_ALL_SNAPSHOT_REQUIRED),
            S_OK);
  ASSERT_EQ(writer->Register(), S_OK);
}

class ExpressRequester : public ::testing::Test {
 protected:
  void SetUp() override {
    RegisterApp();
    ASSERT_EQ(CreateVssBackupComponents(&backup_), S_OK);
    ASSERT_EQ(backup_->InitializeForBackup(NULL), S_OK);
    ASSERT_EQ(backup_->SetBackupState(true, false, VSS_BT_FULL, false), S_OK);
    IVssAsync* async = nullptr;
    ASSERT_EQ(backup_->GatherWriterMetadata(&async), S_OK);
    ASSERT_EQ(Wait(async), S_OK);
  }

  // Adds the express writer's component "Files"; *instance is its
  // instance id.
  void AddFiles(VSS_ID* instance) {
    CComPtr<IVssExamineWriterMetadata> wmd;
    ASSERT_EQ(backup_->GetWriterMetadata(0, instance, &wmd), S_OK);
    ASSERT_EQ(backup_->AddComponent(*instance, kAppId, VSS_CT_FILEGROUP, NULL, L"Files"),
              S_OK);
  }
  // Gathers the writer status, which lists the express writer alone; its
  // instance, state and failure go to the out arguments.
  void OnlyStatus(VSS_ID* instance, VSS_WRITER_STATE* state, HRESULT* failure) {
    IVssAsync* async = nullptr;
    ASSERT_EQ(backup_->GatherWriterStatus(&async), S_OK);
    ASSERT_EQ(Wait(async), S_OK);
    UINT count = 0;
    ASSERT_EQ(backup_->GetWriterStatusCount(&count), S_OK);
    ASSERT_EQ(count, 1u);
    VSS_ID writer;
    CComBSTR name;
    ASSERT_EQ(backup_->GetWriterStatus(0, instance, &writer, &name, state, failure), S_OK);
    EXPECT_EQ(backup_->FreeWriterStatus(), S_OK);
  }

  Emulator emulator_;
  CComPtr<IVssBackupComponents> backup_;
};

TEST_F(ExpressRequester, GathersTheExpressWritersMetadataAndStableStatus) {
  UINT count = 0;
  ASSERT_EQ(backup_->GetWriterMetadataCount(&count), S_OK);
  ASSERT_EQ(count, 1u);
  VSS_ID instance = GUID_NULL;
  CComPtr<IVssExamineWriterMetadata> wmd;
  ASSERT_EQ(backup_->GetWriterMetadata(0, &instance, &wmd), S_OK);
  EXPECT_NE(instance, GUID_NULL);
  VSS_ID instance_id, writer_id;
  CComBSTR name;
  VSS_USAGE_TYPE usage;
  VSS_SOURCE_TYPE source;
  ASSERT_EQ(wmd->GetIdentity(&instance_id, &writer_id, &name, &usage, &source), S_OK);
  EXPECT_EQ(instance_id, instance);
  EXPECT_EQ(writer_id, kAppId);
  EXPECT_EQ(std::wstring(name), L"App");
  EXPECT_EQ(usage, VSS_UT_USERDATA);
  EXPECT_EQ(source, VSS_ST_OTHER);
  VSS_RESTOREMETHOD_ENUM method;
  CComBSTR service, user;
  VSS_WRITERRESTORE_ENUM writer_restore;
  bool reboot = true;
  UINT mappings = 9;
  ASSERT_EQ(wmd->GetRestoreMethod(&method, &service, &user, &writer_restore, &reboot,
                                  &mappings),
            S_OK);
  EXPECT_EQ(method, VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_EQ(writer_restore, VSS_WRE_NEVER);

  VSS_ID status_instance = GUID_NULL;
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  HRESULT failure = E_FAIL;
  ASSERT_NO_FATAL_FAILURE(OnlyStatus(&status_instance, &state, &failure));
  EXPECT_EQ(status_instance, instance);
  EXPECT_EQ(state, VSS_WS_STABLE);
  EXPECT_EQ(failure, S_OK);
  EXPECT_TRUE(emulator_.violations().empty());
}

TEST_F(ExpressRequester, ItsComponentsMustBeReportedLikeAnyOthers) {
  VSS_ID instance = GUID_NULL;
  ASSERT_NO_FATAL_FAILURE(AddFiles(&instance));
  EXPECT_EQ(backup_->AddComponent(instance, kAppId, VSS_CT_FILEGROUP, NULL, L"Nope"),
            VSS_E_OBJECT_NOT_FOUND);
  VSS_ID set = GUID_NULL, copy = GUID_NULL;
  ASSERT_EQ(backup_->StartSnapshotSet(&set), S_OK);
  ASSERT_EQ(backup_->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &copy),
            S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup_->PrepareForBackup(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  ASSERT_EQ(backup_->DoSnapshotSet(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  EXPECT_TRUE(emulator_.violations().empty());
  ASSERT_EQ(backup_->BackupComplete(&async), S_OK);  // Without SetBackupSucceeded.
  ASSERT_EQ(Wait(async), S_OK);
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "requester.component-not-reported")));
  // VSS answered every event for the express writer, which the trace
  // shows as callbacks of the writer.
  int callbacks = 0;
  for (const TraceEvent& e : emulator_.trace().events()) {
    if (e.kind == "callback" && e.Get("writer") == "App") ++callbacks;
  }
  EXPECT_EQ(callbacks, 7);  // Identify to BackupComplete.
}

// Q46: unregistered during a session, the express writer stops answering
// as a writer that left, and the next gather no longer lists it.
TEST_F(ExpressRequester, UnregisteredMidSessionItNoLongerResponds) {
  VSS_ID instance = GUID_NULL;
  ASSERT_NO_FATAL_FAILURE(AddFiles(&instance));
  CComPtr<IVssExpressWriter> writer;
  ASSERT_EQ(CreateVssExpressWriter(&writer), S_OK);
  ASSERT_EQ(writer->Unregister(kAppId), S_OK);
  VSS_ID set = GUID_NULL;
  ASSERT_EQ(backup_->StartSnapshotSet(&set), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup_->PrepareForBackup(&async), S_OK);
  Wait(async);
  VSS_ID status_instance = GUID_NULL;
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  HRESULT failure = S_OK;
  ASSERT_NO_FATAL_FAILURE(OnlyStatus(&status_instance, &state, &failure));
  EXPECT_EQ(failure, VSS_E_WRITER_NOT_RESPONDING);

  CComPtr<IVssBackupComponents> next;
  ASSERT_EQ(CreateVssBackupComponents(&next), S_OK);
  ASSERT_EQ(next->InitializeForBackup(NULL), S_OK);
  ASSERT_EQ(next->GatherWriterMetadata(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  UINT count = 9;
  ASSERT_EQ(next->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 0u);
}

// Restores the component "Files" from document; with_status says whether
// the requester reports how its files were restored before PostRestore.
void Restore(BSTR document, bool with_status) {
  CComPtr<IVssBackupComponents> restore;
  ASSERT_EQ(CreateVssBackupComponents(&restore), S_OK);
  ASSERT_EQ(restore->InitializeForRestore(document), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(restore->GatherWriterMetadata(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  ASSERT_EQ(restore->SetSelectedForRestore(kAppId, VSS_CT_FILEGROUP, NULL, L"Files", true),
            S_OK);
  ASSERT_EQ(restore->PreRestore(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  if (with_status) {
    ASSERT_EQ(restore->SetFileRestoreStatus(kAppId, VSS_CT_FILEGROUP, NULL, L"Files",
                                            VSS_RS_ALL),
              S_OK);
  }
  ASSERT_EQ(restore->PostRestore(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
}

TEST_F(ExpressRequester, ARestoreSaysHowItsFilesWereRestored) {
  VSS_ID instance = GUID_NULL;
  ASSERT_NO_FATAL_FAILURE(AddFiles(&instance));
  VSS_ID set = GUID_NULL;
  ASSERT_EQ(backup_->StartSnapshotSet(&set), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup_->PrepareForBackup(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  ASSERT_EQ(backup_->DoSnapshotSet(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  ASSERT_EQ(backup_->SetBackupSucceeded(instance, kAppId, VSS_CT_FILEGROUP, NULL, L"Files",
                                        true),
            S_OK);
  ASSERT_EQ(backup_->BackupComplete(&async), S_OK);
  ASSERT_EQ(Wait(async), S_OK);
  CComBSTR document;
  ASSERT_EQ(backup_->SaveAsXML(&document), S_OK);
  backup_.Release();
  ASSERT_TRUE(emulator_.violations().empty()) << emulator_.violations()[0].rule;

  Restore(document, true);
  EXPECT_TRUE(emulator_.violations().empty()) << emulator_.violations()[0].rule;
  Restore(document, false);
  EXPECT_THAT(emulator_.violations(),
              Contains(Field(&Violation::rule, "requester.express-restore-status-undefined")));
}

}  // namespace
}  // namespace vssemu
