// IVssAsync on virtual time (spec 7, Q15, Q19) and the determinism of runs:
// the same seed gives the same trace, byte for byte.
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

using std::chrono::seconds;

// Starts PrepareForBackup on a prepared-up-to-the-set requester.
IVssAsync* StartPrepare(Requester& r) {
  EXPECT_EQ(r.Init(), S_OK);
  EXPECT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r.AddAllComponents(), S_OK);
  EXPECT_EQ(r.StartSet(), S_OK);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->PrepareForBackup(&async), S_OK);
  return async;
}

TEST(Async, WaitWithATimeoutLetsOnlyThatMuchVirtualTimePass) {
  Emulator emulator;
  TestWriter writer(L"Slow");
  writer.scripts["PrepareForBackup"].spend = seconds(5);
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  IVssAsync* async = StartPrepare(r);
  const int64_t start = emulator.now_us();
  EXPECT_EQ(async->Wait(1000), S_OK);  // Q19: S_OK on timeout.
  EXPECT_EQ(emulator.now_us() - start, 1'000'000);
  EXPECT_EQ(async->Wait(1000), S_OK);
  EXPECT_EQ(emulator.now_us() - start, 2'000'000);
  HRESULT status = E_FAIL;
  EXPECT_EQ(async->QueryStatus(&status, nullptr), S_OK);
  EXPECT_EQ(status, VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(emulator.now_us() - start, 5'000'000);
  EXPECT_EQ(async->QueryStatus(nullptr, nullptr), E_INVALIDARG);
  async->Release();
}

TEST(Async, CancelAfterTheEndReportsHowItEnded) {
  Emulator emulator;
  Requester r;
  IVssAsync* async = StartPrepare(r);
  ASSERT_EQ(async->Wait(INFINITE), S_OK);
  EXPECT_EQ(async->Cancel(), VSS_S_ASYNC_FINISHED);
  async->Release();
}

TEST(Async, CancellingDoSnapshotSetAbortsTheFrozenWriters) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  a.scripts["Freeze"].spend = seconds(5);
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(r->DoSnapshotSet(&async), S_OK);
  ASSERT_EQ(async->Wait(1000), S_OK);  // A is in its Freeze.
  EXPECT_EQ(async->Cancel(), S_OK);
  EXPECT_EQ(async->Cancel(), VSS_S_ASYNC_CANCELLED);
  HRESULT status = S_OK;
  async->QueryStatus(&status, nullptr);
  EXPECT_EQ(status, VSS_S_ASYNC_CANCELLED);
  async->Release();
  EXPECT_EQ(a.Count("Abort"), 1);
  EXPECT_EQ(a.Count("Thaw"), 0);
  EXPECT_EQ(b.Count("Freeze"), 0);
}

TEST(Async, PendingWorkRunsBeforeTheNextRequesterCall) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(r->GatherWriterMetadata(&async), S_OK);
  async->Release();  // Never waited on.
  UINT count = 0;
  EXPECT_EQ(r->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 1u);
}

TEST(Async, TheWaitKnobReturnsTheOperationsFailure) {
  RunOptions options;
  options.knobs.wait_returns_failure = true;
  options.knobs.writer_veto_fails_snapshot_set = true;
  Emulator emulator(options);
  TestWriter writer(L"W");
  writer.scripts["Freeze"].returns = false;
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(r->DoSnapshotSet(&async), S_OK);
  EXPECT_EQ(async->Wait(INFINITE), VSS_E_UNEXPECTED_WRITER_ERROR);
  async->Release();
}

// One complete backup with three writers at three levels and a failure.
std::string RunScenario(uint64_t seed) {
  RunOptions options;
  options.seed = seed;
  Emulator emulator(options);
  // The back-end Freeze outlasts the front-end writer's 30 s window.
  TestWriter front(L"Front", VSS_APP_FRONT_END, 30000),
      back(L"Back", VSS_APP_BACK_END), system(L"System", VSS_APP_SYSTEM);
  back.scripts["Freeze"].spend = seconds(31);
  for (TestWriter* w : {&front, &back, &system}) EXPECT_EQ(w->Start(), S_OK);
  {
    Requester r;
    EXPECT_EQ(r.Prepare(), S_OK);
    EXPECT_EQ(r.Snapshot(), S_OK);
    EXPECT_EQ(r.Run(&IVssBackupComponents::BackupComplete),
              VSS_S_ASYNC_FINISHED);
  }
  return emulator.trace().ToText();
}

TEST(Determinism, TheSameSeedGivesTheSameTraceByteForByte) {
  std::string first = RunScenario(7);
  std::string second = RunScenario(7);
  EXPECT_EQ(first, second);
  EXPECT_NE(first.find("freeze-window-expired"), std::string::npos);
  EXPECT_NE(RunScenario(8), first);  // Ids come from the seed.
}

TEST(Determinism, TheTraceEndsWithItsHash) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  {
    Requester r;
    ASSERT_EQ(r.Prepare(), S_OK);
  }
  const Trace& trace = emulator.trace();
  std::string text = trace.ToText();
  char expected[64];
  std::snprintf(expected, sizeof(expected), "# events=%llu hash=%016llx\n",
                static_cast<unsigned long long>(trace.events().size()),
                static_cast<unsigned long long>(trace.Hash()));
  EXPECT_EQ(text.substr(text.rfind('#')), expected);
  std::string json = trace.ToJsonLines();
  EXPECT_EQ(json.rfind("{\"t_us\":0,\"kind\":\"writer\",\"name\":\"Initialize\"", 0),
            0u);
}

}  // namespace
}  // namespace vssemu::testing
