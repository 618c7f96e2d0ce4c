// A whole backup through the emulated service: the events one writer
// receives and the states GetWriterStatus reports after each step
// (spec 2.1, 3.2, 4.4).
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

using ::testing::ElementsAre;

TEST(BackupFlow, AWriterReceivesEveryEventOfAFullBackupInOrder) {
  Emulator emulator;
  TestWriter writer(L"Flow");
  ASSERT_EQ(writer.Start(), S_OK);
  {
    Requester requester;
    ASSERT_EQ(requester.Prepare(), S_OK);
    ASSERT_EQ(requester.Snapshot(), S_OK);
    ASSERT_EQ(requester.Run(&IVssBackupComponents::BackupComplete),
              VSS_S_ASYNC_FINISHED);
  }
  EXPECT_THAT(writer.events(),
              ElementsAre("Identify", "PrepareForBackup", "PrepareForSnapshot",
                          "Freeze", "Thaw", "PostSnapshot", "BackupComplete",
                          "BackupShutdown"));
}

TEST(BackupFlow, WriterStatesFollowTheSequence) {
  Emulator emulator;
  TestWriter writer(L"States");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(requester.StateOf(L"States"), VSS_WS_STABLE);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  EXPECT_EQ(requester.StateOf(L"States"), VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
  ASSERT_EQ(requester.Run(&IVssBackupComponents::BackupComplete),
            VSS_S_ASYNC_FINISHED);
  HRESULT failure = E_FAIL;
  EXPECT_EQ(requester.StateOf(L"States", &failure), VSS_WS_STABLE);
  EXPECT_EQ(failure, S_OK);
}

TEST(BackupFlow, AnotherRequesterMidSequenceSeesItsOwnSession) {
  Emulator emulator;
  TestWriter writer(L"Inner");
  ASSERT_EQ(writer.Start(), S_OK);
  TestWriter observer(L"Observer", VSS_APP_SYSTEM);
  Requester requester;
  // A second requester may gather status at any time (spec 6.3); here the
  // system-level writer's Freeze looks at the front-end writer, frozen first.
  VSS_WRITER_STATE seen = VSS_WS_UNKNOWN;
  observer.scripts["Freeze"].action = [&] {
    Requester other;
    if (SUCCEEDED(other.Init()) && SUCCEEDED(other.Gather())) {
      seen = other.StateOf(L"Inner");
    }
  };
  ASSERT_EQ(observer.Start(), S_OK);
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  // The other requester sees only its own session's view: the writer
  // answered its Identify and is stable there.
  EXPECT_EQ(seen, VSS_WS_STABLE);
}

TEST(BackupFlow, BackupShutdownCarriesTheSnapshotSetId) {
  Emulator emulator;
  TestWriter writer(L"Shutdown");
  // Spec 18.5: GetCurrentSnapshotSetId is not valid in OnBackupShutdown.
  VSS_ID current = {1, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
  writer.scripts["BackupShutdown"].action = [&] {
    current = writer.GetCurrentSnapshotSetId();
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester.Snapshot(), S_OK);
  VSS_ID set_id = requester.set_id;
  requester.Release();
  EXPECT_EQ(writer.Count("BackupShutdown"), 1);
  EXPECT_EQ(writer.shutdown_set_id, set_id);
  EXPECT_EQ(current, GUID_NULL);
}

TEST(BackupFlow, BackupShutdownAfterAFailedSetCarriesGuidNull) {
  Emulator emulator;
  TestWriter writer(L"NoSet");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  ASSERT_EQ(requester->AbortBackup(), S_OK);
  requester.Release();
  EXPECT_EQ(writer.Count("BackupShutdown"), 1);
  EXPECT_EQ(writer.shutdown_set_id, GUID_NULL);
}

TEST(BackupFlow, ReleaseBeforePrepareForBackupRaisesNoBackupShutdown) {
  Emulator emulator;
  TestWriter writer(L"Early");
  ASSERT_EQ(writer.Start(), S_OK);
  {
    Requester requester;
    ASSERT_EQ(requester.Init(), S_OK);
    ASSERT_EQ(requester.Gather(), S_OK);
  }
  EXPECT_EQ(writer.Count("BackupShutdown"), 0);
  EXPECT_EQ(writer.Count("Identify"), 1);
}

TEST(BackupFlow, ExWritersAreIdentifiedThroughOnIdentifyEx) {
  Emulator emulator;
  TestWriter writer(L"ExWriter", VSS_APP_FRONT_END, 60000, /*use_ex=*/true);
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  ASSERT_EQ(requester.Gather(), S_OK);
  EXPECT_THAT(writer.events(), ElementsAre("IdentifyEx"));
  UINT count = 0;
  ASSERT_EQ(requester->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 1u);
}

TEST(BackupFlow, UnsubscribedWritersReceiveNothing) {
  Emulator emulator;
  TestWriter writer(L"Quiet");
  ASSERT_EQ(writer.Start(), S_OK);
  ASSERT_EQ(writer.Unsubscribe(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Init(), S_OK);
  ASSERT_EQ(requester.Gather(), S_OK);
  EXPECT_TRUE(writer.events().empty());
  ASSERT_EQ(writer.Subscribe(), S_OK);  // Again after Unsubscribe.
}

TEST(BackupFlow, ComponentsArePassedToWritersInComponentMode) {
  Emulator emulator;
  TestWriter writer(L"Components");
  writer.components = {L"A", L"B"};
  UINT seen = 0;
  writer.scripts["PrepareForBackup"].action = [&] {
    if (writer.last_components != nullptr) {
      writer.last_components->GetComponentCount(&seen);
    }
  };
  ASSERT_EQ(writer.Start(), S_OK);
  Requester requester;
  ASSERT_EQ(requester.Prepare(), S_OK);
  EXPECT_EQ(seen, 2u);
}

}  // namespace
}  // namespace vssemu::testing
