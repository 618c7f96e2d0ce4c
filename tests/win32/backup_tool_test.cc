// A backup tool as one is written for Windows: it resolves C:\ to its
// volume GUID path, snapshots it, and copies every file out of the shadow
// copy through the device name GetSnapshotProperties gives, with
// FindFirstFileW, CreateFileW and ReadFile only. Shadow copies are
// read-only to it.
#include <gtest/gtest.h>
#include <windows.h>
#include <vss.h>
#include <vsbackup.h>
#include <vssemu/host_paths.h>

#include <fstream>
#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/volume_test_util.h"
#include "win32/win32_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

// Copies one file through Win32 handles to a host file; false on failure.
bool CopyOut(const std::wstring& from, const fs::path& to) {
  HANDLE in = CreateFileW(from.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                          OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, nullptr);
  if (in == INVALID_HANDLE_VALUE) return false;
  std::ofstream out(to, std::ios::binary);
  char buffer[3];  // Small, so files take several reads.
  DWORD got = 0;
  bool ok = true;
  while ((ok = ::ReadFile(in, buffer, sizeof buffer, &got, nullptr)) &&
         got > 0) {
    out.write(buffer, got);
  }
  CloseHandle(in);
  return ok && out.good();
}

// Copies the tree below folder (a path ending with a backslash) to target.
void CopyTree(const std::wstring& folder, const fs::path& target) {
  fs::create_directories(target);
  WIN32_FIND_DATAW data;
  HANDLE find = FindFirstFileW((folder + L"*").c_str(), &data);
  ASSERT_NE(find, INVALID_HANDLE_VALUE) << GetLastError();
  do {
    const std::wstring name = data.cFileName;
    if (name == L"." || name == L"..") continue;
    const fs::path host_name(name);
    if (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
      CopyTree(folder + name + L"\\", target / host_name);
    } else {
      EXPECT_TRUE(CopyOut(folder + name, target / host_name));
    }
  } while (FindNextFileW(find, &data));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NO_MORE_FILES));
  FindClose(find);
}

class BackupTool : public Win32Machine {
 protected:
  // Snapshots C:\ as a backup tool does; returns the shadow copy's device.
  std::wstring SnapshotC(Requester& requester) {
    wchar_t volume[50];
    EXPECT_TRUE(GetVolumeNameForVolumeMountPointW(L"C:\\", volume, 50));
    std::vector<VSS_ID> ids;
    EXPECT_EQ(SnapshotVolumes(requester, {volume}, &ids), S_OK);
    return ids.empty() ? L"" : DeviceOf(requester, ids.front());
  }
};

TEST_F(BackupTool, CopiesTheShadowCopyThroughItsDeviceName) {
  Requester requester;
  const std::wstring device = SnapshotC(requester);
  ASSERT_FALSE(device.empty());
  // After the snapshot: a change and a new file the copy must not see.
  ASSERT_TRUE(WriteFile(c_ / "Data" / "orders.db", "changed later"));
  ASSERT_TRUE(WriteFile(c_ / "Data" / "late.txt", "late"));
  TempFolder backup("win32-backup");
  CopyTree(device + L"\\", backup.path());
  EXPECT_EQ(ReadFile(backup / "Data" / "orders.db"), "orders");
  EXPECT_EQ(ReadFile(backup / "Data" / "log1.txt"), "one");
  EXPECT_FALSE(fs::exists(backup / "Data" / "late.txt"));
  // The volume mounted at C:\Mount\E\ is not part of C:'s shadow copy.
  EXPECT_FALSE(fs::exists(backup / "Mount" / "E" / "inner.txt"));
  requester.Complete();
}

TEST_F(BackupTool, FindsTheShadowCopyReadOnly) {
  Requester requester;
  const std::wstring device = SnapshotC(requester);
  ASSERT_FALSE(device.empty());
  const std::wstring file = device + L"\\Data\\orders.db";
  EXPECT_EQ(CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                        0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_WRITE_PROTECT));
  EXPECT_FALSE(DeleteFileW(file.c_str()));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_WRITE_PROTECT));
  EXPECT_FALSE(CreateDirectoryW((device + L"\\New").c_str(), nullptr));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_WRITE_PROTECT));
  DWORD flags = 0;
  ASSERT_TRUE(GetVolumeInformationW((device + L"\\").c_str(), nullptr, 0,
                                    nullptr, nullptr, &flags, nullptr, 0));
  EXPECT_NE(flags & FILE_READ_ONLY_VOLUME, 0u);
  EXPECT_EQ(GetDriveTypeW((device + L"\\").c_str()),
            static_cast<UINT>(DRIVE_FIXED));
  wchar_t root[MAX_PATH];
  ASSERT_TRUE(GetVolumePathNameW(file.c_str(), root, MAX_PATH));
  EXPECT_EQ(std::wstring(root), device + L"\\");
  EXPECT_EQ(GetFileAttributesW(file.c_str()) & FILE_ATTRIBUTE_DIRECTORY, 0u);
  requester.Complete();
}

TEST_F(BackupTool, AWriterRecoversInsideTheAutoRecoveredCopyWithWin32Calls) {
  TestWriter writer(L"Database");
  DWORD written = 0;
  writer.scripts["PostSnapshot"].action = [&] {
    if ((writer.GetContext() & VSS_VOLSNAP_ATTR_AUTORECOVER) == 0) return;
    LPCWSTR device = nullptr;
    ASSERT_EQ(writer.GetSnapshotDeviceName(L"C:\\", &device), S_OK);
    // Roll the log forward inside the shadow copy.
    const std::wstring log = std::wstring(device) + L"\\Data\\orders.db";
    HANDLE h = CreateFileW(log.c_str(), GENERIC_WRITE, 0, nullptr,
                           TRUNCATE_EXISTING, 0, nullptr);
    ASSERT_NE(h, INVALID_HANDLE_VALUE) << GetLastError();
    ASSERT_TRUE(::WriteFile(h, "recovered", 9, &written, nullptr));
    CloseHandle(h);
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  const std::wstring device = SnapshotC(requester);
  ASSERT_FALSE(device.empty());
  EXPECT_EQ(written, 9u);
  EXPECT_EQ(ReadFile(HostPath(device + L"\\Data\\orders.db")), "recovered");
  EXPECT_EQ(ReadFile(c_ / "Data" / "orders.db"), "orders");
  // PostSnapshot has ended: the copy is read-only again.
  const std::wstring file = device + L"\\Data\\orders.db";
  EXPECT_EQ(CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                        0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_WRITE_PROTECT));
  requester.Complete();
}

TEST_F(BackupTool, AShadowCopyThatIsGoneIsAPathNotFound) {
  const std::wstring gone =
      L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy99\\x";
  EXPECT_EQ(CreateFileW(gone.c_str(), GENERIC_READ, 0, nullptr, OPEN_EXISTING,
                        0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
}

}  // namespace
}  // namespace vssemu::testing
