// A writer that unsubscribes mid-backup (spec Q3) and a requester that
// releases its object without ending the backup (spec 4.3).
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

TEST(WriterLeaves, AnUnsubscribedWriterGetsNoFurtherEventAndDoesNotRespond) {
  Emulator emulator;
  TestWriter leaver(L"Leaver"), stays(L"Stays");
  ASSERT_EQ(leaver.Start(), S_OK);
  ASSERT_EQ(stays.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  ASSERT_EQ(leaver.Unsubscribe(), S_OK);
  EXPECT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(leaver.Count("PrepareForSnapshot"), 0);
  EXPECT_EQ(leaver.Count("Freeze"), 0);
  EXPECT_EQ(stays.Count("Freeze"), 1);
  HRESULT failure = S_OK;
  // Q3: the state it had when it left, with VSS_E_WRITER_NOT_RESPONDING.
  EXPECT_EQ(r.StateOf(L"Leaver", &failure), VSS_WS_STABLE);
  EXPECT_EQ(failure, VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(r.StateOf(L"Stays", &failure), VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
}

TEST(WriterLeaves, AnUnsubscribedWriterIsNotGatheredByTheNextRequester) {
  Emulator emulator;
  TestWriter leaver(L"Leaver");
  ASSERT_EQ(leaver.Start(), S_OK);
  ASSERT_EQ(leaver.Unsubscribe(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(leaver.Count("Identify"), 0);
}

TEST(ReleaseWithoutAbort, IsFlaggedAfterPrepareForBackup) {
  Emulator emulator;
  TestWriter w(L"W");
  ASSERT_EQ(w.Start(), S_OK);
  {
    Requester r;
    ASSERT_EQ(r.Prepare(), S_OK);
  }
  EXPECT_EQ(LastRule(emulator), "requester.release-without-abort");
}

TEST(ReleaseWithoutAbort, IsNotFlaggedAfterAbortBackupOrBeforePrepare) {
  Emulator emulator;
  TestWriter w(L"W");
  ASSERT_EQ(w.Start(), S_OK);
  {
    Requester r;
    ASSERT_EQ(r.Prepare(), S_OK);
    ASSERT_EQ(r->AbortBackup(), S_OK);
  }
  {
    Requester r;
    ASSERT_EQ(r.Init(), S_OK);
    ASSERT_EQ(r.Gather(), S_OK);
  }
  EXPECT_EQ(LastRule(emulator), "");
}

}  // namespace
}  // namespace vssemu::testing
