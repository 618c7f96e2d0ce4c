// The snapshot set and the shadow copies it makes: the system-wide lock
// (spec 1.6, 18.11), volumes, properties, deletion, auto-release at
// Release (spec 4.4), and writerless contexts (spec 8.3, 14.1).
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

TEST(SnapshotSet, OnlyOneSetIsInCreationAcrossBackupObjects) {
  Emulator emulator;
  Requester first, second;
  ASSERT_EQ(first.Init(false), S_OK);
  ASSERT_EQ(second.Init(false), S_OK);
  ASSERT_EQ(first.Gather(), S_OK);
  ASSERT_EQ(first.StartSet(), S_OK);
  VSS_ID id;
  EXPECT_EQ(second->StartSnapshotSet(&id), VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  ASSERT_EQ(first.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(first.Snapshot(), S_OK);
  // Once DoSnapshotSet has returned the next set may start.
  EXPECT_EQ(second->StartSnapshotSet(&id), S_OK);
}

TEST(SnapshotSet, ReleasingTheObjectFreesTheLock) {
  Emulator emulator;
  Requester second;
  ASSERT_EQ(second.Init(), S_OK);
  {
    Requester first;
    ASSERT_EQ(first.Init(), S_OK);
    VSS_ID id;
    ASSERT_EQ(first->StartSnapshotSet(&id), S_OK);
  }
  VSS_ID id;
  EXPECT_EQ(second->StartSnapshotSet(&id), S_OK);
}

TEST(SnapshotSet, AddToSnapshotSetChecksTheVolume) {
  RunOptions options;
  options.volumes = {VolumeOptions{L"C:\\", true}, VolumeOptions{L"D:\\", false}};
  Emulator emulator(options);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  VSS_ID id, snapshot;
  ASSERT_EQ(r->StartSnapshotSet(&id), S_OK);
  EXPECT_EQ(r->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"Q:\\"), GUID_NULL,
                                &snapshot),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"D:\\"), GUID_NULL,
                                &snapshot),
            VSS_E_VOLUME_NOT_SUPPORTED);
  const VSS_ID unknown_provider = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
  EXPECT_EQ(r->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"),
                                unknown_provider, &snapshot),
            VSS_E_PROVIDER_NOT_REGISTERED);
  EXPECT_EQ(r->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL,
                                &snapshot),
            S_OK);
  EXPECT_EQ(r->AddToSnapshotSet(nullptr, GUID_NULL, &snapshot), E_INVALIDARG);
}

TEST(SnapshotSet, The65thVolumeIsRefused) {
  RunOptions options;
  options.volumes.clear();
  for (int i = 0; i < 65; ++i) {
    options.volumes.push_back(
        VolumeOptions{L"C:\\Mount\\V" + std::to_wstring(i) + L"\\", true});
  }
  Emulator emulator(options);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  VSS_ID id, snapshot;
  ASSERT_EQ(r->StartSnapshotSet(&id), S_OK);
  for (int i = 0; i < 64; ++i) {
    std::wstring name = L"C:\\Mount\\V" + std::to_wstring(i) + L"\\";
    ASSERT_EQ(r->AddToSnapshotSet(name.data(), GUID_NULL, &snapshot), S_OK) << i;
  }
  std::wstring last = L"C:\\Mount\\V64\\";
  EXPECT_EQ(r->AddToSnapshotSet(last.data(), GUID_NULL, &snapshot),
            VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED);
}

TEST(SnapshotSet, PropertiesNameTheShadowCopyDevice) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(false), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  VSS_ID set_id, snapshot_id;
  ASSERT_EQ(r->StartSnapshotSet(&set_id), S_OK);
  ASSERT_EQ(r->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL,
                                &snapshot_id),
            S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Snapshot(), S_OK);
  VSS_SNAPSHOT_PROP prop = {};
  ASSERT_EQ(r->GetSnapshotProperties(snapshot_id, &prop), S_OK);
  EXPECT_EQ(prop.m_SnapshotSetId, set_id);
  EXPECT_EQ(std::wstring(prop.m_pwszSnapshotDeviceObject),
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
  EXPECT_EQ(prop.m_lSnapshotsCount, 1);
  EXPECT_EQ(prop.m_eStatus, VSS_SS_CREATED);
  VssFreeSnapshotProperties(&prop);
  EXPECT_EQ(prop.m_pwszSnapshotDeviceObject, nullptr);
  VSS_ID unknown = {9, 9, 9, {9, 9, 9, 9, 9, 9, 9, 9}};
  EXPECT_EQ(r->GetSnapshotProperties(unknown, &prop), VSS_E_OBJECT_NOT_FOUND);
}

TEST(SnapshotSet, ReleaseDeletesAutoReleaseShadowCopiesOnly) {
  Emulator emulator;
  auto make = [](LONG context) {
    Requester r;
    EXPECT_EQ(r.Init(false), S_OK);
    EXPECT_EQ(r->SetContext(context), S_OK);
    EXPECT_EQ(r.Gather(), S_OK);
    EXPECT_EQ(r.StartSet(), S_OK);
    EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
              VSS_S_ASYNC_FINISHED);
    EXPECT_EQ(r.Snapshot(), S_OK);
  };
  make(VSS_CTX_BACKUP);        // Auto-release: gone at Release.
  make(VSS_CTX_APP_ROLLBACK);  // Persistent: survives.
  Requester query;
  ASSERT_EQ(query.Init(), S_OK);
  ASSERT_EQ(query->SetContext(VSS_CTX_ALL), S_OK);
  IVssEnumObject* found = nullptr;
  ASSERT_EQ(query->Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT,
                         &found),
            S_OK);
  VSS_OBJECT_PROP props[4] = {};
  ULONG fetched = 0;
  found->Next(4, props, &fetched);
  EXPECT_EQ(fetched, 1u);
  EXPECT_EQ(props[0].Obj.Snap.m_lSnapshotAttributes & VSS_VOLSNAP_ATTR_PERSISTENT,
            VSS_VOLSNAP_ATTR_PERSISTENT);
  for (ULONG i = 0; i < fetched; ++i) VssFreeSnapshotProperties(&props[i].Obj.Snap);
  found->Release();
}

TEST(SnapshotSet, DeleteSnapshotsRemovesASet) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(false), S_OK);
  ASSERT_EQ(r->SetContext(VSS_CTX_APP_ROLLBACK), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Snapshot(), S_OK);
  LONG deleted = 0;
  VSS_ID failed = {1, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
  ASSERT_EQ(r->DeleteSnapshots(r.set_id, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                               &deleted, &failed),
            S_OK);
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(failed, GUID_NULL);
  EXPECT_EQ(r->DeleteSnapshots(r.set_id, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                               &deleted, &failed),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST(WriterlessContext, SendsNoWriterEventsAndRefusesWriterCalls) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(false), S_OK);
  ASSERT_EQ(r->SetContext(VSS_CTX_FILE_SHARE_BACKUP), S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);  // No gather needed (spec 8.3).
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup), VSS_E_BAD_STATE);
  EXPECT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_E_BAD_STATE);
  EXPECT_TRUE(writer.events().empty());
}

TEST(SnapshotSet, AnEmptySetStillRunsTheWriterSequence) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(r.AddAllComponents(), S_OK);
  VSS_ID id;
  ASSERT_EQ(r->StartSnapshotSet(&id), S_OK);  // No volume added (Q36).
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(writer.Count("Freeze"), 1);
  EXPECT_EQ(writer.Count("PostSnapshot"), 1);
}

}  // namespace
}  // namespace vssemu::testing
