// The requester's phase rules (spec 2.1, 8.2, 8.3): a call out of sequence
// returns VSS_E_BAD_STATE and reports a violation naming the rule.
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

TEST(CallOrder, EverythingNeedsInitializeForBackupFirst) {
  Emulator emulator;
  Requester r;
  IVssAsync* async = nullptr;
  VSS_ID id;
  EXPECT_EQ(r->SetContext(VSS_CTX_BACKUP), VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupState(true, false, VSS_BT_FULL, false), VSS_E_BAD_STATE);
  EXPECT_EQ(r->GatherWriterMetadata(&async), VSS_E_BAD_STATE);
  EXPECT_EQ(r->StartSnapshotSet(&id), VSS_E_BAD_STATE);
  EXPECT_EQ(r->PrepareForBackup(&async), VSS_E_BAD_STATE);
  EXPECT_EQ(async, nullptr);
  EXPECT_EQ(LastRule(emulator), "requester.prepare-out-of-order");
}

TEST(CallOrder, InitializeForBackupOnlyOnce) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r->InitializeForBackup(nullptr), S_OK);
  EXPECT_EQ(r->InitializeForBackup(nullptr), VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.initialize-twice");
}

TEST(CallOrder, InitializeForBackupRejectsABadDocument) {
  Emulator emulator;
  Requester r;
  BSTR xml = SysAllocString(L"<BACKUP_COMPONENTS");
  EXPECT_EQ(r->InitializeForBackup(xml), VSS_E_INVALID_XML_DOCUMENT);
  SysFreeString(xml);
}

TEST(CallOrder, SetContextOnlyOnceAndBeforeStartSnapshotSet) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  EXPECT_EQ(r->SetContext(VSS_CTX_APP_ROLLBACK), S_OK);
  EXPECT_EQ(r->SetContext(VSS_CTX_BACKUP), VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.context-twice");
  Requester late;
  ASSERT_EQ(late.Init(), S_OK);
  VSS_ID id;
  ASSERT_EQ(late->StartSnapshotSet(&id), S_OK);
  EXPECT_EQ(late->SetContext(VSS_CTX_BACKUP), VSS_E_BAD_STATE);
}

TEST(CallOrder, SetContextRejectsUndocumentedValues) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  EXPECT_EQ(r->SetContext(0x3), E_INVALIDARG);
  // C++20 deprecates | between two enumerations; real code ORs them as LONG.
  const LONG backup = VSS_CTX_BACKUP;
  EXPECT_EQ(r->SetContext(backup | VSS_VOLSNAP_ATTR_DIFFERENTIAL |
                          VSS_VOLSNAP_ATTR_PLEX),
            E_INVALIDARG);  // Q32: DIFFERENTIAL xor PLEX.
  EXPECT_EQ(r->SetContext(backup | VSS_VOLSNAP_ATTR_TRANSPORTABLE), S_OK);
}

TEST(CallOrder, GatherWriterMetadataOnlyOnce) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->GatherWriterMetadata(&async), VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.gather-twice");
  EXPECT_EQ(r->GatherWriterMetadata(nullptr), E_INVALIDARG);
}

TEST(CallOrder, MetadataAndStatusNeedTheirGathersFirst) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  UINT count;
  EXPECT_EQ(r->GetWriterMetadataCount(&count), VSS_E_BAD_STATE);
  EXPECT_EQ(r->FreeWriterMetadata(), VSS_E_BAD_STATE);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->GatherWriterStatus(&async), VSS_E_BAD_STATE);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r->GetWriterStatusCount(&count), VSS_E_BAD_STATE);
  ASSERT_EQ(r->FreeWriterMetadata(), S_OK);
  // Freed metadata cannot be read again on this object (spec 2.1 row 8).
  EXPECT_EQ(r->GetWriterMetadataCount(&count), VSS_E_BAD_STATE);
}

TEST(CallOrder, GetWriterMetadataChecksItsArguments) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  VSS_ID instance;
  IVssExamineWriterMetadata* metadata = nullptr;
  EXPECT_EQ(r->GetWriterMetadata(1, &instance, &metadata),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->GetWriterMetadata(0, nullptr, &metadata), E_INVALIDARG);
  EXPECT_EQ(r->GetWriterMetadata(0, &instance, nullptr), E_INVALIDARG);
}

TEST(CallOrder, AddComponentNeedsTheGatherAndAComponentThatExists) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  VSS_ID instance = GUID_NULL;
  EXPECT_EQ(r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                            nullptr, L"Data"),
            VSS_E_BAD_STATE);
  ASSERT_EQ(r.Gather(), S_OK);
  IVssExamineWriterMetadata* metadata = nullptr;
  ASSERT_EQ(r->GetWriterMetadata(0, &instance, &metadata), S_OK);
  metadata->Release();
  EXPECT_EQ(r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                            nullptr, L"NoSuchComponent"),
            VSS_E_OBJECT_NOT_FOUND);  // Q24.
  EXPECT_EQ(r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                            nullptr, L"Data"),
            S_OK);
  EXPECT_EQ(r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                            nullptr, L"Data"),
            VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                            nullptr, nullptr),
            E_INVALIDARG);
}

TEST(CallOrder, StartSnapshotSetOnlyOnce) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  VSS_ID a, b;
  ASSERT_EQ(r->StartSnapshotSet(&a), S_OK);
  EXPECT_EQ(r->StartSnapshotSet(&b), VSS_E_BAD_STATE);
  EXPECT_EQ(r->StartSnapshotSet(nullptr), E_INVALIDARG);
}

TEST(CallOrder, PrepareForBackupNeedsBackupStateAndAStartedSet) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r->InitializeForBackup(nullptr), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  VSS_ID id;
  ASSERT_EQ(r->StartSnapshotSet(&id), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup), VSS_E_BAD_STATE);
  ASSERT_EQ(r->SetBackupState(false, false, VSS_BT_FULL, false), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup), VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupState(false, false, VSS_BT_FULL, false),
            VSS_E_BAD_STATE);
}

TEST(CallOrder, DoSnapshotSetNeedsStartSnapshotSetAndPrepareForBackup) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(false), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::DoSnapshotSet), VSS_E_BAD_STATE);
  ASSERT_EQ(r.StartSet(), S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::DoSnapshotSet), VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.snapshot-before-prepare");
}

TEST(CallOrder, SucceededAndCompleteOnlyAfterASuccessfulSnapshotSet) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  VSS_ID instance = GUID_NULL;
  EXPECT_EQ(r->SetBackupSucceeded(instance, writer.class_id(),
                                  VSS_CT_FILEGROUP, nullptr, L"Data", true),
            VSS_E_BAD_STATE);
  EXPECT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_E_BAD_STATE);
  ASSERT_EQ(r.Snapshot(), S_OK);
  IVssExamineWriterMetadata* metadata = nullptr;
  ASSERT_EQ(r->GetWriterMetadata(0, &instance, &metadata), S_OK);
  metadata->Release();
  EXPECT_EQ(r->SetBackupSucceeded(instance, writer.class_id(),
                                  VSS_CT_FILEGROUP, nullptr, L"Data", true),
            S_OK);
  EXPECT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupSucceeded(instance, writer.class_id(),
                                  VSS_CT_FILEGROUP, nullptr, L"Data", true),
            VSS_E_BAD_STATE);
}

TEST(CallOrder, SaveAsXmlNeverBeforePrepareForBackup) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  BSTR xml = nullptr;
  EXPECT_EQ(r->SaveAsXML(&xml), VSS_E_BAD_STATE);
  EXPECT_EQ(xml, nullptr);
  EXPECT_EQ(r->SaveAsXML(nullptr), E_INVALIDARG);
}

TEST(CallOrder, SaveAsXmlAfterTheBackupHoldsTheSelection) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(), S_OK);
  ASSERT_EQ(r.Snapshot(), S_OK);
  BSTR xml = nullptr;
  ASSERT_EQ(r->SaveAsXML(&xml), S_OK);
  std::wstring text(xml, SysStringLen(xml));
  SysFreeString(xml);
  EXPECT_NE(text.find(L"<BACKUP_COMPONENTS"), std::wstring::npos);
  EXPECT_NE(text.find(L"componentName=\"Data\""), std::wstring::npos);
  EXPECT_NE(text.find(L"backupType=\"full\""), std::wstring::npos);
}

TEST(CallOrder, ViolationsAreSilentUnderWindowsStrictness) {
  RunOptions options;
  options.strictness = Strictness::kWindows;
  Emulator emulator(options);
  Requester r;
  EXPECT_EQ(r->SetContext(VSS_CTX_BACKUP), VSS_E_BAD_STATE);
  EXPECT_TRUE(emulator.violations().empty());
}

TEST(CallOrder, TheAdministrativeCallsAreNotEmulated) {
  Emulator emulator;
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  // Out of scope (spec 8.3 last row); listed as missing in the README.
  EXPECT_EQ(r->BreakSnapshotSet(GUID_NULL), E_NOTIMPL);
  VSS_PWSZ exposed = const_cast<VSS_PWSZ>(L"not touched");
  EXPECT_EQ(r->ExposeSnapshot(GUID_NULL, nullptr, VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY,
                              nullptr, &exposed),
            E_NOTIMPL);
  EXPECT_EQ(exposed, nullptr);
  EXPECT_EQ(r->RevertToSnapshot(GUID_NULL, FALSE), E_NOTIMPL);
  IVssAsync* async = reinterpret_cast<IVssAsync*>(&exposed);
  EXPECT_EQ(r->ImportSnapshots(&async), E_NOTIMPL);
  EXPECT_EQ(async, nullptr);
}

}  // namespace
}  // namespace vssemu::testing

namespace vssemu::testing {
namespace {

TEST(CallOrder, TheStrictOrderKnobRequiresTheOverviewsOrder) {
  RunOptions options;
  options.knobs.strict_call_order = true;
  Emulator emulator(options);
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester early;
  ASSERT_EQ(early->InitializeForBackup(nullptr), S_OK);
  EXPECT_EQ(early.Run(&IVssBackupComponents::GatherWriterMetadata),
            VSS_E_BAD_STATE);  // SetBackupState first.
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  VSS_ID id;
  EXPECT_EQ(r->StartSnapshotSet(&id), VSS_E_BAD_STATE);  // Gather first.
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  EXPECT_EQ(r.AddAllComponents(), VSS_E_BAD_STATE);  // Before the set.
  EXPECT_EQ(emulator.violations().back().rule, "requester.strict-order");
}

TEST(CallOrder, TheDefaultOrderIsLenient) {
  Emulator emulator;
  TestWriter writer(L"W");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r->InitializeForBackup(nullptr), S_OK);
  VSS_ID id;
  ASSERT_EQ(r->StartSnapshotSet(&id), S_OK);  // Before the gather (Q1).
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(r->SetBackupState(true, false, VSS_BT_FULL, false), S_OK);
  EXPECT_EQ(r.AddAllComponents(), S_OK);  // After StartSnapshotSet.
  EXPECT_TRUE(emulator.violations().empty());
}

}  // namespace
}  // namespace vssemu::testing
