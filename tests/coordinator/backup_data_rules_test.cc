// What a writer records for incremental and differential backups (spec
// 12.4-12.6): stamps, differenced files and partial files are checked
// against its backup schema, the backup type and the requester's partial
// file support once PostSnapshot has run.
#include <gtest/gtest.h>
#include <vsserror.h>

#include <functional>
#include <string>

#include "coordinator/backup_data_rules.h"
#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

using coordinator::IsValidRanges;

// Runs a backup of type (partial files enabled or not) with one writer of
// schema whose PostSnapshot applies record to its Data component; returns
// the rules of the violations, space-separated.
std::string Violations(VSS_BACKUP_TYPE type, DWORD schema, bool partial,
                       std::function<void(IVssComponent*)> record) {
  Emulator emulator;
  TestWriter writer(L"W");
  writer.backup_schema = schema;
  writer.scripts["PostSnapshot"].action = [&] {
    IVssComponent* c = nullptr;
    ASSERT_EQ(writer.last_components->GetComponent(0, &c), S_OK);
    record(c);
    c->Release();
  };
  EXPECT_EQ(writer.Start(), S_OK);
  Requester r;
  EXPECT_EQ(r->InitializeForBackup(nullptr), S_OK);
  EXPECT_EQ(r->SetBackupState(true, false, type, partial), S_OK);
  EXPECT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r.AddAllComponents(), S_OK);
  EXPECT_EQ(r.StartSet(), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(r.Complete(),
            VSS_S_ASYNC_FINISHED);
  std::string rules;
  for (const Violation& v : emulator.violations()) {
    rules += (rules.empty() ? "" : " ") + v.rule;
  }
  return rules;
}

constexpr DWORD kIncremental =
    VSS_BS_INCREMENTAL | VSS_BS_DIFFERENTIAL | VSS_BS_TIMESTAMPED |
    VSS_BS_LAST_MODIFY;

void ByTime(IVssComponent* c) {
  FILETIME t{0x12345678u, 0x01d00000u};
  EXPECT_EQ(c->AddDifferencedFilesByLastModifyTime(L"C:\\Data", L"*.log",
                                                   false, t),
            S_OK);
}

TEST(BackupData, ASupportingWriterRecordsStampsAndDifferencedFilesCleanly) {
  EXPECT_EQ(Violations(VSS_BT_INCREMENTAL, kIncremental, false,
                       [](IVssComponent* c) {
                         EXPECT_EQ(c->SetBackupStamp(L"lsn:7"), S_OK);
                         ByTime(c);
                       }),
            "");
}

TEST(BackupData, AStampNeedsTheTimestampedSchema) {
  EXPECT_EQ(Violations(VSS_BT_FULL, VSS_BS_INCREMENTAL, false,
                       [](IVssComponent* c) { c->SetBackupStamp(L"s"); }),
            "writer.stamp-without-timestamped-schema");
}

TEST(BackupData, DifferencedFilesBelongToIncrementalAndDifferentialBackups) {
  EXPECT_EQ(Violations(VSS_BT_FULL, kIncremental, false, ByTime),
            "writer.differenced-files-wrong-backup");
  EXPECT_EQ(Violations(VSS_BT_COPY, kIncremental, false, ByTime),
            "writer.differenced-files-wrong-backup");
  EXPECT_EQ(Violations(VSS_BT_DIFFERENTIAL, kIncremental, false, ByTime), "");
}

TEST(BackupData, DifferencedFilesNeedTheMatchingSchemaBits) {
  EXPECT_EQ(Violations(VSS_BT_INCREMENTAL,
                       VSS_BS_DIFFERENTIAL | VSS_BS_LAST_MODIFY, false,
                       ByTime),
            "writer.differenced-files-unsupported");
  EXPECT_EQ(Violations(VSS_BT_DIFFERENTIAL,
                       VSS_BS_INCREMENTAL | VSS_BS_LAST_MODIFY, false, ByTime),
            "writer.differenced-files-unsupported");
  // A last-modify time needs VSS_BS_LAST_MODIFY.
  EXPECT_EQ(Violations(VSS_BT_INCREMENTAL, VSS_BS_INCREMENTAL, false, ByTime),
            "writer.differenced-files-unsupported");
}

TEST(BackupData, APartialFileNeedsTheRequestersPartialFileSupport) {
  auto partial = [](IVssComponent* c) {
    EXPECT_EQ(c->AddPartialFile(L"C:\\Data", L"big.db", L"0:4096", nullptr),
              S_OK);
  };
  EXPECT_EQ(Violations(VSS_BT_FULL, 0, false, partial),
            "writer.partial-file-without-support");
  EXPECT_EQ(Violations(VSS_BT_FULL, 0, true, partial), "");
}

TEST(BackupData, PartialFileRangesAreCheckedForSyntax) {
  EXPECT_EQ(Violations(VSS_BT_FULL, 0, true,
                       [](IVssComponent* c) {
                         c->AddPartialFile(L"C:\\Data", L"big.db", L"0-4096",
                                           nullptr);
                       }),
            "writer.partial-file-bad-ranges");
}

TEST(BackupData, AFileIsNotBothDifferencedAndPartial) {
  EXPECT_EQ(Violations(VSS_BT_INCREMENTAL, kIncremental, true,
                       [](IVssComponent* c) {
                         FILETIME t{1, 0};
                         c->AddDifferencedFilesByLastModifyTime(
                             L"C:\\Data", L"big.db", false, t);
                         c->AddPartialFile(L"c:\\data\\", L"BIG.DB", L"0:1",
                                           nullptr);
                       }),
            "writer.file-differenced-and-partial");
}

TEST(Ranges, ListsOfOffsetLengthPairsAndFullPathsAreValid) {
  EXPECT_TRUE(IsValidRanges(L"64:448"));
  EXPECT_TRUE(IsValidRanges(L"64:448,0x1239E8577A:65536"));
  EXPECT_TRUE(IsValidRanges(L"0:18446744073709551615"));
  EXPECT_TRUE(IsValidRanges(L"C:\\Backup\\ranges.bin"));
  EXPECT_TRUE(IsValidRanges(L"\\\\server\\share\\ranges.bin"));
}

TEST(Ranges, AnythingElseIsInvalid) {
  EXPECT_FALSE(IsValidRanges(L""));
  EXPECT_FALSE(IsValidRanges(L"64"));
  EXPECT_FALSE(IsValidRanges(L"64:"));
  EXPECT_FALSE(IsValidRanges(L"64:448,"));
  EXPECT_FALSE(IsValidRanges(L"-1:5"));
  EXPECT_FALSE(IsValidRanges(L"0:18446744073709551616"));
  EXPECT_FALSE(IsValidRanges(L"0x:5"));
  EXPECT_FALSE(IsValidRanges(L"relative\\ranges.bin"));
}

}  // namespace
}  // namespace vssemu::testing
