// A backup tool written as tools in the field are (fixtures/samples/
// shadow_copy_requester.cc: ATL smart pointers, wprintf(L"%s"), the Win32
// volume and file functions, AddComponent before SetBackupState, and
// SetBackupState in its restore) runs unchanged against the emulated
// machine: it backs up a folder out of a shadow copy and restores it byte
// for byte, and a file changed after the snapshot is not in the copy.
// On Linux the emulated C:\ and D:\ are temporary folders of the test. On
// Windows (and Wine) the tool's Win32 calls reach the real OS, so the
// emulated C:\ is the host's own C:\, its shadow copies holding only the
// test's folder (VolumeOptions::snapshot_scope); the test body is the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include <vssemu/emulator.h>
#include <vssemu/host_paths.h>

#include "fixtures/samples/express_writer_app.h"
#include "fixtures/samples/shadow_copy_requester.h"

namespace vssemu::samples {
namespace {

namespace fs = std::filesystem;

// A file-group writer for C:\Data whose OnThaw changes a live file: the
// change comes after the snapshot, so a backup from the shadow copy does
// not hold it.
class DataWriter : public CVssWriter {
 public:
  explicit DataWriter(std::wstring data) : data_(std::move(data)) {}
  HRESULT Start() {
    static const VSS_ID kId = {0x7a1e0001, 0x2b3c, 0x4d5e,
                               {0x8f, 0x90, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6}};
    HRESULT hr = Initialize(kId, L"Data Writer", VSS_UT_USERDATA, VSS_ST_OTHER);
    return FAILED(hr) ? hr : Subscribe();
  }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override {
    return SUCCEEDED(metadata->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE,
                                                NULL, NULL, VSS_WRE_ALWAYS,
                                                false)) &&
           SUCCEEDED(metadata->AddComponent(VSS_CT_FILEGROUP, NULL, L"Data",
                                            L"Data files", NULL, 0, false,
                                            true, true, false)) &&
           SUCCEEDED(metadata->AddFilesToFileGroup(NULL, L"Data", data_.c_str(),
                                                   L"*", true, NULL));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override {
    std::ofstream(HostPath(data_ + L"\\a.txt"), std::ios::binary)
        << "changed after the snapshot";
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents*) override {
    ++pre_restores;
    return true;
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents*) override {
    ++post_restores;
    return true;
  }
  int pre_restores = 0;
  int post_restores = 0;

 private:
  std::wstring data_;  // The folder of its file group ("C:\Data").
};

std::string Contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "<missing>";
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Put(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

class ShadowCopyRequester : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::wstring field =
        L"vssemu-field-" + std::to_wstring(GetCurrentProcessId());
#if defined(_WIN32)
    // The host's C:\ itself; a shadow copy holds only the test's folder.
    root_ = fs::path(L"C:\\") / field;
    data_ = L"C:\\" + field + L"\\Data";
    backup_ = L"C:\\" + field + L"\\Backup";
    data_host_ = root_ / "Data";
    backup_host_ = root_ / "Backup";
    options_.volumes = {VolumeOptions{
        .name = L"C:\\", .directory = L"C:\\", .snapshot_scope = {field}}};
#else
    root_ = fs::temp_directory_path() / field;
    data_ = L"C:\\Data";
    backup_ = L"D:\\Backup";
    data_host_ = root_ / "c" / "Data";
    backup_host_ = root_ / "d" / "Backup";
    options_.volumes = {VolumeOptions{.name = L"C:\\", .directory = root_ / "c"},
                        VolumeOptions{.name = L"D:\\", .directory = root_ / "d"}};
#endif
    fs::remove_all(root_);
    Put(data_host_ / "a.txt", "alpha");
    Put(data_host_ / "sub" / "b.bin", binary_);
    fs::create_directories(backup_host_.parent_path());
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

  const std::string binary_{"\x00\x01\xff\xfe" "bytes\r\n", 11};
  fs::path root_;
  std::wstring data_;    // The folder backed up, as the tool names it.
  std::wstring backup_;  // Where the tool copies it.
  fs::path data_host_;   // The same two folders on the host.
  fs::path backup_host_;
  RunOptions options_;
};

TEST_F(ShadowCopyRequester, BacksUpFromTheShadowCopyAndRestoresByteForByte) {
  Emulator emulator(options_);
  DataWriter writer(data_);
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml;
  ::testing::internal::CaptureStdout();
  const HRESULT backed_up = BackUpFolder(data_.c_str(), backup_.c_str(), &xml);
  const std::string printed = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(backed_up, S_OK) << printed;
  // wprintf(L"%s") printed the wide strings as Windows does.
  // The device name is the GLOBALROOT one on Linux and the folder of the
  // copy on Windows, whose own CreateFileW must open it.
  EXPECT_NE(printed.find("Shadow copy of C:\\ is \\\\?\\"), std::string::npos)
      << printed;
  EXPECT_NE(printed.find("\\HarddiskVolumeShadowCopy1\n"), std::string::npos)
      << printed;
  EXPECT_NE(printed.find("Added component Data of writer \"Data Writer\""),
            std::string::npos)
      << printed;
  EXPECT_EQ(Contents(backup_host_ / "a.txt"), "alpha");
  EXPECT_EQ(Contents(backup_host_ / "sub" / "b.bin"), binary_);
  EXPECT_EQ(Contents(data_host_ / "a.txt"), "changed after the snapshot");
  ASSERT_FALSE(xml.empty());

  fs::remove_all(data_host_);
  ::testing::internal::CaptureStdout();
  const HRESULT restored = RestoreFolder(xml, backup_.c_str(), data_.c_str());
  const std::string restore_output = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(restored, S_OK) << restore_output;
  EXPECT_EQ(Contents(data_host_ / "a.txt"), "alpha");
  EXPECT_EQ(Contents(data_host_ / "sub" / "b.bin"), binary_);
  EXPECT_EQ(writer.pre_restores, 1);
  EXPECT_EQ(writer.post_restores, 1);
  EXPECT_TRUE(emulator.violations().empty())
      << emulator.violations().front().rule;
}

// An application's express writer, registered as Microsoft's express writer
// sample registers one, is backed up and restored by the same unchanged
// tool beside an ordinary writer: VSS answers for it, its component is in
// the saved document, and the tool meets every requester obligation for it.
TEST_F(ShadowCopyRequester, BacksUpAndRestoresAnExpressWriterBesideAnOrdinaryOne) {
  Emulator emulator(options_);
  DataWriter writer(data_);
  ASSERT_EQ(writer.Start(), S_OK);
  const std::wstring app = data_ + L"\\sub";
  ASSERT_EQ(RegisterAppExpressWriter(app.c_str()), S_OK);
  EXPECT_EQ(RegisterAppExpressWriter(app.c_str()), VSS_E_OBJECT_ALREADY_EXISTS);
  std::wstring xml;
  ::testing::internal::CaptureStdout();
  const HRESULT backed_up = BackUpFolder(data_.c_str(), backup_.c_str(), &xml);
  const std::string printed = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(backed_up, S_OK) << printed;
  EXPECT_NE(printed.find("Added component AppData of writer \"App Express Writer\""),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find("Added component Data of writer \"Data Writer\""),
            std::string::npos)
      << printed;
  EXPECT_NE(xml.find(L"componentName=\"AppData\""), std::wstring::npos);
  EXPECT_EQ(Contents(backup_host_ / "sub" / "b.bin"), binary_);

  fs::remove_all(data_host_);
  ::testing::internal::CaptureStdout();
  const HRESULT restored = RestoreFolder(xml, backup_.c_str(), data_.c_str());
  const std::string restore_output = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(restored, S_OK) << restore_output;
  EXPECT_EQ(Contents(data_host_ / "sub" / "b.bin"), binary_);
  EXPECT_EQ(writer.pre_restores, 1);
  // VSS answered every event of the express writer, restore included.
  int express_callbacks = 0;
  for (const TraceEvent& e : emulator.trace().events()) {
    if (e.kind == "callback" && e.Get("writer") == "App Express Writer") {
      ++express_callbacks;
      EXPECT_EQ(e.Get("returned"), "true") << e.ToLine();
    }
  }
  EXPECT_GE(express_callbacks, 8);
  EXPECT_TRUE(emulator.violations().empty())
      << emulator.violations().front().rule << ": "
      << emulator.violations().front().message;

  EXPECT_EQ(UnregisterAppExpressWriter(), S_OK);
  EXPECT_EQ(UnregisterAppExpressWriter(), VSS_E_OBJECT_NOT_FOUND);
  // Saved on one machine, registered from its XML on another.
  std::wstring saved;
  ASSERT_EQ(SaveAppExpressWriterMetadata(app.c_str(), &saved), S_OK);
  EXPECT_EQ(RegisterAppExpressWriterFromXml(saved), S_OK);
  EXPECT_EQ(RegisterAppExpressWriterFromXml(L"<WRITER_METADATA"),
            VSS_E_INVALID_XML_DOCUMENT);
}

}  // namespace
}  // namespace vssemu::samples
