// The pure rules of VSS paths: volume GUID names, device names, the
// machine's variables, "." and "..", comparison and file specifications.
#include "paths/vss_paths.h"

#include "paths/path_text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace vssemu::paths {
namespace {

constexpr GUID kDataGuid = {0x12345678,
                            0xabcd,
                            0x4ef0,
                            {0x81, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}};

TEST(VssPaths, VolumeGuidNameHasTheWindowsShape) {
  EXPECT_EQ(VolumeGuidName(kDataGuid),
            L"\\\\?\\Volume{12345678-abcd-4ef0-8123-456789abcdef}\\");
}

TEST(VssPaths, VolumeGuidPrefixParsesInAnyCaseAndGivesTheRest) {
  std::wstring_view rest;
  auto guid = ParseVolumeGuidPrefix(
      L"\\\\?\\VOLUME{12345678-ABCD-4EF0-8123-456789ABCDEF}\\dir\\f", &rest);
  ASSERT_TRUE(guid.has_value());
  EXPECT_TRUE(IsEqualGUID(*guid, kDataGuid));
  EXPECT_EQ(rest, L"\\dir\\f");
  EXPECT_FALSE(ParseVolumeGuidPrefix(L"C:\\", &rest).has_value());
  EXPECT_FALSE(ParseVolumeGuidPrefix(L"\\\\?\\Volume{nope}\\", &rest));
}

TEST(VssPaths, DriveRootedFoldersGetOneTrailingBackslashAndAnUpperLetter) {
  EXPECT_EQ(DriveRootedFolder(L"c:"), L"C:\\");
  EXPECT_EQ(DriveRootedFolder(L"d:\\Mount\\X"), L"D:\\Mount\\X\\");
  EXPECT_FALSE(DriveRootedFolder(L"C:foo").has_value());
  EXPECT_FALSE(DriveRootedFolder(L"\\\\server\\share").has_value());
  EXPECT_FALSE(DriveRootedFolder(L"1:\\").has_value());
}

TEST(VssPaths, ShadowCopyDeviceNamesAreNumberedAndSplitFromTheirPaths) {
  EXPECT_EQ(ShadowCopyDeviceName(3),
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3");
  EXPECT_EQ(DeviceObjectName(ShadowCopyDeviceName(3)),
            L"HarddiskVolumeShadowCopy3");
  std::wstring device, rest;
  ASSERT_TRUE(SplitDevicePath(
      L"\\\\.\\globalroot\\device\\HarddiskVolumeShadowCopy3\\a\\b", &device,
      &rest));
  EXPECT_EQ(device, L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3");
  EXPECT_EQ(rest, L"\\a\\b");
  ASSERT_TRUE(SplitDevicePath(ShadowCopyDeviceName(1), &device, &rest));
  EXPECT_EQ(rest, L"");
  EXPECT_FALSE(SplitDevicePath(L"\\\\?\\C:\\x", &device, &rest));
  EXPECT_FALSE(SplitDevicePath(L"C:\\x", &device, &rest));
}

TEST(VssPaths, ExpandMachineVariablesFollowsTheDocumentedTable) {
  EXPECT_EQ(ExpandMachineVariables(L"%SystemDrive%"), L"C:");
  EXPECT_EQ(ExpandMachineVariables(L"%SystemRoot%\\System32"),
            L"C:\\Windows\\System32");
  EXPECT_EQ(ExpandMachineVariables(L"%windir%"), L"C:\\Windows");
  EXPECT_EQ(ExpandMachineVariables(L"%ProgramFiles%\\App"),
            L"C:\\Program Files\\App");
  EXPECT_EQ(ExpandMachineVariables(L"%ProgramFiles(x86)%"),
            L"C:\\Program Files (x86)");
  EXPECT_EQ(ExpandMachineVariables(L"%CommonProgramFiles%"),
            L"C:\\Program Files\\Common Files");
  EXPECT_EQ(ExpandMachineVariables(L"%ProgramData%"), L"C:\\ProgramData");
  EXPECT_EQ(ExpandMachineVariables(L"%ALLUSERSPROFILE%"), L"C:\\ProgramData");
}

TEST(VssPaths, VariableNamesIgnoreCaseAndUnknownOnesStayAsTheyAre) {
  EXPECT_EQ(ExpandMachineVariables(L"%SYSTEMROOT%"), L"C:\\Windows");
  EXPECT_EQ(ExpandMachineVariables(L"%systemroot%"), L"C:\\Windows");
  EXPECT_EQ(ExpandMachineVariables(L"%Nope%\\x"), L"%Nope%\\x");
  EXPECT_EQ(ExpandMachineVariables(L"100% sure"), L"100% sure");
  EXPECT_EQ(ExpandMachineVariables(L"%Nope%%SystemDrive%"), L"%Nope%C:");
}

TEST(VssPaths, DotDotStopsAtTheRoot) {
  EXPECT_EQ(SplitBelowRoot(L"a\\.\\b\\..\\..\\..\\c\\\\d\\"),
            (std::vector<std::wstring>{L"c", L"d"}));
  EXPECT_EQ(NormaliseDrivePath(L"C:\\Mount\\E\\..\\x"), L"C:\\Mount\\x\\");
  EXPECT_EQ(NormaliseDrivePath(L"\\\\?\\C:\\..\\x"), L"\\\\?\\C:\\x\\");
  EXPECT_EQ(NormaliseDrivePath(L"\\\\?\\Volume{x}\\.."),
            L"\\\\?\\Volume{x}\\..");
}

TEST(VssPaths, FoldersInsideARootSplitAndOthersAreRefused) {
  using Parts = std::vector<std::wstring>;
  EXPECT_EQ(SplitInsideRoot(L"Data"), Parts{L"Data"});
  EXPECT_EQ(SplitInsideRoot(L"App/Logs\\"), (Parts{L"App", L"Logs"}));
  EXPECT_EQ(SplitInsideRoot(L"a\\..\\b\\.\\c"), (Parts{L"b", L"c"}));
  EXPECT_EQ(SplitInsideRoot(L""), Parts{});
  EXPECT_EQ(SplitInsideRoot(L"."), Parts{});
  for (std::wstring_view outside : {L"\\Data", L"/Data", L"C:\\Data", L"c:Data",
                                    L"..", L"a\\..\\..\\b",
                                    L"\\\\?\\C:\\Data", L"\\\\server\\share"}) {
    EXPECT_FALSE(SplitInsideRoot(outside)) << WideToUtf8(outside);
  }
}

TEST(VssPaths, FoldersCompareWithoutCaseOrTrailingBackslashes) {
  EXPECT_TRUE(SameFolder(L"D:\\Db\\", L"d:\\DB"));
  EXPECT_FALSE(SameFolder(L"D:\\Db", L"D:\\Dbx"));
  EXPECT_TRUE(IsAtOrBelow(L"d:\\db\\x", L"D:\\Db\\"));
  EXPECT_TRUE(IsAtOrBelow(L"D:\\Db", L"D:\\Db"));
  EXPECT_FALSE(IsAtOrBelow(L"D:\\Dbx\\y", L"D:\\Db"));
  EXPECT_TRUE(IsAtOrBelow(L"C:\\x", L"C:\\"));
}

TEST(VssPaths, FileSpecificationsMatchAsOnWindows) {
  EXPECT_TRUE(MatchesFilespec(L"orders.MDF", L"*.mdf"));
  EXPECT_TRUE(MatchesFilespec(L"log1.txt", L"LOG?.txt"));
  EXPECT_FALSE(MatchesFilespec(L"log12.txt", L"log?.txt"));
  EXPECT_TRUE(MatchesFilespec(L"README", L"*.*"));
  EXPECT_TRUE(MatchesFilespec(L"a.b.c", L"*.c"));
  EXPECT_FALSE(MatchesFilespec(L"a.b.c", L"*.b"));
}

}  // namespace
}  // namespace vssemu::paths
