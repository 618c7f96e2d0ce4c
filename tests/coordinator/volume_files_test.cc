// The point-in-time copy of a host folder (CopyTree), its removal
// (RemoveTree) and the snapshot storage folder, on their own.
#include "coordinator/volume_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;
using coordinator::CopyTree;
using coordinator::DescribeCopyFailure;
using coordinator::RemoveTree;
using coordinator::SnapshotStorage;
using coordinator::TreeCopy;
using ::testing::StartsWith;

class VolumeFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = std::make_unique<TempFolder>("files");
    ASSERT_FALSE(host_->path().empty());
    source_ = *host_ / "source";
    ASSERT_TRUE(WriteFile(source_ / "a.txt", "alpha"));
    ASSERT_TRUE(WriteFile(source_ / "dir" / "b.txt", "beta!"));
    ASSERT_TRUE(WriteFile(source_ / "dir" / "deeper" / "c.bin", "c"));
    fs::create_directories(source_ / "empty");
  }
  void TearDown() override { host_.reset(); }

  std::unique_ptr<TempFolder> host_;
  fs::path source_;
};

TEST_F(VolumeFiles, CopyTreeCopiesEveryFolderAndFile) {
  TreeCopy copy = CopyTree(source_, *host_ / "copy");
  ASSERT_TRUE(copy.ok()) << copy.operation << " " << copy.failed_at;
  EXPECT_EQ(copy.files, 3u);
  EXPECT_EQ(copy.bytes, 11u);
  EXPECT_EQ(copy.directories, 3u);  // dir, dir/deeper, empty.
  EXPECT_EQ(copy.links, 0u);
  EXPECT_EQ(ReadFile(*host_ / "copy" / "a.txt"), "alpha");
  EXPECT_EQ(ReadFile(*host_ / "copy" / "dir" / "b.txt"), "beta!");
  EXPECT_EQ(ReadFile(*host_ / "copy" / "dir" / "deeper" / "c.bin"), "c");
  EXPECT_TRUE(fs::is_directory(*host_ / "copy" / "empty"));
}

TEST_F(VolumeFiles, CopyTreeKeepsLastWriteTimes) {
  const fs::file_time_type old_time =
      fs::last_write_time(source_ / "a.txt") - std::chrono::hours(24 * 400);
  fs::last_write_time(source_ / "a.txt", old_time);
  ASSERT_TRUE(CopyTree(source_, *host_ / "copy").ok());
  EXPECT_EQ(fs::last_write_time(*host_ / "copy" / "a.txt"), old_time);
}

TEST_F(VolumeFiles, CopyTreeKeepsFolderTimesWhereTheHostCanSetThem) {
  std::error_code ec;
  const fs::file_time_type old_time =
      fs::last_write_time(source_ / "dir") - std::chrono::hours(24 * 400);
  fs::last_write_time(source_ / "dir", old_time, ec);
  // The Windows C runtime cannot set a folder's time; folder times are kept
  // only where the host allows it, and a copy never fails for them.
  if (ec) GTEST_SKIP() << "this host cannot set folder times: " << ec.message();
  ASSERT_TRUE(CopyTree(source_, *host_ / "copy").ok());
  EXPECT_EQ(fs::last_write_time(*host_ / "copy" / "dir"), old_time);
}

TEST_F(VolumeFiles, CopyTreeCopiesLinksAsLinks) {
  std::error_code ec;
  fs::create_symlink("a.txt", source_ / "link.txt", ec);
  if (!ec) fs::create_directory_symlink(host_->path(), source_ / "outside", ec);
  if (ec) GTEST_SKIP() << "this host cannot make symbolic links: " << ec.message();
  TreeCopy copy = CopyTree(source_, *host_ / "copy");
  ASSERT_TRUE(copy.ok()) << copy.operation << " " << copy.failed_at;
  EXPECT_EQ(copy.links, 2u);
  EXPECT_TRUE(fs::is_symlink(*host_ / "copy" / "link.txt"));
  EXPECT_EQ(fs::read_symlink(*host_ / "copy" / "link.txt"), fs::path("a.txt"));
  // Not followed: the folder the link points at (which holds the copy
  // itself) is not copied.
  EXPECT_TRUE(fs::is_symlink(*host_ / "copy" / "outside"));
  EXPECT_EQ(copy.files, 3u);
}

TEST_F(VolumeFiles, HollowFoldersAreCopiedEmpty) {
  TreeCopy copy = CopyTree(source_, *host_ / "copy", {source_ / "dir"});
  ASSERT_TRUE(copy.ok());
  EXPECT_TRUE(fs::is_directory(*host_ / "copy" / "dir"));
  EXPECT_TRUE(fs::is_empty(*host_ / "copy" / "dir"));
  EXPECT_EQ(copy.files, 1u);
}

TEST_F(VolumeFiles, AFailureNamesTheOperationAndTheRelativePathOnly) {
  TreeCopy copy = CopyTree(*host_ / "no-such-folder", *host_ / "copy");
  EXPECT_FALSE(copy.ok());
  EXPECT_EQ(copy.operation, "read");
  EXPECT_EQ(copy.failed_at, "");
  EXPECT_THAT(DescribeCopyFailure(copy, "D:\\"), StartsWith("read D:\\: "));
  // A destination whose parent does not exist fails at the root.
  copy = CopyTree(source_, *host_ / "missing" / "copy");
  EXPECT_EQ(copy.operation, "create");
  const std::string text = DescribeCopyFailure(copy, "D:\\");
  EXPECT_THAT(text, StartsWith("create D:\\: "));
  EXPECT_FALSE(MentionsHostPath(text, host_->path()));
}

TEST_F(VolumeFiles, RemoveTreeRemovesReadOnlyFilesToo) {
  ASSERT_TRUE(CopyTree(source_, *host_ / "copy").ok());
  fs::permissions(*host_ / "copy" / "dir" / "b.txt",
                  fs::perms::owner_write | fs::perms::group_write |
                      fs::perms::others_write,
                  fs::perm_options::remove);
  EXPECT_FALSE(RemoveTree(*host_ / "copy"));
  EXPECT_FALSE(fs::exists(*host_ / "copy"));
  EXPECT_FALSE(RemoveTree(*host_ / "copy"));  // Already gone: success.
}

TEST_F(VolumeFiles, TheDefaultStorageIsMadeOnFirstUseAndRemovedAtTheEnd) {
  fs::path root;
  {
    SnapshotStorage storage;
    EXPECT_TRUE(storage.root().empty());
    fs::path folder;
    ASSERT_FALSE(storage.PrepareFolder("HarddiskVolumeShadowCopy1", &folder));
    root = storage.root();
    EXPECT_EQ(folder, root / "HarddiskVolumeShadowCopy1");
    EXPECT_FALSE(fs::exists(folder));  // The caller creates it.
    EXPECT_THAT(root.filename().string(), StartsWith("vssemu-snapshots-"));
    EXPECT_TRUE(SameFolder(root.parent_path(), fs::temp_directory_path()));
    SnapshotStorage other;
    fs::path other_folder;
    ASSERT_FALSE(other.PrepareFolder("x", &other_folder));
    EXPECT_NE(other.root(), root);
    ASSERT_TRUE(CopyTree(source_, folder).ok());
  }
  EXPECT_FALSE(fs::exists(root));
}

TEST_F(VolumeFiles, AConfiguredStorageIsKeptAndItsStaleFoldersReplaced) {
  const fs::path root = *host_ / "storage";
  ASSERT_TRUE(WriteFile(root / "HarddiskVolumeShadowCopy1" / "stale.txt", "old"));
  {
    SnapshotStorage storage(root);
    fs::path folder;
    ASSERT_FALSE(storage.PrepareFolder("HarddiskVolumeShadowCopy1", &folder));
    EXPECT_FALSE(fs::exists(folder));
    EXPECT_EQ(storage.root(), root);
  }
  EXPECT_TRUE(fs::is_directory(root));
}

}  // namespace
}  // namespace vssemu::testing
