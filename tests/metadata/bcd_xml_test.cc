// BCD <-> XML: every field survives a round trip, the observed shape is
// written, and the strict loader rejects bad documents (protocol.md
// 10.4, Q27).
#include "metadata/bcd_xml.h"

#include <gtest/gtest.h>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

using com::Bstr;
using com::ComPtr;

constexpr VSS_ID kWriter = {
    0x0123ABCD, 0x4567, 0x489A, {0xBC, 0xDE, 0xF0, 1, 2, 3, 4, 5}};
constexpr VSS_ID kInstance = {
    0xFEDCBA98, 0x7654, 0x4321, {0x8F, 0xED, 0xCB, 0xA9, 8, 7, 6, 5}};

// Fills every field of the model with a non-default value.
BackupComponentsDocument FullDocument() {
  BackupComponentsDocument doc;
  doc.select_components = true;
  doc.bootable_system_state = true;
  doc.backup_type = VSS_BT_DIFFERENTIAL;
  doc.partial_file_support = true;
  doc.restore_type = VSS_RTYPE_IMPORT;
  doc.snapshot_set_id = {0x1, 0x2, 0x3, {4, 5, 6, 7, 8, 9, 10, 11}};
  doc.context = static_cast<LONG>(0xFFFFFFFF);  // VSS_CTX_ALL is negative.
  doc.snapshots.push_back(
      {L"\\\\?\\Volume{x}\\", {9, 9, 9, {9}}, {8, 8, 8, {8}}});
  auto writer = std::make_shared<BcdWriterComponents>();
  writer->instance_id = kInstance;
  writer->writer_id = kWriter;
  writer->instance_name = L"Instance \u00e9\u65e5";
  writer->backup_schema = 0x371;
  auto c = std::make_shared<BcdComponent>();
  c->type = VSS_CT_DATABASE;
  c->logical_path = L"Server\\Db";
  c->name = L"Main <&\"'>";
  c->backup_succeeded = true;
  c->backup_options = L"\"opt\"=\"1\"";
  c->backup_metadata = L"";  // Present but empty differs from absent.
  c->backup_stamp = L"stamp-2";
  c->previous_backup_stamp = L"stamp-1";
  c->partial_files = {{L"C:\\p", L"a.db", L"0:1", L"pm", L"D:\\r.rng"},
                      {L"C:\\q", L"b.db", L"0x10:2", std::nullopt, {}}};
  c->differenced_files = {
      {L"C:\\d", L"*.log", true, L"lsn-5", 0},
      {L"C:\\e", L"*", false, std::nullopt, 0xFFFFFFFFFFFFFFFFull}};
  c->prepare_for_backup_failure_msg = L"pfb";
  c->post_snapshot_failure_msg = L"ps";
  c->selected_for_restore = true;
  c->restore_subcomponents = {{L"Server\\Db\\Main", L"Part", true},
                              {L"", L"Root", false}};
  c->additional_restores = true;
  c->restore_options = L"\"Authoritative\"=\"All\"";
  c->restore_metadata = L"rm";
  c->restore_target = VSS_RT_ORIGINAL_LOCATION;
  c->directed_targets = {
      {L"C:\\s", L"a", L"0:1", L"D:\\t", L"b", std::nullopt},
      {L"C:\\s", L"c", std::nullopt, L"D:\\t", L"d", L"0:9"}};
  c->new_targets = {
      {L"C:\\n", L"*.x", true, L"E:\\n", 0x103},
      {L"C:\\n", L"*.y", false, std::nullopt, kDefaultBackupTypeMask}};
  c->alternate_location_mappings = {{L"C:\\m", L"*", true, L"F:\\m", 0xF0F}};
  c->file_restore_status = VSS_RS_FAILED;
  c->pre_restore_failure_msg = L"pre";
  c->post_restore_failure_msg = L"post";
  c->authoritative_restore = true;
  c->roll_forward_type = VSS_RF_PARTIAL;
  c->roll_forward_point = L"point";
  c->restore_name = L"Renamed";
  c->failure = {VSS_E_WRITERERROR_TIMEOUT, E_OUTOFMEMORY, L"fail", 3};
  writer->components.push_back(c);
  auto plain = std::make_shared<BcdComponent>();
  plain->name = L"Plain";
  writer->components.push_back(plain);
  doc.writers.push_back(writer);
  return doc;
}

HRESULT Load(std::wstring_view xml, BackupComponentsDocument* out,
             std::string* error = nullptr, BcdLoadOptions options = {}) {
  Bstr text(xml);
  return LoadBcd(text.get(), out, error, options);
}

TEST(BcdXml, EveryFieldSurvivesSaveAndLoad) {
  BackupComponentsDocument doc = FullDocument();
  BackupComponentsDocument loaded;
  std::string error;
  ASSERT_EQ(Load(SaveBcd(doc), &loaded, &error), S_OK) << error;
  EXPECT_EQ(loaded, doc);
  // Saving the loaded document gives the same text.
  EXPECT_EQ(SaveBcd(loaded), SaveBcd(doc));
}

TEST(BcdXml, EachFieldChangeIsVisibleAfterTheRoundTrip) {
  // Guards the comparison itself: a dropped field would make these equal.
  BackupComponentsDocument base = FullDocument();
  BackupComponentsDocument changed = FullDocument();
  changed.writers[0]->components[0]->failure.reserved = 4;
  BackupComponentsDocument loaded;
  ASSERT_EQ(Load(SaveBcd(changed), &loaded), S_OK);
  EXPECT_FALSE(loaded == base);
  changed = FullDocument();
  changed.writers[0]->components[0]->partial_files[0].relocated_ranges.reset();
  ASSERT_EQ(Load(SaveBcd(changed), &loaded), S_OK);
  EXPECT_FALSE(loaded == base);
  EXPECT_EQ(loaded, changed);
}

TEST(BcdXml, LoadedDocumentReadsBackThroughTheRequesterViews) {
  BackupComponentsDocument loaded;
  ASSERT_EQ(Load(SaveBcd(FullDocument()), &loaded), S_OK);
  ComPtr<IVssWriterComponentsExt> writer;
  ASSERT_EQ(ReturnBcdWriterComponentsExt(loaded.writers[0], writer.put()),
            S_OK);
  VSS_ID instance, id;
  ASSERT_EQ(writer->GetWriterInfo(&instance, &id), S_OK);
  EXPECT_EQ(instance, kInstance);
  EXPECT_EQ(id, kWriter);
  ComPtr<IVssComponent> component;
  ASSERT_EQ(writer->GetComponent(0, component.put()), S_OK);
  ComPtr<IVssComponentEx2> ex2;
  ASSERT_EQ(component.As(&ex2), S_OK);
  Bstr name, path, point, metadata, message;
  ASSERT_EQ(ex2->GetComponentName(name.put()), S_OK);
  EXPECT_EQ(name.view(), L"Main <&\"'>");
  ASSERT_EQ(ex2->GetLogicalPath(path.put()), S_OK);
  EXPECT_EQ(path.view(), L"Server\\Db");
  ASSERT_EQ(ex2->GetBackupMetadata(metadata.put()), S_OK);
  ASSERT_NE(metadata.get(), nullptr);
  EXPECT_EQ(metadata.view(), L"");
  VSS_ROLLFORWARD_TYPE roll;
  ASSERT_EQ(ex2->GetRollForward(&roll, point.put()), S_OK);
  EXPECT_EQ(roll, VSS_RF_PARTIAL);
  EXPECT_EQ(point.view(), L"point");
  HRESULT hr, hr_app;
  DWORD reserved;
  ASSERT_EQ(ex2->GetFailure(&hr, &hr_app, message.put(), &reserved), S_OK);
  EXPECT_EQ(hr, VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_EQ(hr_app, E_OUTOFMEMORY);
  BOOL recursive;
  FILETIME time;
  Bstr file_path, spec, lsn;
  ASSERT_EQ(ex2->GetDifferencedFile(1, file_path.put(), spec.put(), &recursive,
                                    lsn.put(), &time),
            S_OK);
  EXPECT_EQ(time.dwHighDateTime, 0xFFFFFFFFu);
  EXPECT_EQ(lsn.get(), nullptr);
}

TEST(BcdXml, MinimalDocumentHasTheObservedShapeAndNoExtensionNamespace) {
  BackupComponentsDocument doc;
  ASSERT_EQ(SetBackupState(&doc, true, true, VSS_BT_FULL, false), S_OK);
  doc.snapshot_set_id = {0xe109943b,
                         0x232e,
                         0x4b52,
                         {0x8d, 0xc4, 0x62, 0xb7, 0xde, 0x94, 0x76, 0x1b}};
  ASSERT_EQ(AddComponent(&doc, kInstance, kWriter, VSS_CT_FILEGROUP, nullptr,
                         L"TasksStore"),
            S_OK);
  EXPECT_EQ(SaveBcd(doc),
            L"<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" "
            L"version=\"1.2\" bootableSystemStateBackup=\"yes\" "
            L"selectComponents=\"yes\" backupType=\"full\" "
            L"partialFileSupport=\"no\" "
            L"snapshotSetId=\"e109943b-232e-4b52-8dc4-62b7de94761b\">"
            L"<WRITER_COMPONENTS "
            L"instanceId=\"fedcba98-7654-4321-8fed-cba908070605\" "
            L"writerId=\"0123abcd-4567-489a-bcde-f00102030405\" "
            L"backupSchema=\"0\"><COMPONENT componentName=\"TasksStore\" "
            L"componentType=\"filegroup\"/></WRITER_COMPONENTS>"
            L"</BACKUP_COMPONENTS>");
}

TEST(BcdXml, ExtensionNamesAreDeclaredInTheirOwnNamespace) {
  std::wstring xml = SaveBcd(FullDocument());
  EXPECT_NE(xml.find(L"xmlns:vssemu=\"urn:vssemu:bcd:1\""), std::wstring::npos);
  EXPECT_NE(xml.find(L"vssemu:backupSucceeded=\"yes\""), std::wstring::npos);
  EXPECT_NE(xml.find(L"<vssemu:PARTIAL_FILE "), std::wstring::npos);
  EXPECT_NE(xml.find(L"hr=\"0x800423F2\""), std::wstring::npos);
}

TEST(BcdXml, LoadLeavesTheOutputUntouchedOnFailure) {
  BackupComponentsDocument doc = FullDocument();
  std::string error;
  EXPECT_EQ(Load(L"<BACKUP_COMPONENTS><WRITER_COMPONENTS instanceId=\"x\"/>"
                 L"</BACKUP_COMPONENTS>",
                 &doc, &error),
            VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(doc, FullDocument());
  EXPECT_EQ(LoadBcd(nullptr, nullptr, &error), E_INVALIDARG);
}

constexpr wchar_t kRootOpen[] =
    L"<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" "
    L"version=\"1.2\" backupType=\"full\">";

std::wstring InRoot(const wchar_t* body) {
  return std::wstring(kRootOpen) + body + L"</BACKUP_COMPONENTS>";
}

std::wstring InWriter(const wchar_t* body) {
  return InRoot((std::wstring(L"<WRITER_COMPONENTS instanceId=\"") +
                 L"aaaa0000-0000-4000-8000-000000000001\" writerId=\"" +
                 L"bbbb0000-0000-4000-8000-000000000002\">" + body +
                 L"</WRITER_COMPONENTS>")
                    .c_str());
}

TEST(BcdXml, BadDocumentsAreInvalidXmlWithAMessageNamingThePlace) {
  struct Case {
    std::wstring what;
    std::wstring xml;
    std::string reason;  // Part of the expected error message.
  };
  const Case cases[] = {
      {L"malformed", L"<BACKUP_COMPONENTS><WRITER_COMPONENTS>", "mismatch"},
      {L"wrong root", L"<WRITER_METADATA/>", "root element is WRITER_METADATA"},
      {L"two roots", L"<BACKUP_COMPONENTS/><BACKUP_COMPONENTS/>",
       "exactly one root"},
      {L"bad GUID",
       InRoot(L"<WRITER_COMPONENTS instanceId=\"not-a-guid\" "
              L"writerId=\"bbbb0000-0000-4000-8000-000000000002\"/>"),
       "instanceId: invalid value"},
      {L"missing writerId",
       InRoot(L"<WRITER_COMPONENTS "
              L"instanceId=\"aaaa0000-0000-4000-8000-000000000001\"/>"),
       "missing attribute writerId"},
      {L"unknown backupType", L"<BACKUP_COMPONENTS backupType=\"weekly\"/>",
       "backupType: invalid value"},
      {L"bad snapshotSetId", L"<BACKUP_COMPONENTS snapshotSetId=\"1234\"/>",
       "snapshotSetId: invalid"},
      {L"bad yes/no", L"<BACKUP_COMPONENTS selectComponents=\"maybe\"/>",
       "selectComponents: invalid"},
      {L"wrong namespace", L"<BACKUP_COMPONENTS xmlns=\"urn:other\"/>",
       "xmlns: invalid"},
      {L"wrong extension namespace",
       L"<BACKUP_COMPONENTS xmlns:vssemu=\"urn:other\"/>",
       "xmlns:vssemu: invalid"},
      {L"unsupported version", L"<BACKUP_COMPONENTS version=\"2.0\"/>",
       "version: unsupported"},
      {L"unknown extension element", InRoot(L"<vssemu:SNAPSHOTS/>"),
       "vssemu:SNAPSHOTS[1]: unknown element"},
      {L"text content", InRoot(L"hello"), "unexpected text"},
      {L"unknown componentType",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"table\"/>"),
       "componentType: invalid value \"table\""},
      {L"undefined componentType",
       InWriter(
           L"<COMPONENT componentName=\"A\" componentType=\"undefined\"/>"),
       "componentType: invalid value \"undefined\""},
      {L"missing componentName",
       InWriter(L"<COMPONENT componentType=\"filegroup\"/>"),
       "missing attribute componentName"},
      {L"duplicate component",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\"/>"
                L"<COMPONENT componentName=\"A\" componentType=\"database\"/>"),
       "COMPONENT[2]: duplicate component"},
      {L"unknown component attribute",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\" "
                L"vssemu:colour=\"red\"/>"),
       "unknown attribute vssemu:colour"},
      {L"bad restore target",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\" "
                L"vssemu:restoreTarget=\"elsewhere\"/>"),
       "vssemu:restoreTarget: invalid"},
      {L"two backup metadata",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\">"
                L"<BACKUP_METADATA metadata=\"1\"/>"
                L"<BACKUP_METADATA metadata=\"2\"/></COMPONENT>"),
       "BACKUP_METADATA[2]: duplicate element"},
      {L"bad lastModifyTime",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\">"
                L"<vssemu:DIFFERENCED_FILE path=\"C:\\\" filespec=\"*\" "
                L"recursive=\"no\" lastModifyTime=\"-1\"/></COMPONENT>"),
       "lastModifyTime: invalid"},
      {L"bad hr",
       InWriter(L"<COMPONENT componentName=\"A\" componentType=\"filegroup\">"
                L"<vssemu:FAILURE hr=\"oops\" hrApplication=\"0\"/>"
                L"</COMPONENT>"),
       "hr: invalid"},
      {L"duplicate writer instance",
       InRoot(L"<WRITER_COMPONENTS "
              L"instanceId=\"aaaa0000-0000-4000-8000-000000000001\" "
              L"writerId=\"bbbb0000-0000-4000-8000-000000000002\"/>"
              L"<WRITER_COMPONENTS "
              L"instanceId=\"AAAA0000-0000-4000-8000-000000000001\" "
              L"writerId=\"bbbb0000-0000-4000-8000-000000000002\"/>"),
       "duplicate writer instance"},
      {L"empty", L"", "empty document"},
  };
  for (const auto& [what, xml, reason] : cases) {
    SCOPED_TRACE(ToUtf8(what));
    BackupComponentsDocument doc;
    std::string error;
    EXPECT_EQ(Load(xml, &doc, &error), VSS_E_INVALID_XML_DOCUMENT);
    EXPECT_FALSE(error.empty());
    EXPECT_NE(error.find(reason), std::string::npos) << error;
    EXPECT_EQ(doc, BackupComponentsDocument{});
  }
  BackupComponentsDocument doc;
  std::string error;
  EXPECT_EQ(LoadBcd(nullptr, &doc, &error), VSS_E_INVALID_XML_DOCUMENT);
}

TEST(BcdXml, ErrorMessagesNameTheElementAndAttribute) {
  BackupComponentsDocument doc;
  std::string error;
  ASSERT_EQ(Load(InWriter(L"<COMPONENT componentName=\"A\" "
                          L"componentType=\"filegroup\"/>"
                          L"<COMPONENT componentName=\"B\" "
                          L"componentType=\"table\"/>"),
                 &doc, &error),
            VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(error,
            "BACKUP_COMPONENTS/WRITER_COMPONENTS[1]/COMPONENT[2]: attribute "
            "componentType: invalid value \"table\"");
  ASSERT_EQ(Load(InRoot(L"<EXTRA/>"), &doc, &error, BcdLoadOptions{.strict = true}),
            VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(error, "BACKUP_COMPONENTS/EXTRA[1]: unknown element");
}

TEST(BcdXml, UnpublishedWindowsNamesAreSkippedUnlessStrict) {
  std::wstring xml = InWriter(
      L"<COMPONENT componentName=\"A\" componentType=\"filegroup\" "
      L"futureAttribute=\"1\"><FUTURE_ELEMENT/></COMPONENT>");
  BackupComponentsDocument doc;
  EXPECT_EQ(Load(xml, &doc, nullptr, BcdLoadOptions{.strict = true}),
            VSS_E_INVALID_XML_DOCUMENT);
  ASSERT_EQ(Load(xml, &doc), S_OK);
  ASSERT_EQ(doc.writers.size(), 1u);
  EXPECT_EQ(doc.writers[0]->components[0]->name, L"A");
  EXPECT_EQ(Load(InWriter(L"<COMPONENT componentName=\"A\" "
                          L"componentType=\"table\"/>"),
                 &doc),
            VSS_E_INVALID_XML_DOCUMENT);
  // A misspelt vssemu name is never skipped: only vssemu writes those.
  EXPECT_EQ(Load(InWriter(L"<COMPONENT componentName=\"A\" "
                          L"componentType=\"filegroup\" vssemu:colour=\"red\"/>"),
                 &doc),
            VSS_E_INVALID_XML_DOCUMENT);
}

TEST(BcdXml, EnumerationStringsMatchCaseInsensitively) {
  BackupComponentsDocument doc;
  ASSERT_EQ(Load(L"<BACKUP_COMPONENTS backupType=\"LOG\"/>", &doc), S_OK);
  EXPECT_EQ(doc.backup_type, VSS_BT_LOG);
  const std::pair<const wchar_t*, VSS_BACKUP_TYPE> types[] = {
      {L"full", VSS_BT_FULL},
      {L"incremental", VSS_BT_INCREMENTAL},
      {L"differential", VSS_BT_DIFFERENTIAL},
      {L"log", VSS_BT_LOG},
      {L"copy", VSS_BT_COPY},
      {L"other", VSS_BT_OTHER},
      {L"undefined", VSS_BT_UNDEFINED}};
  for (const auto& [text, type] : types) {
    ASSERT_EQ(
        Load(std::wstring(L"<BACKUP_COMPONENTS backupType=\"") + text + L"\"/>",
             &doc),
        S_OK);
    EXPECT_EQ(doc.backup_type, type);
    doc.backup_type = type;
    EXPECT_NE(SaveBcd(doc).find(std::wstring(L"backupType=\"") + text + L"\""),
              std::wstring::npos);
  }
}

}  // namespace
}  // namespace vssemu::metadata

namespace vssemu::metadata {
namespace {

// Transportable and persistent backups store snapshot descriptions under
// names no public sample shows; such a document must still load (for
// InitializeForRestore) and keep everything vssemu understands.
TEST(BcdXml, DocumentsWithUnpublishedSnapshotDescriptionsLoad) {
  com::Bstr xml(
      L"<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" "
      L"version=\"1.2\" selectComponents=\"yes\" backupType=\"full\">"
      L"<SNAPSHOT_SET_DESCRIPTION snapshotSetId=\"x\" context=\"0\">"
      L"<SNAPSHOT_DESCRIPTION snapshotId=\"y\"><LUN_MAPPING/>"
      L"</SNAPSHOT_DESCRIPTION></SNAPSHOT_SET_DESCRIPTION>"
      L"<WRITER_COMPONENTS instanceId=\"aaaa0000-0000-4000-8000-000000000001\" "
      L"writerId=\"bbbb0000-0000-4000-8000-000000000002\">"
      L"<COMPONENT componentName=\"Data\" componentType=\"filegroup\"/>"
      L"</WRITER_COMPONENTS></BACKUP_COMPONENTS>");
  BackupComponentsDocument doc;
  std::string error;
  ASSERT_EQ(LoadBcd(xml.get(), &doc, &error), S_OK) << error;
  ASSERT_EQ(doc.writers.size(), 1u);
  EXPECT_EQ(doc.writers[0]->components[0]->name, L"Data");
  EXPECT_EQ(doc.backup_type, VSS_BT_FULL);
}

}  // namespace
}  // namespace vssemu::metadata
