// The emulated machine meets the host's own volumes (platform/
// host_volumes.h). On Windows a requester asks the real OS for volume names
// and opens files with the real CreateFileW: the GUID name the OS gives the
// drive C: is the emulated C: drive's, and the device name of a shadow copy of a backed
// volume opens with CreateFileW and FindFirstFileW. Off Windows the
// emulator keeps its own names; the Windows-only tests skip there.
#include <gtest/gtest.h>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#if defined(_WIN32)
#include <windows.h>
#endif

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/provider_volumes.h"
#include "coordinator/volume_test_util.h"
#include "paths/path_text.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

constexpr wchar_t kFirstGlobalRootDevice[] =
    L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1";

TEST(HostVolumes, TakingTheHostGuidDoesNotShiftTheOtherVolumesGuids) {
  coordinator::VolumeTable own(7);
  coordinator::VolumeTable host(7);
  for (const wchar_t* name : {L"C:\\", L"C:\\Mount\\M\\", L"D:\\"}) {
    ASSERT_EQ(own.Add({.display_name = name}), S_OK);
    ASSERT_EQ(host.Add({.display_name = name, .host_guid = true}), S_OK);
  }
  // A mounted folder and a letter the host lacks keep the PRNG's GUID.
  EXPECT_EQ(own.volumes()[1].guid_name, host.volumes()[1].guid_name);
#if defined(_WIN32)
  wchar_t name[64] = {};
  ASSERT_TRUE(GetVolumeNameForVolumeMountPointW(L"C:\\", name, 64));
  EXPECT_EQ(host.volumes()[0].guid_name, name);
  EXPECT_NE(own.volumes()[0].guid_name, name);
  if (GetDriveTypeW(L"D:\\") == DRIVE_NO_ROOT_DIR) {
    EXPECT_EQ(own.volumes()[2].guid_name, host.volumes()[2].guid_name);
  }
#else
  EXPECT_EQ(own.volumes()[0].guid_name, host.volumes()[0].guid_name);
  EXPECT_EQ(own.volumes()[2].guid_name, host.volumes()[2].guid_name);
#endif
}

TEST(HostVolumes, TheHostsGuidNameOfCIsAcceptedByTheRequesterCalls) {
#if !defined(_WIN32)
  GTEST_SKIP() << "off Windows the OS has no volume GUID names to give";
#else
  wchar_t name[64] = {};
  ASSERT_TRUE(GetVolumeNameForVolumeMountPointW(L"C:\\", name, 64));
  Emulator emulator;  // C:\ without files.
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {name}, &ids), S_OK);
  BOOL supported = FALSE;
  ASSERT_EQ(r->IsVolumeSupported(GUID_NULL, name, &supported), S_OK);
  EXPECT_TRUE(supported);
  VSS_SNAPSHOT_PROP prop{};
  ASSERT_EQ(r->GetSnapshotProperties(ids[0], &prop), S_OK);
  EXPECT_STREQ(prop.m_pwszOriginalVolumeName, name);
  // A volume without files keeps the GLOBALROOT device name.
  EXPECT_STREQ(prop.m_pwszSnapshotDeviceObject, kFirstGlobalRootDevice);
  VssFreeSnapshotProperties(&prop);
#endif
}

#if defined(_WIN32)
// Reads the whole file at path with the host's CreateFileW and ReadFile.
std::string ReadWithWin32(const std::wstring& path) {
  HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ,
                            nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
                            nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    return "<error " + std::to_string(GetLastError()) + ">";
  }
  std::string bytes;
  char buffer[256];
  DWORD got = 0;
  while (::ReadFile(file, buffer, sizeof(buffer), &got, nullptr) && got > 0) {
    bytes.append(buffer, got);
  }
  CloseHandle(file);
  return bytes;
}

// Lists pattern with the host's FindFirstFileW and FindNextFileW.
std::set<std::wstring> ListWithWin32(const std::wstring& pattern) {
  std::set<std::wstring> names;
  WIN32_FIND_DATAW data;
  HANDLE find = FindFirstFileW(pattern.c_str(), &data);
  if (find == INVALID_HANDLE_VALUE) return names;
  do {
    names.insert(data.cFileName);
  } while (FindNextFileW(find, &data));
  FindClose(find);
  return names;
}
#endif

TEST(HostVolumes, TheDeviceOfABackedShadowCopyOpensWithTheHostsFileCalls) {
#if !defined(_WIN32)
  GTEST_SKIP() << "off Windows the device is the GLOBALROOT name";
#else
  TempFolder host("hostdevice");
  ASSERT_TRUE(WriteFile(host / "c" / "Data" / "a.txt", "alpha"));
  ASSERT_TRUE(WriteFile(host / "c" / "Data" / "b.txt", "bravo"));
  RunOptions options;
  options.volumes = {VolumeOptions{.name = L"C:\\", .directory = host / "c"}};
  Emulator emulator(options);
  Requester r;
  std::vector<VSS_ID> ids;
  ASSERT_EQ(SnapshotVolumes(r, {L"C:\\"}, &ids), S_OK);
  const std::wstring device = DeviceOf(r, ids[0]);
  ASSERT_TRUE(device.starts_with(L"\\\\?\\")) << paths::WideToUtf8(device);
  EXPECT_TRUE(device.ends_with(L"\\HarddiskVolumeShadowCopy1"));
  EXPECT_FALSE(device.starts_with(L"\\\\?\\GLOBALROOT"));
  ASSERT_TRUE(WriteFile(host / "c" / "Data" / "a.txt", "changed"));

  EXPECT_EQ(ReadWithWin32(device + L"\\Data\\a.txt"), "alpha");
  EXPECT_EQ(ListWithWin32(device + L"\\Data\\*"),
            (std::set<std::wstring>{L".", L"..", L"a.txt", L"b.txt"}));
  // HostPath maps both names of the shadow copy to its copy.
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Data\\a.txt")), "alpha");
  EXPECT_EQ(ReadFile(HostPath(std::wstring(kFirstGlobalRootDevice) +
                              L"\\data\\B.TXT")),
            "bravo");
  EXPECT_EQ(ReadFile(HostPath(L"C:\\Data\\a.txt")), "changed");
  // The trace names the device object only, never the host folder.
  const std::string text = emulator.trace().ToText();
  EXPECT_NE(text.find("device=HarddiskVolumeShadowCopy1"), std::string::npos);
  EXPECT_EQ(text.find("vssemu-snapshots-"), std::string::npos);
  EXPECT_FALSE(MentionsHostPath(text, host.path()));

  // Deleting by id removes the copy; the device then names no shadow copy
  // (only a folder of the host's C:, which the emulated C: is not).
  const fs::path copy = HostPath(device);
  ASSERT_TRUE(fs::is_directory(copy));
  LONG deleted = 0;
  VSS_ID nondeleted = GUID_NULL;
  ASSERT_EQ(r->DeleteSnapshots(ids[0], VSS_OBJECT_SNAPSHOT, TRUE, &deleted,
                               &nondeleted),
            S_OK);
  EXPECT_FALSE(fs::exists(copy));
  EXPECT_NE(HostPath(device + L"\\Data\\a.txt"), copy / "Data" / "a.txt");
  EXPECT_TRUE(HostPath(std::wstring(kFirstGlobalRootDevice)).empty());
#endif
}

}  // namespace
}  // namespace vssemu::testing
