// IVssExamineWriterMetadataEx2, IVssWMComponent and IVssWMDependency: NULL
// out-pointers, out-of-range indexes, QueryInterface, component info
// allocation, LoadFromXML and CreateExamineWriterMetadata failures.
#include "metadata/wmd_examine.h"

#include <gtest/gtest.h>
#include <vsbackup.h>

#include <memory>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "com/live_objects.h"
#include "metadata/wmd_component_view.h"
#include "metadata/wmd_xml.h"
#include "wmd_test_util.h"

namespace vssemu::metadata {
namespace {

using wmd_test::kWriterId;

WriterMetadata SmallDocument() {
  WriterMetadata m;
  m.identity = {kWriterId,       kWriterId,    L"Small", std::nullopt,
                VSS_UT_USERDATA, VSS_ST_OTHER, 0,        0};
  Component group;
  group.name = L"Group";
  group.files.push_back({L"C:\\Data", L"*", true, std::nullopt, 0xF0F});
  group.dependencies.push_back({kWriterId, L"", L"Other"});
  m.components.push_back(group);
  m.exclude_files.push_back({L"C:\\Data\\tmp", L"*", true, {}, 0xF0F});
  m.exclude_from_snapshot_files.push_back(
      {L"C:\\Cache", L"*", false, {}, 0xF0F});
  m.alternate_location_mappings.push_back(
      {L"C:\\Data", L"*", true, L"D:\\Alt", 0xF0F});
  return m;
}

class WmdExamineTest : public ::testing::Test {
 protected:
  WmdExamineTest()
      : examine_(MakeExamineWriterMetadata(
            std::make_shared<const WriterMetadata>(SmallDocument()))) {}

  com::ComPtr<ExamineWriterMetadata> examine_;
};

TEST_F(WmdExamineTest, QueryInterfaceAnswersAllThreeExamineInterfaces) {
  com::ComPtr<IVssExamineWriterMetadata> base;
  com::ComPtr<IVssExamineWriterMetadataEx> ex;
  com::ComPtr<IVssExamineWriterMetadataEx2> ex2;
  ASSERT_EQ(examine_.As(&base), S_OK);
  ASSERT_EQ(base.As(&ex), S_OK);
  ASSERT_EQ(ex.As(&ex2), S_OK);
  EXPECT_EQ(static_cast<IVssExamineWriterMetadata*>(ex2.get()), base.get());
  com::ComPtr<IVssBackupComponents> wrong;
  EXPECT_EQ(base.As(&wrong), E_NOINTERFACE);
}

TEST_F(WmdExamineTest, NullOutPointersAreInvalidArguments) {
  VSS_ID id{};
  com::Bstr name;
  VSS_USAGE_TYPE usage{};
  VSS_SOURCE_TYPE source{};
  UINT count = 0;
  DWORD dword = 0;
  bool flag = false;
  VSS_RESTOREMETHOD_ENUM method{};
  VSS_WRITERRESTORE_ENUM writer_restore{};
  EXPECT_EQ(examine_->GetIdentity(nullptr, &id, name.put(), &usage, &source),
            E_INVALIDARG);
  EXPECT_EQ(examine_->GetIdentity(&id, &id, nullptr, &usage, &source),
            E_INVALIDARG);
  EXPECT_EQ(examine_->GetIdentity(&id, &id, name.put(), &usage, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(
      examine_->GetIdentityEx(&id, &id, name.put(), nullptr, &usage, &source),
      E_INVALIDARG);
  EXPECT_EQ(name.get(), nullptr);  // Nothing allocated on failure.
  EXPECT_EQ(examine_->GetFileCounts(&count, nullptr, &count), E_INVALIDARG);
  EXPECT_EQ(examine_->GetRestoreMethod(&method, nullptr, nullptr,
                                       &writer_restore, &flag, &count),
            E_INVALIDARG);
  EXPECT_EQ(examine_->GetBackupSchema(nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetVersion(&dword, nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetExcludeFromSnapshotCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->SaveAsXML(nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetComponent(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetExcludeFile(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetIncludeFile(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetAlternateLocationMapping(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(examine_->GetExcludeFromSnapshotFile(0, nullptr), E_INVALIDARG);
}

TEST_F(WmdExamineTest, OutOfRangeIndexesFollowEachMethodPage) {
  com::ComPtr<IVssWMComponent> component;
  com::ComPtr<IVssWMFiledesc> file;
  EXPECT_EQ(examine_->GetComponent(1, component.put()), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(component.get(), nullptr);
  EXPECT_EQ(examine_->GetExcludeFile(1, file.put()), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(examine_->GetIncludeFile(0, file.put()), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(examine_->GetAlternateLocationMapping(1, file.put()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(examine_->GetExcludeFromSnapshotFile(1, file.put()), E_INVALIDARG);
  EXPECT_EQ(examine_->GetExcludeFromSnapshotFile(0xFFFFFFFFu, file.put()),
            E_INVALIDARG);
  EXPECT_EQ(file.get(), nullptr);
  // In range works.
  ASSERT_EQ(examine_->GetExcludeFromSnapshotFile(0, file.put()), S_OK);
  com::Bstr path;
  ASSERT_EQ(file->GetPath(path.put()), S_OK);
  EXPECT_EQ(path.view(), L"C:\\Cache");
}

TEST_F(WmdExamineTest, ComponentViewChecksIndexesAndOutPointers) {
  com::ComPtr<IVssWMComponent> component;
  ASSERT_EQ(examine_->GetComponent(0, component.put()), S_OK);
  com::ComPtr<IVssWMFiledesc> file;
  com::ComPtr<IVssWMDependency> dependency;
  EXPECT_EQ(component->GetFile(1, file.put()), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(component->GetDatabaseFile(0, file.put()), VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(component->GetDatabaseLogFile(0, file.put()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(component->GetDependency(1, dependency.put()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(component->GetFile(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(component->GetDependency(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(component->GetComponentInfo(nullptr), E_INVALIDARG);
  ASSERT_EQ(component->GetDependency(0, dependency.put()), S_OK);
  EXPECT_EQ(dependency->GetWriterId(nullptr), E_INVALIDARG);
  EXPECT_EQ(dependency->GetLogicalPath(nullptr), E_INVALIDARG);
  EXPECT_EQ(dependency->GetComponentName(nullptr), E_INVALIDARG);
  com::Bstr path(L"not cleared");
  ASSERT_EQ(dependency->GetLogicalPath(path.put()), S_OK);
  EXPECT_EQ(path.get(), nullptr);  // Root target.
}

TEST_F(WmdExamineTest, ComponentInfoIsAllocatedAndFreedExactlyOnce) {
  long infos_before = LiveComponentInfoCount();
  std::optional<long> bstrs_before = com::LiveBstrCount();
  com::ComPtr<IVssWMComponent> component;
  ASSERT_EQ(examine_->GetComponent(0, component.put()), S_OK);
  PVSSCOMPONENTINFO first = nullptr;
  PVSSCOMPONENTINFO second = nullptr;
  ASSERT_EQ(component->GetComponentInfo(&first), S_OK);
  ASSERT_EQ(component->GetComponentInfo(&second), S_OK);
  EXPECT_NE(first, second);
  EXPECT_EQ(LiveComponentInfoCount(), infos_before + 2);
  if (bstrs_before) {
    // Name only: the root path and the absent caption are NULL.
    EXPECT_EQ(*com::LiveBstrCount(), *bstrs_before + 2);
  }
  EXPECT_EQ(com::BstrView(first->bstrComponentName), L"Group");
  EXPECT_EQ(first->cFileCount, 1u);
  EXPECT_EQ(first->cDependencies, 1u);
  ASSERT_EQ(component->FreeComponentInfo(first), S_OK);
  // Freed through another view of the same component.
  com::ComPtr<IVssWMComponent> other;
  ASSERT_EQ(examine_->GetComponent(0, other.put()), S_OK);
  ASSERT_EQ(other->FreeComponentInfo(second), S_OK);
  EXPECT_EQ(LiveComponentInfoCount(), infos_before);
  if (bstrs_before) {
    EXPECT_EQ(*com::LiveBstrCount(), *bstrs_before);
  }
}

TEST_F(WmdExamineTest, FreeComponentInfoRefusesForeignNullAndDoubleFrees) {
  com::ComPtr<IVssWMComponent> component;
  ASSERT_EQ(examine_->GetComponent(0, component.put()), S_OK);
  EXPECT_EQ(component->FreeComponentInfo(nullptr), E_INVALIDARG);
  VSS_COMPONENTINFO foreign{};
  EXPECT_EQ(component->FreeComponentInfo(&foreign), E_INVALIDARG);
  PVSSCOMPONENTINFO info = nullptr;
  ASSERT_EQ(component->GetComponentInfo(&info), S_OK);
  ASSERT_EQ(component->FreeComponentInfo(info), S_OK);
  EXPECT_EQ(component->FreeComponentInfo(info), E_INVALIDARG);
}

TEST_F(WmdExamineTest, ComponentViewOutlivesTheExamineObject) {
  com::ComPtr<IVssWMComponent> component;
  ASSERT_EQ(examine_->GetComponent(0, component.put()), S_OK);
  examine_.reset();
  PVSSCOMPONENTINFO info = nullptr;
  ASSERT_EQ(component->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(com::BstrView(info->bstrComponentName), L"Group");
  ASSERT_EQ(component->FreeComponentInfo(info), S_OK);
}

TEST_F(WmdExamineTest, GetDocumentIsNotImplemented) {
  IXMLDOMDocument* doc = reinterpret_cast<IXMLDOMDocument*>(0x1);
  EXPECT_EQ(examine_->GetDocument(&doc), E_NOTIMPL);
  EXPECT_EQ(doc, nullptr);
}

TEST_F(WmdExamineTest, LoadFromXmlReplacesTheDocumentOnlyOnSuccess) {
  WriterMetadata other = SmallDocument();
  other.identity.writer_name = L"Replaced";
  com::Bstr good(SerializeWriterMetadata(other));
  com::Bstr bad(L"<WRITER_METADATA><IDENTIFICATION/></WRITER_METADATA>");
  EXPECT_EQ(examine_->LoadFromXML(bad.get()), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(examine_->LoadFromXML(nullptr), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(examine_->metadata()->identity.writer_name, L"Small");
  ASSERT_EQ(examine_->LoadFromXML(good.get()), S_OK);
  EXPECT_EQ(*examine_->metadata(), other);
}

TEST(WmdCreateExamine, NullOutPointerIsAnInvalidArgument) {
  com::Bstr xml(SerializeWriterMetadata(SmallDocument()));
  EXPECT_EQ(CreateExamineWriterMetadata(xml.get(), nullptr), E_INVALIDARG);
  EXPECT_EQ(CreateVssExamineWriterMetadata(xml.get(), nullptr), E_INVALIDARG);
}

TEST(WmdCreateExamine, BadDocumentsAreInvalidXmlAndLeaveNoObject) {
  const wchar_t* const kBad[] = {
      L"",
      L"<WRITER_METADATA><IDENTIFICATION",  // Malformed.
      L"<BACKUP_COMPONENTS/>",              // Wrong root.
      L"<WRITER_METADATA/>",                // No IDENTIFICATION.
      L"<WRITER_METADATA><IDENTIFICATION writerId=\"not-a-guid\" "
      L"instanceId=\"5affb034-969f-4919-8875-88f830d0ef89\" friendlyName=\"W\" "
      L"usage=\"USER_DATA\" dataSource=\"OTHER\"/></WRITER_METADATA>",
      L"<WRITER_METADATA><IDENTIFICATION "
      L"writerId=\"5affb034-969f-4919-8875-88f830d0ef89\" "
      L"instanceId=\"5affb034-969f-4919-8875-88f830d0ef89\" friendlyName=\"W\" "
      L"usage=\"SOMETIMES\" dataSource=\"OTHER\"/></WRITER_METADATA>",
  };
  for (const wchar_t* text : kBad) {
    com::Bstr xml(text);
    IVssExamineWriterMetadata* out =
        reinterpret_cast<IVssExamineWriterMetadata*>(0x1);
    std::string error;
    EXPECT_EQ(CreateExamineWriterMetadata(xml.get(), &out, &error),
              VSS_E_INVALID_XML_DOCUMENT)
        << "accepted: " << com::BstrView(xml.get()).size();
    EXPECT_EQ(out, nullptr);
    EXPECT_FALSE(error.empty());
    // The SDK entry point behaves the same.
    out = reinterpret_cast<IVssExamineWriterMetadata*>(0x1);
    EXPECT_EQ(CreateVssExamineWriterMetadata(xml.get(), &out),
              VSS_E_INVALID_XML_DOCUMENT);
    EXPECT_EQ(out, nullptr);
  }
  IVssExamineWriterMetadata* out =
      reinterpret_cast<IVssExamineWriterMetadata*>(0x1);
  EXPECT_EQ(CreateVssExamineWriterMetadata(nullptr, &out),
            VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(out, nullptr);
}

TEST(WmdCreateExamine, SdkEntryPointLoadsAGoodDocument) {
  com::Bstr xml(SerializeWriterMetadata(SmallDocument()));
  com::ComPtr<IVssExamineWriterMetadata> examine;
  ASSERT_EQ(CreateVssExamineWriterMetadata(xml.get(), examine.put()), S_OK);
  UINT includes = 0, excludes = 0, components = 0;
  ASSERT_EQ(examine->GetFileCounts(&includes, &excludes, &components), S_OK);
  EXPECT_EQ(components, 1u);
  EXPECT_EQ(excludes, 1u);
}

}  // namespace
}  // namespace vssemu::metadata
