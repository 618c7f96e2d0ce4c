// Build -> examine -> SaveAsXML -> CreateExamineWriterMetadata -> examine:
// every field of the Writer Metadata Document survives, compared as a whole
// model and spot-checked through the requester's COM getters.
#include <gtest/gtest.h>
#include <vsbackup.h>

#include <algorithm>
#include <memory>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "metadata/wmd_create.h"
#include "metadata/wmd_examine.h"
#include "metadata/wmd_xml.h"
#include "wmd_test_util.h"

namespace vssemu::metadata {
namespace {

using wmd_test::kInstanceId;
using wmd_test::kOtherWriterId;
using wmd_test::kWriterId;
using wmd_test::ReadIdentityEx;
using wmd_test::ReadRestoreMethod;
using wmd_test::ReportedIdentity;
using wmd_test::ReportedRestoreMethod;

// A writer that uses every part of the interface, with non-default values
// everywhere a default would hide a lost field.
com::ComPtr<WriterMetadataCreator> BuildFullDocument() {
  auto creator = com::MakeComObject<WriterMetadataCreator>(
      WriterIdentity{kWriterId, kInstanceId, L"Everything Writer \u00e9",
                     L"Instance <1> & \"q\"", VSS_UT_SYSTEMSERVICE,
                     VSS_ST_NONTRANSACTEDDB, 7, 3});
  IVssCreateWriterMetadataEx* md = creator.get();
  const BYTE icon[] = {0x00, 0x89, 0x50, 0x4e, 0x47, 0xff, 0x10};
  EXPECT_EQ(md->AddComponent(VSS_CT_FILEGROUP, nullptr, L"Executables",
                             L"Program files", icon, sizeof(icon), true, true,
                             false, true, VSS_CF_BACKUP_RECOVERY),
            S_OK);
  EXPECT_EQ(
      md->AddFilesToFileGroup(nullptr, L"Executables", L"%ProgramFiles%\\App",
                              L"*.exe", true, L"D:\\Shadow\\App", 0x103),
      S_OK);
  EXPECT_EQ(md->AddFilesToFileGroup(L"", L"Executables", L"C:\\App\\bin", L"*",
                                    false, nullptr),
            S_OK);
  EXPECT_EQ(md->AddComponent(VSS_CT_FILEGROUP, L"Executables", L"ConfigFiles",
                             L"", nullptr, 0, false, false, false),
            S_OK);
  EXPECT_EQ(
      md->AddComponent(VSS_CT_DATABASE, L"writerData\\Set1", L"Jan", nullptr,
                       nullptr, 0, false, true, true, false,
                       VSS_CF_APP_ROLLBACK_RECOVERY | VSS_CF_NOT_SYSTEM_STATE),
      S_OK);
  EXPECT_EQ(md->AddDatabaseFiles(L"writerData\\Set1", L"Jan", L"C:\\Db",
                                 L"jan.mdf", 0x1),
            S_OK);
  EXPECT_EQ(md->AddDatabaseLogFiles(L"writerData\\Set1", L"Jan", L"C:\\Db",
                                    L"jan*.ldf"),
            S_OK);
  EXPECT_EQ(md->AddDatabaseLogFiles(L"writerData\\Set1", L"Jan", L"E:\\Logs",
                                    L"jan.chk", 0xF0F),
            S_OK);
  EXPECT_EQ(
      md->AddComponentDependency(L"writerData\\Set1", L"Jan", kOtherWriterId,
                                 L"\\\\sqlhost\\MSSQL", L"master"),
      S_OK);
  EXPECT_EQ(md->AddComponentDependency(L"writerData\\Set1", L"Jan",
                                       kOtherWriterId, nullptr, L"model"),
            S_OK);
  EXPECT_EQ(md->AddExcludeFiles(L"C:\\App\\temp", L"*.tmp", true), S_OK);
  EXPECT_EQ(md->AddExcludeFiles(L"C:\\App", L"~*", false), S_OK);
  EXPECT_EQ(md->AddExcludeFilesFromSnapshot(L"C:\\App\\cache", L"*", true),
            S_OK);
  EXPECT_EQ(md->AddAlternateLocationMapping(L"C:\\Db", L"*.mdf", false,
                                            L"F:\\Restore\\Db"),
            S_OK);
  EXPECT_EQ(md->AddAlternateLocationMapping(L"C:\\App", L"*", true,
                                            L"F:\\Restore\\App"),
            S_OK);
  EXPECT_EQ(
      md->SetRestoreMethod(VSS_RME_STOP_RESTORE_START, L"AppService",
                           L"See runbook", VSS_WRE_IF_REPLACE_FAILS, true),
      S_OK);
  EXPECT_EQ(md->SetBackupSchema(VSS_BS_DIFFERENTIAL | VSS_BS_TIMESTAMPED |
                                VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES),
            S_OK);
  return creator;
}

com::ComPtr<IVssExamineWriterMetadata> Reload(BSTR xml) {
  com::ComPtr<IVssExamineWriterMetadata> out;
  std::string error;
  EXPECT_EQ(CreateExamineWriterMetadata(xml, out.put(), &error), S_OK) << error;
  return out;
}

// Saves the document of creator with the creator's SaveAsXML and loads the
// text into *stored.
void SaveAndReload(WriterMetadataCreator* creator,
                   com::ComPtr<IVssExamineWriterMetadata>* stored) {
  com::Bstr xml;
  ASSERT_EQ(creator->SaveAsXML(xml.put()), S_OK);
  *stored = Reload(xml.get());
  ASSERT_TRUE(*stored);
}

TEST(WmdRoundTrip, EveryFieldSurvivesSaveAndLoad) {
  auto creator = BuildFullDocument();
  auto live = MakeExamineWriterMetadata(
      std::make_shared<const WriterMetadata>(creator->model()));
  com::Bstr xml;
  ASSERT_EQ(live->SaveAsXML(xml.put()), S_OK);
  com::ComPtr<IVssExamineWriterMetadata> stored = Reload(xml.get());
  ASSERT_TRUE(stored);
  auto* impl = static_cast<ExamineWriterMetadata*>(stored.get());
  EXPECT_EQ(*impl->metadata(), creator->model());
  // And the saved text is stable: saving the reloaded copy gives the same.
  com::Bstr again;
  ASSERT_EQ(stored->SaveAsXML(again.put()), S_OK);
  EXPECT_EQ(again.view(), xml.view());
}

TEST(WmdRoundTrip, CreatorSaveAsXmlMatchesExamineSaveAsXml) {
  auto creator = BuildFullDocument();
  com::ComPtr<IVssExamineWriterMetadata> stored;
  ASSERT_NO_FATAL_FAILURE(SaveAndReload(creator.get(), &stored));
  EXPECT_EQ(*static_cast<ExamineWriterMetadata*>(stored.get())->metadata(),
            creator->model());
}

TEST(WmdRoundTrip, GettersReportTheReloadedIdentityAndRestoreMethod) {
  auto creator = BuildFullDocument();
  com::ComPtr<IVssExamineWriterMetadata> stored;
  ASSERT_NO_FATAL_FAILURE(SaveAndReload(creator.get(), &stored));
  com::ComPtr<IVssExamineWriterMetadataEx2> ex2;
  ASSERT_EQ(stored.As(&ex2), S_OK);

  ReportedIdentity identity;
  ASSERT_NO_FATAL_FAILURE(ReadIdentityEx(ex2.get(), &identity));
  EXPECT_EQ(identity.instance, kInstanceId);
  EXPECT_EQ(identity.writer, kWriterId);
  EXPECT_EQ(identity.name.view(), L"Everything Writer \u00e9");
  EXPECT_EQ(identity.instance_name.view(), L"Instance <1> & \"q\"");
  EXPECT_EQ(identity.usage, VSS_UT_SYSTEMSERVICE);
  EXPECT_EQ(identity.source, VSS_ST_NONTRANSACTEDDB);
  DWORD major = 0, minor = 0;
  ASSERT_EQ(ex2->GetVersion(&major, &minor), S_OK);
  EXPECT_EQ(major, 7u);
  EXPECT_EQ(minor, 3u);

  // reboot_required starts false, so the expectation below sees the getter.
  ReportedRestoreMethod restore;
  ASSERT_NO_FATAL_FAILURE(ReadRestoreMethod(ex2.get(), &restore));
  EXPECT_EQ(restore.method, VSS_RME_STOP_RESTORE_START);
  EXPECT_EQ(restore.service.view(), L"AppService");
  EXPECT_EQ(restore.user_procedure.view(), L"See runbook");
  EXPECT_EQ(restore.writer_restore, VSS_WRE_IF_REPLACE_FAILS);
  EXPECT_TRUE(restore.reboot_required);
  EXPECT_EQ(restore.mappings, 2u);

  com::ComPtr<IVssWMFiledesc> mapping;
  ASSERT_EQ(ex2->GetAlternateLocationMapping(1, mapping.put()), S_OK);
  com::Bstr destination;
  ASSERT_EQ(mapping->GetAlternateLocation(destination.put()), S_OK);
  EXPECT_EQ(destination.view(), L"F:\\Restore\\App");

  DWORD schema = 0;
  ASSERT_EQ(ex2->GetBackupSchema(&schema), S_OK);
  EXPECT_EQ(schema,
            static_cast<DWORD>(VSS_BS_DIFFERENTIAL | VSS_BS_TIMESTAMPED |
                               VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES));
  UINT includes = 9, excludes = 0, components = 0, snapshot_excludes = 0;
  ASSERT_EQ(ex2->GetFileCounts(&includes, &excludes, &components), S_OK);
  EXPECT_EQ(includes, 0u);
  EXPECT_EQ(excludes, 2u);
  EXPECT_EQ(components, 3u);
  ASSERT_EQ(ex2->GetExcludeFromSnapshotCount(&snapshot_excludes), S_OK);
  EXPECT_EQ(snapshot_excludes, 1u);
}

TEST(WmdRoundTrip, GettersReportTheReloadedComponents) {
  auto creator = BuildFullDocument();
  com::ComPtr<IVssExamineWriterMetadata> stored;
  ASSERT_NO_FATAL_FAILURE(SaveAndReload(creator.get(), &stored));

  com::ComPtr<IVssWMComponent> exe;
  ASSERT_EQ(stored->GetComponent(0, exe.put()), S_OK);
  PVSSCOMPONENTINFO info = nullptr;
  ASSERT_EQ(exe->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(info->type, VSS_CT_FILEGROUP);
  EXPECT_EQ(info->bstrLogicalPath, nullptr);  // Root.
  EXPECT_EQ(com::BstrView(info->bstrComponentName), L"Executables");
  EXPECT_EQ(com::BstrView(info->bstrCaption), L"Program files");
  const BYTE icon[] = {0x00, 0x89, 0x50, 0x4e, 0x47, 0xff, 0x10};
  ASSERT_EQ(info->cbIcon, sizeof(icon));
  EXPECT_TRUE(std::equal(icon, icon + sizeof(icon), info->pbIcon));
  EXPECT_TRUE(info->bRestoreMetadata);
  EXPECT_TRUE(info->bNotifyOnBackupComplete);
  EXPECT_FALSE(info->bSelectable);
  EXPECT_TRUE(info->bSelectableForRestore);
  EXPECT_EQ(info->dwComponentFlags, static_cast<DWORD>(VSS_CF_BACKUP_RECOVERY));
  EXPECT_EQ(info->cFileCount, 2u);
  EXPECT_EQ(info->cDatabases, 0u);
  EXPECT_EQ(info->cDependencies, 0u);
  ASSERT_EQ(exe->FreeComponentInfo(info), S_OK);

  com::ComPtr<IVssWMFiledesc> file;
  ASSERT_EQ(exe->GetFile(0, file.put()), S_OK);
  com::Bstr alternate;
  DWORD mask = 0;
  ASSERT_EQ(file->GetAlternateLocation(alternate.put()), S_OK);
  ASSERT_EQ(file->GetBackupTypeMask(&mask), S_OK);
  EXPECT_EQ(alternate.view(), L"D:\\Shadow\\App");
  EXPECT_EQ(mask, 0x103u);

  com::ComPtr<IVssWMComponent> jan;
  ASSERT_EQ(stored->GetComponent(2, jan.put()), S_OK);
  ASSERT_EQ(jan->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(info->type, VSS_CT_DATABASE);
  EXPECT_EQ(com::BstrView(info->bstrLogicalPath), L"writerData\\Set1");
  EXPECT_EQ(info->bstrCaption, nullptr);
  EXPECT_EQ(info->pbIcon, nullptr);
  EXPECT_EQ(info->cDatabases, 1u);
  EXPECT_EQ(info->cLogFiles, 2u);
  EXPECT_EQ(info->cDependencies, 2u);
  ASSERT_EQ(jan->FreeComponentInfo(info), S_OK);

  com::ComPtr<IVssWMDependency> dependency;
  ASSERT_EQ(jan->GetDependency(0, dependency.put()), S_OK);
  VSS_ID on_writer{};
  com::Bstr on_path, on_name;
  ASSERT_EQ(dependency->GetWriterId(&on_writer), S_OK);
  ASSERT_EQ(dependency->GetLogicalPath(on_path.put()), S_OK);
  ASSERT_EQ(dependency->GetComponentName(on_name.put()), S_OK);
  EXPECT_EQ(on_writer, kOtherWriterId);
  EXPECT_EQ(on_path.view(), L"\\\\sqlhost\\MSSQL");
  EXPECT_EQ(on_name.view(), L"master");

  com::ComPtr<IVssWMFiledesc> log;
  ASSERT_EQ(jan->GetDatabaseLogFile(1, log.put()), S_OK);
  com::Bstr log_path;
  bool recursive = true;
  ASSERT_EQ(log->GetPath(log_path.put()), S_OK);
  ASSERT_EQ(log->GetRecursive(&recursive), S_OK);
  EXPECT_EQ(log_path.view(), L"E:\\Logs");
  EXPECT_FALSE(recursive);
}

TEST(WmdRoundTrip, AnEmptyDocumentRoundTripsToo) {
  auto creator = com::MakeComObject<WriterMetadataCreator>(WriterIdentity{});
  com::Bstr xml;
  ASSERT_EQ(creator->SaveAsXML(xml.put()), S_OK);
  WmdParseResult parsed = ParseWriterMetadata(xml.view());
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(*parsed.metadata, creator->model());
}

TEST(WmdRoundTrip, ModelEqualityNoticesEveryKindOfDifference) {
  // Guards the round-trip tests above: a field that operator== ignored would
  // let a lost field pass unnoticed.
  auto creator = BuildFullDocument();
  const WriterMetadata base = creator->model();
  auto differs = [&](auto mutate) {
    WriterMetadata copy = base;
    mutate(copy);
    return !(copy == base);
  };
  EXPECT_TRUE(differs([](WriterMetadata& m) { m.identity.minor_version++; }));
  EXPECT_TRUE(
      differs([](WriterMetadata& m) { m.identity.instance_name.reset(); }));
  EXPECT_TRUE(differs(
      [](WriterMetadata& m) { m.restore_method.user_procedure.reset(); }));
  EXPECT_TRUE(differs(
      [](WriterMetadata& m) { m.exclude_from_snapshot_files.clear(); }));
  EXPECT_TRUE(differs([](WriterMetadata& m) {
    m.alternate_location_mappings[0].alternate_location = L"x";
  }));
  EXPECT_TRUE(differs([](WriterMetadata& m) { m.backup_schema = 0; }));
  EXPECT_TRUE(
      differs([](WriterMetadata& m) { m.components[0].icon.pop_back(); }));
  EXPECT_TRUE(differs([](WriterMetadata& m) {
    m.components[0].files[0].backup_type_mask = 0;
  }));
  EXPECT_TRUE(differs([](WriterMetadata& m) {
    m.components[2].dependencies[1].writer_id = GUID_NULL;
  }));
  EXPECT_TRUE(differs([](WriterMetadata& m) {
    m.components[2].database_log_files.pop_back();
  }));
}

}  // namespace
}  // namespace vssemu::metadata
