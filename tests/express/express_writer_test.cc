// IVssExpressWriter and IVssCreateExpressWriterMetadata through the SDK
// surface: the documented results, the express writer rules, and the
// machine's express writer metadata store (docs/protocol.md 13.8).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <atlbase.h>
#include <vsserror.h>
#include <vswriter.h>
#include <vssemu/emulator.h>

namespace vssemu {
namespace {

using ::testing::Contains;
using ::testing::Field;

// Full backups with every snapshot kind, as Microsoft's sample passes it:
// the header's default mask (0xF0F) has the partial backup bits express
// writers may not set.
constexpr DWORD kFullMask =
    VSS_FSBT_FULL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED;

const VSS_ID kAppId = {0x11111111, 0x2222, 0x3333,
                       {0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55}};

// The trace lines whose text contains every one of parts.
std::vector<std::string> Lines(const Emulator& emulator,
                               std::initializer_list<const char*> parts) {
  std::vector<std::string> lines;
  for (const TraceEvent& e : emulator.trace().events()) {
    const std::string line = e.ToLine();
    bool all = true;
    for (const char* part : parts) all = all && line.find(part) != std::string::npos;
    if (all) lines.push_back(line);
  }
  return lines;
}

class ExpressWriterTest : public ::testing::Test {
 protected:
  // Creates the writer and metadata with a valid identity.
  void Create() {
    if (!writer_) {
      ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
    }
    ASSERT_EQ(writer_->CreateMetadata(kAppId, L"App", VSS_UT_USERDATA, 1, 0, 0,
                                      &metadata_),
              S_OK);
  }
  // Adds the component "Files" with one file set and the restore method.
  void Describe() {
    ASSERT_EQ(metadata_->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, NULL,
                                          NULL, VSS_WRE_NEVER, false),
              S_OK);
    ASSERT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"Files", NULL,
                                      NULL, 0, false, false, true),
              S_OK);
    ASSERT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*",
                                             true, NULL, kFullMask),
              S_OK);
  }

  Emulator emulator_;
  CComPtr<IVssExpressWriter> writer_;
  CComPtr<IVssCreateExpressWriterMetadata> metadata_;
};

TEST_F(ExpressWriterTest, TheFactoryRejectsANullOutPointer) {
  EXPECT_EQ(CreateVssExpressWriter(nullptr), E_INVALIDARG);
}

TEST_F(ExpressWriterTest, ObjectsAnswerTheirDocumentedInterfaces) {
  Create();
  CComPtr<IUnknown> unknown;
  EXPECT_EQ(writer_->QueryInterface(IID_IUnknown, reinterpret_cast<void**>(&unknown)), S_OK);
  CComPtr<IVssExpressWriter> again;
  EXPECT_EQ(unknown->QueryInterface(IID_IVssExpressWriter,
                                    reinterpret_cast<void**>(&again)),
            S_OK);
  CComPtr<IVssCreateExpressWriterMetadata> builder;
  EXPECT_EQ(metadata_->QueryInterface(IID_IVssCreateExpressWriterMetadata,
                                      reinterpret_cast<void**>(&builder)),
            S_OK);
  CComPtr<IVssCreateWriterMetadataEx> ordinary;
  EXPECT_EQ(metadata_->QueryInterface(IID_IVssCreateWriterMetadataEx,
                                      reinterpret_cast<void**>(&ordinary)),
            E_NOINTERFACE);
}

TEST_F(ExpressWriterTest, CreateMetadataChecksItsArguments) {
  ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
  CComPtr<IVssCreateExpressWriterMetadata> m;
  EXPECT_EQ(writer_->CreateMetadata(kAppId, L"App", VSS_UT_USERDATA, 1, 0, 0, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(writer_->CreateMetadata(GUID_NULL, L"App", VSS_UT_USERDATA, 1, 0, 0, &m),
            E_INVALIDARG);
  EXPECT_EQ(writer_->CreateMetadata(kAppId, nullptr, VSS_UT_USERDATA, 1, 0, 0, &m),
            E_INVALIDARG);
  for (VSS_USAGE_TYPE bad : {VSS_UT_UNDEFINED, VSS_UT_OTHER}) {
    EXPECT_EQ(writer_->CreateMetadata(kAppId, L"App", bad, 1, 0, 0, &m), E_INVALIDARG);
    EXPECT_EQ(m.p, nullptr);
  }
  for (VSS_USAGE_TYPE good :
       {VSS_UT_BOOTABLESYSTEMSTATE, VSS_UT_SYSTEMSERVICE, VSS_UT_USERDATA}) {
    m.Release();
    EXPECT_EQ(writer_->CreateMetadata(kAppId, L"App", good, 1, 0, 0, &m), S_OK);
  }
  EXPECT_TRUE(emulator_.violations().empty());
  m.Release();
  EXPECT_EQ(writer_->CreateMetadata(kAppId, L"App", VSS_UT_USERDATA, 1, 0, 7, &m), S_OK);
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "express.discouraged-argument")));
}

TEST_F(ExpressWriterTest, OnlyFileGroupsWithoutRecoveryFlagsAreComponents) {
  Create();
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_DATABASE, NULL, L"Db", NULL, NULL, 0,
                                    false, false, true),
            E_INVALIDARG);
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"A", NULL, NULL, 0,
                                    false, false, true, false,
                                    VSS_CF_BACKUP_RECOVERY),
            E_INVALIDARG);
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"A", NULL, NULL, 0,
                                    false, false, true, false,
                                    VSS_CF_APP_ROLLBACK_RECOVERY),
            E_INVALIDARG);
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"A", NULL, NULL, 5,
                                    false, false, true),
            E_INVALIDARG);  // No icon, yet a size.
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"A", NULL, NULL, 0,
                                    false, false, true, false,
                                    VSS_CF_NOT_SYSTEM_STATE),
            S_OK);
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"A", NULL, NULL, 0,
                                    false, false, true),
            VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, L"A", L"Sub", NULL, NULL, 0,
                                    false, false, false),
            S_OK);  // A subcomponent.
  EXPECT_TRUE(emulator_.violations().empty());
  EXPECT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"B", NULL, NULL, 0,
                                    true, false, true),
            S_OK);  // Reserved argument: accepted, reported.
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "express.discouraged-argument")));
}

TEST_F(ExpressWriterTest, FileSetsHaveNoAlternateLocationOrPartialBackupBits) {
  Create();
  ASSERT_EQ(metadata_->AddComponent(VSS_CT_FILEGROUP, NULL, L"Files", NULL, NULL,
                                    0, false, false, true),
            S_OK);
  EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*", true,
                                           L"D:\\Elsewhere"),
            E_INVALIDARG);
  for (DWORD bit : {VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED,
                    VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED,
                    VSS_FSBT_LOG_BACKUP_REQUIRED}) {
    EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*",
                                             true, NULL, VSS_FSBT_FULL_BACKUP_REQUIRED | bit),
              E_INVALIDARG);
  }
  EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Missing", L"C:\\App", L"*",
                                           true, NULL, kFullMask),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", NULL, L"*", true, NULL,
                                           kFullMask),
            E_INVALIDARG);
  // The header's default mask includes the partial backup bits (Q42).
  EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*", true,
                                           NULL),
            E_INVALIDARG);
  EXPECT_EQ(metadata_->AddFilesToFileGroup(NULL, L"Files", L"C:\\App", L"*", true,
                                           NULL, kFullMask),
            S_OK);
  EXPECT_EQ(metadata_->AddExcludeFiles(L"C:\\App", L"*.tmp", false), S_OK);
  EXPECT_EQ(metadata_->AddExcludeFiles(L"C:\\App", L"sub\\*.tmp", false), E_INVALIDARG);
}

TEST_F(ExpressWriterTest, RestoreMethodsAreInPlaceAndNeedNoRestoreEvents) {
  Create();
  for (VSS_RESTOREMETHOD_ENUM bad :
       {VSS_RME_UNDEFINED, VSS_RME_RESTORE_TO_ALTERNATE_LOCATION, VSS_RME_CUSTOM}) {
    EXPECT_EQ(metadata_->SetRestoreMethod(bad, NULL, NULL, VSS_WRE_NEVER, false),
              E_INVALIDARG);
  }
  for (VSS_WRITERRESTORE_ENUM bad :
       {VSS_WRE_UNDEFINED, VSS_WRE_IF_REPLACE_FAILS, VSS_WRE_ALWAYS}) {
    EXPECT_EQ(metadata_->SetRestoreMethod(VSS_RME_RESTORE_IF_NOT_THERE, NULL, NULL,
                                          bad, false),
              E_INVALIDARG);
  }
  EXPECT_EQ(metadata_->SetRestoreMethod(VSS_RME_RESTORE_AT_REBOOT, NULL, NULL,
                                        VSS_WRE_NEVER, true),
            S_OK);
  EXPECT_EQ(metadata_->SetRestoreMethod(VSS_RME_STOP_RESTORE_START, L"AppSvc",
                                        NULL, VSS_WRE_NEVER, false),
            S_OK);
  EXPECT_TRUE(emulator_.violations().empty());
  EXPECT_EQ(metadata_->SetRestoreMethod(VSS_RME_STOP_RESTORE_START, NULL, NULL,
                                        VSS_WRE_NEVER, false),
            S_OK);  // No service to stop: accepted, reported.
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "express.discouraged-argument")));
}

TEST_F(ExpressWriterTest, TheBackupSchemaIsCopyAndIndependentSystemStateAtMost) {
  Create();
  EXPECT_EQ(metadata_->SetBackupSchema(VSS_BS_UNDEFINED), S_OK);
  EXPECT_EQ(metadata_->SetBackupSchema(VSS_BS_COPY | VSS_BS_INDEPENDENT_SYSTEM_STATE),
            S_OK);
  for (DWORD bad : {VSS_BS_DIFFERENTIAL, VSS_BS_INCREMENTAL, VSS_BS_LOG,
                    VSS_BS_TIMESTAMPED, VSS_BS_WRITER_SUPPORTS_NEW_TARGET}) {
    EXPECT_EQ(metadata_->SetBackupSchema(VSS_BS_COPY | bad), E_INVALIDARG);
  }
}

TEST_F(ExpressWriterTest, RegisterStoresAndASecondRegisterFindsItThere) {
  Create();
  Describe();
  EXPECT_EQ(writer_->Register(), S_OK);
  EXPECT_EQ(writer_->Register(), VSS_E_OBJECT_ALREADY_EXISTS);
  // Another object of another process of the same machine: the store is
  // the machine's.
  CComPtr<IVssExpressWriter> other;
  ASSERT_EQ(CreateVssExpressWriter(&other), S_OK);
  CComBSTR xml;
  ASSERT_EQ(metadata_->SaveAsXML(&xml), S_OK);
  ASSERT_EQ(other->LoadMetadata(xml, 0), S_OK);
  EXPECT_EQ(other->Register(), VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(Lines(emulator_, {"writer name=Register", "writer=App", "express=true"}).size(),
            3u);
  EXPECT_EQ(Lines(emulator_, {"result=VSS_E_OBJECT_ALREADY_EXISTS"}).size(), 2u);
  EXPECT_TRUE(emulator_.violations().empty());
}

TEST_F(ExpressWriterTest, UnregisterDeletesAndThenFindsNothing) {
  ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
  EXPECT_EQ(writer_->Unregister(kAppId), VSS_E_OBJECT_NOT_FOUND);
  Create();
  Describe();
  ASSERT_EQ(writer_->Register(), S_OK);
  CComPtr<IVssExpressWriter> fresh;  // No CreateMetadata, as in the sample.
  ASSERT_EQ(CreateVssExpressWriter(&fresh), S_OK);
  EXPECT_EQ(fresh->Unregister(kAppId), S_OK);
  EXPECT_EQ(fresh->Unregister(kAppId), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(writer_->Register(), S_OK);  // Stored again.
  EXPECT_EQ(Lines(emulator_, {"writer name=Unregister", "express=true"}).size(), 3u);
}

TEST_F(ExpressWriterTest, RegisterNeedsCreatedOrLoadedMetadata) {
  ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
  EXPECT_EQ(writer_->Register(), VSS_E_BAD_STATE);
  Create();
  EXPECT_EQ(writer_->Register(), S_OK);  // No restore method: stored, reported.
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "express.no-restore-method")));
}

TEST_F(ExpressWriterTest, MalformedXmlIsRefusedAndNothingIsStored) {
  ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
  EXPECT_EQ(writer_->LoadMetadata(nullptr, 0), E_INVALIDARG);
  EXPECT_EQ(writer_->LoadMetadata(L"<WRITER_METADATA", 0), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(writer_->LoadMetadata(L"", 0), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(writer_->Register(), VSS_E_BAD_STATE);
  EXPECT_TRUE(Lines(emulator_, {"writer name=Register"}).empty());
}

TEST_F(ExpressWriterTest, SavedXmlLoadsAndRegistersTheSameWriter) {
  Create();
  Describe();
  CComBSTR xml;
  ASSERT_EQ(metadata_->SaveAsXML(&xml), S_OK);
  EXPECT_EQ(metadata_->SaveAsXML(nullptr), E_INVALIDARG);
  CComPtr<IVssExpressWriter> loader;
  ASSERT_EQ(CreateVssExpressWriter(&loader), S_OK);
  ASSERT_EQ(loader->LoadMetadata(xml, 0), S_OK);
  ASSERT_EQ(loader->Register(), S_OK);
  EXPECT_EQ(Lines(emulator_, {"writer name=Register", "writer=App",
                              "class=11111111-2222-3333-4444-555555555555"})
                .size(),
            1u);
  EXPECT_TRUE(emulator_.violations().empty());
}

TEST_F(ExpressWriterTest, ALoadedDocumentThatBreaksAnExpressRuleIsReported) {
  // An ordinary writer's document: a database component, writer restore
  // ALWAYS.
  const std::wstring xml =
      L"<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\">"
      L"<IDENTIFICATION writerId=\"11111111-2222-3333-4444-555555555555\" "
      L"instanceId=\"00000000-0000-0000-0000-000000000001\" friendlyName=\"Db\" "
      L"usage=\"USER_DATA\" dataSource=\"TRANSACTION_DB\"/>"
      L"<RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"always\" "
      L"rebootRequired=\"no\"/>"
      L"<DATABASE logicalPath=\"\" componentName=\"Orders\" restoreMetadata=\"no\" "
      L"notifyOnBackupComplete=\"no\" selectable=\"yes\"/>"
      L"</WRITER_METADATA>";
  ASSERT_EQ(CreateVssExpressWriter(&writer_), S_OK);
  ASSERT_EQ(writer_->LoadMetadata(xml.c_str(), 0), S_OK);
  EXPECT_THAT(emulator_.violations(), Contains(Field(&Violation::rule, "express.document-breaks-rule")));
  EXPECT_EQ(writer_->Register(), S_OK);
}

TEST(ExpressWriterStore, RunOptionsPreRegisterExpressWriters) {
  std::wstring xml;
  {
    Emulator maker;
    CComPtr<IVssExpressWriter> writer;
    ASSERT_EQ(CreateVssExpressWriter(&writer), S_OK);
    CComPtr<IVssCreateExpressWriterMetadata> m;
    ASSERT_EQ(writer->CreateMetadata(kAppId, L"App", VSS_UT_USERDATA, 1, 0, 0, &m), S_OK);
    ASSERT_EQ(m->SetRestoreMethod(VSS_RME_RESTORE_IF_NOT_THERE, NULL, NULL,
                                  VSS_WRE_NEVER, false),
              S_OK);
    CComBSTR saved;
    ASSERT_EQ(m->SaveAsXML(&saved), S_OK);
    xml.assign(saved, saved.Length());
  }
  RunOptions options;
  options.express_writers = {xml};
  Emulator emulator(options);
  EXPECT_EQ(Lines(emulator, {"writer name=Register", "writer=App", "express=true"}).size(),
            1u);
  CComPtr<IVssExpressWriter> writer;
  ASSERT_EQ(CreateVssExpressWriter(&writer), S_OK);
  EXPECT_EQ(writer->Unregister(kAppId), S_OK);

  options.express_writers = {xml, xml};
  EXPECT_THROW(Emulator twice(options), InvalidRunOptions);
  options.express_writers = {L"<not xml"};
  EXPECT_THROW(Emulator broken(options), InvalidRunOptions);
}

}  // namespace
}  // namespace vssemu
