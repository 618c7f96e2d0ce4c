// The header-only writer classes keep the SDK's defaults: an uninitialised
// writer answers E_FAIL or the documented "nothing" values, CVssWriter's
// OnIdentify succeeds and CVssWriterEx's Identify callbacks fail.
#include <gtest/gtest.h>

#include <vswriter.h>

namespace {

class MinimalWriter : public CVssWriter {
 public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

  // Exposes the protected helpers to the test.
  LONG Context() const { return GetContext(); }
  VSS_APPLICATION_LEVEL Level() const { return GetCurrentLevel(); }
  VSS_ID SetId() const { return GetCurrentSnapshotSetId(); }
  VSS_BACKUP_TYPE BackupType() const { return GetBackupType(); }
  VSS_RESTORE_TYPE RestoreType() const { return GetRestoreType(); }
  HRESULT Fail(HRESULT hr) { return SetWriterFailure(hr); }
  UINT VolumeCount() const { return GetCurrentVolumeCount(); }
  LPCWSTR* Volumes() const { return GetCurrentVolumeArray(); }
  bool Affected(LPCWSTR path) const { return IsPathAffected(path); }
};

class MinimalWriterEx : public CVssWriterEx2 {
 public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
};

TEST(WriterDefaults, UninitializedWriterReportsNothing) {
  MinimalWriter w;
  EXPECT_EQ(w.Subscribe(), E_FAIL);
  EXPECT_EQ(w.Unsubscribe(), E_FAIL);
  EXPECT_EQ(w.Fail(VSS_E_WRITERERROR_RETRYABLE), E_FAIL);
  EXPECT_EQ(w.Context(), 0);
  EXPECT_EQ(w.Level(), VSS_APP_AUTO);
  EXPECT_EQ(w.SetId(), GUID_NULL);
  EXPECT_EQ(w.BackupType(), VSS_BT_UNDEFINED);
  EXPECT_EQ(w.RestoreType(), VSS_RTYPE_UNDEFINED);
  EXPECT_EQ(w.VolumeCount(), 0u);
  EXPECT_EQ(w.Volumes(), nullptr);
  EXPECT_FALSE(w.Affected(L"C:\\"));
}

TEST(WriterDefaults, CVssWriterCallbacksSucceedByDefault) {
  MinimalWriter w;
  EXPECT_TRUE(w.OnIdentify(nullptr));
  EXPECT_TRUE(w.OnPrepareBackup(nullptr));
  EXPECT_TRUE(w.OnPostSnapshot(nullptr));
  EXPECT_TRUE(w.OnBackupComplete(nullptr));
  EXPECT_TRUE(w.OnBackupShutdown(GUID_NULL));
  EXPECT_TRUE(w.OnPreRestore(nullptr));
  EXPECT_TRUE(w.OnPostRestore(nullptr));
  EXPECT_TRUE(w.OnVSSShutdown());
}

TEST(WriterDefaults, CVssWriterExIdentifyCallbacksFailByDefault) {
  MinimalWriterEx w;
  EXPECT_FALSE(w.OnIdentify(nullptr));
  EXPECT_FALSE(w.OnIdentifyEx(nullptr));
  EXPECT_FALSE(w.IsWriterShuttingDown());
  VSS_ID session;
  EXPECT_EQ(w.GetSessionId(&session), E_FAIL);
  EXPECT_EQ(w.SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE), E_FAIL);
}

}  // namespace
