// What writers may change in the Backup Components Document, and when
// (spec 10.3, 15.3, 18.15, Q28), seen through a whole backup.
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

// Returns the first component the writer sees in its last callback.
IVssComponentEx* FirstComponent(TestWriter& writer) {
  if (writer.last_components == nullptr) return nullptr;
  IVssComponent* component = nullptr;
  if (FAILED(writer.last_components->GetComponent(0, &component))) return nullptr;
  IVssComponentEx* ex = nullptr;
  component->QueryInterface(IID_IVssComponentEx, reinterpret_cast<void**>(&ex));
  component->Release();
  return ex;
}

TEST(DocumentAccess, StampsAreWritableInPostSnapshotAndReadOnlyInBackupComplete) {
  Emulator emulator;
  TestWriter writer(L"W");
  HRESULT in_post = E_FAIL, in_complete = S_OK, failure_msg = E_FAIL,
          wrong_msg = S_OK;
  writer.scripts["PrepareForBackup"].action = [&] {
    IVssComponentEx* c = FirstComponent(writer);
    failure_msg = c->SetPrepareForBackupFailureMsg(L"low disk");
    wrong_msg = c->SetPostSnapshotFailureMsg(L"not now");
    c->Release();
  };
  writer.scripts["PostSnapshot"].action = [&] {
    IVssComponentEx* c = FirstComponent(writer);
    in_post = c->SetBackupStamp(L"lsn:42");
    c->Release();
  };
  writer.scripts["BackupComplete"].action = [&] {
    IVssComponentEx* c = FirstComponent(writer);
    in_complete = c->SetBackupStamp(L"lsn:43");
    c->Release();
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  ASSERT_EQ(requester.Run(&IVssBackupComponents::BackupComplete),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(failure_msg, S_OK);
  EXPECT_EQ(wrong_msg, VSS_E_BAD_STATE);
  EXPECT_EQ(in_post, S_OK);
  EXPECT_EQ(in_complete, VSS_E_BAD_STATE);
  // The requester reads what the writer stored.
  IVssWriterComponentsExt* components = nullptr;
  ASSERT_EQ(requester->GetWriterComponents(0, &components), S_OK);
  IVssComponent* component = nullptr;
  ASSERT_EQ(components->GetComponent(0, &component), S_OK);
  BSTR stamp = nullptr, message = nullptr;
  ASSERT_EQ(component->GetBackupStamp(&stamp), S_OK);
  EXPECT_EQ(std::wstring(stamp), L"lsn:42");
  IVssComponentEx* ex = nullptr;
  ASSERT_EQ(component->QueryInterface(IID_IVssComponentEx,
                                      reinterpret_cast<void**>(&ex)),
            S_OK);
  ASSERT_EQ(ex->GetPrepareForBackupFailureMsg(&message), S_OK);
  EXPECT_EQ(std::wstring(message), L"low disk");
  // Requester views are read-only.
  EXPECT_EQ(component->SetBackupStamp(L"x"), VSS_E_BAD_STATE);
  SysFreeString(stamp);
  SysFreeString(message);
  ex->Release();
  component->Release();
  components->Release();
}

TEST(DocumentAccess, PreviousStampsReachTheWriter) {
  Emulator emulator;
  TestWriter writer(L"W");
  std::wstring seen;
  writer.scripts["PrepareForBackup"].action = [&] {
    IVssComponentEx* c = FirstComponent(writer);
    BSTR stamp = nullptr;
    c->GetPreviousBackupStamp(&stamp);
    if (stamp != nullptr) seen = stamp;
    SysFreeString(stamp);
    c->Release();
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(true, VSS_BT_INCREMENTAL), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(r.AddAllComponents(), S_OK);
  ASSERT_EQ(r->SetPreviousBackupStamp(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"lsn:41"),
            S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(seen, L"lsn:41");
  EXPECT_EQ(r->SetPreviousBackupStamp(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"late"),
            VSS_E_BAD_STATE);
}

}  // namespace
}  // namespace vssemu::testing
