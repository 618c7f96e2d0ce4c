// IVssCreateWriterMetadata(Ex): the documented argument checks, and that a
// rejected call leaves the document unchanged.
#include "metadata/wmd_create.h"

#include <gtest/gtest.h>
#include <vsbackup.h>
#include <vswriter.h>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "wmd_test_util.h"

namespace vssemu::metadata {
namespace {

using wmd_test::kOtherWriterId;
using wmd_test::kWriterId;

class WmdCreateTest : public ::testing::Test {
 protected:
  WmdCreateTest()
      : creator_(com::MakeComObject<WriterMetadataCreator>(
            WriterIdentity{kWriterId, GUID_NULL, L"Test Writer", std::nullopt,
                           VSS_UT_USERDATA, VSS_ST_OTHER, 1, 0})) {}

  IVssCreateWriterMetadataEx* md() { return creator_.get(); }
  const WriterMetadata& model() { return creator_->model(); }

  HRESULT AddGroup(LPCWSTR path, LPCWSTR name) {
    return md()->AddComponent(VSS_CT_FILEGROUP, path, name, nullptr, nullptr, 0,
                              false, false, true);
  }
  HRESULT AddDatabase(LPCWSTR path, LPCWSTR name) {
    return md()->AddComponent(VSS_CT_DATABASE, path, name, nullptr, nullptr, 0,
                              false, false, true);
  }

  com::ComPtr<WriterMetadataCreator> creator_;
};

TEST(WmdCreate, ExpectedComponentsAreDescribedWithoutMovingAny) {
  // Made with room for the components the writer described last time,
  // the document holds that many without moving those already described.
  auto creator = com::MakeComObject<WriterMetadataCreator>(
      WriterIdentity{kWriterId, GUID_NULL, L"Test Writer", std::nullopt,
                     VSS_UT_USERDATA, VSS_ST_OTHER, 1, 0},
      12);
  IVssCreateWriterMetadataEx* md = creator.get();
  ASSERT_EQ(md->AddComponent(VSS_CT_FILEGROUP, nullptr, L"c0", nullptr, nullptr,
                             0, false, false, true),
            S_OK);
  const Component* first = &creator->model().components[0];
  for (int i = 1; i < 12; ++i) {
    const std::wstring name = L"c" + std::to_wstring(i);
    ASSERT_EQ(md->AddComponent(VSS_CT_FILEGROUP, nullptr, name.c_str(), nullptr,
                               nullptr, 0, false, false, true),
              S_OK);
  }
  EXPECT_EQ(&creator->model().components[0], first);
  EXPECT_EQ(creator->model().components.size(), 12u);
  EXPECT_EQ(creator->model().components[11].name, L"c11");
}

TEST_F(WmdCreateTest, AddComponentStoresEveryArgument) {
  const BYTE icon[] = {1, 2, 3, 0, 255};
  ASSERT_EQ(md()->AddComponent(VSS_CT_FILEGROUP, L"Apps\\Data", L"Config",
                               L"Configuration \\ files", icon, sizeof(icon),
                               true, true, true, true, VSS_CF_NOT_SYSTEM_STATE),
            S_OK);
  ASSERT_EQ(model().components.size(), 1u);
  const Component& c = model().components[0];
  EXPECT_EQ(c.type, VSS_CT_FILEGROUP);
  EXPECT_EQ(c.logical_path, L"Apps\\Data");
  EXPECT_EQ(c.name, L"Config");
  EXPECT_EQ(c.caption, L"Configuration \\ files");
  EXPECT_EQ(c.icon, std::vector<BYTE>(icon, icon + sizeof(icon)));
  EXPECT_TRUE(c.restore_metadata);
  EXPECT_TRUE(c.notify_on_backup_complete);
  EXPECT_TRUE(c.selectable);
  EXPECT_TRUE(c.selectable_for_restore);
  EXPECT_EQ(c.component_flags, static_cast<DWORD>(VSS_CF_NOT_SYSTEM_STATE));
}

TEST_F(WmdCreateTest, AddComponentDefaultsMatchTheSdkSignature) {
  // Called through the plain IVssCreateWriterMetadata, with the defaulted
  // trailing arguments, as a writer written for the SDK would.
  IVssCreateWriterMetadata* plain = creator_.get();
  ASSERT_EQ(plain->AddComponent(VSS_CT_DATABASE, nullptr, L"Db", nullptr,
                                nullptr, 0, false, false, true),
            S_OK);
  const Component& c = model().components[0];
  EXPECT_FALSE(c.selectable_for_restore);
  EXPECT_EQ(c.component_flags, 0u);
  EXPECT_FALSE(c.caption.has_value());
  EXPECT_TRUE(c.icon.empty());
}

TEST_F(WmdCreateTest, AddComponentRejectsBackslashInName) {
  EXPECT_EQ(AddGroup(L"", L"Bad\\Name"), E_INVALIDARG);
  EXPECT_TRUE(model().components.empty());
}

TEST_F(WmdCreateTest, AddComponentRejectsNullOrEmptyName) {
  EXPECT_EQ(AddGroup(L"", nullptr), E_INVALIDARG);
  EXPECT_EQ(AddGroup(L"", L""), E_INVALIDARG);
  EXPECT_TRUE(model().components.empty());
}

TEST_F(WmdCreateTest, AddComponentRejectsUndefinedAndOutOfRangeTypes) {
  EXPECT_EQ(md()->AddComponent(VSS_CT_UNDEFINED, nullptr, L"A", nullptr,
                               nullptr, 0, false, false, true),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddComponent(static_cast<VSS_COMPONENT_TYPE>(3), nullptr,
                               L"A", nullptr, nullptr, 0, false, false, true),
            E_INVALIDARG);
  EXPECT_TRUE(model().components.empty());
}

TEST_F(WmdCreateTest, AddComponentRejectsNullIconWithNonZeroSize) {
  EXPECT_EQ(md()->AddComponent(VSS_CT_FILEGROUP, nullptr, L"A", nullptr,
                               nullptr, 4, false, false, true),
            E_INVALIDARG);
  EXPECT_TRUE(model().components.empty());
}

TEST_F(WmdCreateTest, AddComponentRejectsDuplicatePathAndName) {
  ASSERT_EQ(AddGroup(L"Apps", L"Config"), S_OK);
  EXPECT_EQ(AddDatabase(L"Apps", L"Config"), VSS_E_OBJECT_ALREADY_EXISTS);
  // Same name under another path is a different component.
  EXPECT_EQ(AddGroup(L"Other", L"Config"), S_OK);
  EXPECT_EQ(model().components.size(), 2u);
}

TEST_F(WmdCreateTest, NullAndEmptyLogicalPathAreTheSameRoot) {
  ASSERT_EQ(AddGroup(nullptr, L"Root"), S_OK);
  EXPECT_EQ(model().components[0].logical_path, L"");
  EXPECT_EQ(AddGroup(L"", L"Root"), VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(md()->AddFilesToFileGroup(L"", L"Root", L"C:\\Data", L"*", false,
                                      nullptr),
            S_OK);
}

TEST_F(WmdCreateTest, AddFilesToFileGroupStoresTheFileSet) {
  ASSERT_EQ(AddGroup(nullptr, L"Group"), S_OK);
  ASSERT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", L"C:\\Data", L"*.dat",
                                      true, L"D:\\Staging", 0x101),
            S_OK);
  ASSERT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", L"C:\\Logs", L"*",
                                      false, nullptr),
            S_OK);
  const Component& c = model().components[0];
  ASSERT_EQ(c.files.size(), 2u);
  EXPECT_EQ(c.files[0],
            (FileSpec{L"C:\\Data", L"*.dat", true, L"D:\\Staging", 0x101}));
  EXPECT_EQ(c.files[1], (FileSpec{L"C:\\Logs", L"*", false, std::nullopt,
                                  kDefaultBackupTypeMask}));
}

TEST_F(WmdCreateTest, AddFilesToFileGroupChecksArguments) {
  ASSERT_EQ(AddGroup(nullptr, L"Group"), S_OK);
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, nullptr, L"C:\\", L"*", false,
                                      nullptr),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", nullptr, L"*", false,
                                      nullptr),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", L"C:\\", nullptr,
                                      false, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", L"C:\\", L"sub\\*.txt",
                                      false, nullptr),
            E_INVALIDARG);
  EXPECT_TRUE(model().components[0].files.empty());
}

TEST_F(WmdCreateTest, FilesForAnUndefinedComponentAreNotFound) {
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, L"Missing", L"C:\\", L"*", false,
                                      nullptr),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(md()->AddDatabaseFiles(nullptr, L"Missing", L"C:\\", L"a.mdf"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(md()->AddDatabaseLogFiles(nullptr, L"Missing", L"C:\\", L"a.ldf"),
            VSS_E_OBJECT_NOT_FOUND);
  // Defined, but under another logical path.
  ASSERT_EQ(AddGroup(L"Apps", L"Group"), S_OK);
  EXPECT_EQ(md()->AddFilesToFileGroup(nullptr, L"Group", L"C:\\", L"*", false,
                                      nullptr),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST_F(WmdCreateTest, AddFilesToFileGroupRejectsADatabaseComponent) {
  ASSERT_EQ(AddDatabase(nullptr, L"Db"), S_OK);
  EXPECT_EQ(
      md()->AddFilesToFileGroup(nullptr, L"Db", L"C:\\", L"*", false, nullptr),
      E_INVALIDARG);
  EXPECT_TRUE(model().components[0].files.empty());
}

TEST_F(WmdCreateTest, DatabaseFilesRejectAFileGroupComponent) {
  ASSERT_EQ(AddGroup(nullptr, L"Group"), S_OK);
  EXPECT_EQ(md()->AddDatabaseFiles(nullptr, L"Group", L"C:\\", L"a.mdf"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddDatabaseLogFiles(nullptr, L"Group", L"C:\\", L"a.ldf"),
            E_INVALIDARG);
  EXPECT_TRUE(model().components[0].database_files.empty());
  EXPECT_TRUE(model().components[0].database_log_files.empty());
}

TEST_F(WmdCreateTest, DatabaseFilesAreNeverRecursiveAndKeepTheirMask) {
  ASSERT_EQ(AddDatabase(L"Sql", L"Db"), S_OK);
  ASSERT_EQ(md()->AddDatabaseFiles(L"Sql", L"Db", L"C:\\Sql", L"db.mdf", 0x1),
            S_OK);
  ASSERT_EQ(md()->AddDatabaseLogFiles(L"Sql", L"Db", L"C:\\Sql", L"db.ldf"),
            S_OK);
  const Component& c = model().components[0];
  EXPECT_EQ(c.database_files,
            (std::vector<FileSpec>{{L"C:\\Sql", L"db.mdf", false, {}, 0x1}}));
  EXPECT_EQ(c.database_log_files,
            (std::vector<FileSpec>{
                {L"C:\\Sql", L"db.ldf", false, {}, kDefaultBackupTypeMask}}));
}

TEST_F(WmdCreateTest, DatabaseFilesCheckArguments) {
  ASSERT_EQ(AddDatabase(nullptr, L"Db"), S_OK);
  EXPECT_EQ(md()->AddDatabaseFiles(nullptr, nullptr, L"C:\\", L"a"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddDatabaseFiles(nullptr, L"Db", nullptr, L"a"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddDatabaseLogFiles(nullptr, L"Db", L"C:\\", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddDatabaseLogFiles(nullptr, L"Db", L"C:\\", L"x\\a.ldf"),
            E_INVALIDARG);
  EXPECT_TRUE(model().components[0].database_files.empty());
  EXPECT_TRUE(model().components[0].database_log_files.empty());
}

TEST_F(WmdCreateTest, ExcludeListsCheckArgumentsAndStoreRecursion) {
  EXPECT_EQ(md()->AddExcludeFiles(nullptr, L"*", false), E_INVALIDARG);
  EXPECT_EQ(md()->AddExcludeFiles(L"C:\\", nullptr, false), E_INVALIDARG);
  EXPECT_EQ(md()->AddExcludeFiles(L"C:\\", L"a\\b", false), E_INVALIDARG);
  EXPECT_EQ(md()->AddExcludeFilesFromSnapshot(nullptr, L"*", true),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddExcludeFilesFromSnapshot(L"C:\\", L"t\\*", true),
            E_INVALIDARG);
  EXPECT_TRUE(model().exclude_files.empty());
  EXPECT_TRUE(model().exclude_from_snapshot_files.empty());
  ASSERT_EQ(md()->AddExcludeFiles(L"C:\\Temp", L"*.tmp", true), S_OK);
  ASSERT_EQ(md()->AddExcludeFilesFromSnapshot(L"C:\\Cache", L"*", false), S_OK);
  EXPECT_TRUE(model().exclude_files.at(0).recursive);
  EXPECT_EQ(model().exclude_from_snapshot_files.at(0).path, L"C:\\Cache");
}

TEST_F(WmdCreateTest, AddIncludeFilesIsNotSupported) {
  EXPECT_EQ(md()->AddIncludeFiles(L"C:\\", L"*", false, nullptr), E_NOTIMPL);
  EXPECT_TRUE(model().include_files.empty());
}

TEST_F(WmdCreateTest, SetRestoreMethodAcceptsEveryDefinedValue) {
  for (int m = VSS_RME_UNDEFINED; m <= VSS_RME_RESTORE_STOP_START; ++m) {
    for (int w = VSS_WRE_UNDEFINED; w <= VSS_WRE_ALWAYS; ++w) {
      EXPECT_EQ(md()->SetRestoreMethod(
                    static_cast<VSS_RESTOREMETHOD_ENUM>(m), nullptr, nullptr,
                    static_cast<VSS_WRITERRESTORE_ENUM>(w), false),
                S_OK)
          << m << "/" << w;
    }
  }
  ASSERT_EQ(md()->SetRestoreMethod(VSS_RME_STOP_RESTORE_START, L"MySvc",
                                   L"proc", VSS_WRE_IF_REPLACE_FAILS, true),
            S_OK);
  EXPECT_EQ(model().restore_method,
            (RestoreMethod{VSS_RME_STOP_RESTORE_START, L"MySvc", L"proc",
                           VSS_WRE_IF_REPLACE_FAILS, true}));
}

TEST_F(WmdCreateTest, SetRestoreMethodRejectsOutOfRangeValues) {
  ASSERT_EQ(md()->SetRestoreMethod(VSS_RME_CUSTOM, nullptr, nullptr,
                                   VSS_WRE_ALWAYS, false),
            S_OK);
  EXPECT_EQ(md()->SetRestoreMethod(static_cast<VSS_RESTOREMETHOD_ENUM>(9),
                                   nullptr, nullptr, VSS_WRE_ALWAYS, false),
            E_INVALIDARG);
  EXPECT_EQ(md()->SetRestoreMethod(static_cast<VSS_RESTOREMETHOD_ENUM>(-1),
                                   nullptr, nullptr, VSS_WRE_ALWAYS, false),
            E_INVALIDARG);
  EXPECT_EQ(
      md()->SetRestoreMethod(VSS_RME_CUSTOM, nullptr, nullptr,
                             static_cast<VSS_WRITERRESTORE_ENUM>(4), true),
      E_INVALIDARG);
  // The rejected calls changed nothing.
  EXPECT_EQ(model().restore_method,
            (RestoreMethod{VSS_RME_CUSTOM, {}, {}, VSS_WRE_ALWAYS, false}));
}

TEST_F(WmdCreateTest, AddAlternateLocationMappingChecksArguments) {
  EXPECT_EQ(md()->AddAlternateLocationMapping(nullptr, L"*", false, L"D:\\"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddAlternateLocationMapping(L"C:\\", nullptr, false, L"D:\\"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddAlternateLocationMapping(L"C:\\", L"*", false, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddAlternateLocationMapping(L"C:\\", L"a\\*", false, L"D:\\"),
            E_INVALIDARG);
  EXPECT_TRUE(model().alternate_location_mappings.empty());
  ASSERT_EQ(md()->AddAlternateLocationMapping(L"C:\\Db", L"*.mdf", true,
                                              L"E:\\Restore"),
            S_OK);
  EXPECT_EQ(model().alternate_location_mappings.at(0),
            (FileSpec{L"C:\\Db", L"*.mdf", true, L"E:\\Restore",
                      kDefaultBackupTypeMask}));
}

TEST_F(WmdCreateTest, AddComponentDependencyStoresTheTarget) {
  ASSERT_EQ(AddGroup(L"Apps", L"Config"), S_OK);
  ASSERT_EQ(md()->AddComponentDependency(L"Apps", L"Config", kOtherWriterId,
                                         L"\\\\host\\Sql", L"Master"),
            S_OK);
  ASSERT_EQ(md()->AddComponentDependency(L"Apps", L"Config", kOtherWriterId,
                                         nullptr, L"Root"),
            S_OK);
  const auto& deps = model().components[0].dependencies;
  ASSERT_EQ(deps.size(), 2u);
  EXPECT_EQ(deps[0],
            (ComponentDependency{kOtherWriterId, L"\\\\host\\Sql", L"Master"}));
  EXPECT_EQ(deps[1].logical_path, L"");
}

TEST_F(WmdCreateTest, AddComponentDependencyChecksArguments) {
  ASSERT_EQ(AddGroup(nullptr, L"Config"), S_OK);
  EXPECT_EQ(md()->AddComponentDependency(nullptr, nullptr, kOtherWriterId,
                                         nullptr, L"X"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddComponentDependency(nullptr, L"Config", kOtherWriterId,
                                         nullptr, nullptr),
            E_INVALIDARG);
  // A dependency inside one writer is expressed with logical paths instead.
  EXPECT_EQ(md()->AddComponentDependency(nullptr, L"Config", kWriterId, nullptr,
                                         L"X"),
            E_INVALIDARG);
  EXPECT_EQ(md()->AddComponentDependency(L"Nowhere", L"Config", kOtherWriterId,
                                         nullptr, L"X"),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_TRUE(model().components[0].dependencies.empty());
}

TEST_F(WmdCreateTest, SetBackupSchemaStoresTheMask) {
  ASSERT_EQ(md()->SetBackupSchema(VSS_BS_DIFFERENTIAL | VSS_BS_COPY), S_OK);
  EXPECT_EQ(model().backup_schema,
            static_cast<DWORD>(VSS_BS_DIFFERENTIAL | VSS_BS_COPY));
}

TEST_F(WmdCreateTest, GetDocumentIsNotImplementedAndClearsTheOutPointer) {
  IXMLDOMDocument* doc = reinterpret_cast<IXMLDOMDocument*>(0x1);
  EXPECT_EQ(md()->GetDocument(&doc), E_NOTIMPL);
  EXPECT_EQ(doc, nullptr);
  EXPECT_EQ(md()->GetDocument(nullptr), E_NOTIMPL);
}

TEST_F(WmdCreateTest, SaveAsXmlWritesTheDocumentAndRejectsNull) {
  ASSERT_EQ(AddGroup(nullptr, L"Group"), S_OK);
  EXPECT_EQ(md()->SaveAsXML(nullptr), E_INVALIDARG);
  com::Bstr xml;
  ASSERT_EQ(md()->SaveAsXML(xml.put()), S_OK);
  EXPECT_NE(xml.str().find(L"<WRITER_METADATA"), std::wstring::npos);
  EXPECT_NE(xml.str().find(L"componentName=\"Group\""), std::wstring::npos);
  EXPECT_NE(xml.str().find(L"friendlyName=\"Test Writer\""),
            std::wstring::npos);
}

TEST_F(WmdCreateTest, QueryInterfaceAnswersTheExInterfaceAndIUnknown) {
  com::ComPtr<IVssCreateWriterMetadataEx> ex;
  ASSERT_EQ(creator_.As(&ex), S_OK);
  EXPECT_EQ(ex.get(), md());
  IUnknown* unknown = nullptr;
  ASSERT_EQ(
      md()->QueryInterface(IID_IUnknown, reinterpret_cast<void**>(&unknown)),
      S_OK);
  EXPECT_NE(unknown, nullptr);
  unknown->Release();
}

TEST_F(WmdCreateTest, TakeMovesTheModelOut) {
  ASSERT_EQ(AddGroup(nullptr, L"Group"), S_OK);
  WriterMetadata taken = creator_->Take();
  EXPECT_EQ(taken.components.size(), 1u);
  EXPECT_EQ(taken.identity.writer_name, L"Test Writer");
  EXPECT_TRUE(model().components.empty());
}

}  // namespace
}  // namespace vssemu::metadata
