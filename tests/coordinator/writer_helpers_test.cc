// The CVssWriter helper methods answer inside their documented windows
// (spec 13.2-13.4, 18.16) and give the documented "nothing" outside.
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

TEST(WriterHelpers, SnapshotDeviceNameOnlyInsidePostSnapshot) {
  Emulator emulator;
  TestWriter writer(L"W");
  HRESULT in_freeze = S_OK, in_post = E_FAIL, unknown_volume = S_OK;
  std::wstring device;
  writer.scripts["Freeze"].action = [&] {
    LPCWSTR name = nullptr;
    in_freeze = writer.GetSnapshotDeviceName(L"C:\\", &name);
  };
  writer.scripts["PostSnapshot"].action = [&] {
    LPCWSTR name = nullptr;
    in_post = writer.GetSnapshotDeviceName(L"C:\\", &name);
    if (name != nullptr) device = name;
    unknown_volume = writer.GetSnapshotDeviceName(L"Z:\\", &name);
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(in_freeze, VSS_E_BAD_STATE);
  EXPECT_EQ(in_post, S_OK);
  EXPECT_EQ(device, L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
  EXPECT_EQ(unknown_volume, VSS_E_OBJECT_NOT_FOUND);
}

TEST(WriterHelpers, SnapshotSetIdAndVolumesInsideTheSequence) {
  Emulator emulator;
  TestWriter writer(L"W");
  VSS_ID in_freeze = GUID_NULL, in_prepare_backup = {1, 0, 0, {0}};
  UINT volumes = 0;
  std::wstring first_volume;
  bool affected = false, not_affected = true;
  writer.scripts["PrepareForBackup"].action = [&] {
    in_prepare_backup = writer.GetCurrentSnapshotSetId();
  };
  writer.scripts["Freeze"].action = [&] {
    in_freeze = writer.GetCurrentSnapshotSetId();
    volumes = writer.GetCurrentVolumeCount();
    LPCWSTR* array = writer.GetCurrentVolumeArray();
    if (array != nullptr) first_volume = array[0];
    affected = writer.IsPathAffected(L"C:\\Data\\db.mdf");
    not_affected = writer.IsPathAffected(L"D:\\Other");
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(in_freeze, requester.set_id);
  EXPECT_EQ(in_prepare_backup, GUID_NULL);  // Outside the sequence.
  EXPECT_EQ(volumes, 1u);
  EXPECT_EQ(first_volume, L"C:\\");
  EXPECT_TRUE(affected);
  EXPECT_FALSE(not_affected);
  // Outside any callback: nothing.
  EXPECT_EQ(writer.GetCurrentSnapshotSetId(), GUID_NULL);
  EXPECT_EQ(writer.GetCurrentVolumeCount(), 0u);
}

TEST(WriterHelpers, BackupStateIsVisibleToTheWriter) {
  Emulator emulator;
  TestWriter writer(L"W");
  VSS_BACKUP_TYPE type = VSS_BT_UNDEFINED;
  bool selected = false, bootable = true, partial = true;
  LONG context = -1;
  writer.scripts["PrepareForBackup"].action = [&] {
    type = writer.GetBackupType();
    selected = writer.AreComponentsSelected();
    bootable = writer.IsBootableSystemStateBackedUp();
    partial = writer.IsPartialFileSupportEnabled();
    context = writer.GetContext();
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(type, VSS_BT_FULL);
  EXPECT_TRUE(selected);
  EXPECT_FALSE(bootable);
  EXPECT_FALSE(partial);
  EXPECT_EQ(context, VSS_CTX_BACKUP);
  EXPECT_EQ(writer.GetCurrentLevel(), VSS_APP_FRONT_END);
  EXPECT_EQ(writer.GetBackupType(), VSS_BT_UNDEFINED);  // Outside callbacks.
}

TEST(WriterHelpers, SessionIdMatchesTheRequesters) {
  Emulator emulator;
  TestWriter writer(L"W");
  VSS_ID seen = GUID_NULL;
  writer.scripts["PrepareForBackup"].action = [&] { writer.GetSessionId(&seen); };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  IVssBackupComponentsEx3* ex3 = nullptr;
  ASSERT_EQ(requester->QueryInterface(IID_IVssBackupComponentsEx3,
                                      reinterpret_cast<void**>(&ex3)),
            S_OK);
  VSS_ID session = GUID_NULL;
  ASSERT_EQ(ex3->GetSessionId(&session), S_OK);
  ex3->Release();
  EXPECT_NE(session, GUID_NULL);
  EXPECT_EQ(seen, session);
  VSS_ID outside;
  EXPECT_EQ(writer.GetSessionId(&outside), VSS_E_BAD_STATE);
}

TEST(WriterHelpers, SetWriterFailureOutsideACallbackIsRefused) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  EXPECT_EQ(writer.SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE),
            VSS_E_BAD_STATE);
  EXPECT_EQ(emulator.violations().back().rule,
            "writer.failure-outside-callback");
}

TEST(WriterHelpers, IdentifyInformationInItsThreeCallbacks) {
  Emulator emulator;
  TestWriter writer(L"Identity");
  UINT components_seen = 0;
  bool in_freeze_is_null = false;
  writer.scripts["PrepareForBackup"].action = [&] {
    IVssExamineWriterMetadata* metadata = nullptr;
    if (writer.GetIdentifyInformation(&metadata) == S_OK) {
      UINT includes, excludes;
      metadata->GetFileCounts(&includes, &excludes, &components_seen);
    }
  };
  writer.scripts["Freeze"].action = [&] {
    IVssExamineWriterMetadata* metadata = nullptr;
    in_freeze_is_null = writer.GetIdentifyInformation(&metadata) == E_FAIL;
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(components_seen, 1u);
  EXPECT_TRUE(in_freeze_is_null);
}

TEST(WriterHelpers, InitializeChecksItsArgumentsAndRunsOnce) {
  Emulator emulator;
  TestWriter writer(L"W");
  const VSS_ID id = writer.class_id();
  class Plain : public CVssWriter {
   public:
    bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
    bool STDMETHODCALLTYPE OnFreeze() override { return true; }
    bool STDMETHODCALLTYPE OnThaw() override { return true; }
    bool STDMETHODCALLTYPE OnAbort() override { return true; }
  };
  Plain bad_name, bad_id, good;
  EXPECT_EQ(bad_name.Initialize(id, nullptr, VSS_UT_USERDATA, VSS_ST_OTHER),
            E_INVALIDARG);
  EXPECT_EQ(bad_id.Initialize(GUID_NULL, L"x", VSS_UT_USERDATA, VSS_ST_OTHER),
            E_INVALIDARG);
  EXPECT_EQ(bad_name.Subscribe(), E_FAIL);  // Still not initialized.
  EXPECT_EQ(good.Initialize(id, L"x", VSS_UT_USERDATA, VSS_ST_OTHER), S_OK);
  EXPECT_EQ(good.Initialize(id, L"x", VSS_UT_USERDATA, VSS_ST_OTHER), E_FAIL);
}

TEST(WriterHelpers, AWriterDestroyedMidBackupNoLongerResponds) {
  Emulator emulator;
  auto writer = std::make_unique<TestWriter>(L"Leaving");
  ASSERT_EQ(writer->Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  writer.reset();  // Uninitializes the writer.
  ASSERT_EQ(requester.Snapshot(), S_OK);
  HRESULT failure = S_OK;
  requester.StateOf(L"Leaving", &failure);
  EXPECT_EQ(failure, VSS_E_WRITER_NOT_RESPONDING);  // Q3.
}

}  // namespace
}  // namespace vssemu::testing
