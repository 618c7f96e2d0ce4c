// The Win32 volume functions answer from the current emulator's machine,
// with the documented return conventions and last errors.
#include <gtest/gtest.h>
#include <windows.h>
#include <vss.h>
#include <vsbackup.h>

#include <string>
#include <thread>
#include <vector>

#include "harness/current_emulator.h"
#include "win32/win32_test_util.h"

namespace vssemu::testing {
namespace {

// Splits a double-NUL-terminated multi-string.
std::vector<std::wstring> Strings(const wchar_t* multi) {
  std::vector<std::wstring> out;
  for (const wchar_t* p = multi; *p != L'\0'; p += out.back().size() + 1) {
    out.emplace_back(p);
  }
  return out;
}

using VolumeFunctions = Win32Machine;

TEST_F(VolumeFunctions, AMountPointResolvesToTheVolumeGuidPath) {
  wchar_t name[50];
  ASSERT_TRUE(GetVolumeNameForVolumeMountPointW(L"C:\\", name, 50));
  EXPECT_EQ(std::wstring(name), GuidPathOf(L"C:\\"));
  ASSERT_TRUE(GetVolumeNameForVolumeMountPointW(L"c:\\mount\\e\\", name, 50));
  EXPECT_EQ(std::wstring(name), GuidPathOf(L"C:\\Mount\\E\\"));
}

TEST_F(VolumeFunctions, AMountPointNeedsItsTrailingBackslashAndAVolume) {
  wchar_t name[50];
  EXPECT_FALSE(GetVolumeNameForVolumeMountPointW(L"C:", name, 50));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_NAME));
  EXPECT_FALSE(GetVolumeNameForVolumeMountPointW(L"Z:\\", name, 50));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_FALSE(GetVolumeNameForVolumeMountPointW(L"C:\\Data\\", name, 50));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NOT_A_REPARSE_POINT));
  EXPECT_FALSE(GetVolumeNameForVolumeMountPointW(L"C:\\", name, 10));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILENAME_EXCED_RANGE));
}

TEST_F(VolumeFunctions, TheVolumeGuidPathIsOneThatAddToSnapshotSetAccepts) {
  wchar_t name[50];
  ASSERT_TRUE(GetVolumeNameForVolumeMountPointW(L"C:\\", name, 50));
  IVssBackupComponents* backup = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
  BOOL supported = FALSE;
  EXPECT_EQ(backup->IsVolumeSupported(GUID_NULL, name, &supported), S_OK);
  EXPECT_TRUE(supported);
  VSS_ID set_id = GUID_NULL, snapshot_id = GUID_NULL;
  ASSERT_EQ(backup->StartSnapshotSet(&set_id), S_OK);
  EXPECT_EQ(backup->AddToSnapshotSet(name, GUID_NULL, &snapshot_id), S_OK);
  backup->Release();
}

TEST_F(VolumeFunctions, AnyPathGivesTheMountPointOfItsVolume) {
  wchar_t root[MAX_PATH];
  ASSERT_TRUE(GetVolumePathNameW(L"C:\\Data\\orders.db", root, MAX_PATH));
  EXPECT_EQ(std::wstring(root), L"C:\\");
  ASSERT_TRUE(GetVolumePathNameW(L"C:\\Mount\\E\\dir\\f", root, MAX_PATH));
  EXPECT_EQ(std::wstring(root), L"C:\\Mount\\E\\");
  ASSERT_TRUE(GetVolumePathNameW(L"\\\\?\\C:\\Data", root, MAX_PATH));
  EXPECT_EQ(std::wstring(root), L"\\\\?\\C:\\");
  ASSERT_TRUE(GetVolumePathNameW(L"relative\\file", root, MAX_PATH));
  EXPECT_EQ(std::wstring(root), L"C:\\");
  // One character short: the trailing backslash goes, as documented.
  ASSERT_TRUE(GetVolumePathNameW(L"C:\\x", root, 3));
  EXPECT_EQ(std::wstring(root), L"C:");
  EXPECT_FALSE(GetVolumePathNameW(L"", root, MAX_PATH));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_SUCCESS));
}

TEST_F(VolumeFunctions, AVolumeListsItsMountPointsAsAMultiString) {
  const std::wstring guid_path = GuidPathOf(L"C:\\Mount\\E\\");
  wchar_t names[64];
  DWORD length = 0;
  ASSERT_TRUE(GetVolumePathNamesForVolumeNameW(guid_path.c_str(), names, 64,
                                               &length));
  EXPECT_EQ(Strings(names), std::vector<std::wstring>{L"C:\\Mount\\E\\"});
  EXPECT_EQ(length, 13u);
  EXPECT_FALSE(GetVolumePathNamesForVolumeNameW(guid_path.c_str(), names, 5,
                                                &length));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_MORE_DATA));
  EXPECT_EQ(length, 13u);
}

TEST_F(VolumeFunctions, FindVolumeEnumeratesEveryVolumeThenReportsTheEnd) {
  wchar_t name[50];
  HANDLE find = FindFirstVolumeW(name, 50);
  ASSERT_NE(find, INVALID_HANDLE_VALUE);
  std::vector<std::wstring> seen = {name};
  while (FindNextVolumeW(find, name, 50)) seen.push_back(name);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NO_MORE_FILES));
  EXPECT_TRUE(FindVolumeClose(find));
  EXPECT_EQ(seen, (std::vector<std::wstring>{GuidPathOf(L"C:\\"),
                                             GuidPathOf(L"D:\\"),
                                             GuidPathOf(L"C:\\Mount\\E\\")}));
  EXPECT_FALSE(FindNextVolumeW(find, name, 50));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_HANDLE));
}

TEST_F(VolumeFunctions, QueryDosDeviceMapsDriveLettersToVolumeDevices) {
  wchar_t target[64];
  const DWORD stored = QueryDosDeviceW(L"C:", target, 64);
  EXPECT_EQ(std::wstring(target), L"\\Device\\HarddiskVolume1");
  EXPECT_EQ(stored, 25u);  // The name, its NUL and the final NUL.
  const std::wstring d = GuidPathOf(L"D:\\");
  ASSERT_NE(QueryDosDeviceW(d.substr(4, d.size() - 5).c_str(), target, 64), 0u);
  EXPECT_EQ(std::wstring(target), L"\\Device\\HarddiskVolume2");
  EXPECT_EQ(QueryDosDeviceW(L"C:\\", target, 64), 0u);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(QueryDosDeviceW(L"C:", target, 5), 0u);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INSUFFICIENT_BUFFER));
}

TEST_F(VolumeFunctions, EmulatedVolumesAreFixedDrivesAndOtherPathsAreNoRoot) {
  EXPECT_EQ(GetDriveTypeW(L"C:\\"), static_cast<UINT>(DRIVE_FIXED));
  EXPECT_EQ(GetDriveTypeW(L"D:\\"), static_cast<UINT>(DRIVE_FIXED));
  EXPECT_EQ(GetDriveTypeW(GuidPathOf(L"D:\\").c_str()),
            static_cast<UINT>(DRIVE_FIXED));
  EXPECT_EQ(GetDriveTypeW(nullptr), static_cast<UINT>(DRIVE_FIXED));
  EXPECT_EQ(GetDriveTypeW(L"Z:\\"), static_cast<UINT>(DRIVE_NO_ROOT_DIR));
  EXPECT_EQ(GetDriveTypeW(L"C:\\Data\\"), static_cast<UINT>(DRIVE_NO_ROOT_DIR));
}

TEST_F(VolumeFunctions, VolumeInformationDescribesAnNtfsVolume) {
  wchar_t label[32], file_system[32];
  DWORD serial = 0, max_component = 0, flags = 0;
  ASSERT_TRUE(GetVolumeInformationW(L"C:\\", label, 32, &serial,
                                    &max_component, &flags, file_system, 32));
  EXPECT_EQ(std::wstring(label), L"");
  EXPECT_EQ(std::wstring(file_system), L"NTFS");
  EXPECT_EQ(max_component, 255u);
  EXPECT_NE(flags & FILE_CASE_PRESERVED_NAMES, 0u);
  EXPECT_EQ(flags & FILE_READ_ONLY_VOLUME, 0u);
  DWORD again = 0;
  ASSERT_TRUE(GetVolumeInformationW(GuidPathOf(L"C:\\").c_str(), nullptr, 0,
                                    &again, nullptr, nullptr, nullptr, 0));
  EXPECT_EQ(again, serial);
  EXPECT_FALSE(GetVolumeInformationW(L"C:\\Data\\", nullptr, 0, nullptr,
                                     nullptr, nullptr, nullptr, 0));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_DIR_NOT_ROOT));
  EXPECT_FALSE(GetVolumeInformationW(L"Z:\\", nullptr, 0, nullptr, nullptr,
                                     nullptr, nullptr, 0));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
}

TEST_F(VolumeFunctions, LogicalDriveStringsListTheDriveLetterRoots) {
  wchar_t drives[16];
  EXPECT_EQ(GetLogicalDriveStringsW(0, nullptr), 9u);  // "C:\ D:\" + NULs.
  EXPECT_EQ(GetLogicalDriveStringsW(16, drives), 8u);
  EXPECT_EQ(Strings(drives), (std::vector<std::wstring>{L"C:\\", L"D:\\"}));
}

TEST(LastError, IsKeptPerThread) {
  SetLastError(ERROR_ACCESS_DENIED);
  DWORD other = 0;
  std::thread([&] {
    SetLastError(ERROR_FILE_NOT_FOUND);
    other = GetLastError();
  }).join();
  EXPECT_EQ(other, static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ACCESS_DENIED));
}

TEST(NoEmulator, TheMachineHasNoVolumes) {
  if (harness::CurrentEmulatorIfAny() != nullptr) {
    GTEST_SKIP() << "an earlier test of this process left an emulator current";
  }
  wchar_t name[50];
  EXPECT_EQ(FindFirstVolumeW(name, 50), INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NO_MORE_FILES));
  EXPECT_EQ(GetDriveTypeW(L"C:\\"), static_cast<UINT>(DRIVE_NO_ROOT_DIR));
  EXPECT_EQ(GetLogicalDriveStringsW(0, nullptr), 1u);
  EXPECT_EQ(CreateFileW(L"C:\\x", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0,
                        nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
}

}  // namespace
}  // namespace vssemu::testing
