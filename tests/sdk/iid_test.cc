// __uuidof and the IID_ constants of the SDK mirror headers, and the layout
// facts that code written for Windows relies on: the documented fields of
// VSS_COMPONENTINFO and VSS_SNAPSHOT_PROP, and 32-bit LONG, HRESULT, DWORD.
#include <gtest/gtest.h>
#include <vsbackup.h>
#include <vss.h>
#include <vswriter.h>

#include <set>
#include <string>
#include <type_traits>

#include "com/guid_format.h"

namespace {

// Compares two IIDs and prints both in braced form when they differ.
::testing::AssertionResult SameIid(const IID& actual, const IID& expected) {
  if (IsEqualGUID(actual, expected)) return ::testing::AssertionSuccess();
  using vssemu::com::FormatGuid;
  using vssemu::com::GuidStyle;
  return ::testing::AssertionFailure()
         << FormatGuid(actual, GuidStyle::kBracedUpper) << " instead of "
         << FormatGuid(expected, GuidStyle::kBracedUpper);
}

TEST(Iid, UuidofTakesATypeAPointerTypeOrAnExpression) {
  EXPECT_TRUE(SameIid(__uuidof(IVssAsync), IID_IVssAsync));
  EXPECT_TRUE(SameIid(__uuidof(IVssAsync*), IID_IVssAsync));

  IVssAsync* async = nullptr;
  EXPECT_TRUE(SameIid(__uuidof(async), IID_IVssAsync));
  EXPECT_TRUE(SameIid(__uuidof(*async), IID_IVssAsync));  // Not evaluated.

  const IVssBackupComponentsEx4* backup = nullptr;
  EXPECT_TRUE(SameIid(__uuidof(backup), IID_IVssBackupComponentsEx4));
  IVssComponentEx2** out = nullptr;
  EXPECT_TRUE(SameIid(__uuidof(*out), IID_IVssComponentEx2));

  EXPECT_TRUE(SameIid(__uuidof(IUnknown), IID_IUnknown));
}

TEST(Iid, ConstantsEqualUuidof) {
#define VSSEMU_EXPECT_IID(itf) \
  EXPECT_TRUE(SameIid(IID_##itf, __uuidof(itf))) << #itf
  VSSEMU_EXPECT_IID(IVssEnumObject);
  VSSEMU_EXPECT_IID(IVssAsync);
  VSSEMU_EXPECT_IID(IVssComponent);
  VSSEMU_EXPECT_IID(IVssComponentEx);
  VSSEMU_EXPECT_IID(IVssComponentEx2);
  VSSEMU_EXPECT_IID(IVssCreateWriterMetadataEx);
  VSSEMU_EXPECT_IID(IVssExamineWriterMetadata);
  VSSEMU_EXPECT_IID(IVssExamineWriterMetadataEx);
  VSSEMU_EXPECT_IID(IVssExamineWriterMetadataEx2);
  VSSEMU_EXPECT_IID(IVssBackupComponents);
  VSSEMU_EXPECT_IID(IVssBackupComponentsEx);
  VSSEMU_EXPECT_IID(IVssBackupComponentsEx2);
  VSSEMU_EXPECT_IID(IVssBackupComponentsEx3);
  VSSEMU_EXPECT_IID(IVssBackupComponentsEx4);
#undef VSSEMU_EXPECT_IID
}

TEST(Iid, EveryInterfaceHasItsOwnIid) {
  const IID iids[] = {IID_IUnknown,
                      IID_IVssEnumObject,
                      IID_IVssAsync,
                      IID_IVssComponent,
                      IID_IVssComponentEx,
                      IID_IVssComponentEx2,
                      IID_IVssCreateWriterMetadataEx,
                      IID_IVssExamineWriterMetadata,
                      IID_IVssExamineWriterMetadataEx,
                      IID_IVssExamineWriterMetadataEx2,
                      IID_IVssBackupComponents,
                      IID_IVssBackupComponentsEx,
                      IID_IVssBackupComponentsEx2,
                      IID_IVssBackupComponentsEx3,
                      IID_IVssBackupComponentsEx4};
  std::set<std::string> seen;
  for (const IID& iid : iids) {
    EXPECT_TRUE(seen.insert(vssemu::com::FormatGuid(iid)).second)
        << vssemu::com::FormatGuid(iid);
  }
}

TEST(Iid, MatchesTheDocumentedText) {
  // Two spot checks against the text of the documentation pages; the MinGW
  // comparison (mingw_values_test.cc) covers all of them where installed.
  EXPECT_TRUE(SameIid(IID_IVssBackupComponents,
                      *vssemu::com::ParseGuid(std::string_view(
                          "665c1d5f-c218-414d-a05d-7fef5f9d5c86"))));
  EXPECT_TRUE(
      SameIid(IID_IVssAsync, *vssemu::com::ParseGuid(std::string_view(
                                 "507c37b4-cf5b-4e95-b0af-14eb9767467e"))));
}

TEST(SdkTypes, LongHresultAndDwordAreFourBytes) {
  static_assert(sizeof(LONG) == 4);
  static_assert(sizeof(HRESULT) == 4);
  static_assert(sizeof(DWORD) == 4);
  static_assert(sizeof(ULONG) == 4);
  static_assert(sizeof(UINT) == 4);
  static_assert(std::is_signed_v<LONG> && std::is_signed_v<HRESULT>);
  static_assert(std::is_unsigned_v<DWORD>);
  static_assert(sizeof(VSS_TIMESTAMP) == 8);
  static_assert(sizeof(GUID) == 16);
  EXPECT_LT(static_cast<HRESULT>(0x80042301), 0) << "failures are negative";
}

TEST(SdkStructs, ComponentInfoHasTheDocumentedFields) {
  BYTE icon[2] = {1, 2};
  VSS_COMPONENTINFO info = {};
  info.type = VSS_CT_FILEGROUP;
  info.bstrLogicalPath = nullptr;
  info.bstrComponentName = nullptr;
  info.bstrCaption = nullptr;
  info.pbIcon = icon;
  info.cbIcon = sizeof(icon);
  info.bRestoreMetadata = true;
  info.bNotifyOnBackupComplete = false;
  info.bSelectable = true;
  info.bSelectableForRestore = false;
  info.dwComponentFlags = VSS_CF_APP_ROLLBACK_RECOVERY;
  info.cFileCount = 1;
  info.cDatabases = 2;
  info.cLogFiles = 3;
  info.cDependencies = 4;

  // The documented types: C++ bool, not BOOL or boolean.
  static_assert(std::is_same_v<decltype(info.type), VSS_COMPONENT_TYPE>);
  static_assert(std::is_same_v<decltype(info.bstrLogicalPath), BSTR>);
  static_assert(std::is_same_v<decltype(info.pbIcon), BYTE*>);
  static_assert(std::is_same_v<decltype(info.cbIcon), UINT>);
  static_assert(std::is_same_v<decltype(info.bRestoreMetadata), bool>);
  static_assert(std::is_same_v<decltype(info.bSelectableForRestore), bool>);
  static_assert(std::is_same_v<decltype(info.dwComponentFlags), DWORD>);
  static_assert(std::is_same_v<decltype(info.cDependencies), UINT>);

  const PVSSCOMPONENTINFO view = &info;
  EXPECT_EQ(view->cbIcon, 2u);
  EXPECT_EQ(view->cFileCount + view->cDatabases + view->cLogFiles +
                view->cDependencies,
            10u);
}

TEST(SdkStructs, SnapshotPropHasTheDocumentedFields) {
  WCHAR device[] = L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1";
  WCHAR volume[] = L"\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\";
  WCHAR machine[] = L"host";
  VSS_SNAPSHOT_PROP prop = {};
  prop.m_SnapshotId = IID_IVssAsync;
  prop.m_SnapshotSetId = GUID_NULL;
  prop.m_lSnapshotsCount = 1;
  prop.m_pwszSnapshotDeviceObject = device;
  prop.m_pwszOriginalVolumeName = volume;
  prop.m_pwszOriginatingMachine = machine;
  prop.m_pwszServiceMachine = machine;
  prop.m_pwszExposedName = nullptr;
  prop.m_pwszExposedPath = nullptr;
  prop.m_ProviderId = GUID_NULL;
  prop.m_lSnapshotAttributes =
      VSS_VOLSNAP_ATTR_PERSISTENT | VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE;
  prop.m_tsCreationTimestamp = 133000000000000000LL;
  prop.m_eStatus = VSS_SS_CREATED;

  static_assert(std::is_same_v<decltype(prop.m_SnapshotId), VSS_ID>);
  static_assert(std::is_same_v<decltype(prop.m_lSnapshotsCount), LONG>);
  static_assert(std::is_same_v<decltype(prop.m_pwszExposedName), VSS_PWSZ>);
  static_assert(std::is_same_v<decltype(prop.m_lSnapshotAttributes), LONG>);
  static_assert(
      std::is_same_v<decltype(prop.m_tsCreationTimestamp), VSS_TIMESTAMP>);
  static_assert(std::is_same_v<decltype(prop.m_eStatus), VSS_SNAPSHOT_STATE>);

  // The union Query returns holds either a snapshot or a provider.
  VSS_OBJECT_PROP object = {};
  object.Type = VSS_OBJECT_SNAPSHOT;
  object.Obj.Snap = prop;
  EXPECT_EQ(object.Obj.Snap.m_eStatus, VSS_SS_CREATED);
  EXPECT_EQ(object.Obj.Snap.m_lSnapshotAttributes, 5);
}

}  // namespace
