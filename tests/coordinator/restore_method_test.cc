// Restore methods and writer-restore settings (spec 11.1 rule 3, 11.2,
// Q29): the method is traced when the writer takes part, and its
// VSS_WRITERRESTORE_ENUM is enforced either by the service (knob) or, by
// default, left to the requester with a report when it is ignored.
#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/restore_test_util.h"

namespace vssemu::testing {
namespace {

// Returns the options with the Q29 knob set as given.
RunOptions HonouringWriterRestore(bool honour) {
  RunOptions options;
  options.knobs.service_honours_writer_restore = honour;
  return options;
}

// Runs PreRestore, then (with status set unless UNDEFINED) PostRestore.
void RunRestore(Requester& r, const TestWriter& writer,
                VSS_FILE_RESTORE_STATUS status) {
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  if (status != VSS_RS_UNDEFINED) {
    ASSERT_EQ(r->SetFileRestoreStatus(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", status),
              S_OK);
  }
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
}

TEST(RestoreMethod, TheWritersRestoreMethodIsTracedWhenItTakesPart) {
  Emulator emulator;
  TestWriter writer(L"R");
  writer.restore_method = VSS_RME_RESTORE_TO_ALTERNATE_LOCATION;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  RunRestore(r, writer, VSS_RS_ALL);
  std::vector<std::string> lines =
      TraceLines(emulator.trace(), "restore_method");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("RESTORE_TO_ALTERNATE_LOCATION"), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[0].find("always"), std::string::npos) << lines[0];
}

TEST(RestoreMethod, SelectingANeverWriterIsReportedAndItStillGetsEvents) {
  Emulator emulator;
  TestWriter writer(L"R");
  writer.writer_restore = VSS_WRE_NEVER;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  RunRestore(r, writer, VSS_RS_ALL);
  EXPECT_EQ(LastRule(emulator), "requester.restore-involves-never-writer");
  EXPECT_EQ(writer.Count("PreRestore"), 1);
  EXPECT_EQ(writer.Count("PostRestore"), 1);
}

TEST(RestoreMethod, AServiceHonouringWriterRestoreSkipsANeverWriter) {
  Emulator emulator(HonouringWriterRestore(true));
  TestWriter writer(L"R");
  writer.writer_restore = VSS_WRE_NEVER;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  RunRestore(r, writer, VSS_RS_ALL);
  EXPECT_EQ(writer.Count("PreRestore"), 0);
  EXPECT_EQ(writer.Count("PostRestore"), 0);
  EXPECT_TRUE(emulator.violations().empty());
}

TEST(RestoreMethod, IfReplaceFailsGetsPostRestoreOnlyWhenTheRestoreFailed) {
  for (VSS_FILE_RESTORE_STATUS status :
       {VSS_RS_ALL, VSS_RS_FAILED, VSS_RS_NONE}) {
    Emulator emulator(HonouringWriterRestore(true));
    TestWriter writer(L"R");
    writer.writer_restore = VSS_WRE_IF_REPLACE_FAILS;
    ASSERT_EQ(writer.Start(), S_OK);
    Requester r;
    StartRestore(r);
    RunRestore(r, writer, status);
    EXPECT_EQ(writer.Count("PreRestore"), 1);
    EXPECT_EQ(writer.Count("PostRestore"), status == VSS_RS_ALL ? 0 : 1)
        << "file restore status " << status;
  }
}

TEST(RestoreMethod, ByDefaultIfReplaceFailsStillGetsPostRestore) {
  Emulator emulator;
  TestWriter writer(L"R");
  writer.writer_restore = VSS_WRE_IF_REPLACE_FAILS;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  RunRestore(r, writer, VSS_RS_ALL);
  EXPECT_EQ(writer.Count("PostRestore"), 1);
}

}  // namespace
}  // namespace vssemu::testing

namespace vssemu::testing {
namespace {

// Returns the instance id of the index-th writer of the gathered metadata.
VSS_ID InstanceAt(Requester& r, UINT index) {
  VSS_ID instance = GUID_NULL;
  IVssExamineWriterMetadata* metadata = nullptr;
  EXPECT_EQ(r->GetWriterMetadata(index, &instance, &metadata), S_OK);
  if (metadata != nullptr) metadata->Release();
  return instance;
}

// Backs up two instances of one writer class (schema as given), then moves
// the first instance's Data component to the second; returns the rule of
// the last violation.
std::string MoveBetweenInstances(DWORD schema) {
  Emulator emulator;
  TestWriter first(L"Multi"), second(L"Multi");
  first.backup_schema = second.backup_schema = schema;
  second.components = {L"Other"};  // So the move does not collide.
  EXPECT_EQ(first.Start(), S_OK);
  EXPECT_EQ(second.Start(), S_OK);
  Requester r;
  StartRestore(r);
  const VSS_ID from = InstanceAt(r, 0), to = InstanceAt(r, 1);
  EXPECT_NE(from, to);
  IVssBackupComponentsEx* ex = nullptr;
  EXPECT_EQ(r->QueryInterface(IID_IVssBackupComponentsEx,
                              reinterpret_cast<void**>(&ex)),
            S_OK);
  EXPECT_EQ(ex->SetSelectedForRestoreEx(from, VSS_CT_FILEGROUP, nullptr,
                                        L"Data", true, to),
            S_OK);
  ex->Release();
  return LastRule(emulator);
}

TEST(RestoreWithMove, MovingAComponentNeedsTheRestoreWithMoveSchemaBit) {
  EXPECT_EQ(MoveBetweenInstances(0), "requester.restore-setting-unsupported");
  EXPECT_EQ(MoveBetweenInstances(VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE), "");
}

}  // namespace
}  // namespace vssemu::testing
