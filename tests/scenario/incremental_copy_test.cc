// Incremental and differential backups with real files (spec 12.4, 12.5,
// 12.7): the reference requester hands the previous stamp back, and copies
// only the files a writer's differenced-file time says changed.
#include <gtest/gtest.h>
#include <vsserror.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <vssemu/emulator.h>

#include "reference_requester/reference_requester.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// {7c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5}
constexpr VSS_ID kWriterId = {0x7c1d2e3f, 0x4a5b, 0x4c6d,
                              {0x8e, 0x9f, 0xa0, 0xb1, 0xc2, 0xd3, 0xe4, 0xf5}};

// A writer that stamps each backup with a counter and, in incremental and
// differential backups, names D:\Db\* as differenced since `since`.
class StampingWriter : public CVssWriter {
 public:
  HRESULT Start() {
    HRESULT hr = Initialize(kWriterId, L"stamping writer", VSS_UT_USERDATA,
                            VSS_ST_OTHER);
    return SUCCEEDED(hr) ? Subscribe() : hr;
  }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* m) override {
    return SUCCEEDED(m->SetBackupSchema(VSS_BS_INCREMENTAL |
                                        VSS_BS_DIFFERENTIAL |
                                        VSS_BS_TIMESTAMPED |
                                        VSS_BS_LAST_MODIFY)) &&
           SUCCEEDED(m->AddComponent(VSS_CT_FILEGROUP, NULL, L"Db", NULL, NULL,
                                     0, false, false, true)) &&
           SUCCEEDED(m->AddFilesToFileGroup(NULL, L"Db", L"D:\\Db", L"*",
                                            false, NULL));
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* cs) override {
    IVssComponent* c = NULL;
    if (cs->GetComponent(0, &c) == S_OK) {
      BSTR stamp = NULL;
      c->GetPreviousBackupStamp(&stamp);
      previous_stamp = stamp != NULL ? stamp : L"";
      SysFreeString(stamp);
      c->Release();
    }
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* cs) override {
    IVssComponent* c = NULL;
    if (cs->GetComponent(0, &c) != S_OK) return false;
    c->SetBackupStamp(std::to_wstring(++backups).c_str());
    const VSS_BACKUP_TYPE type = GetBackupType();
    if (type == VSS_BT_INCREMENTAL || type == VSS_BT_DIFFERENTIAL) {
      FILETIME t{static_cast<DWORD>(since & 0xffffffffu),
                 static_cast<DWORD>(since >> 32)};
      c->AddDifferencedFilesByLastModifyTime(L"D:\\Db", L"*", FALSE, t);
    }
    c->Release();
    return true;
  }

  int backups = 0;
  uint64_t since = 0;  // FILETIME, 100 ns units since 1601.
  std::wstring previous_stamp;
};

TEST(IncrementalCopy, OnlyFilesChangedSinceTheWritersTimeAreCopied) {
  const fs::path root = fs::temp_directory_path() / "vssemu-incremental-copy";
  fs::remove_all(root);
  fs::create_directories(root / "d" / "Db");
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(48);
  for (const char* name : {"a.db", "b.db"}) {
    std::ofstream(root / "d" / "Db" / name) << name;
    fs::last_write_time(root / "d" / "Db" / name, old_time);
  }
  RunOptions options;
  options.volumes = {VolumeOptions{}, VolumeOptions{L"D:\\", true, root / "d"}};
  options.snapshot_storage = root / "snapshots";
  Emulator emulator(options);
  StampingWriter writer;
  ASSERT_EQ(writer.Start(), S_OK);

  BackupPlan full;
  full.volumes = {L"D:\\"};
  full.media = root / "full";
  BackupResult first = RunBackup(full);
  ASSERT_TRUE(first.ok()) << first.failed_step << " " << first.message;
  EXPECT_EQ(first.files.size(), 2u);

  // b.db changes after the full backup; the writer says "since 24 h ago".
  std::ofstream(root / "d" / "Db" / "b.db") << "b changed";
  writer.since = FiletimeFromHost(fs::file_time_type::clock::now() - std::chrono::hours(24));
  BackupPlan incremental = full;
  incremental.type = VSS_BT_INCREMENTAL;
  incremental.media = root / "incremental";
  incremental.previous_bcd_xml = first.bcd_xml;
  BackupResult second = RunBackup(incremental);
  ASSERT_TRUE(second.ok()) << second.failed_step << " " << second.message;
  EXPECT_EQ(writer.previous_stamp, L"1");
  ASSERT_EQ(second.files.size(), 1u);
  EXPECT_EQ(second.files[0].original, L"D:\\Db\\b.db");

  // A full backup ignores differenced files and copies everything again.
  full.media = root / "full-again";
  BackupResult third = RunBackup(full);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third.files.size(), 2u);
  fs::remove_all(root);
}

// A database writer: data files D:\Sql\*.mdf, log files D:\Sql\*.ldf,
// and a cache D:\Sql\*.cache that only incremental backups need (its mask
// lacks VSS_FSBT_FULL_BACKUP_REQUIRED).
class DatabaseFilesWriter : public CVssWriter {
 public:
  HRESULT Start() {
    HRESULT hr = Initialize(kWriterId, L"database files writer",
                            VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB);
    return SUCCEEDED(hr) ? Subscribe() : hr;
  }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* m) override {
    return SUCCEEDED(m->SetBackupSchema(VSS_BS_LOG | VSS_BS_INCREMENTAL)) &&
           SUCCEEDED(m->AddComponent(VSS_CT_DATABASE, NULL, L"Sql", NULL, NULL,
                                     0, false, false, true)) &&
           SUCCEEDED(m->AddDatabaseFiles(NULL, L"Sql", L"D:\\Sql", L"*.mdf")) &&
           SUCCEEDED(m->AddDatabaseLogFiles(NULL, L"Sql", L"D:\\Sql",
                                            L"*.ldf")) &&
           SUCCEEDED(m->AddDatabaseFiles(
               NULL, L"Sql", L"D:\\Sql", L"*.cache",
               VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED |
                   VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
};

// Backs up D:\Sql with a backup of type; returns the copied file names.
std::vector<std::wstring> CopiedByType(VSS_BACKUP_TYPE type) {
  // One folder per test: ctest runs the tests of this file in parallel.
  const fs::path root =
      fs::temp_directory_path() /
      ("vssemu-mask-copy-" +
       std::string(
           ::testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::remove_all(root);
  fs::create_directories(root / "d" / "Sql");
  for (const char* name : {"orders.mdf", "orders.ldf", "orders.cache"}) {
    std::ofstream(root / "d" / "Sql" / name) << name;
  }
  RunOptions options;
  options.volumes = {VolumeOptions{}, VolumeOptions{L"D:\\", true, root / "d"}};
  options.snapshot_storage = root / "snapshots";
  std::vector<std::wstring> names;
  {
    Emulator emulator(options);
    DatabaseFilesWriter writer;
    EXPECT_EQ(writer.Start(), S_OK);
    BackupPlan plan;
    plan.type = type;
    plan.volumes = {L"D:\\"};
    plan.media = root / "media";
    BackupResult result = RunBackup(plan);
    EXPECT_TRUE(result.ok()) << result.failed_step << " " << result.message;
    for (const MediaFile& f : result.files) names.push_back(f.original);
  }
  fs::remove_all(root);
  return names;
}

TEST(FileSpecBackupType, AFullBackupSkipsSetsWithoutTheFullBackupBit) {
  EXPECT_EQ(CopiedByType(VSS_BT_FULL),
            (std::vector<std::wstring>{L"D:\\Sql\\orders.mdf",
                                       L"D:\\Sql\\orders.ldf"}));
}

TEST(FileSpecBackupType, ALogBackupCopiesOnlyTheLogFiles) {
  EXPECT_EQ(CopiedByType(VSS_BT_LOG),
            std::vector<std::wstring>{L"D:\\Sql\\orders.ldf"});
}

TEST(FileSpecBackupType, AnIncrementalBackupWithoutHistoryCopiesEverySet) {
  EXPECT_EQ(CopiedByType(VSS_BT_INCREMENTAL).size(), 3u);
}

}  // namespace
}  // namespace vssemu::scenario
