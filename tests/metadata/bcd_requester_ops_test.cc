// Requester-side changes to the Backup Components Document and their error
// codes (protocol.md 8.3, 11.1, 11.6).
#include "metadata/bcd_requester_ops.h"

#include <gtest/gtest.h>

#include "bcd_test_util.h"
#include "metadata/bcd_model.h"

namespace vssemu::metadata {
namespace {

using bcd_test::kInstance;
using bcd_test::kInstance2;
using bcd_test::kOtherWriter;
using bcd_test::kWriter;

constexpr VSS_COMPONENT_TYPE kFg = VSS_CT_FILEGROUP;

// A document with one writer instance holding "Data" at the root and
// "Logs" under "Data".
BackupComponentsDocument TwoComponents() {
  BackupComponentsDocument doc;
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, nullptr, L"Data"),
            S_OK);
  EXPECT_EQ(
      AddComponent(&doc, kInstance, kWriter, VSS_CT_DATABASE, L"Data", L"Logs"),
      S_OK);
  return doc;
}

const BcdComponent& Data(const BackupComponentsDocument& doc) {
  return *FindBcdComponent(doc, kWriter, kFg, nullptr, L"Data");
}

TEST(BcdRequesterOps, AddComponentCreatesOneWriterEntryPerInstance) {
  BackupComponentsDocument doc = TwoComponents();
  ASSERT_EQ(doc.writers.size(), 1u);
  EXPECT_EQ(doc.writers[0]->instance_id, kInstance);
  EXPECT_EQ(doc.writers[0]->writer_id, kWriter);
  ASSERT_EQ(doc.writers[0]->components.size(), 2u);
  EXPECT_EQ(doc.writers[0]->components[1]->logical_path, L"Data");
  EXPECT_EQ(doc.writers[0]->components[1]->type, VSS_CT_DATABASE);
  BcdWriterComponents* added_to = nullptr;
  EXPECT_EQ(
      AddComponent(&doc, kInstance2, kWriter, kFg, L"", L"Data", &added_to),
      S_OK);
  EXPECT_EQ(doc.writers.size(), 2u);
  EXPECT_EQ(added_to, doc.writers[1].get());
  EXPECT_EQ(
      AddComponent(&doc, kInstance, kWriter, kFg, L"", L"More", &added_to),
      S_OK);
  EXPECT_EQ(added_to, doc.writers[0].get());
  // Not set when nothing is added.
  added_to = nullptr;
  EXPECT_EQ(
      AddComponent(&doc, kInstance, kWriter, kFg, L"", L"More", &added_to),
      VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(added_to, nullptr);
}

TEST(BcdRequesterOps, AddComponentRejectsTheSamePathAndNameTwicePerInstance) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, L"", L"Data"),
            VSS_E_OBJECT_ALREADY_EXISTS);
  // Uniqueness ignores the type (9.1).
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, L"Data", L"Logs"),
            VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(doc.writers[0]->components.size(), 2u);
}

TEST(BcdRequesterOps, AddComponentRejectsBadArguments) {
  BackupComponentsDocument doc;
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, nullptr, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(
      AddComponent(&doc, kInstance, kWriter, VSS_CT_UNDEFINED, nullptr, L"A"),
      E_INVALIDARG);
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter,
                         static_cast<VSS_COMPONENT_TYPE>(7), nullptr, L"A"),
            E_INVALIDARG);
  EXPECT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, nullptr, L"A\\B"),
            E_INVALIDARG);
  EXPECT_EQ(AddComponent(nullptr, kInstance, kWriter, kFg, nullptr, L"A"),
            E_INVALIDARG);
  EXPECT_TRUE(doc.writers.empty());
  ASSERT_EQ(AddComponent(&doc, kInstance, kWriter, kFg, nullptr, L"A"), S_OK);
  // The instance already belongs to another writer class.
  EXPECT_EQ(AddComponent(&doc, kInstance, kOtherWriter, kFg, nullptr, L"B"),
            E_INVALIDARG);
}

TEST(BcdRequesterOps, ComponentsAreFoundByClassOrInstanceIdTypePathAndName) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_NE(FindBcdComponent(doc, kWriter, kFg, L"", L"Data"), nullptr);
  EXPECT_NE(FindBcdComponent(doc, kInstance, kFg, nullptr, L"Data"), nullptr);
  EXPECT_EQ(FindBcdComponent(doc, kWriter, VSS_CT_DATABASE, nullptr, L"Data"),
            nullptr);
  EXPECT_EQ(FindBcdComponent(doc, kOtherWriter, kFg, nullptr, L"Data"),
            nullptr);
  EXPECT_EQ(FindBcdComponent(doc, kWriter, kFg, L"X", L"Data"), nullptr);
  EXPECT_EQ(FindBcdComponent(doc, kWriter, kFg, nullptr, nullptr), nullptr);
}

TEST(BcdRequesterOps, SetBackupSucceededNeedsTheMatchingInstanceAndClass) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetBackupSucceeded(&doc, kInstance, kOtherWriter, kFg, nullptr,
                               L"Data", true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetBackupSucceeded(&doc, kInstance2, kWriter, kFg, nullptr, L"Data",
                               true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(
      SetBackupSucceeded(&doc, kInstance, kWriter, kFg, nullptr, L"Nope", true),
      VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(
      SetBackupSucceeded(&doc, kInstance, kWriter, kFg, nullptr, nullptr, true),
      E_INVALIDARG);
  EXPECT_FALSE(Data(doc).backup_succeeded);
  EXPECT_EQ(
      SetBackupSucceeded(&doc, kInstance, kWriter, kFg, nullptr, L"Data", true),
      S_OK);
  EXPECT_TRUE(Data(doc).backup_succeeded);
}

TEST(BcdRequesterOps, StringSettersStoreTheirValueAndRejectNull) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetBackupOptions(&doc, kWriter, kFg, nullptr, L"Data", L"o=1"),
            S_OK);
  EXPECT_EQ(
      SetPreviousBackupStamp(&doc, kWriter, kFg, nullptr, L"Data", L"stamp-1"),
      S_OK);
  EXPECT_EQ(SetRestoreName(&doc, kWriter, kFg, nullptr, L"Data", L"Data2"),
            S_OK);
  EXPECT_EQ(Data(doc).backup_options, L"o=1");
  EXPECT_EQ(Data(doc).previous_backup_stamp, L"stamp-1");
  EXPECT_EQ(Data(doc).restore_name, L"Data2");
  EXPECT_EQ(SetBackupOptions(&doc, kWriter, kFg, nullptr, L"Data", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(
      SetPreviousBackupStamp(&doc, kWriter, kFg, nullptr, L"Data", nullptr),
      E_INVALIDARG);
  EXPECT_EQ(SetRestoreName(&doc, kWriter, kFg, nullptr, L"Data", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(Data(doc).backup_options, L"o=1");
}

TEST(BcdRequesterOps, EveryComponentOperationReportsAMissingComponent) {
  BackupComponentsDocument doc = TwoComponents();
  const wchar_t* n = L"Missing";
  EXPECT_EQ(SetBackupOptions(&doc, kWriter, kFg, nullptr, n, L"x"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetPreviousBackupStamp(&doc, kWriter, kFg, nullptr, n, L"x"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetSelectedForRestore(&doc, kWriter, kFg, nullptr, n, true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(
      SetSelectedForRestoreEx(&doc, kWriter, kFg, nullptr, n, true, kInstance2),
      VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(
      AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, n, n, L"s", false),
      VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetRestoreOptions(&doc, kWriter, kFg, nullptr, n, L"x"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetAdditionalRestores(&doc, kWriter, kFg, nullptr, n, true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(AddAlternativeLocationMapping(&doc, kWriter, kFg, nullptr, n, L"p",
                                          L"f", false, L"d"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(
      AddNewTarget(&doc, kWriter, kFg, nullptr, n, L"p", L"f", false, L"a"),
      VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetRangesFilePath(&doc, kWriter, kFg, nullptr, n, 0, L"r"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetFileRestoreStatus(&doc, kWriter, kFg, nullptr, n, VSS_RS_ALL),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetAuthoritativeRestore(&doc, kWriter, kFg, nullptr, n, true),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetRollForward(&doc, kWriter, kFg, nullptr, n, VSS_RF_ALL, nullptr),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(SetRestoreName(&doc, kWriter, kFg, nullptr, n, L"x"),
            VSS_E_OBJECT_NOT_FOUND);
  // NULL name and bad type are argument errors before any lookup.
  EXPECT_EQ(SetAdditionalRestores(&doc, kWriter, kFg, nullptr, nullptr, true),
            E_INVALIDARG);
  EXPECT_EQ(SetAdditionalRestores(&doc, kWriter, VSS_CT_UNDEFINED, nullptr,
                                  L"Data", true),
            E_INVALIDARG);
}

TEST(BcdRequesterOps, DeselectingForRestoreDropsRestoreSubcomponents) {
  BackupComponentsDocument doc = TwoComponents();
  ASSERT_EQ(SetSelectedForRestore(&doc, kWriter, kFg, nullptr, L"Data", true),
            S_OK);
  EXPECT_TRUE(Data(doc).selected_for_restore);
  ASSERT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Data", L"Logs", true),
            S_OK);
  ASSERT_EQ(Data(doc).restore_subcomponents.size(), 1u);
  EXPECT_EQ(Data(doc).restore_subcomponents[0],
            (BcdRestoreSubcomponent{L"Data", L"Logs", true}));
  ASSERT_EQ(SetSelectedForRestore(&doc, kWriter, kFg, nullptr, L"Data", false),
            S_OK);
  EXPECT_FALSE(Data(doc).selected_for_restore);
  EXPECT_TRUE(Data(doc).restore_subcomponents.empty());
}

TEST(BcdRequesterOps, AddRestoreSubcomponentNeedsTheDefiningComponentSelected) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Data", L"Logs", false),
            VSS_E_BAD_STATE);
  ASSERT_EQ(SetSelectedForRestore(&doc, kWriter, kFg, nullptr, L"Data", true),
            S_OK);
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Data\\Deep", L"X", false),
            S_OK);
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Data\\Deep", L"X", false),
            VSS_E_OBJECT_ALREADY_EXISTS);
  // Not below "Data": a sibling, a prefix that is not a path element, root.
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Database", L"X", false),
            E_INVALIDARG);
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   nullptr, L"X", false),
            E_INVALIDARG);
  EXPECT_EQ(AddRestoreSubcomponent(&doc, kWriter, kFg, nullptr, L"Data",
                                   L"Data", nullptr, false),
            E_INVALIDARG);
  EXPECT_EQ(Data(doc).restore_subcomponents.size(), 1u);
}

TEST(BcdRequesterOps,
     SetSelectedForRestoreExMovesTheComponentToAnotherInstance) {
  BackupComponentsDocument doc = TwoComponents();
  doc.writers[0]->backup_schema = 0x200;
  std::shared_ptr<BcdComponent> data =
      FindBcdComponent(doc, kWriter, kFg, nullptr, L"Data");
  ASSERT_EQ(SetSelectedForRestoreEx(&doc, kWriter, kFg, nullptr, L"Data", true,
                                    kInstance2),
            S_OK);
  ASSERT_EQ(doc.writers.size(), 2u);
  EXPECT_EQ(doc.writers[0]->components.size(), 1u);
  std::shared_ptr<BcdWriterComponents> moved =
      doc.FindWriterInstance(kInstance2);
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->writer_id, kWriter);
  EXPECT_EQ(moved->backup_schema, 0x200u);
  ASSERT_EQ(moved->components.size(), 1u);
  EXPECT_EQ(moved->components[0], data);  // The same component, moved.
  EXPECT_TRUE(data->selected_for_restore);
  // Moving the last component drops the emptied entry.
  ASSERT_EQ(SetSelectedForRestoreEx(&doc, kWriter, VSS_CT_DATABASE, L"Data",
                                    L"Logs", true, kInstance2),
            S_OK);
  ASSERT_EQ(doc.writers.size(), 1u);
  EXPECT_EQ(doc.writers[0]->instance_id, kInstance2);
}

TEST(BcdRequesterOps, SetSelectedForRestoreExRejectsConflictingTargets) {
  BackupComponentsDocument doc = TwoComponents();
  ASSERT_EQ(AddComponent(&doc, kInstance2, kWriter, kFg, nullptr, L"Data"),
            S_OK);
  ASSERT_EQ(AddComponent(&doc, kOtherWriter, kOtherWriter, kFg, nullptr, L"Z"),
            S_OK);
  EXPECT_EQ(SetSelectedForRestoreEx(&doc, kInstance, kFg, nullptr, L"Data",
                                    true, kInstance2),
            VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(SetSelectedForRestoreEx(&doc, kInstance, kFg, nullptr, L"Data",
                                    true, kOtherWriter),
            E_INVALIDARG);
  // GUID_NULL and the own instance keep it where it is.
  EXPECT_EQ(SetSelectedForRestoreEx(&doc, kInstance, kFg, nullptr, L"Data",
                                    true, GUID_NULL),
            S_OK);
  EXPECT_EQ(SetSelectedForRestoreEx(&doc, kInstance, kFg, nullptr, L"Data",
                                    true, kInstance),
            S_OK);
  EXPECT_EQ(doc.writers[0]->components.size(), 2u);
  EXPECT_TRUE(doc.writers[0]->components[0]->selected_for_restore);
  EXPECT_FALSE(doc.writers[1]->components[0]->selected_for_restore);
}

TEST(BcdRequesterOps, SetRestoreOptionsMayBeCalledOncePerComponent) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetRestoreOptions(&doc, kWriter, kFg, nullptr, L"Data", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(SetRestoreOptions(&doc, kWriter, kFg, nullptr, L"Data",
                              L"\"Roll Forward\"=\"None\""),
            S_OK);
  EXPECT_EQ(SetRestoreOptions(&doc, kWriter, kFg, nullptr, L"Data", L"x"),
            VSS_E_BAD_STATE);
  EXPECT_EQ(Data(doc).restore_options, L"\"Roll Forward\"=\"None\"");
}

TEST(BcdRequesterOps, FlagSettersStoreTheirValue) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetAdditionalRestores(&doc, kWriter, kFg, nullptr, L"Data", true),
            S_OK);
  EXPECT_EQ(SetAuthoritativeRestore(&doc, kWriter, kFg, nullptr, L"Data", true),
            S_OK);
  EXPECT_TRUE(Data(doc).additional_restores);
  EXPECT_TRUE(Data(doc).authoritative_restore);
  EXPECT_EQ(SetAdditionalRestores(&doc, kWriter, kFg, nullptr, L"Data", false),
            S_OK);
  EXPECT_FALSE(Data(doc).additional_restores);
}

TEST(BcdRequesterOps, LocationOperationsRecordFileSetsAndRejectNullStrings) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(AddAlternativeLocationMapping(&doc, kWriter, kFg, nullptr, L"Data",
                                          L"C:\\d", L"*.db", true, L"E:\\r"),
            S_OK);
  EXPECT_EQ(AddNewTarget(&doc, kWriter, kFg, nullptr, L"Data", L"C:\\d",
                         L"a.db", false, L"F:\\n"),
            S_OK);
  EXPECT_EQ(Data(doc).alternate_location_mappings,
            (std::vector<FileSpec>{
                {L"C:\\d", L"*.db", true, L"E:\\r", kDefaultBackupTypeMask}}));
  EXPECT_EQ(Data(doc).new_targets,
            (std::vector<FileSpec>{
                {L"C:\\d", L"a.db", false, L"F:\\n", kDefaultBackupTypeMask}}));
  EXPECT_EQ(AddAlternativeLocationMapping(&doc, kWriter, kFg, nullptr, L"Data",
                                          nullptr, L"*", true, L"E:\\"),
            E_INVALIDARG);
  EXPECT_EQ(AddAlternativeLocationMapping(&doc, kWriter, kFg, nullptr, L"Data",
                                          L"C:\\", L"*", true, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(AddNewTarget(&doc, kWriter, kFg, nullptr, L"Data", L"C:\\", nullptr,
                         false, L"F:\\"),
            E_INVALIDARG);
  EXPECT_EQ(AddNewTarget(&doc, kWriter, kFg, nullptr, L"Data", L"C:\\", L"*",
                         false, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(Data(doc).alternate_location_mappings.size(), 1u);
  EXPECT_EQ(Data(doc).new_targets.size(), 1u);
}

TEST(BcdRequesterOps, SetRangesFilePathRelocatesOnePartialFileByIndex) {
  BackupComponentsDocument doc = TwoComponents();
  BcdComponent& data = *FindBcdComponent(doc, kWriter, kFg, nullptr, L"Data");
  data.partial_files.push_back({L"C:\\d", L"a.db", L"C:\\r\\a.rng", {}, {}});
  EXPECT_EQ(SetRangesFilePath(&doc, kWriter, kFg, nullptr, L"Data", 1, L"x"),
            E_INVALIDARG);
  EXPECT_EQ(SetRangesFilePath(&doc, kWriter, kFg, nullptr, L"Data", 0, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(data.partial_files[0].effective_ranges(), L"C:\\r\\a.rng");
  EXPECT_EQ(SetRangesFilePath(&doc, kWriter, kFg, nullptr, L"Data", 0,
                              L"D:\\moved.rng"),
            S_OK);
  EXPECT_EQ(data.partial_files[0].ranges, L"C:\\r\\a.rng");
  EXPECT_EQ(data.partial_files[0].effective_ranges(), L"D:\\moved.rng");
}

TEST(BcdRequesterOps, SetFileRestoreStatusAcceptsOnlyRealStatuses) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetFileRestoreStatus(&doc, kWriter, kFg, nullptr, L"Data",
                                 VSS_RS_UNDEFINED),
            E_INVALIDARG);
  EXPECT_EQ(SetFileRestoreStatus(&doc, kWriter, kFg, nullptr, L"Data",
                                 static_cast<VSS_FILE_RESTORE_STATUS>(4)),
            E_INVALIDARG);
  EXPECT_EQ(
      SetFileRestoreStatus(&doc, kWriter, kFg, nullptr, L"Data", VSS_RS_FAILED),
      S_OK);
  EXPECT_EQ(Data(doc).file_restore_status, VSS_RS_FAILED);
}

TEST(BcdRequesterOps, SetRollForwardStoresTypeAndOptionalPoint) {
  BackupComponentsDocument doc = TwoComponents();
  EXPECT_EQ(SetRollForward(&doc, kWriter, kFg, nullptr, L"Data",
                           VSS_RF_UNDEFINED, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(SetRollForward(&doc, kWriter, kFg, nullptr, L"Data", VSS_RF_PARTIAL,
                           L"lsn:42"),
            S_OK);
  EXPECT_EQ(Data(doc).roll_forward_type, VSS_RF_PARTIAL);
  EXPECT_EQ(Data(doc).roll_forward_point, L"lsn:42");
  EXPECT_EQ(
      SetRollForward(&doc, kWriter, kFg, nullptr, L"Data", VSS_RF_ALL, nullptr),
      S_OK);
  EXPECT_EQ(Data(doc).roll_forward_type, VSS_RF_ALL);
  EXPECT_FALSE(Data(doc).roll_forward_point.has_value());
}

TEST(BcdRequesterOps, BackupAndRestoreStateValidateTheirTypes) {
  BackupComponentsDocument doc;
  EXPECT_EQ(SetBackupState(&doc, true, true, VSS_BT_UNDEFINED, false),
            E_INVALIDARG);
  EXPECT_EQ(
      SetBackupState(&doc, true, true, static_cast<VSS_BACKUP_TYPE>(7), false),
      E_INVALIDARG);
  EXPECT_FALSE(doc.select_components);
  EXPECT_EQ(SetBackupState(&doc, true, true, VSS_BT_LOG, true), S_OK);
  EXPECT_TRUE(doc.select_components);
  EXPECT_TRUE(doc.bootable_system_state);
  EXPECT_EQ(doc.backup_type, VSS_BT_LOG);
  EXPECT_TRUE(doc.partial_file_support);
  EXPECT_EQ(SetRestoreState(&doc, static_cast<VSS_RESTORE_TYPE>(4)),
            E_INVALIDARG);
  EXPECT_EQ(SetRestoreState(&doc, VSS_RTYPE_IMPORT), S_OK);
  EXPECT_EQ(doc.restore_type, VSS_RTYPE_IMPORT);
}

TEST(BcdModel, AncestorPathsMatchWholeElements) {
  EXPECT_TRUE(IsAncestorPath(L"", L"writerData", L"writerData"));
  EXPECT_TRUE(IsAncestorPath(L"", L"writerData", L"writerData\\Set1"));
  EXPECT_TRUE(IsAncestorPath(L"a\\b", L"c", L"a\\b\\c\\d"));
  EXPECT_FALSE(IsAncestorPath(L"", L"writerData", L"writerDataX"));
  EXPECT_FALSE(IsAncestorPath(L"", L"writerData", L""));
  EXPECT_FALSE(IsAncestorPath(L"a", L"c", L"c"));
}

TEST(BcdModel, CloneSharesNothingAndComparesEqual) {
  BackupComponentsDocument doc = TwoComponents();
  BackupComponentsDocument copy = doc.Clone();
  EXPECT_EQ(copy, doc);
  EXPECT_NE(copy.writers[0], doc.writers[0]);
  EXPECT_NE(copy.writers[0]->components[0], doc.writers[0]->components[0]);
  copy.writers[0]->components[0]->backup_succeeded = true;
  EXPECT_FALSE(copy == doc);
  EXPECT_FALSE(doc.writers[0]->components[0]->backup_succeeded);
}

}  // namespace
}  // namespace vssemu::metadata
