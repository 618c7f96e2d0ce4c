// The settings a requester gives the components it restores (spec 11.1
// steps 8, 9 and 14; 11.4-11.6): what the writer reads from them in
// PreRestore and PostRestore, the window in which each call is legal, and
// the schema bits and file-set rules behind them (spec 12.2).
#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/restore_test_util.h"

namespace vssemu::testing {
namespace {

// The schema bits that allow every optional restore setting.
constexpr DWORD kRestoreSchema =
    VSS_BS_WRITER_SUPPORTS_NEW_TARGET | VSS_BS_ROLLFORWARD_RESTORE |
    VSS_BS_RESTORE_RENAME | VSS_BS_AUTHORITATIVE_RESTORE;

// Gives writer the subcomponents Data\Sub (selectable for restore, files
// C:\Data\Sub\*.db) and Data\Fixed (not selectable for restore).
void AddSubcomponents(TestWriter& writer) {
  writer.describe_more = [](IVssCreateWriterMetadata* m) {
    return SUCCEEDED(m->AddComponent(VSS_CT_FILEGROUP, L"Data", L"Sub", NULL,
                                     NULL, 0, false, false, false, true)) &&
           SUCCEEDED(m->AddFilesToFileGroup(L"Data", L"Sub", L"C:\\Data\\Sub",
                                            L"*.db", false, NULL)) &&
           SUCCEEDED(m->AddComponent(VSS_CT_FILEGROUP, L"Data", L"Fixed", NULL,
                                     NULL, 0, false, false, false, false)) &&
           SUCCEEDED(m->AddFilesToFileGroup(L"Data", L"Fixed",
                                            L"C:\\Data\\Fixed", L"*", false,
                                            NULL));
  };
}

// Reads a BSTR getter into a string ("" for NULL) and frees it.
template <typename Getter>
std::wstring ReadString(Getter getter) {
  BSTR value = nullptr;
  if (FAILED(getter(&value)) || value == nullptr) return L"";
  std::wstring text(value);
  SysFreeString(value);
  return text;
}

// Returns the requester's Ex2 interface (released by the caller).
IVssBackupComponentsEx2* Ex2(Requester& r) {
  IVssBackupComponentsEx2* ex2 = nullptr;
  EXPECT_EQ(r->QueryInterface(IID_IVssBackupComponentsEx2,
                              reinterpret_cast<void**>(&ex2)),
            S_OK);
  return ex2;
}

// A restore up to a completed gather, with writer "R" and its Data
// component selected.
class RestoreSettings : public ::testing::Test {
 protected:
  void SetUp() override {
    writer.backup_schema = kRestoreSchema;
    AddSubcomponents(writer);
    ASSERT_EQ(writer.Start(), S_OK);
    StartRestore(r);
    ASSERT_EQ(SelectData(r, writer), S_OK);
  }

  // Calls a component-addressed setter on writer's Data component.
  template <typename... Args>
  HRESULT OnData(HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*setter)(
                     VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, Args...),
                 Args... args) {
    return (r.get()->*setter)(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                              L"Data", args...);
  }

  Emulator emulator;
  TestWriter writer{L"R"};
  Requester r;
};

TEST_F(RestoreSettings, TheWriterReadsEverySettingInPreRestore) {
  IVssBackupComponentsEx2* ex2 = Ex2(r);
  const VSS_ID id = writer.class_id();
  ASSERT_EQ(r->AddRestoreSubcomponent(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                                      L"Data", L"Sub", false),
            S_OK);
  ASSERT_EQ(OnData<LPCWSTR>(&IVssBackupComponents::SetRestoreOptions,
                            L"\"Sub\":\"Mode\"=\"Fast\""),
            S_OK);
  ASSERT_EQ(OnData<bool>(&IVssBackupComponents::SetAdditionalRestores, true),
            S_OK);
  ASSERT_EQ(r->AddNewTarget(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                            L"C:\\Data\\Sub", L"*.db", false, L"D:\\New"),
            S_OK);
  ASSERT_EQ(ex2->SetAuthoritativeRestore(id, VSS_CT_FILEGROUP, nullptr,
                                         L"Data", true),
            S_OK);
  ASSERT_EQ(ex2->SetRollForward(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                                VSS_RF_PARTIAL, L"LSN:42"),
            S_OK);
  ASSERT_EQ(ex2->SetRestoreName(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                                L"Data (copy)"),
            S_OK);
  ex2->Release();

  std::wstring options, sub_path, sub_name, new_target, roll_point, name;
  bool additional = false, authoritative = false, repair = true;
  UINT subcomponents = 0, new_targets = 0;
  VSS_ROLLFORWARD_TYPE roll = VSS_RF_UNDEFINED;
  writer.scripts["PreRestore"].action = [&] {
    IVssComponent* c = nullptr;
    ASSERT_EQ(writer.last_components->GetComponent(0, &c), S_OK);
    options = ReadString([&](BSTR* b) { return c->GetRestoreOptions(b); });
    c->GetAdditionalRestores(&additional);
    c->GetRestoreSubcomponentCount(&subcomponents);
    BSTR p = nullptr, n = nullptr;
    if (c->GetRestoreSubcomponent(0, &p, &n, &repair) == S_OK) {
      sub_path = p;
      sub_name = n;
      SysFreeString(p);
      SysFreeString(n);
    }
    c->GetNewTargetCount(&new_targets);
    IVssWMFiledesc* target = nullptr;
    if (c->GetNewTarget(0, &target) == S_OK) {
      new_target = ReadString(
          [&](BSTR* b) { return target->GetAlternateLocation(b); });
      target->Release();
    }
    IVssComponentEx2* ex = nullptr;
    ASSERT_EQ(c->QueryInterface(IID_IVssComponentEx2,
                                reinterpret_cast<void**>(&ex)),
              S_OK);
    ex->GetAuthoritativeRestore(&authoritative);
    BSTR point = nullptr;
    ex->GetRollForward(&roll, &point);
    roll_point = point != nullptr ? point : L"";
    SysFreeString(point);
    name = ReadString([&](BSTR* b) { return ex->GetRestoreName(b); });
    ex->Release();
    c->Release();
  };
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(options, L"\"Sub\":\"Mode\"=\"Fast\"");
  EXPECT_TRUE(additional);
  EXPECT_EQ(subcomponents, 1u);
  EXPECT_EQ(sub_path, L"Data");
  EXPECT_EQ(sub_name, L"Sub");
  EXPECT_FALSE(repair);
  EXPECT_EQ(new_targets, 1u);
  EXPECT_EQ(new_target, L"D:\\New");
  EXPECT_TRUE(authoritative);
  EXPECT_EQ(roll, VSS_RF_PARTIAL);
  EXPECT_EQ(roll_point, L"LSN:42");
  EXPECT_EQ(name, L"Data (copy)");
  EXPECT_TRUE(emulator.violations().empty());
}

TEST_F(RestoreSettings, TheWriterReadsCopyPhaseSettingsInPostRestore) {
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->AddAlternativeLocationMapping(
                writer.class_id(), VSS_CT_FILEGROUP, nullptr, L"Data",
                L"C:\\Data", L"*", true, L"E:\\Elsewhere"),
            S_OK);
  ASSERT_EQ(OnData<VSS_FILE_RESTORE_STATUS>(
                &IVssBackupComponents::SetFileRestoreStatus, VSS_RS_FAILED),
            S_OK);
  // Q30: SetAdditionalRestores is still accepted during the copy.
  ASSERT_EQ(OnData<bool>(&IVssBackupComponents::SetAdditionalRestores, true),
            S_OK);

  UINT mappings = 0;
  std::wstring destination;
  VSS_FILE_RESTORE_STATUS status = VSS_RS_UNDEFINED;
  bool additional = false;
  writer.scripts["PostRestore"].action = [&] {
    IVssComponent* c = nullptr;
    ASSERT_EQ(writer.last_components->GetComponent(0, &c), S_OK);
    c->GetAlternateLocationMappingCount(&mappings);
    IVssWMFiledesc* mapping = nullptr;
    if (c->GetAlternateLocationMapping(0, &mapping) == S_OK) {
      destination = ReadString(
          [&](BSTR* b) { return mapping->GetAlternateLocation(b); });
      mapping->Release();
    }
    c->GetFileRestoreStatus(&status);
    c->GetAdditionalRestores(&additional);
    c->Release();
  };
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(mappings, 1u);
  EXPECT_EQ(destination, L"E:\\Elsewhere");
  EXPECT_EQ(status, VSS_RS_FAILED);
  EXPECT_TRUE(additional);
  EXPECT_TRUE(emulator.violations().empty());
}

TEST_F(RestoreSettings, BeforePreRestoreSettingsAreOutOfSequenceAfterIt) {
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(OnData<LPCWSTR>(&IVssBackupComponents::SetRestoreOptions,
                            L"\"a\"=\"b\""),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.restore-setting-after-prerestore");
  EXPECT_EQ(r->AddNewTarget(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                            L"Data", L"C:\\Data", L"*", true, L"D:\\N"),
            VSS_E_BAD_STATE);
  EXPECT_EQ(r->AddRestoreSubcomponent(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"Data", L"Sub",
                                      false),
            VSS_E_BAD_STATE);
  IVssBackupComponentsEx2* ex2 = Ex2(r);
  EXPECT_EQ(ex2->SetAuthoritativeRestore(writer.class_id(), VSS_CT_FILEGROUP,
                                         nullptr, L"Data", true),
            VSS_E_BAD_STATE);
  EXPECT_EQ(ex2->SetRollForward(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                L"Data", VSS_RF_ALL, nullptr),
            VSS_E_BAD_STATE);
  EXPECT_EQ(ex2->SetRestoreName(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                L"Data", L"x"),
            VSS_E_BAD_STATE);
  ex2->Release();
}

TEST_F(RestoreSettings, CopyPhaseCallsAreOutOfSequenceOutsideIt) {
  // Before PreRestore...
  EXPECT_EQ(OnData<VSS_FILE_RESTORE_STATUS>(
                &IVssBackupComponents::SetFileRestoreStatus, VSS_RS_ALL),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.copy-phase-call-out-of-order");
  EXPECT_EQ(r->AddAlternativeLocationMapping(
                writer.class_id(), VSS_CT_FILEGROUP, nullptr, L"Data",
                L"C:\\Data", L"*", true, L"E:\\X"),
            VSS_E_BAD_STATE);
  EXPECT_EQ((OnData<UINT, LPCWSTR>(&IVssBackupComponents::SetRangesFilePath,
                                   0u, L"C:\\ranges.bin")),
            VSS_E_BAD_STATE);
  // ...and after PostRestore.
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(OnData<VSS_FILE_RESTORE_STATUS>(
                &IVssBackupComponents::SetFileRestoreStatus, VSS_RS_ALL),
            VSS_E_BAD_STATE);
  EXPECT_EQ(OnData<bool>(&IVssBackupComponents::SetAdditionalRestores, false),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.restore-setting-after-postrestore");
}

TEST_F(RestoreSettings, RestoreSettingsAreOutOfSequenceInABackup) {
  Requester backup;
  ASSERT_EQ(backup.Init(), S_OK);
  ASSERT_EQ(backup->SetRestoreOptions(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"\"a\"=\"b\""),
            VSS_E_BAD_STATE);
  EXPECT_EQ(LastRule(emulator), "requester.restore-call-in-backup");
  IVssBackupComponentsEx2* ex2 = Ex2(backup);
  EXPECT_EQ(ex2->SetRollForward(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                L"Data", VSS_RF_ALL, nullptr),
            VSS_E_BAD_STATE);
  ex2->Release();
}

TEST_F(RestoreSettings, ASubcomponentNeedsItsSelectedDefiningComponent) {
  ASSERT_EQ(r->SetSelectedForRestore(writer.class_id(), VSS_CT_FILEGROUP,
                                     nullptr, L"Data", false),
            S_OK);
  EXPECT_EQ(r->AddRestoreSubcomponent(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"Data", L"Sub",
                                      false),
            VSS_E_BAD_STATE);
}

TEST_F(RestoreSettings, ASubcomponentTheWriterDoesNotDescribeIsNotFound) {
  EXPECT_EQ(r->AddRestoreSubcomponent(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"Data", L"Nowhere",
                                      false),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST_F(RestoreSettings, ASubcomponentNotSelectableForRestoreIsAViolation) {
  EXPECT_EQ(r->AddRestoreSubcomponent(writer.class_id(), VSS_CT_FILEGROUP,
                                      nullptr, L"Data", L"Data", L"Fixed",
                                      false),
            S_OK);
  EXPECT_EQ(LastRule(emulator),
            "requester.subcomponent-not-selectable-for-restore");
}

TEST_F(RestoreSettings, RestoreOptionsAreSetAtMostOnce) {
  ASSERT_EQ(OnData<LPCWSTR>(&IVssBackupComponents::SetRestoreOptions,
                            L"\"a\"=\"b\""),
            S_OK);
  EXPECT_EQ(OnData<LPCWSTR>(&IVssBackupComponents::SetRestoreOptions,
                            L"\"a\"=\"c\""),
            VSS_E_BAD_STATE);
}

TEST_F(RestoreSettings, ANewTargetMustNameAFileSetOfTheComponentSet) {
  EXPECT_EQ(r->AddNewTarget(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                            L"Data", L"C:\\Data", L"*.txt", true, L"D:\\N"),
            VSS_E_OBJECT_NOT_FOUND);
  // Windows compares paths without regard to case or a trailing backslash.
  EXPECT_EQ(r->AddNewTarget(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                            L"Data", L"c:\\data\\", L"*", true, L"D:\\N"),
            S_OK);
}

TEST_F(RestoreSettings, AMappingThatMatchesNoFileSetIsAViolation) {
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->AddAlternativeLocationMapping(
                writer.class_id(), VSS_CT_FILEGROUP, nullptr, L"Data",
                L"C:\\Other", L"*", true, L"E:\\X"),
            S_OK);
  EXPECT_EQ(LastRule(emulator), "requester.mapping-without-file-set");
}

TEST_F(RestoreSettings, AComponentNotInTheDocumentIsNotFound) {
  EXPECT_EQ(r->SetRestoreOptions(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                 L"Missing", L"\"a\"=\"b\""),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->SetAdditionalRestores(writer.class_id(), VSS_CT_FILEGROUP,
                                     nullptr, L"Missing", true),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST_F(RestoreSettings, ARangesFileNeedsAPartialFileAtThatIndex) {
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ((OnData<UINT, LPCWSTR>(&IVssBackupComponents::SetRangesFilePath,
                                   0u, L"C:\\ranges.bin")),
            E_INVALIDARG);
}

// A writer whose schema lacks the bits of the optional restore settings.
TEST(RestoreSchema, SettingsTheWriterDoesNotAdvertiseAreViolations) {
  Emulator emulator;
  TestWriter writer(L"Plain");
  ASSERT_EQ(writer.Start(), S_OK);
  Requester r;
  StartRestore(r);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  const VSS_ID id = writer.class_id();
  EXPECT_EQ(r->AddNewTarget(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                            L"C:\\Data", L"*", true, L"D:\\N"),
            S_OK);
  EXPECT_EQ(LastRule(emulator), "requester.restore-setting-unsupported");
  const size_t after_new_target = emulator.violations().size();
  IVssBackupComponentsEx2* ex2 = Ex2(r);
  EXPECT_EQ(ex2->SetAuthoritativeRestore(id, VSS_CT_FILEGROUP, nullptr,
                                         L"Data", true),
            S_OK);
  EXPECT_EQ(ex2->SetRollForward(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                                VSS_RF_ALL, nullptr),
            S_OK);
  EXPECT_EQ(ex2->SetRestoreName(id, VSS_CT_FILEGROUP, nullptr, L"Data",
                                L"Renamed"),
            S_OK);
  ex2->Release();
  EXPECT_EQ(emulator.violations().size(), after_new_target + 3);
}

}  // namespace
}  // namespace vssemu::testing

namespace vssemu::testing {
namespace {

// Spec 11.4 last row: the requester relocates a partial file's ranges file
// during the copy; the writer then reads the new path with GetPartialFile.
TEST(RangesFile, SetRangesFilePathRelocatesWhatTheWriterReads) {
  Emulator emulator;
  TestWriter writer(L"R");
  writer.scripts["PostSnapshot"].action = [&] {
    IVssComponent* c = nullptr;
    ASSERT_EQ(writer.last_components->GetComponent(0, &c), S_OK);
    EXPECT_EQ(c->AddPartialFile(L"C:\\Data", L"big.db", L"C:\\Data\\big.ranges",
                                nullptr),
              S_OK);
    c->Release();
  };
  ASSERT_EQ(writer.Start(), S_OK);
  std::wstring xml;
  {
    Requester backup;
    ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
    ASSERT_EQ(backup->SetBackupState(true, false, VSS_BT_FULL, true), S_OK);
    ASSERT_EQ(backup.Gather(), S_OK);
    ASSERT_EQ(backup.AddAllComponents(), S_OK);
    ASSERT_EQ(backup.StartSet(), S_OK);
    ASSERT_EQ(backup.Run(&IVssBackupComponents::PrepareForBackup),
              VSS_S_ASYNC_FINISHED);
    ASSERT_EQ(backup.Snapshot(), S_OK);
    BSTR saved = nullptr;
    ASSERT_EQ(backup->SaveAsXML(&saved), S_OK);
    xml = saved;
    SysFreeString(saved);
    ASSERT_EQ(backup.Complete(),
              VSS_S_ASYNC_FINISHED);
  }
  Requester r;
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  ASSERT_EQ(SelectData(r, writer), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PreRestore), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->SetRangesFilePath(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                 L"Data", 0, L"E:\\Staging\\big.ranges"),
            S_OK);
  std::wstring ranges;
  writer.scripts["PostRestore"].action = [&] {
    IVssComponent* c = nullptr;
    ASSERT_EQ(writer.last_components->GetComponent(0, &c), S_OK);
    BSTR path = nullptr, file = nullptr, range = nullptr, meta = nullptr;
    ASSERT_EQ(c->GetPartialFile(0, &path, &file, &range, &meta), S_OK);
    ranges = range != nullptr ? range : L"";
    SysFreeString(path);
    SysFreeString(file);
    SysFreeString(range);
    SysFreeString(meta);
    c->Release();
  };
  ASSERT_EQ(r.Run(&IVssBackupComponents::PostRestore), VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(ranges, L"E:\\Staging\\big.ranges");
  EXPECT_TRUE(emulator.violations().empty());
}

}  // namespace
}  // namespace vssemu::testing
