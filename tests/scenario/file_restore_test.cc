// End to end: the reference requester backs up real files from a volume
// backed by a host folder, saves the document and the files to media, and a
// fresh emulator restores them with InitializeForRestore; the restored bytes
// are checked, at the original location, an alternate location and a new
// target (issue "Restore ...", spec 11 and 12.7).
#include <gtest/gtest.h>
#include <vsserror.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <vssemu/emulator.h>
#include <vssemu/host_paths.h>

#include "reference_requester/reference_requester.h"
#include "reference_requester/reference_restore.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// {5b0c4a53-9e0a-4c1e-8d55-3f1a2b7c9d01}
constexpr VSS_ID kWriterId = {0x5b0c4a53, 0x9e0a, 0x4c1e,
                              {0x8d, 0x55, 0x3f, 0x1a, 0x2b, 0x7c, 0x9d, 0x01}};

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "<missing>";
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// A file-group writer for D:\Db (excluding *.tmp) with an alternate location
// mapping to D:\Alt; it appends to orders.mdf in OnThaw, after the snapshot
// was taken, so the backup must not contain that line.
class FilesWriter : public CVssWriter {
 public:
  explicit FilesWriter(VSS_RESTOREMETHOD_ENUM method) : method_(method) {}

  HRESULT Start() {
    HRESULT hr = Initialize(kWriterId, L"files writer", VSS_UT_USERDATA,
                            VSS_ST_OTHER);
    return SUCCEEDED(hr) ? Subscribe() : hr;
  }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* m) override {
    return SUCCEEDED(m->SetRestoreMethod(method_, NULL, NULL, VSS_WRE_ALWAYS,
                                         false)) &&
           SUCCEEDED(m->SetBackupSchema(VSS_BS_WRITER_SUPPORTS_NEW_TARGET)) &&
           SUCCEEDED(m->AddComponent(VSS_CT_FILEGROUP, NULL, L"Db", NULL, NULL,
                                     0, false, false, true, true)) &&
           SUCCEEDED(m->AddFilesToFileGroup(NULL, L"Db", L"D:\\Db", L"*", true,
                                            NULL)) &&
           SUCCEEDED(m->AddExcludeFiles(L"D:\\Db", L"*.tmp", false)) &&
           SUCCEEDED(m->AddAlternateLocationMapping(L"D:\\Db", L"*", true,
                                                    L"D:\\Alt"));
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents*) override {
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override {
    std::ofstream(HostPath(L"D:\\Db\\orders.mdf"),
                  std::ios::binary | std::ios::app)
        << "written during thaw\n";
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents* components) override {
    IVssComponent* c = NULL;
    if (components->GetComponent(0, &c) == S_OK) {
      c->GetFileRestoreStatus(&post_restore_status);
      c->Release();
    }
    return true;
  }

  VSS_FILE_RESTORE_STATUS post_restore_status = VSS_RS_UNDEFINED;

 private:
  VSS_RESTOREMETHOD_ENUM method_;
};

class FileRestore : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("vssemu-file-restore-" +
             std::string(::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->name()));
    fs::remove_all(root_);
    WriteFile(root_ / "d" / "Db" / "orders.mdf", "orders v1\n");
    WriteFile(root_ / "d" / "Db" / "logs" / "orders.ldf", "log 1\nlog 2\n");
    WriteFile(root_ / "d" / "Db" / "scratch.tmp", "not backed up");
    WriteFile(root_ / "d" / "Other" / "x.txt", "not in a component");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Options of a machine with C:\ (no files) and D:\ backed by root_/d.
  RunOptions Machine() const {
    RunOptions options;
    options.volumes = {VolumeOptions{}, VolumeOptions{L"D:\\", true, root_ / "d"}};
    options.snapshot_storage = root_ / "snapshots";
    return options;
  }

  // Backs up D:\ with the files writer (method as given) to the media.
  BackupResult BackUp(VSS_RESTOREMETHOD_ENUM method) {
    Emulator emulator(Machine());
    FilesWriter writer(method);
    EXPECT_EQ(writer.Start(), S_OK);
    BackupPlan plan;
    plan.volumes = {L"D:\\"};
    plan.media = media();
    return RunBackup(plan);
  }

  fs::path media() const { return root_ / "media"; }
  fs::path live(const std::string& relative) const {
    return root_ / "d" / relative;
  }

  fs::path root_;
};

TEST_F(FileRestore, BackedUpFilesComeBackIntactAtTheirOriginalLocation) {
  BackupResult backup = BackUp(VSS_RME_RESTORE_IF_CAN_REPLACE);
  ASSERT_TRUE(backup.ok()) << backup.failed_step << " " << backup.message;
  ASSERT_EQ(backup.files.size(), 2u);  // The *.tmp file is excluded.
  // The snapshot was taken before Thaw: the backup has the old bytes.
  EXPECT_EQ(ReadFile(live("Db/orders.mdf")), "orders v1\nwritten during thaw\n");
  fs::remove_all(live("Db"));  // The disaster.

  Emulator emulator(Machine());
  FilesWriter writer(VSS_RME_RESTORE_IF_CAN_REPLACE);
  ASSERT_EQ(writer.Start(), S_OK);
  RestorePlan plan;
  plan.media = media();
  RestoreResult restore = RunRestore(plan);
  ASSERT_TRUE(restore.ok()) << restore.failed_step << " " << restore.message;
  EXPECT_TRUE(VerifyRestoredFiles(plan, restore).empty());
  EXPECT_EQ(ReadFile(live("Db/orders.mdf")), "orders v1\n");
  EXPECT_EQ(ReadFile(live("Db/logs/orders.ldf")), "log 1\nlog 2\n");
  EXPECT_FALSE(fs::exists(live("Db/scratch.tmp")));  // Excluded: not restored.
  EXPECT_EQ(writer.post_restore_status, VSS_RS_ALL);
}

TEST_F(FileRestore, ARestoreToAlternateLocationUsesTheWritersMapping) {
  ASSERT_TRUE(BackUp(VSS_RME_RESTORE_TO_ALTERNATE_LOCATION).ok());
  Emulator emulator(Machine());
  FilesWriter writer(VSS_RME_RESTORE_TO_ALTERNATE_LOCATION);
  ASSERT_EQ(writer.Start(), S_OK);
  RestorePlan plan;
  plan.media = media();
  RestoreResult restore = RunRestore(plan);
  ASSERT_TRUE(restore.ok()) << restore.failed_step << " " << restore.message;
  EXPECT_TRUE(VerifyRestoredFiles(plan, restore).empty());
  EXPECT_EQ(ReadFile(live("Alt/orders.mdf")), "orders v1\n");
  EXPECT_EQ(ReadFile(live("Alt/logs/orders.ldf")), "log 1\nlog 2\n");
  // The original stays as it was.
  EXPECT_EQ(ReadFile(live("Db/orders.mdf")), "orders v1\nwritten during thaw\n");
  EXPECT_NE(std::find(restore.steps.begin(), restore.steps.end(),
                      "AddAlternativeLocationMapping"),
            restore.steps.end());
}

TEST_F(FileRestore, ANewTargetTakesTheFilesElsewhere) {
  ASSERT_TRUE(BackUp(VSS_RME_RESTORE_IF_CAN_REPLACE).ok());
  Emulator emulator(Machine());
  FilesWriter writer(VSS_RME_RESTORE_IF_CAN_REPLACE);
  ASSERT_EQ(writer.Start(), S_OK);
  RestorePlan plan;
  plan.media = media();
  plan.new_targets = {{L"Db", {L"D:\\Db", L"*", true}, L"D:\\Restored\\Db"}};
  RestoreResult restore = RunRestore(plan);
  ASSERT_TRUE(restore.ok()) << restore.failed_step << " " << restore.message;
  EXPECT_TRUE(VerifyRestoredFiles(plan, restore).empty());
  EXPECT_EQ(ReadFile(live("Restored/Db/orders.mdf")), "orders v1\n");
  EXPECT_EQ(ReadFile(live("Restored/Db/logs/orders.ldf")), "log 1\nlog 2\n");
}

TEST_F(FileRestore, RestoreIfNotThereLeavesExistingFilesAlone) {
  ASSERT_TRUE(BackUp(VSS_RME_RESTORE_IF_NOT_THERE).ok());
  Emulator emulator(Machine());
  FilesWriter writer(VSS_RME_RESTORE_IF_NOT_THERE);
  ASSERT_EQ(writer.Start(), S_OK);
  RestorePlan plan;
  plan.media = media();
  RestoreResult restore = RunRestore(plan);
  ASSERT_TRUE(restore.ok()) << restore.failed_step << " " << restore.message;
  EXPECT_EQ(ReadFile(live("Db/orders.mdf")), "orders v1\nwritten during thaw\n");
  EXPECT_EQ(writer.post_restore_status, VSS_RS_NONE);
}

TEST_F(FileRestore, FilesOfAWriterThatIsNotRunningAreRestoredWithoutIt) {
  ASSERT_TRUE(BackUp(VSS_RME_RESTORE_IF_CAN_REPLACE).ok());
  fs::remove_all(live("Db"));
  Emulator emulator(Machine());  // No writer this time.
  RestorePlan plan;
  plan.media = media();
  RestoreResult restore = RunRestore(plan);
  ASSERT_TRUE(restore.ok()) << restore.failed_step << " " << restore.message;
  EXPECT_EQ(restore.without_writer, std::vector<std::wstring>{L"Db"});
  EXPECT_TRUE(VerifyRestoredFiles(plan, restore).empty());
  EXPECT_EQ(ReadFile(live("Db/orders.mdf")), "orders v1\n");
}

TEST_F(FileRestore, AMediaWithoutADocumentFailsClearly) {
  Emulator emulator(Machine());
  RestorePlan plan;
  plan.media = media();
  RestoreResult restore = RunRestore(plan);
  EXPECT_EQ(restore.hr, VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(restore.failed_step, "ReadMedia");
}

}  // namespace
}  // namespace vssemu::scenario
