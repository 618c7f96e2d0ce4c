// A scripted writer's restore behaviour reaches the requester: the restore
// target and PreRestore failure message it sets in PreRestore, the
// PostRestore failure message, read back through IVssBackupComponents as a
// backup application would; and its backup-time component changes
// (numbered stamps, differenced files) land in the saved document.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include <vssemu/emulator.h>
#include <vsbackup.h>
#include <vsserror.h>

#include "com/bstr.h"
#include "metadata/bcd_xml.h"
#include "reference_requester/reference_requester.h"
#include "scenario/scenario_loader.h"
#include "scenario/scripted_writer.h"

namespace vssemu::scenario {
namespace {

const char* kScenario =
    "<scenario name=\"n\" spec=\"11.3\" requirement=\"r\">\n"
    "  <writer id=\"db\" name=\"Db\" backup-schema=\"0x63\">\n"
    "    <component name=\"Data\">\n"
    "      <files path=\"C:\\Db\" filespec=\"*.mdf\"/>\n"
    "      <files path=\"C:\\Logs\" filespec=\"*\" recursive=\"true\"/>\n"
    "    </component>\n"
    "    <on event=\"PostSnapshot\" backup-stamp=\"b{n}-{n}\"\n"
    "        differenced-since=\"133485408000000000\"/>\n"
    "    <on event=\"PreRestore\" restore-target=\"alternate\" "
    "pre-restore-failure-msg=\"pre\"/>\n"
    "    <on event=\"PostRestore\" post-restore-failure-msg=\"post\"/>\n"
    "  </writer>\n"
    "</scenario>\n";

std::wstring Take(BSTR s) {
  std::wstring text = s != nullptr ? std::wstring(s) : std::wstring();
  SysFreeString(s);
  return text;
}

// Waits for the operation start began (a call returning IVssAsync).
void Finish(const std::function<HRESULT(IVssAsync**)>& start) {
  IVssAsync* async = nullptr;
  ASSERT_EQ(start(&async), S_OK);
  ASSERT_EQ(async->Wait(), S_OK);
  async->Release();
}

// Returns the only component the restore session's document holds.
IVssComponent* OnlyComponent(IVssBackupComponents* backup) {
  IVssWriterComponentsExt* ext = nullptr;
  IVssComponent* component = nullptr;
  if (backup->GetWriterComponents(0, &ext) == S_OK) {
    ext->GetComponent(0, &component);
    ext->Release();
  }
  return component;
}

class ScriptedWriterRestore : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadResult loaded = LoadScenarioText(kScenario, "s.xml");
    ASSERT_TRUE(loaded) << loaded.ErrorText();
    spec_ = loaded.scenario->scripted_writers[0];
    writer_ = std::make_unique<ScriptedVssWriter>(spec_);
    ASSERT_EQ(writer_->Start(), S_OK);
  }

  // Returns the saved document's only component, loaded from xml.
  static metadata::BcdComponent Component(const std::wstring& xml) {
    metadata::BackupComponentsDocument bcd;
    std::string error;
    com::Bstr text(xml);
    EXPECT_EQ(metadata::LoadBcd(text.get(), &bcd, &error), S_OK) << error;
    if (bcd.writers.empty() || bcd.writers[0]->components.empty()) return {};
    return *bcd.writers[0]->components[0];
  }

  Emulator emulator_;
  ScriptedWriter spec_;
  std::unique_ptr<ScriptedVssWriter> writer_;
};

TEST_F(ScriptedWriterRestore, TargetAndFailureMessagesReachTheRequester) {
  BackupResult backup = RunBackup(BackupPlan{});
  ASSERT_TRUE(backup.ok()) << backup.failed_step;

  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  com::Bstr xml(backup.bcd_xml);
  ASSERT_EQ(b->InitializeForRestore(xml.get()), S_OK);
  Finish([&](IVssAsync** a) { return b->GatherWriterMetadata(a); });
  ASSERT_EQ(b->SetSelectedForRestore(spec_.metadata.identity.writer_id,
                                     VSS_CT_FILEGROUP, nullptr, L"Data", true),
            S_OK);
  Finish([&](IVssAsync** a) { return b->PreRestore(a); });
  IVssComponent* c = OnlyComponent(b);
  ASSERT_NE(c, nullptr);
  VSS_RESTORE_TARGET target = VSS_RT_UNDEFINED;
  EXPECT_EQ(c->GetRestoreTarget(&target), S_OK);
  EXPECT_EQ(target, VSS_RT_ALTERNATE);
  BSTR message = nullptr;
  EXPECT_EQ(c->GetPreRestoreFailureMsg(&message), S_OK);
  EXPECT_EQ(Take(message), L"pre");
  c->Release();

  Finish([&](IVssAsync** a) { return b->PostRestore(a); });
  c = OnlyComponent(b);
  ASSERT_NE(c, nullptr);
  message = nullptr;
  EXPECT_EQ(c->GetPostRestoreFailureMsg(&message), S_OK);
  EXPECT_EQ(Take(message), L"post");
  c->Release();
  b->Release();
}

TEST_F(ScriptedWriterRestore,
       StampsAreNumberedAndDifferencedFilesAreIncrementalOnly) {
  BackupResult full = RunBackup(BackupPlan{});
  ASSERT_TRUE(full.ok()) << full.failed_step;
  BackupPlan plan;
  plan.type = VSS_BT_INCREMENTAL;
  plan.previous_bcd_xml = full.bcd_xml;
  BackupResult incremental = RunBackup(plan);
  ASSERT_TRUE(incremental.ok()) << incremental.failed_step;

  const metadata::BcdComponent first = Component(full.bcd_xml);
  EXPECT_EQ(first.backup_stamp, L"b1-1");
  EXPECT_TRUE(first.differenced_files.empty());  // A full backup.
  const metadata::BcdComponent second = Component(incremental.bcd_xml);
  EXPECT_EQ(second.backup_stamp, L"b2-2");
  EXPECT_EQ(second.previous_backup_stamp, L"b1-1");
  ASSERT_EQ(second.differenced_files.size(), 2u);  // One per file set.
  EXPECT_EQ(second.differenced_files[0].path, L"C:\\Db");
  EXPECT_EQ(second.differenced_files[0].filespec, L"*.mdf");
  EXPECT_FALSE(second.differenced_files[0].recursive);
  EXPECT_EQ(second.differenced_files[1].path, L"C:\\Logs");
  EXPECT_TRUE(second.differenced_files[1].recursive);
}

}  // namespace
}  // namespace vssemu::scenario
