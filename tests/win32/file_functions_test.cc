// The Win32 file functions work on the host files behind the emulated
// volumes, with Windows' dispositions, listings and last errors; shadow
// copies are read-only.
#include <gtest/gtest.h>
#include <windows.h>

#include <algorithm>
#include <string>
#include <vector>

#include "coordinator/volume_test_util.h"
#include "win32/win32_test_util.h"

namespace vssemu::testing {
namespace {

using FileFunctions = Win32Machine;

// Reads a whole file through CreateFileW and ReadFile ("<error N>" if not).
std::string ReadAll(const std::wstring& path) {
  HANDLE h = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    return "<error " + std::to_string(GetLastError()) + ">";
  }
  std::string out;
  char buffer[4];
  DWORD got = 0;
  while (::ReadFile(h, buffer, sizeof buffer, &got, nullptr) && got > 0) {
    out.append(buffer, got);
  }
  CloseHandle(h);
  return out;
}

// Lists the names FindFirstFileW/FindNextFileW give for pattern.
std::vector<std::wstring> Find(const std::wstring& pattern) {
  std::vector<std::wstring> names;
  WIN32_FIND_DATAW data;
  HANDLE h = FindFirstFileW(pattern.c_str(), &data);
  if (h == INVALID_HANDLE_VALUE) return names;
  do {
    names.push_back(data.cFileName);
  } while (FindNextFileW(h, &data));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NO_MORE_FILES));
  FindClose(h);
  return names;
}

HANDLE Open(const std::wstring& path, DWORD access, DWORD disposition) {
  return CreateFileW(path.c_str(), access, 0, nullptr, disposition,
                     FILE_ATTRIBUTE_NORMAL, nullptr);
}

TEST_F(FileFunctions, CreateFileReadsTheHostFileBehindAVolumePath) {
  EXPECT_EQ(ReadAll(L"C:\\Data\\orders.db"), "orders");
  EXPECT_EQ(ReadAll(L"c:/DATA/Orders.DB"), "orders");
  EXPECT_EQ(ReadAll(GuidPathOf(L"C:\\") + L"Data\\orders.db"), "orders");
  EXPECT_EQ(ReadAll(L"C:\\Mount\\E\\inner.txt"), "inner");
}

TEST_F(FileFunctions, DispositionsFollowWindows) {
  EXPECT_EQ(Open(L"C:\\Data\\none", GENERIC_READ, OPEN_EXISTING),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(Open(L"C:\\NoDir\\none", GENERIC_READ, OPEN_EXISTING),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  EXPECT_EQ(Open(L"C:\\Data\\orders.db", GENERIC_WRITE, CREATE_NEW),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_EXISTS));
  HANDLE h = Open(L"C:\\Data\\orders.db", GENERIC_WRITE, CREATE_ALWAYS);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ALREADY_EXISTS));
  CloseHandle(h);
  EXPECT_EQ(ReadFile(c_ / "Data" / "orders.db"), "");  // Truncated.
  h = Open(L"C:\\Data\\new.txt", GENERIC_WRITE, OPEN_ALWAYS);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_SUCCESS));
  DWORD written = 0;
  EXPECT_TRUE(::WriteFile(h, "hello", 5, &written, nullptr));
  EXPECT_EQ(written, 5u);
  CloseHandle(h);
  EXPECT_EQ(ReadFile(c_ / "Data" / "new.txt"), "hello");
  EXPECT_EQ(Open(L"C:\\Data\\new.txt", GENERIC_READ, TRUNCATE_EXISTING),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_PARAMETER));
  h = Open(L"C:\\Data\\new.txt", GENERIC_WRITE, TRUNCATE_EXISTING);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  CloseHandle(h);
  EXPECT_EQ(ReadFile(c_ / "Data" / "new.txt"), "");
}

TEST_F(FileFunctions, FoldersOpenOnlyWithBackupSemantics) {
  EXPECT_EQ(Open(L"C:\\Data", GENERIC_READ, OPEN_EXISTING),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ACCESS_DENIED));
  HANDLE h = CreateFileW(L"C:\\Data", GENERIC_READ, 0, nullptr, OPEN_EXISTING,
                         FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  EXPECT_TRUE(CloseHandle(h));
}

TEST_F(FileFunctions, SizesAndPointersWork) {
  HANDLE h = Open(L"C:\\Data\\orders.db", GENERIC_READ, OPEN_EXISTING);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  LARGE_INTEGER size{};
  ASSERT_TRUE(GetFileSizeEx(h, &size));
  EXPECT_EQ(size.QuadPart, 6);
  DWORD high = 7;
  EXPECT_EQ(GetFileSize(h, &high), 6u);
  EXPECT_EQ(high, 0u);
  LARGE_INTEGER move{}, now{};
  move.QuadPart = -2;
  ASSERT_TRUE(SetFilePointerEx(h, move, &now, FILE_END));
  EXPECT_EQ(now.QuadPart, 4);
  char two[2];
  DWORD got = 0;
  ASSERT_TRUE(::ReadFile(h, two, 2, &got, nullptr));
  EXPECT_EQ(std::string(two, got), "rs");
  ASSERT_TRUE(::ReadFile(h, two, 2, &got, nullptr));
  EXPECT_EQ(got, 0u);  // At the end: success with nothing read.
  move.QuadPart = -100;
  EXPECT_FALSE(SetFilePointerEx(h, move, nullptr, FILE_CURRENT));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NEGATIVE_SEEK));
  OVERLAPPED at{};
  at.Offset = 1;
  ASSERT_TRUE(::ReadFile(h, two, 2, &got, &at));
  EXPECT_EQ(std::string(two, got), "rd");
  CloseHandle(h);
}

TEST_F(FileFunctions, InvalidHandlesAreRefused) {
  char byte;
  DWORD got = 0;
  EXPECT_FALSE(::ReadFile(INVALID_HANDLE_VALUE, &byte, 1, &got, nullptr));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_HANDLE));
  HANDLE h = Open(L"C:\\Data\\orders.db", GENERIC_READ, OPEN_EXISTING);
  ASSERT_TRUE(CloseHandle(h));
  EXPECT_FALSE(CloseHandle(h));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_HANDLE));
  WIN32_FIND_DATAW data;
  HANDLE find = FindFirstFileW(L"C:\\Data\\*", &data);
  ASSERT_NE(find, INVALID_HANDLE_VALUE);
  EXPECT_FALSE(CloseHandle(find));  // A listing is not a file.
  EXPECT_TRUE(FindClose(find));
}

TEST_F(FileFunctions, FindListsDotEntriesThenMatchesCaseInsensitively) {
  EXPECT_EQ(Find(L"C:\\Data\\*"),
            (std::vector<std::wstring>{L".", L"..", L"log1.txt",
                                       L"orders.db"}));
  EXPECT_EQ(Find(L"C:\\data\\LOG?.TXT"),
            std::vector<std::wstring>{L"log1.txt"});
  EXPECT_EQ(Find(L"C:\\*"), std::vector<std::wstring>{L"Data"});  // A root.
  WIN32_FIND_DATAW data;
  EXPECT_EQ(FindFirstFileW(L"C:\\Data\\*.none", &data), INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(FindFirstFileW(L"C:\\NoDir\\*", &data), INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  HANDLE h = FindFirstFileW(L"C:\\Data\\orders.db", &data);
  ASSERT_NE(h, INVALID_HANDLE_VALUE);
  EXPECT_EQ(data.nFileSizeLow, 6u);
  EXPECT_EQ(data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY, 0u);
  FindClose(h);
}

TEST_F(FileFunctions, AttributesTellFilesFromFolders) {
  EXPECT_EQ(GetFileAttributesW(L"C:\\Data") & FILE_ATTRIBUTE_DIRECTORY,
            static_cast<DWORD>(FILE_ATTRIBUTE_DIRECTORY));
  EXPECT_EQ(GetFileAttributesW(L"D:\\"),
            static_cast<DWORD>(FILE_ATTRIBUTE_DIRECTORY));
  EXPECT_EQ(GetFileAttributesW(L"C:\\Data\\none"), INVALID_FILE_ATTRIBUTES);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(GetFileAttributesW(L"Q:\\x"), INVALID_FILE_ATTRIBUTES);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  WIN32_FILE_ATTRIBUTE_DATA info{};
  ASSERT_TRUE(GetFileAttributesExW(L"C:\\Data\\log1.txt",
                                   GetFileExInfoStandard, &info));
  EXPECT_EQ(info.nFileSizeLow, 3u);
  EXPECT_NE(info.ftLastWriteTime.dwHighDateTime, 0u);
}

TEST_F(FileFunctions, FoldersAndFilesAreCreatedMovedCopiedAndDeleted) {
  ASSERT_TRUE(CreateDirectoryW(L"C:\\New", nullptr));
  EXPECT_FALSE(CreateDirectoryW(L"C:\\New", nullptr));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ALREADY_EXISTS));
  EXPECT_FALSE(CreateDirectoryW(L"C:\\No\\Such", nullptr));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  ASSERT_TRUE(CopyFileW(L"C:\\Data\\orders.db", L"C:\\New\\copy.db", TRUE));
  EXPECT_FALSE(CopyFileW(L"C:\\Data\\orders.db", L"C:\\New\\copy.db", TRUE));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_EXISTS));
  EXPECT_FALSE(RemoveDirectoryW(L"C:\\New"));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_DIR_NOT_EMPTY));
  EXPECT_FALSE(MoveFileExW(L"C:\\New\\copy.db", L"C:\\Data\\orders.db", 0));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ALREADY_EXISTS));
  ASSERT_TRUE(MoveFileExW(L"C:\\New\\copy.db", L"C:\\New\\moved.db", 0));
  EXPECT_EQ(ReadFile(c_ / "New" / "moved.db"), "orders");
  // Another volume: only a copy, and only when allowed.
  EXPECT_FALSE(MoveFileExW(L"C:\\New\\moved.db", L"C:\\Mount\\E\\m.db", 0));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_NOT_SAME_DEVICE));
  ASSERT_TRUE(MoveFileExW(L"C:\\New\\moved.db", L"C:\\Mount\\E\\m.db",
                          MOVEFILE_COPY_ALLOWED));
  EXPECT_EQ(ReadFile(e_ / "m.db"), "orders");
  EXPECT_TRUE(DeleteFileW(L"C:\\Mount\\E\\m.db"));
  EXPECT_FALSE(DeleteFileW(L"C:\\Mount\\E\\m.db"));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_TRUE(RemoveDirectoryW(L"C:\\New"));
  EXPECT_FALSE(DeleteFileW(L"C:\\Data"));
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ACCESS_DENIED));
  EXPECT_EQ(CreateFileW(L"D:\\x", GENERIC_WRITE, 0, nullptr, CREATE_NEW, 0,
                        nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_ACCESS_DENIED));
}

TEST(FullPathName, MakesPathsFullAsWindowsDoes) {
  wchar_t full[MAX_PATH];
  LPWSTR file_part = nullptr;
  EXPECT_EQ(GetFullPathNameW(L"C:\\a\\..\\b\\.\\c.txt", MAX_PATH, full,
                             &file_part),
            10u);
  EXPECT_EQ(std::wstring(full), L"C:\\b\\c.txt");
  EXPECT_EQ(std::wstring(file_part), L"c.txt");
  GetFullPathNameW(L"rel/x", MAX_PATH, full, nullptr);
  EXPECT_EQ(std::wstring(full), L"C:\\rel\\x");
  GetFullPathNameW(L"C:\\dir\\", MAX_PATH, full, &file_part);
  EXPECT_EQ(std::wstring(full), L"C:\\dir\\");
  EXPECT_EQ(file_part, nullptr);
  EXPECT_EQ(GetFullPathNameW(L"C:\\abc", 3, full, nullptr), 7u);
  EXPECT_EQ(GetFullPathNameW(L"", MAX_PATH, full, nullptr), 0u);
  EXPECT_EQ(GetLastError(), static_cast<DWORD>(ERROR_INVALID_NAME));
}

}  // namespace
}  // namespace vssemu::testing
