// Volumes backed by host folders, through a whole backup: a shadow copy
// holds the volume's files as they were at the commit instant, lives as
// long as the shadow copy, fails the set when it cannot be made, and never
// puts a host path in the trace.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr wchar_t kFirstDevice[] =
    L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1";

// Returns the events of kind in trace.
std::vector<TraceEvent> EventsOf(const Trace& trace, const std::string& kind) {
  std::vector<TraceEvent> events;
  for (const TraceEvent& e : trace.events()) {
    if (e.kind == kind) events.push_back(e);
  }
  return events;
}

class BackedVolumes : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = std::make_unique<TempFolder>("volumes");
    ASSERT_FALSE(host_->path().empty());
    ASSERT_TRUE(WriteFile(*host_ / "c" / "data.txt", "original"));
  }
  void TearDown() override { host_.reset(); }

  // One volume C:\ backed by the folder "c".
  RunOptions Options() const {
    RunOptions options;
    options.volumes = {VolumeOptions{.name = L"C:\\", .directory = *host_ / "c"}};
    return options;
  }

  std::unique_ptr<TempFolder> host_;
};

TEST_F(BackedVolumes, AShadowCopyHoldsTheFilesOfTheCommitInstant) {
  Emulator emulator(Options());
  TestWriter writer(L"Files");
  // Before Freeze returns: in the shadow copy. From Thaw on: not.
  writer.scripts["PrepareForSnapshot"].action = [] {
    WriteFile(HostPath(L"C:\\data.txt"), "prepared");
  };
  writer.scripts["Freeze"].action = [] {
    WriteFile(HostPath(L"C:\\frozen.txt"), "frozen");
  };
  writer.scripts["Thaw"].action = [] {
    WriteFile(HostPath(L"C:\\data.txt"), "thawed");
  };
  writer.scripts["PostSnapshot"].action = [] {
    WriteFile(HostPath(L"C:\\late.txt"), "late");
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  // On Windows the device is the copy's host folder (host_volumes_test.cc);
  // its last component is the device object everywhere.
  // After DoSnapshotSet, with the device from GetSnapshotProperties:
  const std::wstring device = DeviceOf(r, ids[0]);
  ASSERT_TRUE(device.ends_with(L"\\HarddiskVolumeShadowCopy1"));
  EXPECT_EQ(HostPath(device), HostPath(kFirstDevice));
  EXPECT_EQ(ReadFile(HostPath(device + L"\\data.txt")), "prepared");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\frozen.txt")), "frozen");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\late.txt")), "<missing>");
  EXPECT_EQ(ReadFile(HostPath(L"C:\\data.txt")), "thawed");
  EXPECT_EQ(ReadFile(HostPath(L"C:\\late.txt")), "late");
}

TEST_F(BackedVolumes, AWriterReadsTheShadowCopyThroughItsDeviceName) {
  Emulator emulator(Options());
  TestWriter writer(L"Reader");
  std::string seen;
  writer.scripts["PostSnapshot"].action = [&] {
    LPCWSTR device = nullptr;
    if (SUCCEEDED(writer.GetSnapshotDeviceName(L"C:\\", &device))) {
      seen = ReadFile(HostPath(std::wstring(device) + L"\\DATA.TXT"));
    }
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  EXPECT_EQ(seen, "original");
}

TEST_F(BackedVolumes, TheTraceCountsTheCopyAndNamesNoHostPath) {
  ASSERT_TRUE(WriteFile(*host_ / "c" / "sub" / "more.bin", "12345"));
  Emulator emulator(Options());
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  std::vector<TraceEvent> copies = EventsOf(emulator.trace(), "copy");
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].Get("volume"), "C:\\");
  EXPECT_EQ(copies[0].Get("device"), "HarddiskVolumeShadowCopy1");
  EXPECT_EQ(copies[0].Get("files"), "2");
  EXPECT_EQ(copies[0].Get("bytes"), "13");
  // The copy happens inside CommitSnapshots, before the step is recorded.
  const std::string text = emulator.trace().ToText();
  EXPECT_LT(text.find(" copy "), text.find("step=CommitSnapshots"));
  EXPECT_FALSE(MentionsHostPath(text, host_->path()));
  EXPECT_FALSE(MentionsHostPath(text, HostPath(kFirstDevice).parent_path()));
}

// Runs one backup of C:\ backed by a fresh folder; returns the trace text.
std::string TraceOfOneBackup() {
  TempFolder folder("trace");
  WriteFile(folder / "data.txt", "same bytes");
  RunOptions options;
  options.volumes = {VolumeOptions{.name = L"C:\\", .directory = folder.path()}};
  Emulator emulator(options);
  TestWriter writer(L"Same");
  if (FAILED(writer.Start())) return "writer failed";
  {
    Requester r;
    std::vector<VSS_ID> ids;
    if (FAILED(SnapshotVolumes(r, {L"C:\\"}, &ids))) return "snapshot failed";
  }
  return emulator.trace().ToText();
}

TEST(BackedVolumesTrace, IsTheSameWhateverHostFolderBacksTheVolume) {
  const std::string first = TraceOfOneBackup();
  EXPECT_THAT(first, HasSubstr(" copy "));
  EXPECT_EQ(first, TraceOfOneBackup());
}

TEST_F(BackedVolumes, DeletingAShadowCopyRemovesItsFiles) {
  Emulator emulator(Options());
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  const fs::path copy = HostPath(kFirstDevice);
  ASSERT_TRUE(fs::is_regular_file(copy / "data.txt"));
  LONG deleted = 0;
  VSS_ID nondeleted = GUID_NULL;
  ASSERT_EQ(r->DeleteSnapshots(ids[0], VSS_OBJECT_SNAPSHOT, FALSE, &deleted,
                               &nondeleted),
            S_OK);
  EXPECT_EQ(deleted, 1);
  EXPECT_FALSE(fs::exists(copy));
  EXPECT_TRUE(HostPath(kFirstDevice).empty());
  EXPECT_TRUE(HostPath(std::wstring(kFirstDevice) + L"\\data.txt").empty());
  EXPECT_EQ(ReadFile(HostPath(L"C:\\data.txt")), "original");
}

TEST_F(BackedVolumes, ReleasingTheBackupObjectRemovesAutoReleaseCopies) {
  Emulator emulator(Options());
  fs::path copy;
  {
    Requester r;
    std::vector<VSS_ID> ids;
    ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
    copy = HostPath(kFirstDevice);
    ASSERT_TRUE(fs::is_directory(copy));
    ASSERT_EQ(r.Run(&IVssBackupComponents::BackupComplete),
              VSS_S_ASYNC_FINISHED);
  }
  EXPECT_FALSE(fs::exists(copy));
  EXPECT_TRUE(HostPath(kFirstDevice).empty());
}

TEST_F(BackedVolumes, PersistentCopiesLastUntilTheEmulatorEnds) {
  fs::path copy;
  {
    Emulator emulator(Options());
    TestWriter writer(L"Rollback");
    ASSERT_EQ(writer.Start(), S_OK);
    {
      Requester r;
      std::vector<VSS_ID> ids;
      ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids, VSS_CTX_APP_ROLLBACK),
                S_OK);
      ASSERT_EQ(r.Run(&IVssBackupComponents::BackupComplete),
                VSS_S_ASYNC_FINISHED);
      copy = HostPath(kFirstDevice);
    }
    EXPECT_EQ(ReadFile(copy / "data.txt"), "original");
  }
  EXPECT_FALSE(fs::exists(copy));
}

TEST_F(BackedVolumes, TheDefaultStorageGoesWithTheEmulator) {
  fs::path storage;
  {
    Emulator emulator(Options());
    Requester r;
    std::vector<VSS_ID> ids;
    ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
    storage = HostPath(kFirstDevice).parent_path();
    EXPECT_TRUE(SameFolder(storage.parent_path(), fs::temp_directory_path()));
    r.Release();
    EXPECT_TRUE(fs::is_directory(storage));  // Empty, until the end.
  }
  EXPECT_FALSE(fs::exists(storage));
}

TEST_F(BackedVolumes, AConfiguredStorageHoldsTheCopiesAndStays) {
  RunOptions options = Options();
  options.snapshot_storage = *host_ / "storage";
  {
    Emulator emulator(options);
    Requester r;
    std::vector<VSS_ID> ids;
    ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
    EXPECT_EQ(HostPath(kFirstDevice),
              *host_ / "storage" / "HarddiskVolumeShadowCopy1");
    EXPECT_EQ(ReadFile(*host_ / "storage" / "HarddiskVolumeShadowCopy1" /
                       "data.txt"),
              "original");
  }
  EXPECT_TRUE(fs::is_directory(*host_ / "storage"));
  EXPECT_TRUE(fs::is_empty(*host_ / "storage"));
}

TEST_F(BackedVolumes, AStorageThatCannotBeMadeFailsTheSnapshotSet) {
  ASSERT_TRUE(WriteFile(*host_ / "blocker", "a file, not a folder"));
  RunOptions options = Options();
  options.snapshot_storage = *host_ / "blocker" / "storage";
  Emulator emulator(options);
  TestWriter writer(L"Aborted");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  std::vector<VSS_ID> ids;
  EXPECT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids),
            VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(writer.Count("Abort"), 1);
  EXPECT_EQ(writer.Count("Thaw"), 0);
  std::vector<TraceEvent> copies = EventsOf(emulator.trace(), "copy");
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].Get("result"), "VSS_E_UNEXPECTED_PROVIDER_ERROR");
  EXPECT_THAT(std::string(copies[0].Get("reason")),
              StartsWith("prepare the snapshot storage for C:\\: "));
  EXPECT_THAT(TraceLines(emulator.trace(), "provider"),
              ::testing::Contains(::testing::AllOf(
                  HasSubstr("step=CommitSnapshots"),
                  HasSubstr("result=VSS_E_UNEXPECTED_PROVIDER_ERROR"))));
  EXPECT_FALSE(MentionsHostPath(emulator.trace().ToText(), host_->path()));
  VSS_SNAPSHOT_PROP prop{};
  EXPECT_EQ(r->GetSnapshotProperties(ids[0], &prop), VSS_E_OBJECT_NOT_FOUND);
}

TEST_F(BackedVolumes, AFailedCopyLeavesNoCopyOfAnyVolumeBehind) {
  ASSERT_TRUE(WriteFile(*host_ / "d" / "d.txt", "d"));
  RunOptions options = Options();
  options.volumes.push_back(
      VolumeOptions{.name = L"D:\\", .directory = *host_ / "d"});
  options.snapshot_storage = *host_ / "storage";
  Emulator emulator(options);
  // D's folder vanishes after the emulator checked it: its copy fails after
  // C's succeeded.
  fs::remove_all(*host_ / "d");
  Requester r;
  std::vector<VSS_ID> ids;
  EXPECT_EQ(SnapshotVolumes(r, {L"C:\\", L"D:\\"}, &ids),
            VSS_E_UNEXPECTED_PROVIDER_ERROR);
  std::vector<TraceEvent> copies = EventsOf(emulator.trace(), "copy");
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0].Get("files"), "1");
  EXPECT_THAT(std::string(copies[1].Get("reason")), StartsWith("read D:\\: "));
  EXPECT_TRUE(fs::is_empty(*host_ / "storage"));
  EXPECT_TRUE(HostPath(kFirstDevice).empty());
}

TEST_F(BackedVolumes, AnUnreadableFileFailsTheCopy) {
  const fs::path secret = *host_ / "c" / "secret.txt";
  ASSERT_TRUE(WriteFile(secret, "secret"));
  fs::permissions(secret, fs::perms::none);
  if (ReadFile(secret) != "<missing>") {
    // Administrators read anything, and Windows has no unreadable mode bits.
    GTEST_SKIP() << "this user can read a file without read permission";
  }
  Emulator emulator(Options());
  Requester r;
  std::vector<VSS_ID> ids;
  EXPECT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids),
            VSS_E_UNEXPECTED_PROVIDER_ERROR);
  std::vector<TraceEvent> copies = EventsOf(emulator.trace(), "copy");
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_THAT(std::string(copies[0].Get("reason")),
              StartsWith("copy C:\\secret.txt: "));
}

TEST_F(BackedVolumes, AVolumeMountedInsideTheFolderIsLeftOutOfItsCopy) {
  ASSERT_TRUE(WriteFile(*host_ / "c" / "Mount" / "E" / "inner.txt", "e"));
  RunOptions options = Options();
  options.volumes.push_back(VolumeOptions{
      .name = L"C:\\Mount\\E\\", .directory = *host_ / "c" / "Mount" / "E"});
  Emulator emulator(options);
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  const fs::path copy = HostPath(kFirstDevice);
  EXPECT_TRUE(fs::is_directory(copy / "Mount" / "E"));
  EXPECT_TRUE(fs::is_empty(copy / "Mount" / "E"));
  EXPECT_EQ(ReadFile(HostPath(L"c:\\mount\\e\\INNER.txt")), "e");
  EXPECT_EQ(EventsOf(emulator.trace(), "copy")[0].Get("files"), "1");
}

TEST(BackedVolumesConfiguration, AMissingDirectoryIsRefused) {
  RunOptions options;
  options.volumes = {VolumeOptions{
      .name = L"C:\\",
      .directory = fs::temp_directory_path() / "vssemu-no-such-folder"}};
  try {
    Emulator emulator(options);
    ADD_FAILURE() << "the emulator took a missing backing folder";
  } catch (const InvalidRunOptions& e) {
    EXPECT_THAT(e.what(), ::testing::MatchesRegex(
                              "invalid RunOptions: volume \"C:.*\" has directory .*no-such-folder.*"
                              "does not exist or is not a folder"));
  }
}

}  // namespace
}  // namespace vssemu::testing
