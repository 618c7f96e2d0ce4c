// vssemu::HostPath: every VSS path form maps to the host folder of its
// volume, letter case is matched against what exists, ".." never leaves
// the volume, and paths without a host folder map to nothing.
#include <gtest/gtest.h>

#include <vssemu/host_paths.h>

#include <cwctype>
#include <filesystem>
#include <memory>
#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/service.h"
#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

// C:\ is backed by "c", D:\ has no files, C:\Mount\E\ is backed by "e".
class HostPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = std::make_unique<TempFolder>("paths");
    ASSERT_FALSE(host_->path().empty());
    c_ = *host_ / "c";
    e_ = *host_ / "e";
    ASSERT_TRUE(WriteFile(c_ / "Data" / "Sub" / "File.TXT", "file"));
    ASSERT_TRUE(WriteFile(e_ / "inner.txt", "inner"));
    RunOptions options;
    options.volumes = {
        VolumeOptions{.name = L"C:\\", .directory = c_},
        VolumeOptions{.name = L"D:\\"},
        VolumeOptions{.name = L"C:\\Mount\\E\\", .directory = e_},
    };
    emulator_ = std::make_unique<Emulator>(options);
  }
  void TearDown() override {
    emulator_.reset();
    host_.reset();
  }

  fs::path Map(std::wstring_view vss_path) const {
    return HostPath(*emulator_, vss_path);
  }

  std::unique_ptr<TempFolder> host_;
  fs::path c_, e_;
  std::unique_ptr<Emulator> emulator_;
};

TEST_F(HostPaths, DriveLetterPathsMapBelowTheVolumeFolder) {
  EXPECT_EQ(Map(L"C:\\Data\\Sub\\File.TXT"), c_ / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(Map(L"C:/Data/Sub/File.TXT"), c_ / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(Map(L"\\\\?\\C:\\Data\\Sub\\File.TXT"),
            c_ / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(Map(L"C:\\"), c_);
  EXPECT_EQ(Map(L"c:"), c_);
}

TEST_F(HostPaths, VolumeGuidNamesMapLikeTheDriveLetter) {
  const coordinator::Volume* c =
      emulator_->service()->volumes().FindVolume(L"C:\\");
  ASSERT_NE(c, nullptr);
  std::wstring upper = c->guid_name;
  for (wchar_t& ch : upper) ch = static_cast<wchar_t>(std::towupper(ch));
  EXPECT_EQ(Map(c->guid_name + L"Data\\Sub\\File.TXT"),
            c_ / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(Map(upper + L"DATA\\SUB\\FILE.TXT"),
            c_ / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(Map(c->guid_name), c_);
}

TEST_F(HostPaths, AMountedFolderBelongsToTheMountedVolume) {
  EXPECT_EQ(Map(L"C:\\Mount\\E\\inner.txt"), e_ / "inner.txt");
  EXPECT_EQ(Map(L"c:\\MOUNT\\e\\inner.txt"), e_ / "inner.txt");
  EXPECT_EQ(Map(L"C:\\Mount\\E"), e_);
  // Only whole components match: E2 is a folder of C:, not of E.
  EXPECT_EQ(Map(L"C:\\Mount\\E2\\x"), c_ / "Mount" / "E2" / "x");
}

TEST_F(HostPaths, MachineVariablesExpandFirst) {
  EXPECT_EQ(Map(L"%SystemRoot%\\System32\\x.dll"),
            c_ / "Windows" / "System32" / "x.dll");
  EXPECT_EQ(Map(L"%systemdrive%\\Data"), c_ / "Data");
  EXPECT_EQ(Map(L"%ProgramData%\\App"), c_ / "ProgramData" / "App");
}

TEST_F(HostPaths, LetterCaseIsMatchedAgainstWhatExists) {
  EXPECT_EQ(Map(L"C:\\DATA\\sub\\file.txt"), c_ / "Data" / "Sub" / "File.TXT");
  // What does not exist yet keeps the caller's spelling, below the part
  // that does exist in the host's spelling.
  EXPECT_EQ(Map(L"C:\\data\\SUB\\NewDir\\New.txt"),
            c_ / "Data" / "Sub" / "NewDir" / "New.txt");
  ASSERT_TRUE(WriteFile(Map(L"C:\\data\\NewDir\\New.txt"), "new"));
  EXPECT_EQ(ReadFile(c_ / "Data" / "NewDir" / "New.txt"), "new");
}

TEST_F(HostPaths, OfTwoNamesDifferingInCaseTheSmallerWins) {
  ASSERT_TRUE(WriteFile(c_ / "ab", "lower"));
  ASSERT_TRUE(WriteFile(c_ / "AB", "upper"));
  if (ReadFile(c_ / "ab") == ReadFile(c_ / "AB")) {
    GTEST_SKIP() << "the host file system ignores case itself";
  }
  EXPECT_EQ(Map(L"C:\\Ab"), c_ / "AB");
  EXPECT_EQ(Map(L"C:\\ab"), c_ / "ab");  // The exact spelling comes first.
}

TEST_F(HostPaths, DotDotNeverLeavesTheVolume) {
  EXPECT_EQ(Map(L"C:\\..\\..\\etc\\passwd"), c_ / "etc" / "passwd");
  EXPECT_EQ(Map(L"C:\\Data\\..\\..\\..\\x"), c_ / "x");
  EXPECT_EQ(Map(L"C:\\Data\\.\\Sub\\..\\Sub\\File.TXT"),
            c_ / "Data" / "Sub" / "File.TXT");
  // Resolved before the volume is chosen, as on Windows.
  EXPECT_EQ(Map(L"C:\\Mount\\E\\..\\..\\x"), c_ / "x");
  EXPECT_EQ(Map(L"C:\\Mount\\X\\..\\E\\inner.txt"), e_ / "inner.txt");
  EXPECT_EQ(Map(L"C:/../e/inner.txt"), c_ / "e" / "inner.txt");
}

TEST_F(HostPaths, NonAsciiNamesGoThroughUtf8) {
  const fs::path mapped = Map(L"C:\\\u00e9t\u00e9\\caf\u00e9.txt");
  EXPECT_EQ(mapped, c_ / fs::path(u8"\u00e9t\u00e9") / fs::path(u8"caf\u00e9.txt"));
  ASSERT_TRUE(WriteFile(mapped, "utf8"));
  EXPECT_EQ(ReadFile(Map(L"C:\\\u00e9t\u00e9\\CAF\u00e9.TXT")), "utf8");
}

TEST_F(HostPaths, PathsWithoutAHostFolderMapToNothing) {
  EXPECT_TRUE(Map(L"D:\\data.txt").empty());  // No directory.
  EXPECT_TRUE(Map(L"Q:\\data.txt").empty());  // No such volume.
  EXPECT_TRUE(Map(L"Data\\x").empty());       // Relative.
  EXPECT_TRUE(Map(L"C:Data").empty());        // Drive-relative.
  EXPECT_TRUE(Map(L"\\\\server\\share\\x").empty());
  EXPECT_TRUE(Map(L"\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\x")
                  .empty());
  EXPECT_TRUE(Map(L"").empty());
}

TEST_F(HostPaths, ShadowCopiesThatDoNotExistMapToNothing) {
  EXPECT_TRUE(
      Map(L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\x").empty());
  EXPECT_TRUE(Map(L"\\\\?\\GLOBALROOT\\Device\\").empty());
  EXPECT_TRUE(Map(L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\x").empty());
}

TEST_F(HostPaths, ShadowCopyDevicesMapIntoTheirCopy) {
  ASSERT_TRUE(WriteFile(e_ / "Deep" / "e.txt", "e"));
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\", L"C:\\Mount\\E\\", L"D:\\"}, &ids),
            S_OK);
  const std::wstring c_device = DeviceOf(r, ids[0]);
  const std::wstring e_device = DeviceOf(r, ids[1]);
  const std::wstring d_device = DeviceOf(r, ids[2]);
  const fs::path c_copy = Map(c_device);
  ASSERT_FALSE(c_copy.empty());
  EXPECT_EQ(ReadFile(Map(c_device + L"\\data\\sub\\file.txt")), "file");
  EXPECT_EQ(Map(c_device + L"\\DATA\\SUB\\FILE.TXT"),
            c_copy / "Data" / "Sub" / "File.TXT");
  EXPECT_EQ(ReadFile(Map(e_device + L"/deep/E.TXT")), "e");
  // The device name in any case, and its GLOBALROOT name through \\.\ as
  // well (on Windows the device itself is the copy's folder).
  std::wstring lower = e_device;
  for (wchar_t& ch : lower) ch = static_cast<wchar_t>(std::towlower(ch));
  EXPECT_EQ(Map(lower + L"\\inner.txt"), Map(e_device + L"\\inner.txt"));
  EXPECT_EQ(Map(L"\\\\.\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2\\inner.txt"),
            Map(e_device + L"\\inner.txt"));
  EXPECT_EQ(Map(e_device + L"\\..\\..\\x"), Map(e_device) / "x");
  // D: has no files, so neither has its shadow copy.
  EXPECT_FALSE(d_device.empty());
  EXPECT_TRUE(Map(d_device + L"\\x").empty());
}

TEST_F(HostPaths, TheOneArgumentFormUsesTheCurrentEmulator) {
  EXPECT_EQ(HostPath(L"C:\\Data"), c_ / "Data");
  {
    RunOptions options;  // A default machine: C:\ without files.
    Emulator inner(options);
    EXPECT_TRUE(HostPath(L"C:\\Data").empty());
  }
  EXPECT_EQ(HostPath(L"C:\\Data"), c_ / "Data");
}

}  // namespace
}  // namespace vssemu::testing
