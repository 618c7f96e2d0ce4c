// VolumeOptions::snapshot_scope: a shadow copy of a backed volume holds only
// the folders the scope names (and the folders on the way to them), so a
// test can back the emulated C:\ with a large host folder, even the host's
// own C:\, without copying all of it. A scope that is not relative to the
// volume root stops the emulator at construction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

// Returns the "copy" events of trace.
std::vector<TraceEvent> Copies(const Trace& trace) {
  std::vector<TraceEvent> events;
  for (const TraceEvent& e : trace.events()) {
    if (e.kind == "copy") events.push_back(e);
  }
  return events;
}

class SnapshotScope : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = std::make_unique<TempFolder>("scope");
    ASSERT_FALSE(host_->path().empty());
    ASSERT_TRUE(WriteFile(*host_ / "c" / "root.txt", "root"));
    ASSERT_TRUE(WriteFile(*host_ / "c" / "Keep" / "a.txt", "a"));
    ASSERT_TRUE(WriteFile(*host_ / "c" / "Keep" / "sub" / "b.txt", "bb"));
    ASSERT_TRUE(WriteFile(*host_ / "c" / "Other" / "c.txt", "c"));
    ASSERT_TRUE(WriteFile(*host_ / "c" / "Deep" / "Inner" / "d.txt", "d"));
    ASSERT_TRUE(WriteFile(*host_ / "c" / "Deep" / "beside.txt", "x"));
  }
  void TearDown() override { host_.reset(); }

  // C:\ backed by the folder "c", its shadow copies holding scope.
  RunOptions Options(std::vector<std::wstring> scope) const {
    RunOptions options;
    options.volumes = {VolumeOptions{.name = L"C:\\",
                                     .directory = *host_ / "c",
                                     .snapshot_scope = std::move(scope)}};
    return options;
  }

  // Snapshots C:\ and returns its shadow copy's device name.
  std::wstring Snapshot(Requester& r) {
    std::vector<VSS_ID> ids;
    EXPECT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
    return ids.empty() ? std::wstring() : DeviceOf(r, ids[0]);
  }

  std::unique_ptr<TempFolder> host_;
};

TEST_F(SnapshotScope, AShadowCopyHoldsOnlyTheScopeFolders) {
  Emulator emulator(Options({L"keep"}));  // Letter case does not matter.
  Requester r;
  const std::wstring device = Snapshot(r);
  ASSERT_FALSE(device.empty());
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\a.txt")), "a");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\sub\\b.txt")), "bb");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\root.txt")), "<missing>");
  EXPECT_FALSE(fs::exists(HostPath(device + L"\\Other")));
  // The live volume is untouched and whole.
  EXPECT_EQ(ReadFile(HostPath(L"C:\\Other\\c.txt")), "c");
  const std::vector<TraceEvent> copies = Copies(emulator.trace());
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].Get("files"), "2");
  EXPECT_EQ(copies[0].Get("bytes"), "3");
}

TEST_F(SnapshotScope, ANestedScopeFolderBringsOnlyTheWayDownToIt) {
  Emulator emulator(Options({L"Deep/Inner", L"Deep\\Inner\\..\\Inner"}));
  Requester r;
  const std::wstring device = Snapshot(r);
  ASSERT_FALSE(device.empty());
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Deep\\Inner\\d.txt")), "d");
  EXPECT_TRUE(fs::is_directory(HostPath(device + L"\\Deep")));
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Deep\\beside.txt")), "<missing>");
  EXPECT_EQ(Copies(emulator.trace())[0].Get("files"), "1");
}

TEST_F(SnapshotScope, FoldersInsideAnotherScopeFolderAreCopiedOnce) {
  Emulator emulator(Options({L"Keep\\sub", L"Keep"}));
  Requester r;
  const std::wstring device = Snapshot(r);
  ASSERT_FALSE(device.empty());
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\sub\\b.txt")), "bb");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\a.txt")), "a");
  EXPECT_EQ(Copies(emulator.trace())[0].Get("files"), "2");
}

TEST_F(SnapshotScope, AScopeFolderMissingOnTheHostIsAbsentFromTheCopy) {
  Emulator emulator(Options({L"NoSuchFolder", L"Keep\\sub"}));
  Requester r;
  const std::wstring device = Snapshot(r);
  ASSERT_FALSE(device.empty());
  EXPECT_FALSE(fs::exists(HostPath(device + L"\\NoSuchFolder")));
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\sub\\b.txt")), "bb");
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Keep\\a.txt")), "<missing>");
}

TEST_F(SnapshotScope, TheRootAsScopeIsTheWholeTree) {
  Emulator emulator(Options({L"."}));
  Requester r;
  const std::wstring device = Snapshot(r);
  ASSERT_FALSE(device.empty());
  EXPECT_EQ(ReadFile(HostPath(device + L"\\root.txt")), "root");
  EXPECT_EQ(Copies(emulator.trace())[0].Get("files"), "6");
}

TEST(SnapshotScopeConfiguration, AScopeOutsideTheVolumeIsRefused) {
  for (const std::wstring scope :
       {L"\\Data", L"/Data", L"C:\\Data", L"C:Data", L"..\\Data",
        L"Data\\..\\..\\x", L"\\\\?\\C:\\Data"}) {
    RunOptions options;
    options.volumes = {VolumeOptions{.name = L"C:\\", .snapshot_scope = {scope}}};
    EXPECT_THAT(RunOptionsError(options),
                ::testing::MatchesRegex("volume \"C:.*\" has snapshot_scope .* not a folder "
                                        "relative to the volume root"));
    EXPECT_THROW(Emulator emulator(options), InvalidRunOptions);
  }
}

}  // namespace
}  // namespace vssemu::testing
