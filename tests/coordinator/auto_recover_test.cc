// Auto-recovered shadow copies: in a context with writers, VSS sets
// VSS_VOLSNAP_ATTR_AUTORECOVER, a writer sees it in GetContext during
// OnPostSnapshot and recovers its data inside the shadow copy through
// GetSnapshotDeviceName; the copy is writable until PostSnapshot ends. A
// requester's VSS_VOLSNAP_ATTR_NO_AUTORECOVERY makes it read-only at once.
#include <gtest/gtest.h>

#include <vssemu/host_paths.h>

#include <memory>
#include <string>
#include <vector>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

// A database writer that rolls its log forward inside an auto-recovered
// shadow copy, as real database writers do in OnPostSnapshot.
struct RecoveringWriter {
  explicit RecoveringWriter(Emulator& emulator) : writer(L"Database") {
    writer.scripts["Freeze"].action = [this] {
      freeze_context = writer.GetContext();
    };
    writer.scripts["PostSnapshot"].action = [this, &emulator] {
      post_snapshot_context = writer.GetContext();
      if ((post_snapshot_context & VSS_VOLSNAP_ATTR_AUTORECOVER) == 0) return;
      LPCWSTR device = nullptr;
      if (FAILED(writer.GetSnapshotDeviceName(L"C:\\", &device))) return;
      writable_in_post_snapshot = emulator.ShadowCopyWritable(device);
      if (writable_in_post_snapshot) {
        WriteFile(HostPath(std::wstring(device) + L"\\db.log"), "recovered");
      }
    };
  }
  TestWriter writer;
  LONG freeze_context = -1;
  LONG post_snapshot_context = -1;
  bool writable_in_post_snapshot = false;
};

class AutoRecover : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = std::make_unique<TempFolder>("autorecover");
    ASSERT_FALSE(host_->path().empty());
    ASSERT_TRUE(WriteFile(*host_ / "c" / "db.log", "torn"));
    options_.volumes = {
        VolumeOptions{.name = L"C:\\", .directory = *host_ / "c"}};
  }
  void TearDown() override { host_.reset(); }

  // Returns the attributes GetSnapshotProperties reports for id.
  static LONG AttributesOf(Requester& r, const VSS_ID& id) {
    VSS_SNAPSHOT_PROP prop{};
    if (FAILED(r->GetSnapshotProperties(id, &prop))) return -1;
    const LONG attributes = prop.m_lSnapshotAttributes;
    VssFreeSnapshotProperties(&prop);
    return attributes;
  }

  std::unique_ptr<TempFolder> host_;
  RunOptions options_;
};

TEST_F(AutoRecover, AWriterRecoversItsDataInsideTheShadowCopyOnly) {
  Emulator emulator(options_);
  RecoveringWriter db(emulator);
  ASSERT_EQ(db.writer.Start(), S_OK);
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  EXPECT_EQ(db.freeze_context, VSS_CTX_BACKUP);
  EXPECT_EQ(db.post_snapshot_context,
            LONG{VSS_CTX_BACKUP} | VSS_VOLSNAP_ATTR_AUTORECOVER);
  EXPECT_TRUE(db.writable_in_post_snapshot);
  const std::wstring device = DeviceOf(r, ids[0]);
  EXPECT_EQ(ReadFile(HostPath(device + L"\\db.log")), "recovered");
  EXPECT_EQ(ReadFile(HostPath(L"C:\\db.log")), "torn");
  // Read-only once PostSnapshot has ended.
  EXPECT_FALSE(emulator.ShadowCopyWritable(device));
  EXPECT_NE(AttributesOf(r, ids[0]) & VSS_VOLSNAP_ATTR_AUTORECOVER, 0);
}

TEST_F(AutoRecover, NoAutoRecoveryMakesTheShadowCopyReadOnlyAtOnce) {
  Emulator emulator(options_);
  RecoveringWriter db(emulator);
  ASSERT_EQ(db.writer.Start(), S_OK);
  Requester r;
  std::vector<VSS_ID> ids;
  const LONG context =
      LONG{VSS_CTX_BACKUP} | VSS_VOLSNAP_ATTR_NO_AUTORECOVERY;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids, context), S_OK);
  EXPECT_EQ(db.post_snapshot_context, context);
  EXPECT_FALSE(db.writable_in_post_snapshot);
  const std::wstring device = DeviceOf(r, ids[0]);
  EXPECT_EQ(ReadFile(HostPath(device + L"\\db.log")), "torn");
  EXPECT_EQ(AttributesOf(r, ids[0]) & VSS_VOLSNAP_ATTR_AUTORECOVER, 0);
}

TEST_F(AutoRecover, ShadowCopiesWithoutWritersAreNotAutoRecovered) {
  Emulator emulator(options_);
  Requester r;
  ASSERT_EQ(r->InitializeForBackup(nullptr), S_OK);
  ASSERT_EQ(r->SetContext(VSS_CTX_FILE_SHARE_BACKUP), S_OK);
  ASSERT_EQ(r->StartSnapshotSet(&r.set_id), S_OK);
  VSS_ID id = GUID_NULL;
  wchar_t volume[] = L"C:\\";
  ASSERT_EQ(r->AddToSnapshotSet(volume, GUID_NULL, &id), S_OK);
  ASSERT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(AttributesOf(r, id) & VSS_VOLSNAP_ATTR_AUTORECOVER, 0);
  EXPECT_FALSE(emulator.ShadowCopyWritable(DeviceOf(r, id)));
}

}  // namespace
}  // namespace vssemu::testing
