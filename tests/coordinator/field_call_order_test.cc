// Call orders that requesters in the field use and Windows accepts, though
// the documentation shows another: AddComponent before SetBackupState
// (HoboCopy), SetBackupState after InitializeForRestore (vshadow). vssemu
// accepts them; what the documentation discourages is a violation, never a
// refused call.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/restore_test_util.h"

namespace vssemu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Gathers and adds the writer's "Data" component to a backup object that
// InitializeForBackup prepared and SetBackupState has not touched yet.
HRESULT AddDataBeforeBackupState(Requester& r, const TestWriter& writer) {
  EXPECT_EQ(r->InitializeForBackup(nullptr), S_OK);
  EXPECT_EQ(r.Gather(), S_OK);
  VSS_ID instance = GUID_NULL;
  IVssExamineWriterMetadata* metadata = nullptr;
  EXPECT_EQ(r->GetWriterMetadata(0, &instance, &metadata), S_OK);
  if (metadata != nullptr) metadata->Release();
  return r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                         L"Data");
}

TEST(FieldCallOrder, AddComponentBeforeSetBackupStateIsAccepted) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(AddDataBeforeBackupState(r, writer), S_OK);
  ASSERT_EQ(r->SetBackupState(true, false, VSS_BT_FULL, false), S_OK);
  UINT selected = 0;
  writer.scripts["PrepareForBackup"].action = [&] {
    ASSERT_NE(writer.last_components, nullptr);
    writer.last_components->GetComponentCount(&selected);
  };
  ASSERT_EQ(r.StartSet(), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(selected, 1u);
  ASSERT_EQ(r.Snapshot(), S_OK);
  EXPECT_EQ(r.Complete(), VSS_S_ASYNC_FINISHED);
  EXPECT_THAT(TraceLines(emulator.trace(), "violation"), IsEmpty());
}

TEST(FieldCallOrder, ComponentsOutsideComponentModeAreJudgedAtPrepareForBackup) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(AddDataBeforeBackupState(r, writer), S_OK);
  ASSERT_EQ(r->SetBackupState(false, false, VSS_BT_FULL, false), S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  EXPECT_THAT(TraceLines(emulator.trace(), "violation"), IsEmpty());
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(LastRule(emulator), "requester.add-without-component-mode");
  // Non-component mode: the writer takes part with no components (Q2).
  EXPECT_EQ(writer.last_components, nullptr);
  EXPECT_EQ(writer.Count("PrepareForBackup"), 1);
}

TEST(FieldCallOrder, SetBackupStateIsAcceptedInARestore) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  // vshadow's restore: SetBackupState(true, true, VSS_BT_FULL, false).
  ASSERT_EQ(r->SetBackupState(true, true, VSS_BT_FULL, false), S_OK);
  bool bootable = false;
  writer.scripts["PreRestore"].action = [&] {
    bootable = writer.IsBootableSystemStateBackedUp();
  };
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(bootable);
  // The document the backup saved said "not bootable"; the change is traced.
  const auto notes = TraceLines(emulator.trace(), "restore-backup-state");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0], HasSubstr("bootable_system_state=yes"));
  EXPECT_THAT(notes[0], ::testing::Not(HasSubstr("backup_type")));
  EXPECT_EQ(r->SetBackupState(true, true, VSS_BT_FULL, false),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.state-after-prerestore");
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(writer.Count("PostRestore"), 1);
}

TEST(FieldCallOrder, SetBackupStateOnAnUninitializedObjectNamesBothInitializers) {
  Emulator emulator;
  Requester r;
  EXPECT_EQ(r->SetBackupState(true, false, VSS_BT_FULL, false),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.not-initialized");
  const auto violations = TraceLines(emulator.trace(), "violation");
  ASSERT_FALSE(violations.empty());
  EXPECT_THAT(violations.back(), HasSubstr("InitializeForRestore"));
}

}  // namespace
}  // namespace vssemu::testing
