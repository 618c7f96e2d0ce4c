// Hand-written documents in the shape of those saved by DiskShadow and by
// the emulator itself load and read back correctly (protocol.md 10.4).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "com/guid_format.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/bcd_xml.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

using com::Bstr;
using com::ComPtr;

// Loads tests/metadata/data/<name> into *doc.
HRESULT LoadFile(const char* name, BackupComponentsDocument* doc,
                 std::string* error) {
  std::ifstream in(std::string(VSSEMU_TEST_DATA_DIR) + "/" + name,
                   std::ios::binary);
  if (!in) {
    *error = std::string("cannot open ") + name;
    return E_FAIL;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Bstr xml(FromUtf8(text.str()));
  return LoadBcd(xml.get(), doc, error);
}

GUID Guid(const char* text) { return *com::ParseGuid(std::string_view(text)); }

TEST(BcdXmlSamples, CompactDiskShadowDocumentLoads) {
  BackupComponentsDocument doc;
  std::string error;
  ASSERT_EQ(LoadFile("bcd_diskshadow_compact.xml", &doc, &error), S_OK)
      << error;
  EXPECT_TRUE(doc.select_components);
  EXPECT_FALSE(doc.bootable_system_state);
  EXPECT_EQ(doc.backup_type, VSS_BT_INCREMENTAL);
  EXPECT_TRUE(doc.partial_file_support);
  EXPECT_EQ(doc.snapshot_set_id, Guid("3f2a9c10-5b7e-4d21-9a6c-0e8b1d2f4a55"));
  ASSERT_EQ(doc.writers.size(), 2u);
  EXPECT_EQ(doc.writers[1]->instance_id,
            Guid("e4d3c2b1-a098-4765-8432-10fedcba9876"));
  EXPECT_EQ(doc.writers[1]->writer_id,
            Guid("5eed5eed-0000-4111-8222-933344445555"));
  EXPECT_FALSE(doc.writers[1]->instance_name.has_value());
  ASSERT_EQ(doc.writers[1]->components.size(), 2u);
  const BcdComponent& drivers = *doc.writers[1]->components[1];
  EXPECT_EQ(drivers.name, L"Driver Store");
  EXPECT_EQ(drivers.logical_path, L"");
  EXPECT_EQ(drivers.type, VSS_CT_FILEGROUP);
  EXPECT_FALSE(drivers.backup_stamp.has_value());
  EXPECT_FALSE(drivers.backup_succeeded);
}

TEST(BcdXmlSamples, DeclaredDocumentWithRepeatedNamespacesAndMetadataLoads) {
  BackupComponentsDocument doc;
  std::string error;
  ASSERT_EQ(LoadFile("bcd_diskshadow_declared.xml", &doc, &error), S_OK)
      << error;
  EXPECT_TRUE(doc.bootable_system_state);
  EXPECT_EQ(doc.backup_type, VSS_BT_FULL);
  // Upper-case and braced GUIDs read as the same values.
  EXPECT_EQ(doc.snapshot_set_id, Guid("9b1f6e2a-44c0-4e3d-8f57-a1b2c3d4e5f6"));
  ASSERT_EQ(doc.writers.size(), 2u);
  EXPECT_EQ(doc.writers[0]->writer_id,
            Guid("feedface-cafe-4bee-8dad-0123456789ab"));
  const BcdWriterComponents& db = *doc.writers[1];
  EXPECT_EQ(db.instance_id, Guid("d00dfeed-1111-4222-8333-944455556666"));
  EXPECT_EQ(db.instance_name, L"Example Database Engine:InstanceWriter");
  EXPECT_EQ(db.backup_schema, 881u);
  ASSERT_EQ(db.components.size(), 2u);
  EXPECT_EQ(db.components[1]->type, VSS_CT_DATABASE);

  // Read the first component the way a requester does after
  // InitializeForRestore.
  ComPtr<IVssWriterComponentsExt> writer;
  ASSERT_EQ(ReturnBcdWriterComponentsExt(doc.writers[1], writer.put()), S_OK);
  ComPtr<IVssComponent> orders;
  ASSERT_EQ(writer->GetComponent(0, orders.put()), S_OK);
  Bstr path, name, stamp, metadata;
  ASSERT_EQ(orders->GetLogicalPath(path.put()), S_OK);
  ASSERT_EQ(orders->GetComponentName(name.put()), S_OK);
  ASSERT_EQ(orders->GetBackupStamp(stamp.put()), S_OK);
  ASSERT_EQ(orders->GetBackupMetadata(metadata.put()), S_OK);
  EXPECT_EQ(path.view(), L"HOST-DB01");
  EXPECT_EQ(name.view(), L"orders");
  EXPECT_EQ(stamp.view(), L"AQIDBAUGBwgJCgsM");
  EXPECT_EQ(metadata.view(),
            L"U2FtcGxlIHdyaXRlciBwcml2YXRlIGRhdGEgZm9yIG9yZGVycw==");
}

TEST(BcdXmlSamples, HandWrittenExtensionNamesLoadAsDocumented) {
  BackupComponentsDocument doc;
  std::string error;
  ASSERT_EQ(LoadFile("bcd_restore_extensions.xml", &doc, &error), S_OK)
      << error;
  EXPECT_EQ(doc.restore_type, VSS_RTYPE_BY_COPY);
  EXPECT_EQ(doc.context, 17);
  ASSERT_EQ(doc.snapshots.size(), 1u);
  EXPECT_EQ(doc.snapshots[0].provider_id,
            Guid("b5946137-7b9f-4925-af80-51abd60b20d5"));
  ASSERT_EQ(doc.writers.size(), 1u);
  EXPECT_EQ(doc.writers[0]->backup_schema, 0x3000u);
  const BcdComponent& c = *doc.writers[0]->components[0];
  EXPECT_TRUE(c.backup_succeeded);
  EXPECT_TRUE(c.selected_for_restore);
  EXPECT_TRUE(c.additional_restores);
  EXPECT_TRUE(c.authoritative_restore);
  EXPECT_EQ(c.restore_options, L"\"Roll Forward\"=\"Partial:99\"");
  EXPECT_EQ(c.restore_target, VSS_RT_DIRECTED);
  EXPECT_EQ(c.file_restore_status, VSS_RS_ALL);
  EXPECT_EQ(c.roll_forward_type, VSS_RF_PARTIAL);
  EXPECT_EQ(c.roll_forward_point, L"lsn:99");
  EXPECT_EQ(c.restore_name, L"Archive-Restored");
  EXPECT_EQ(c.pre_restore_failure_msg, L"");  // Present, empty.
  EXPECT_FALSE(c.post_restore_failure_msg.has_value());
  EXPECT_EQ(c.backup_metadata, L"backup-private");
  EXPECT_EQ(c.restore_metadata, L"restore-private");
  ASSERT_EQ(c.partial_files.size(), 1u);
  EXPECT_EQ(c.partial_files[0].ranges, L"0:4096,0x10000:512");
  EXPECT_EQ(c.partial_files[0].effective_ranges(), L"R:\\staging\\archive.rng");
  EXPECT_EQ(c.restore_subcomponents,
            (std::vector<BcdRestoreSubcomponent>{
                {L"Mailboxes\\Archive", L"2019", false}}));
  ASSERT_EQ(c.directed_targets.size(), 1u);
  EXPECT_EQ(c.directed_targets[0].destination_filename, L"archive-new.edb");
  EXPECT_EQ(c.new_targets,
            (std::vector<FileSpec>{{L"D:\\Mail\\", L"*.log", false,
                                    L"F:\\Logs\\", kDefaultBackupTypeMask}}));
  EXPECT_EQ(c.alternate_location_mappings[0].alternate_location, L"G:\\Alt\\");
  EXPECT_EQ(c.failure, (BcdComponentFailure{VSS_E_WRITERERROR_RETRYABLE,
                                            E_ACCESSDENIED, L"locked", 0}));
  // And it survives our own save.
  BackupComponentsDocument again;
  Bstr saved(SaveBcd(doc));
  ASSERT_EQ(LoadBcd(saved.get(), &again, &error), S_OK) << error;
  EXPECT_EQ(again, doc);
}

}  // namespace
}  // namespace vssemu::metadata
