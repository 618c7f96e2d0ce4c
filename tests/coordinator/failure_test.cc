// Writer failures: return false versus SetWriterFailure (spec 3.4), which
// failures raise an Abort (spec 4.1, 18.3), who receives Abort (spec 4.2,
// 18.4), and what GetWriterStatus(Ex) reports (spec 3.3, 15.2).
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

using ::testing::ElementsAre;

struct Outcome {
  VSS_WRITER_STATE state;
  HRESULT failure;
  int aborts;
};

// Runs a backup where writer "W" follows script at event.
Outcome RunWithScript(const std::string& event, const Script& script) {
  Emulator emulator;
  TestWriter writer(L"W");
  writer.scripts[event] = script;
  EXPECT_EQ(writer.Start(), S_OK);
  Requester requester;
  EXPECT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);
  Outcome outcome;
  outcome.failure = S_OK;
  outcome.state = requester.StateOf(L"W", &outcome.failure);
  outcome.aborts = writer.Count("Abort");
  return outcome;
}

TEST(WriterFailure, FalseWithSetWriterFailureAtFreezeFailsAndAborts) {
  Script veto;
  veto.returns = false;
  veto.failure = VSS_E_WRITERERROR_RETRYABLE;
  Outcome o = RunWithScript("Freeze", veto);
  EXPECT_EQ(o.state, VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(o.failure, VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(o.aborts, 1);
}

TEST(WriterFailure, FalseWithoutSetWriterFailureReportsNonRetryable) {
  Script veto;
  veto.returns = false;
  Outcome o = RunWithScript("Thaw", veto);
  EXPECT_EQ(o.state, VSS_WS_FAILED_AT_THAW);
  EXPECT_EQ(o.failure, VSS_E_WRITERERROR_NONRETRYABLE);  // Q10b default.
  EXPECT_EQ(o.aborts, 1);
}

TEST(WriterFailure, TrueWithSetWriterFailureFailsWithoutAbort) {
  Script soft;
  soft.failure = VSS_E_WRITERERROR_OUTOFRESOURCES;
  Outcome o = RunWithScript("Freeze", soft);
  EXPECT_EQ(o.state, VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(o.failure, VSS_E_WRITERERROR_OUTOFRESOURCES);
  EXPECT_EQ(o.aborts, 0);  // Q10a default.
}

TEST(WriterFailure, PrepareForSnapshotFailureRaisesNoAbort) {
  Script fail;
  fail.returns = false;
  Outcome o = RunWithScript("PrepareForSnapshot", fail);
  EXPECT_EQ(o.state, VSS_WS_FAILED_AT_PREPARE_SNAPSHOT);
  EXPECT_EQ(o.aborts, 0);
}

TEST(WriterFailure, PostSnapshotFailureRaisesNoAbort) {
  Script fail;
  fail.returns = false;
  fail.failure = VSS_E_WRITERERROR_NONRETRYABLE;
  Outcome o = RunWithScript("PostSnapshot", fail);
  EXPECT_EQ(o.state, VSS_WS_FAILED_AT_POST_SNAPSHOT);
  EXPECT_EQ(o.aborts, 0);
}

TEST(WriterFailure, AFailedWriterGetsNoFurtherSequenceEvents) {
  Emulator emulator;
  TestWriter writer(L"W");
  writer.scripts["PrepareForSnapshot"].returns = false;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  // Q4 default: no Freeze, Thaw or PostSnapshot after the failure.
  EXPECT_THAT(writer.events(), ElementsAre("Identify", "PrepareForBackup",
                                           "PrepareForSnapshot"));
}

TEST(WriterFailure, FreezeVetoOfOneWriterLeavesTheOthersInTheSet) {
  Emulator emulator;
  TestWriter good(L"Good"), bad(L"Bad");
  bad.scripts["Freeze"].returns = false;
  ASSERT_EQ(good.Start(), S_OK);
  ASSERT_EQ(bad.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), S_OK);  // Q17 default.
  EXPECT_EQ(good.Count("Thaw"), 1);
  EXPECT_EQ(good.Count("PostSnapshot"), 1);
  EXPECT_EQ(bad.Count("Thaw"), 0);  // Q14: Abort only.
  EXPECT_EQ(bad.Count("Abort"), 1);
}

TEST(WriterFailure, KnobsMakeAVetoAbortEveryoneAndFailTheSet) {
  RunOptions options;
  options.knobs.writer_veto_aborts_all = true;
  options.knobs.writer_veto_fails_snapshot_set = true;
  Emulator emulator(options);
  TestWriter good(L"Good"), bad(L"Bad");
  bad.scripts["Freeze"].returns = false;
  ASSERT_EQ(good.Start(), S_OK);
  ASSERT_EQ(bad.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.Snapshot(), VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_EQ(good.Count("Abort"), 1);
  EXPECT_EQ(good.Count("Thaw"), 0);
}

TEST(WriterFailure, IdentifyFailureHidesTheWriterFromMetadataAndStatus) {
  Emulator emulator;
  TestWriter ok(L"Ok"), broken(L"Broken");
  broken.scripts["Identify"].returns = false;
  ASSERT_EQ(ok.Start(), S_OK);
  ASSERT_EQ(broken.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  ASSERT_EQ(requester.Gather(), S_OK);
  UINT count = 0;
  ASSERT_EQ(requester->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(requester.StateOf(L"Broken"), VSS_WS_UNKNOWN);  // Not listed.
  EXPECT_EQ(requester.StateOf(L"Ok"), VSS_WS_STABLE);
}

TEST(WriterFailure, GetWriterStatusExReportsTheApplicationFailure) {
  Emulator emulator;
  TestWriter writer(L"W");
  Script& s = writer.scripts["PrepareForBackup"];
  s.returns = false;
  s.failure = VSS_E_WRITERERROR_NONRETRYABLE;
  s.app_hr = E_ACCESSDENIED;
  s.app_message = L"database is locked";
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Run(&IVssBackupComponents::GatherWriterStatus),
            VSS_S_ASYNC_FINISHED);
  IVssBackupComponentsEx3* ex3 = nullptr;
  ASSERT_EQ(requester->QueryInterface(IID_IVssBackupComponentsEx3,
                                      reinterpret_cast<void**>(&ex3)),
            S_OK);
  VSS_ID instance, id;
  BSTR name = nullptr, message = nullptr;
  VSS_WRITER_STATE state;
  HRESULT writer_hr, app_hr;
  ASSERT_EQ(ex3->GetWriterStatusEx(0, &instance, &id, &name, &state,
                                   &writer_hr, &app_hr, &message),
            S_OK);
  EXPECT_EQ(state, VSS_WS_FAILED_AT_PREPARE_BACKUP);
  EXPECT_EQ(writer_hr, VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(app_hr, E_ACCESSDENIED);
  EXPECT_EQ(std::wstring(message), L"database is locked");
  SysFreeString(name);
  SysFreeString(message);
  name = message = nullptr;
  EXPECT_EQ(ex3->GetWriterStatusEx(0, &instance, &id, &name, nullptr,
                                   &writer_hr),
            E_INVALIDARG);
  EXPECT_EQ(ex3->GetWriterStatusEx(7, &instance, &id, &name, &state,
                                   &writer_hr),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(name, nullptr);
  ex3->Release();
}

TEST(WriterFailure, SetWriterFailureRefusesUndocumentedCodes) {
  Emulator emulator;
  TestWriter writer(L"W");
  HRESULT result = S_OK;
  writer.scripts["PrepareForBackup"].action = [&] {
    result = writer.SetWriterFailure(E_FAIL);
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(result, E_INVALIDARG);  // Q9.
  EXPECT_EQ(requester.StateOf(L"W"), VSS_WS_STABLE);
}

TEST(WriterFailure, SetWriterFailureInIdentifyIsAViolationAndIgnored) {
  Emulator emulator;
  TestWriter writer(L"W");
  HRESULT result = S_OK;
  writer.scripts["Identify"].action = [&] {
    result = writer.SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  ASSERT_EQ(requester.Gather(), S_OK);
  EXPECT_EQ(result, VSS_E_BAD_STATE);
  EXPECT_EQ(requester.StateOf(L"W"), VSS_WS_STABLE);
  ASSERT_FALSE(emulator.violations().empty());
  EXPECT_EQ(emulator.violations()[0].rule, "writer.failure-in-identify");
}

TEST(WriterFailure, AnExceptionFromACallbackCountsAsFalse) {
  Emulator emulator;
  TestWriter writer(L"W");
  writer.scripts["PrepareForBackup"].action = [] { throw 42; };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.StateOf(L"W"), VSS_WS_FAILED_AT_PREPARE_BACKUP);
  ASSERT_FALSE(emulator.violations().empty());
  EXPECT_EQ(emulator.violations()[0].rule, "writer.callback-threw");
}

TEST(AbortBackup, ReachesWritersThatPreparedButNotThoseAfterPostSnapshot) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  ASSERT_EQ(requester->AbortBackup(), S_OK);
  // Spec 4.2 / 18.4: PostSnapshot already handled, so no OnAbort.
  EXPECT_EQ(writer.Count("Abort"), 0);
}

TEST(AbortBackup, AfterPrepareForBackupAbortsAndKeepsTheState) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester->AbortBackup(), S_OK);
  EXPECT_EQ(writer.Count("Abort"), 1);
  EXPECT_EQ(requester.StateOf(L"W"), VSS_WS_STABLE);  // Q7.
  // After AbortBackup the object is done: no DoSnapshotSet.
  IVssAsync* async = nullptr;
  EXPECT_EQ(requester->DoSnapshotSet(&async), VSS_E_BAD_STATE);
}

TEST(AbortBackup, MayReachAWriterTwice) {
  Emulator emulator;
  TestWriter writer(L"W");
  writer.scripts["Freeze"].returns = false;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  // Spec 4.3: after a failed set the requester aborts anyway.
  ASSERT_EQ(requester->AbortBackup(), S_OK);
  EXPECT_EQ(writer.Count("Abort"), 2);  // Spec 4.2: OnAbort must be idempotent.
}

TEST(AbortBackup, IsIgnoredWhenNothingIsInProgress) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  EXPECT_EQ(requester->AbortBackup(), VSS_E_BAD_STATE);  // Not initialized.
  ASSERT_EQ(requester.Init(), S_OK);
  ASSERT_EQ(requester.Gather(), S_OK);
  EXPECT_EQ(requester->AbortBackup(), S_OK);
  EXPECT_EQ(writer.Count("Abort"), 0);
}

}  // namespace
}  // namespace vssemu::testing
