// WMD XML: the saved shape, loading documents in the shape Windows saves
// them (tests/metadata/data/wmd_*.xml), defaults for omitted attributes, and
// the loader's refusals with a message naming the element.
#include "metadata/wmd_xml.h"

#include <gtest/gtest.h>
#include <vsbackup.h>

#include <fstream>
#include <sstream>
#include <string>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "com/guid_format.h"
#include "metadata/wmd_encoding.h"
#include "metadata/wmd_examine.h"
#include "metadata/xml_util.h"
#include "wmd_test_util.h"

namespace vssemu::metadata {
namespace {

std::wstring ReadDataFile(const char* name) {
  std::ifstream in(std::string(VSSEMU_TEST_DATA_DIR) + "/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return FromUtf8(bytes.str());
}

GUID Guid(const char* text) { return com::ParseGuid(text).value(); }

using wmd_test::ReadIdentityEx;
using wmd_test::ReadRestoreMethod;
using wmd_test::ReportedIdentity;
using wmd_test::ReportedRestoreMethod;

constexpr const wchar_t* kIdentification =
    L"<IDENTIFICATION writerId=\"5affb034-969f-4919-8875-88f830d0ef89\" "
    L"instanceId=\"5affb034-969f-4919-8875-88f830d0ef89\" friendlyName=\"W\" "
    L"usage=\"USER_DATA\" dataSource=\"OTHER\"/>";

// Wraps body (children of BACKUP_LOCATIONS) in a valid document.
std::wstring WithLocations(const std::wstring& body) {
  return std::wstring(L"<WRITER_METADATA>") + kIdentification +
         L"<BACKUP_LOCATIONS>" + body +
         L"</BACKUP_LOCATIONS></WRITER_METADATA>";
}

// Expects xml to be refused with an error that mentions needle.
void ExpectRefused(const std::wstring& xml, const std::string& needle) {
  WmdParseResult parsed = ParseWriterMetadata(xml);
  EXPECT_FALSE(parsed) << "accepted: " << ToUtf8(xml);
  EXPECT_NE(parsed.error.find(needle), std::string::npos)
      << "error \"" << parsed.error << "\" lacks \"" << needle << "\"";
}

TEST(WmdXml, SaveWritesTheObservedShape) {
  WriterMetadata m;
  m.identity = {Guid("D61D61C8-D73A-4EEE-8CDD-F6F9786B7124"),
                Guid("1BDDD48E-5052-49DB-9B07-B96F96727E6B"),
                L"Task Writer",
                std::nullopt,
                VSS_UT_BOOTABLESYSTEMSTATE,
                VSS_ST_OTHER,
                0,
                0};
  m.restore_method = {VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE,
                      {},
                      {},
                      VSS_WRE_NEVER,
                      false};
  Component c;
  c.name = L"Tasks";
  c.caption = L"Tasks Store";
  c.files.push_back({L"%WinDir%\\Tasks", L"*", true, {}, 3855});
  m.components.push_back(c);
  EXPECT_EQ(
      SerializeWriterMetadata(m),
      L"<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" "
      L"version=\"1.2\"><IDENTIFICATION "
      L"writerId=\"d61d61c8-d73a-4eee-8cdd-f6f9786b7124\" "
      L"instanceId=\"1bddd48e-5052-49db-9b07-b96f96727e6b\" "
      L"friendlyName=\"Task Writer\" usage=\"BOOTABLE_SYSTEM_STATE\" "
      L"dataSource=\"OTHER\" majorVersion=\"0\" minorVersion=\"0\"/>"
      L"<RESTORE_METHOD method=\"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" "
      L"writerRestore=\"never\" rebootRequired=\"no\"/><BACKUP_LOCATIONS>"
      L"<FILE_GROUP componentName=\"Tasks\" caption=\"Tasks Store\" "
      L"restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" "
      L"selectable=\"no\" selectableForRestore=\"no\" componentFlags=\"0\">"
      L"<FILE_LIST path=\"%WinDir%\\Tasks\" filespec=\"*\" recursive=\"yes\" "
      L"filespecBackupType=\"3855\"/></FILE_GROUP></BACKUP_LOCATIONS>"
      L"</WRITER_METADATA>");
}

TEST(WmdXml, ExtensionsAreWrittenInTheEmulatorNamespace) {
  WriterMetadata m;
  Component c;
  c.name = L"G";
  c.icon = {1, 2, 3};
  c.dependencies.push_back({GUID_NULL, L"", L"Other"});
  m.components.push_back(c);
  std::wstring xml = SerializeWriterMetadata(m);
  EXPECT_NE(xml.find(L"xmlns:vssemu=\"urn:vssemu:wmd:1\""), std::wstring::npos)
      << ToUtf8(xml);
  EXPECT_NE(xml.find(L"vssemu:icon=\"AQID\""), std::wstring::npos);
  EXPECT_NE(xml.find(L"<vssemu:DEPENDENCY "), std::wstring::npos);
  WmdParseResult parsed = ParseWriterMetadata(xml);
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(*parsed.metadata, m);
}

TEST(WmdXml, LoadsASystemWriterDocument) {
  WmdParseResult parsed =
      ParseWriterMetadata(ReadDataFile("wmd_system_writer.xml"));
  ASSERT_TRUE(parsed) << parsed.error;
  const WriterMetadata& m = *parsed.metadata;
  EXPECT_EQ(m.identity.writer_id, Guid("e8132975-6f93-4464-a53e-1050253ae220"));
  EXPECT_EQ(m.identity.writer_name, L"Example System Writer");
  EXPECT_FALSE(m.identity.instance_name.has_value());
  EXPECT_EQ(m.identity.usage, VSS_UT_BOOTABLESYSTEMSTATE);
  EXPECT_EQ(m.identity.major_version, 1u);
  EXPECT_EQ(
      m.restore_method,
      (RestoreMethod{VSS_RME_RESTORE_AT_REBOOT, {}, {}, VSS_WRE_ALWAYS, true}));
  EXPECT_EQ(m.backup_schema, 0u);
  ASSERT_EQ(m.components.size(), 2u);
  const Component& boot = m.components[0];
  EXPECT_EQ(boot.logical_path, L"");
  EXPECT_EQ(boot.name, L"Boot Files");
  ASSERT_EQ(boot.files.size(), 2u);
  EXPECT_TRUE(boot.files[0].recursive);
  // No recursive attribute: not recursive.
  EXPECT_EQ(boot.files[1],
            (FileSpec{L"%SystemDrive%", L"bootmgr", false, {}, 3855}));
  const Component& drivers = m.components[1];
  EXPECT_EQ(drivers.logical_path, L"System Files");
  EXPECT_TRUE(drivers.notify_on_backup_complete);
  EXPECT_TRUE(drivers.selectable);
  EXPECT_EQ(drivers.component_flags, 4u);
  EXPECT_EQ(drivers.files[1].backup_type_mask, 771u);
  ASSERT_EQ(m.exclude_files.size(), 2u);
  EXPECT_EQ(m.exclude_files[1].path, L"%SystemRoot%\\Temp");
  EXPECT_TRUE(m.exclude_files[1].recursive);
  ASSERT_EQ(m.exclude_from_snapshot_files.size(), 1u);
  EXPECT_EQ(m.exclude_from_snapshot_files[0].filespec, L"pagefile.sys");
}

TEST(WmdXml, LoadsASqlStyleWriterDocumentThroughTheSdkEntryPoint) {
  com::Bstr xml(ReadDataFile("wmd_sql_writer.xml"));
  com::ComPtr<IVssExamineWriterMetadata> examine;
  ASSERT_EQ(CreateVssExamineWriterMetadata(xml.get(), examine.put()), S_OK);
  com::ComPtr<IVssExamineWriterMetadataEx2> ex2;
  ASSERT_EQ(examine.As(&ex2), S_OK);

  ReportedIdentity identity;
  ASSERT_NO_FATAL_FAILURE(ReadIdentityEx(ex2.get(), &identity));
  // Braced upper-case and mixed-case GUIDs load.
  EXPECT_EQ(identity.writer, Guid("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"));
  EXPECT_EQ(identity.instance, Guid("3f1e2d4c-5b6a-4978-8d9e-0a1b2c3d4e5f"));
  EXPECT_EQ(identity.instance_name.view(), L"Example SQL Writer");
  EXPECT_EQ(identity.source, VSS_ST_TRANSACTEDDB);
  DWORD schema = 0;
  ASSERT_EQ(ex2->GetBackupSchema(&schema), S_OK);
  EXPECT_EQ(schema, 881u);
  // RESTORE_METHOD after BACKUP_LOCATIONS is still read.
  ReportedRestoreMethod restore;
  restore.reboot_required = true;  // Sentinels the getter must overwrite.
  restore.mappings = 9;
  ASSERT_NO_FATAL_FAILURE(ReadRestoreMethod(ex2.get(), &restore));
  EXPECT_EQ(restore.method, VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_EQ(restore.writer_restore, VSS_WRE_NEVER);
  EXPECT_EQ(restore.service.get(), nullptr);
  EXPECT_FALSE(restore.reboot_required);
  EXPECT_EQ(restore.mappings, 0u);

  com::ComPtr<IVssWMComponent> orders;
  ASSERT_EQ(ex2->GetComponent(0, orders.put()), S_OK);
  PVSSCOMPONENTINFO info = nullptr;
  ASSERT_EQ(orders->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(info->type, VSS_CT_DATABASE);
  EXPECT_EQ(com::BstrView(info->bstrLogicalPath), L"HOST\\INSTANCE");
  EXPECT_EQ(com::BstrView(info->bstrComponentName), L"orders");
  ASSERT_NE(info->bstrCaption, nullptr);  // caption="" is present.
  EXPECT_EQ(com::BstrView(info->bstrCaption), L"");
  EXPECT_EQ(info->cDatabases, 2u);
  EXPECT_EQ(info->cLogFiles, 1u);
  EXPECT_EQ(info->cFileCount, 0u);
  ASSERT_EQ(orders->FreeComponentInfo(info), S_OK);
  com::ComPtr<IVssWMFiledesc> log;
  ASSERT_EQ(orders->GetDatabaseLogFile(0, log.put()), S_OK);
  com::Bstr log_path;
  ASSERT_EQ(log->GetPath(log_path.put()), S_OK);
  EXPECT_EQ(log_path.view(), L"E:\\SqlLogs");

  com::ComPtr<IVssWMComponent> master;
  ASSERT_EQ(ex2->GetComponent(1, master.put()), S_OK);
  ASSERT_EQ(master->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(info->bstrCaption, nullptr);  // caption omitted.
  ASSERT_EQ(master->FreeComponentInfo(info), S_OK);
}

TEST(WmdXml, SavedSamplesReloadToTheSameModel) {
  for (const char* file : {"wmd_system_writer.xml", "wmd_sql_writer.xml"}) {
    WmdParseResult first = ParseWriterMetadata(ReadDataFile(file));
    ASSERT_TRUE(first) << file << ": " << first.error;
    WmdParseResult second =
        ParseWriterMetadata(SerializeWriterMetadata(*first.metadata));
    ASSERT_TRUE(second) << file << ": " << second.error;
    EXPECT_EQ(*second.metadata, *first.metadata) << file;
  }
}

TEST(WmdXml, OmittedOptionalAttributesGetDefaults) {
  WmdParseResult parsed = ParseWriterMetadata(
      WithLocations(L"<FILE_GROUP componentName=\"G\"><FILE_LIST path=\"C:\\\" "
                    L"filespec=\"*\"/></FILE_GROUP>"));
  ASSERT_TRUE(parsed) << parsed.error;
  const WriterMetadata& m = *parsed.metadata;
  EXPECT_EQ(m.identity.major_version, 0u);
  EXPECT_EQ(m.restore_method, RestoreMethod{});
  const Component& c = m.components.at(0);
  EXPECT_FALSE(c.selectable);
  EXPECT_FALSE(c.caption.has_value());
  EXPECT_EQ(c.component_flags, 0u);
  EXPECT_EQ(c.files.at(0),
            (FileSpec{L"C:\\", L"*", false, {}, kDefaultBackupTypeMask}));
}

TEST(WmdXml, UnknownElementsAndAttributesAreIgnored) {
  WmdParseResult parsed = ParseWriterMetadata(
      L"<WRITER_METADATA future=\"1\"><FUTURE_THING a=\"b\"/>" +
      std::wstring(kIdentification) +
      L"<BACKUP_LOCATIONS><FILE_GROUP componentName=\"G\" shiny=\"yes\">"
      L"<FUTURE_CHILD/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>");
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(parsed.metadata->components.size(), 1u);
}

TEST(WmdXml, UnknownEmulatorNamesAreRefused) {
  WmdParseResult element = ParseWriterMetadata(
      L"<WRITER_METADATA>" + std::wstring(kIdentification) +
      L"<BACKUP_LOCATIONS><FILE_GROUP componentName=\"G\">"
      L"<vssemu:DEPENDANCY writerId=\"x\"/></FILE_GROUP></BACKUP_LOCATIONS>"
      L"</WRITER_METADATA>");
  EXPECT_FALSE(element);
  EXPECT_NE(element.error.find("unknown element vssemu:DEPENDANCY"),
            std::string::npos)
      << element.error;
  WmdParseResult attribute = ParseWriterMetadata(
      L"<WRITER_METADATA>" + std::wstring(kIdentification) +
      L"<BACKUP_LOCATIONS><FILE_GROUP componentName=\"G\" "
      L"vssemu:icn=\"AA==\"/></BACKUP_LOCATIONS></WRITER_METADATA>");
  EXPECT_FALSE(attribute);
  EXPECT_NE(attribute.error.find("unknown attribute vssemu:icn"),
            std::string::npos)
      << attribute.error;
}

TEST(WmdXml, RefusesDocumentsItCannotTrust) {
  ExpectRefused(L"", "empty");
  ExpectRefused(L"<WRITER_METADATA>", "malformed");
  ExpectRefused(L"<!-- nothing -->", "document element");
  ExpectRefused(L"<BACKUP_COMPONENTS/>", "WRITER_METADATA");
  ExpectRefused(L"<WRITER_METADATA/>", "missing IDENTIFICATION");
  ExpectRefused(L"<WRITER_METADATA>" + std::wstring(kIdentification) +
                    kIdentification + L"</WRITER_METADATA>",
                "more than once");
  ExpectRefused(L"<WRITER_METADATA backupSchema=\"lots\">" +
                    std::wstring(kIdentification) + L"</WRITER_METADATA>",
                "backupSchema");
  ExpectRefused(
      L"<WRITER_METADATA><IDENTIFICATION writerId=\"xyz\"/>"
      L"</WRITER_METADATA>",
      "IDENTIFICATION at offset");
  ExpectRefused(L"<WRITER_METADATA>" + std::wstring(kIdentification) +
                    L"<RESTORE_METHOD method=\"WHENEVER\" writerRestore="
                    L"\"never\"/></WRITER_METADATA>",
                "unknown method");
  ExpectRefused(L"<WRITER_METADATA>" + std::wstring(kIdentification) +
                    L"<RESTORE_METHOD method=\"CUSTOM\" writerRestore="
                    L"\"never\" rebootRequired=\"perhaps\"/></WRITER_METADATA>",
                "rebootRequired");
  ExpectRefused(
      L"<WRITER_METADATA>" + std::wstring(kIdentification) +
          L"<RESTORE_METHOD method=\"CUSTOM\" writerRestore=\"never\">"
          L"<vssemu:ALTERNATE_LOCATION_MAPPING path=\"C:\\\" filespec=\"*\"/>"
          L"</RESTORE_METHOD></WRITER_METADATA>",
      "destination");
}

TEST(WmdXml, RefusesComponentsThatBreakTheRules) {
  ExpectRefused(WithLocations(L"<FILE_GROUP/>"), "componentName");
  ExpectRefused(WithLocations(L"<FILE_GROUP componentName=\"a\\b\"/>"),
                "backslash");
  ExpectRefused(WithLocations(L"<FILE_GROUP componentName=\"A\"/>"
                              L"<DATABASE componentName=\"A\"/>"),
                "duplicate");
  ExpectRefused(WithLocations(L"<DATABASE componentName=\"D\"><FILE_LIST "
                              L"path=\"C:\\\" filespec=\"*\"/></DATABASE>"),
                "FILE_LIST inside a DATABASE");
  ExpectRefused(WithLocations(L"<FILE_GROUP componentName=\"G\">"
                              L"<DATABASE_FILES path=\"C:\\\" filespec=\"*\"/>"
                              L"</FILE_GROUP>"),
                "DATABASE_FILES at offset");
  ExpectRefused(WithLocations(L"<FILE_GROUP componentName=\"G\" "
                              L"componentFlags=\"-1\"/>"),
                "componentFlags");
  ExpectRefused(
      WithLocations(L"<FILE_GROUP componentName=\"G\" vssemu:icon=\"@@\"/>"),
      "icon");
  ExpectRefused(
      WithLocations(L"<FILE_GROUP componentName=\"G\"><vssemu:DEPENDENCY "
                    L"writerId=\"{123}\" componentName=\"X\"/>"
                    L"</FILE_GROUP>"),
      "vssemu:DEPENDENCY at offset");
  ExpectRefused(WithLocations(L"<FILE_GROUP componentName=\"G\"><FILE_LIST "
                              L"path=\"C:\\\" filespec=\"*\" "
                              L"filespecBackupType=\"0xZZ\"/></FILE_GROUP>"),
                "filespecBackupType");
  ExpectRefused(WithLocations(L"<EXCLUDE_FILES path=\"C:\\\"/>"), "filespec");
}

TEST(WmdEncoding, EveryEnumValueHasOneStringThatMapsBack) {
  for (int v = VSS_UT_UNDEFINED; v <= VSS_UT_OTHER; ++v) {
    auto value = static_cast<VSS_USAGE_TYPE>(v);
    ASSERT_NE(UsageToString(value), nullptr) << v;
    EXPECT_EQ(UsageFromString(UsageToString(value)), value);
  }
  for (int v = VSS_ST_UNDEFINED; v <= VSS_ST_OTHER; ++v) {
    auto value = static_cast<VSS_SOURCE_TYPE>(v);
    ASSERT_NE(SourceToString(value), nullptr) << v;
    EXPECT_EQ(SourceFromString(SourceToString(value)), value);
  }
  for (int v = VSS_RME_UNDEFINED; v <= VSS_RME_RESTORE_STOP_START; ++v) {
    auto value = static_cast<VSS_RESTOREMETHOD_ENUM>(v);
    ASSERT_NE(RestoreMethodToString(value), nullptr) << v;
    EXPECT_EQ(RestoreMethodFromString(RestoreMethodToString(value)), value);
  }
  for (int v = VSS_WRE_UNDEFINED; v <= VSS_WRE_ALWAYS; ++v) {
    auto value = static_cast<VSS_WRITERRESTORE_ENUM>(v);
    ASSERT_NE(WriterRestoreToString(value), nullptr) << v;
    EXPECT_EQ(WriterRestoreFromString(WriterRestoreToString(value)), value);
  }
  EXPECT_EQ(UsageToString(static_cast<VSS_USAGE_TYPE>(5)), nullptr);
  EXPECT_FALSE(UsageFromString("user_data").has_value());
  EXPECT_EQ(RestoreMethodFromString("REPLACE_AT_REBOOT"),
            VSS_RME_RESTORE_AT_REBOOT);
  EXPECT_EQ(SourceFromString("TRANSACTION_DB"), VSS_ST_TRANSACTEDDB);
}

TEST(WmdEncoding, Base64RoundTripsEveryLengthAndRefusesGarbage) {
  std::vector<BYTE> bytes;
  for (int n = 0; n < 8; ++n) {
    std::string text = EncodeBase64(bytes);
    EXPECT_EQ(text.size() % 4, 0u);
    EXPECT_EQ(DecodeBase64(text), bytes) << text;
    bytes.push_back(static_cast<BYTE>(0xF0 + n * 3));
  }
  EXPECT_EQ(EncodeBase64({'M', 'a', 'n'}), "TWFu");
  EXPECT_EQ(EncodeBase64({'M'}), "TQ==");
  EXPECT_FALSE(DecodeBase64("TWF").has_value());
  EXPECT_FALSE(DecodeBase64("TW!u").has_value());
  EXPECT_FALSE(DecodeBase64("TQ==TWFu").has_value());
}

}  // namespace
}  // namespace vssemu::metadata
