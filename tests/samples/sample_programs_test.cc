// Microsoft-style writer and requester code compiles unchanged against the
// SDK mirror, links against vssemu and runs against the emulated service.
#include <gtest/gtest.h>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "fixtures/samples/sample_requester.h"
#include "fixtures/samples/sample_writer.h"
#include "metadata/wmd_create.h"
#include <vssemu/emulator.h>

namespace vssemu::samples {
namespace {

TEST(SamplePrograms, WriterInitializesAndSubscribesOnce) {
  Emulator emulator;
  SampleWriter writer;
  EXPECT_EQ(writer.Initialize(), S_OK);
  EXPECT_EQ(writer.Subscribe(), S_OK);
  EXPECT_EQ(writer.Subscribe(), VSS_E_WRITER_ALREADY_SUBSCRIBED);
  EXPECT_EQ(writer.Initialize(), E_FAIL);  // Already initialized.
}

// The whole discovery of a Microsoft-style requester against a
// Microsoft-style writer, both unmodified, through the emulated service.
TEST(SamplePrograms, RequesterDiscoversTheSampleWriter) {
  Emulator emulator;
  SampleWriter writer;
  ASSERT_EQ(writer.Initialize(), S_OK);
  ASSERT_EQ(writer.Subscribe(), S_OK);
  std::wstring out;
  ASSERT_EQ(DiscoverWriters(&out), S_OK);
  EXPECT_NE(out.find(L"writer \"vssemu sample writer\" class "
                     L"{5E6E7F10-8A5B-4C3D-9E2F-1A2B3C4D5E6F} instance {"),
            std::wstring::npos)
      << std::string(out.begin(), out.end());
  EXPECT_NE(out.find(L"  component database \\Databases\\Orders \"Orders "
                     L"database\" selectable selectable-for-restore\n"
                     L"    database C:\\Db\\orders.mdf mask 0xF0F\n"),
            std::wstring::npos);
  EXPECT_EQ(DiscoverWriters(nullptr), E_INVALIDARG);
}

TEST(SamplePrograms, RequesterFindsNoWriterWhenNoneSubscribed) {
  Emulator emulator;
  SampleWriter writer;
  ASSERT_EQ(writer.Initialize(), S_OK);  // Initialized, never subscribed.
  std::wstring out;
  ASSERT_EQ(DiscoverWriters(&out), S_OK);
  EXPECT_TRUE(out.empty());
}

// The writer's OnIdentify fills the emulator's IVssCreateWriterMetadata, the
// document travels as XML (as it does to backup media), and the requester
// walks it through CreateVssExamineWriterMetadata exactly as it would walk
// live metadata.
TEST(SamplePrograms, RequesterReadsTheMetadataTheWriterDescribed) {
  metadata::WriterIdentity identity;
  identity.writer_id = SampleWriter::kWriterId;
  identity.instance_id = {0x11111111, 0x2222, 0x3333,
                          {0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55}};
  identity.writer_name = SampleWriter::kWriterName;
  identity.usage = VSS_UT_USERDATA;
  identity.source = VSS_ST_OTHER;
  com::ComPtr<metadata::WriterMetadataCreator> creator =
      com::MakeComObject<metadata::WriterMetadataCreator>(identity);

  SampleWriter writer;
  ASSERT_TRUE(writer.OnIdentify(
      static_cast<IVssCreateWriterMetadata*>(creator.get())));

  com::Bstr xml;
  ASSERT_EQ(creator->SaveAsXML(xml.put()), S_OK);
  IVssExamineWriterMetadata* examine = nullptr;
  ASSERT_EQ(CreateVssExamineWriterMetadata(xml.get(), &examine), S_OK);
  std::wstring description;
  EXPECT_EQ(DescribeWriterMetadata(examine, &description), S_OK);
  examine->Release();

  EXPECT_EQ(description,
            L"writer \"vssemu sample writer\" class "
            L"{5E6E7F10-8A5B-4C3D-9E2F-1A2B3C4D5E6F} instance "
            L"{11111111-2222-3333-4444-555555555555}\n"
            L"  usage USER_DATA, source OTHER\n"
            L"  restore method RESTORE_IF_CAN_REPLACE, writer restore ALWAYS, "
            L"0 mapping(s)\n"
            L"    exclude C:\\SampleData\\*.tmp (recursive) mask 0xF0F\n"
            L"  component filegroup \\SampleFiles \"Sample data files\" "
            L"selectable\n"
            L"    file C:\\SampleData\\* (recursive) mask 0xF0F\n"
            L"  component database \\Databases\\Orders \"Orders database\" "
            L"selectable selectable-for-restore\n"
            L"    database C:\\Db\\orders.mdf mask 0xF0F\n"
            L"    log C:\\Db\\Logs\\orders_*.ldf mask 0xF0F\n");
}

TEST(SamplePrograms, CreateVssExamineWriterMetadataRejectsBadDocuments) {
  IVssExamineWriterMetadata* examine = reinterpret_cast<IVssExamineWriterMetadata*>(1);
  com::Bstr broken(L"<WRITER_METADATA><IDENTIFICATION");
  EXPECT_EQ(CreateVssExamineWriterMetadata(broken.get(), &examine),
            VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(examine, nullptr);
  EXPECT_EQ(CreateVssExamineWriterMetadata(broken.get(), nullptr), E_INVALIDARG);
}

}  // namespace
}  // namespace vssemu::samples
