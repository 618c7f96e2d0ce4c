// The first part of restore (spec 11.1): InitializeForRestore with a saved
// document, the gather, SetSelectedForRestore and its participation rules,
// PreRestore and PostRestore with their outcomes (spec 3.2), and the phase
// rules of spec 8.2-8.3.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <vsserror.h>

#include <cstddef>
#include <memory>
#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/restore_test_util.h"

namespace vssemu::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Restore, AWriterReceivesIdentifyPreRestorePostRestoreInOrder) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  const size_t backup_events = writer.events().size();
  {
    Requester r;
    ASSERT_EQ(InitRestore(r, xml), S_OK);
    ASSERT_EQ(r->SetRestoreState(VSS_RTYPE_BY_COPY), S_OK);
    ASSERT_EQ(r.Gather(), S_OK);
    ASSERT_EQ(SelectData(r, writer), S_OK);
    ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
    EXPECT_EQ(r.StateOf(L"R"), VSS_WS_STABLE);
    ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
    EXPECT_EQ(r.StateOf(L"R"), VSS_WS_STABLE);
  }
  std::vector<std::string> restore_events(
      writer.events().begin() + static_cast<std::ptrdiff_t>(backup_events),
      writer.events().end());
  // Q16: no BackupShutdown after a restore.
  EXPECT_THAT(restore_events,
              ElementsAre("Identify", "PreRestore", "PostRestore"));
}

TEST(Restore, TheWriterReadsItsSelectedComponentsAndMaySetRestoreData) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  UINT count = 0;
  bool selected = false;
  std::wstring name;
  VSS_RESTORE_TYPE type = VSS_RTYPE_UNDEFINED;
  HRESULT set_message = E_FAIL, set_backup_data = S_OK;
  writer.scripts["PreRestore"].action = [&] {
    IVssWriterComponents* components = writer.last_components;
    ASSERT_NE(components, nullptr);
    type = writer.GetRestoreType();
    components->GetComponentCount(&count);
    IVssComponent* component = nullptr;
    ASSERT_EQ(components->GetComponent(0, &component), S_OK);
    component->IsSelectedForRestore(&selected);
    BSTR bstr = nullptr;
    component->GetComponentName(&bstr);
    name = bstr != nullptr ? bstr : L"";
    SysFreeString(bstr);
    // Spec 15.3 and Q28: restore data is writable in PreRestore, backup
    // data is not.
    set_message = component->SetPreRestoreFailureMsg(L"disk busy");
    set_backup_data = component->SetBackupMetadata(L"late");
    component->Release();
  };
  Requester r;
  StartRestore(r);
  ASSERT_EQ(r->SetRestoreState(VSS_RTYPE_IMPORT), S_OK);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(count, 1u);
  EXPECT_TRUE(selected);
  EXPECT_EQ(name, L"Data");
  EXPECT_EQ(type, VSS_RTYPE_IMPORT);
  EXPECT_EQ(set_message, S_OK);
  EXPECT_EQ(set_backup_data, VSS_E_BAD_STATE);

  // Spec 11.1 step 12: the requester sees what the writer recorded.
  UINT writers = 0;
  ASSERT_EQ(r->GetWriterComponentsCount(&writers), S_OK);
  ASSERT_EQ(writers, 1u);
  IVssWriterComponentsExt* ext = nullptr;
  ASSERT_EQ(r->GetWriterComponents(0, &ext), S_OK);
  IVssComponent* component = nullptr;
  ASSERT_EQ(ext->GetComponent(0, &component), S_OK);
  BSTR message = nullptr;
  EXPECT_EQ(component->GetPreRestoreFailureMsg(&message), S_OK);
  EXPECT_EQ(std::wstring(message != nullptr ? message : L""), L"disk busy");
  SysFreeString(message);
  component->Release();
  ext->Release();
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
}

TEST(Restore, GetWriterComponentsListsTheLoadedDocumentBeforeTheGather) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  std::wstring xml = BackUp();
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  UINT writers = 0;
  ASSERT_EQ(r->GetWriterComponentsCount(&writers), S_OK);
  EXPECT_EQ(writers, 2u);
  IVssWriterComponentsExt* ext = nullptr;
  ASSERT_EQ(r->GetWriterComponents(1, &ext), S_OK);
  VSS_ID instance, klass;
  ASSERT_EQ(ext->GetWriterInfo(&instance, &klass), S_OK);
  EXPECT_EQ(klass, b.class_id());
  ext->Release();
}

TEST(Restore, ADocumentThatDoesNotLoadIsAnInvalidXmlDocument) {
  Emulator emulator;
  Requester r;
  EXPECT_EQ(InitRestore(r, L"<BACKUP_COMPONENTS"), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(r->InitializeForRestore(nullptr), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_FALSE(TraceLines(emulator.trace(), "note").empty());
}

TEST(Restore, AComponentNotInTheDocumentIsNotFound) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  EXPECT_EQ(r->SetSelectedForRestore(writer.class_id(), VSS_CT_FILEGROUP,
                                     nullptr, L"Missing", true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->SetSelectedForRestore(writer.class_id(), VSS_CT_DATABASE,
                                     nullptr, L"Data", true),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST(Restore, AComponentOfAWriterThatIsNotRunningIsNotFound) {
  Emulator emulator;
  TestWriter running(L"Running");
  ASSERT_EQ(running.Start(), S_OK);
  auto gone = std::make_unique<TestWriter>(L"Gone");
  ASSERT_EQ(gone->Start(), S_OK);
  std::wstring xml = BackUp();
  const VSS_ID gone_class = gone->class_id();
  gone.reset();  // Its process ended between backup and restore.
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r->SetSelectedForRestore(gone_class, VSS_CT_FILEGROUP, nullptr,
                                     L"Data", true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SelectData(r, running), S_OK);
}

TEST(Restore, AWriterWithNothingSelectedGetsNoRestoreEvents) {
  Emulator emulator;
  TestWriter chosen(L"Chosen"), other(L"Other");
  ASSERT_EQ(chosen.Start(), S_OK);
  ASSERT_EQ(other.Start(), S_OK);
  Requester r;
  StartRestore(r);
  ASSERT_EQ(SelectData(r, chosen), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(chosen.Count("PreRestore"), 1);
  EXPECT_EQ(chosen.Count("PostRestore"), 1);
  EXPECT_EQ(other.Count("PreRestore"), 0);
  EXPECT_EQ(other.Count("PostRestore"), 0);
}

TEST(Restore, DeselectingAComponentKeepsItsWriterOutOfTheRestore) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r->SetSelectedForRestore(writer.class_id(), VSS_CT_FILEGROUP,
                                     nullptr, L"Data", false),
            S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(writer.Count("PreRestore"), 0);
}

TEST(Restore, AWriterFailingPreRestoreIsReportedWithItsFailure) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  writer.scripts["PreRestore"].returns = false;
  writer.scripts["PreRestore"].failure = VSS_E_WRITERERROR_RETRYABLE;
  Requester r;
  StartRestore(r);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  HRESULT failure = S_OK;
  EXPECT_EQ(r.StateOf(L"R", &failure), VSS_WS_FAILED_AT_PRE_RESTORE);
  EXPECT_EQ(failure, VSS_E_WRITERERROR_RETRYABLE);
  // Q4: a writer that failed gets no further sequence events.
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(writer.Count("PostRestore"), 0);
}

TEST(Restore, FalseWithoutFailureAtPostRestoreReportsTheDefaultFailure) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  writer.scripts["PostRestore"].returns = false;
  Requester r;
  StartRestore(r);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  HRESULT failure = S_OK;
  EXPECT_EQ(r.StateOf(L"R", &failure), VSS_WS_FAILED_AT_POST_RESTORE);
  EXPECT_EQ(failure, VSS_E_WRITERERROR_NONRETRYABLE);  // Q10b default.
}

TEST(Restore, PostRestoreBeforePreRestoreIsOutOfSequence) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->PostRestore(&async), VSS_E_BAD_STATE);
  EXPECT_EQ(async, nullptr);
  EXPECT_EQ(r->PostRestore(nullptr), E_INVALIDARG);
  EXPECT_EQ(writer.Count("PostRestore"), 0);
}

TEST(Restore, SelectingBeforeTheGatherOrAfterPreRestoreIsOutOfSequence) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  EXPECT_EQ(SelectData(r, writer), VSS_E_BAD_STATE);
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(SelectData(r, writer), VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetRestoreState(VSS_RTYPE_OTHER), VSS_E_BAD_STATE);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->PreRestore(&async), VSS_E_BAD_STATE);
}

TEST(Restore, InitializingTwiceIsOutOfSequence) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  EXPECT_EQ(InitRestore(r, xml), VSS_E_BAD_STATE);
  EXPECT_EQ(r->InitializeForBackup(nullptr), VSS_E_BAD_STATE);
  Requester b;
  ASSERT_EQ(b.Init(), S_OK);
  EXPECT_EQ(InitRestore(b, xml), VSS_E_BAD_STATE);
  EXPECT_EQ(b->SetRestoreState(VSS_RTYPE_BY_COPY), VSS_E_BAD_STATE);
}

TEST(Restore, PreRestoreBeforeTheGatherIsOutOfSequence) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->PreRestore(&async), VSS_E_BAD_STATE);
}

TEST(Restore, ReleasingARestoreObjectRaisesNoBackupShutdown) {
  Emulator emulator;
  TestWriter writer(L"R");
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml = BackUp();
  const int shutdowns = writer.Count("BackupShutdown");
  {
    Requester r;
    ASSERT_EQ(InitRestore(r, xml), S_OK);
    ASSERT_EQ(r.Gather(), S_OK);
    ASSERT_EQ(SelectData(r, writer), S_OK);
    ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
    ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  }
  EXPECT_EQ(writer.Count("BackupShutdown"), shutdowns);
  EXPECT_THAT(TraceLines(emulator.trace(), "violation"), IsEmpty());
}

}  // namespace
}  // namespace vssemu::testing
