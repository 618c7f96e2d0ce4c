// vsmgmt.h as code written for Windows uses it: included after <windows.h>
// and <vss.h> as vshadow does; the documented member types and layouts of
// its structures (a wrong member order or type changes an offset); the
// documented parameter types of every method; an implementation of the
// interfaces driven through base pointers; the IIDs and CLSID; and the
// emulator's answer to GetProviderMgmtInterface (E_NOTIMPL).
#include <windows.h>
#include <vss.h>
#include <vsmgmt.h>
#include <vsbackup.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

#include "com/guid_format.h"
#include "sdk_values_list.h"

namespace {

// --- Structures ------------------------------------------------------------

constexpr size_t kPtr = sizeof(void*);

static_assert(std::is_same_v<decltype(VSS_VOLUME_PROP::m_pwszVolumeName),
                             VSS_PWSZ>);
static_assert(
    std::is_same_v<decltype(VSS_VOLUME_PROP::m_pwszVolumeDisplayName),
                   VSS_PWSZ>);
static_assert(offsetof(VSS_VOLUME_PROP, m_pwszVolumeDisplayName) == kPtr);
static_assert(sizeof(VSS_VOLUME_PROP) == 2 * kPtr);

static_assert(
    std::is_same_v<decltype(VSS_DIFF_VOLUME_PROP::m_llVolumeFreeSpace),
                   LONGLONG>);
static_assert(
    std::is_same_v<decltype(VSS_DIFF_VOLUME_PROP::m_llVolumeTotalSpace),
                   LONGLONG>);
static_assert(offsetof(VSS_DIFF_VOLUME_PROP, m_pwszVolumeDisplayName) == kPtr);
static_assert(offsetof(VSS_DIFF_VOLUME_PROP, m_llVolumeFreeSpace) == 2 * kPtr);
static_assert(offsetof(VSS_DIFF_VOLUME_PROP, m_llVolumeTotalSpace) ==
              2 * kPtr + 8);
static_assert(sizeof(VSS_DIFF_VOLUME_PROP) == 2 * kPtr + 16);

static_assert(
    std::is_same_v<decltype(VSS_DIFF_AREA_PROP::m_pwszDiffAreaVolumeName),
                   VSS_PWSZ>);
static_assert(
    std::is_same_v<decltype(VSS_DIFF_AREA_PROP::m_llUsedDiffSpace), LONGLONG>);
static_assert(offsetof(VSS_DIFF_AREA_PROP, m_pwszDiffAreaVolumeName) == kPtr);
static_assert(offsetof(VSS_DIFF_AREA_PROP, m_llMaximumDiffSpace) == 2 * kPtr);
static_assert(offsetof(VSS_DIFF_AREA_PROP, m_llAllocatedDiffSpace) ==
              2 * kPtr + 8);
static_assert(offsetof(VSS_DIFF_AREA_PROP, m_llUsedDiffSpace) == 2 * kPtr + 16);
static_assert(sizeof(VSS_DIFF_AREA_PROP) == 2 * kPtr + 24);

// The union is as large as its largest member, VSS_DIFF_AREA_PROP, and every
// member starts at its beginning.
static_assert(std::is_union_v<VSS_MGMT_OBJECT_UNION>);
static_assert(sizeof(VSS_MGMT_OBJECT_UNION) == sizeof(VSS_DIFF_AREA_PROP));
static_assert(offsetof(VSS_MGMT_OBJECT_UNION, Vol) == 0);
static_assert(offsetof(VSS_MGMT_OBJECT_UNION, DiffVol) == 0);
static_assert(offsetof(VSS_MGMT_OBJECT_UNION, DiffArea) == 0);
static_assert(std::is_same_v<decltype(VSS_MGMT_OBJECT_UNION::Vol),
                             VSS_VOLUME_PROP>);
static_assert(std::is_same_v<decltype(VSS_MGMT_OBJECT_UNION::DiffVol),
                             VSS_DIFF_VOLUME_PROP>);
static_assert(std::is_same_v<decltype(VSS_MGMT_OBJECT_UNION::DiffArea),
                             VSS_DIFF_AREA_PROP>);

// A type, then the union at the union's alignment (8: it holds LONGLONGs).
static_assert(std::is_same_v<decltype(VSS_MGMT_OBJECT_PROP::Type),
                             VSS_MGMT_OBJECT_TYPE>);
static_assert(std::is_same_v<decltype(VSS_MGMT_OBJECT_PROP::Obj),
                             VSS_MGMT_OBJECT_UNION>);
static_assert(sizeof(VSS_MGMT_OBJECT_TYPE) == 4);
static_assert(offsetof(VSS_MGMT_OBJECT_PROP, Type) == 0);
static_assert(offsetof(VSS_MGMT_OBJECT_PROP, Obj) == 8);
static_assert(sizeof(VSS_MGMT_OBJECT_PROP) == 8 + sizeof(VSS_DIFF_AREA_PROP));

// Six 32-bit members in the documented order.
static_assert(std::is_same_v<
              decltype(VSS_VOLUME_PROTECTION_INFO::m_protectionLevel),
              VSS_PROTECTION_LEVEL>);
static_assert(std::is_same_v<decltype(VSS_VOLUME_PROTECTION_INFO::
                                          m_volumeIsOfflineForProtection),
                             BOOL>);
static_assert(std::is_same_v<
              decltype(VSS_VOLUME_PROTECTION_INFO::m_protectionFault),
              VSS_PROTECTION_FAULT>);
static_assert(std::is_same_v<
              decltype(VSS_VOLUME_PROTECTION_INFO::m_failureStatus), LONG>);
static_assert(std::is_same_v<
              decltype(VSS_VOLUME_PROTECTION_INFO::m_volumeHasUnusedDiffArea),
              BOOL>);
static_assert(std::is_same_v<decltype(VSS_VOLUME_PROTECTION_INFO::m_reserved),
                             DWORD>);
static_assert(offsetof(VSS_VOLUME_PROTECTION_INFO, m_protectionLevel) == 0);
static_assert(
    offsetof(VSS_VOLUME_PROTECTION_INFO, m_volumeIsOfflineForProtection) == 4);
static_assert(offsetof(VSS_VOLUME_PROTECTION_INFO, m_protectionFault) == 8);
static_assert(offsetof(VSS_VOLUME_PROTECTION_INFO, m_failureStatus) == 12);
static_assert(offsetof(VSS_VOLUME_PROTECTION_INFO, m_volumeHasUnusedDiffArea) ==
              16);
static_assert(offsetof(VSS_VOLUME_PROTECTION_INFO, m_reserved) == 20);
static_assert(sizeof(VSS_VOLUME_PROTECTION_INFO) == 24);

// The pointer typedefs.
static_assert(std::is_same_v<PVSS_MGMT_OBJECT_TYPE, VSS_MGMT_OBJECT_TYPE*>);
static_assert(std::is_same_v<PVSS_VOLUME_PROP, VSS_VOLUME_PROP*>);
static_assert(std::is_same_v<PVSS_DIFF_VOLUME_PROP, VSS_DIFF_VOLUME_PROP*>);
static_assert(std::is_same_v<PVSS_DIFF_AREA_PROP, VSS_DIFF_AREA_PROP*>);
static_assert(std::is_same_v<PVSS_MGMT_OBJECT_UNION, VSS_MGMT_OBJECT_UNION*>);
static_assert(std::is_same_v<PVSS_MGMT_OBJECT_PROP, VSS_MGMT_OBJECT_PROP*>);
static_assert(std::is_same_v<PVSS_PROTECTION_LEVEL, VSS_PROTECTION_LEVEL*>);
static_assert(std::is_same_v<PVSS_PROTECTION_FAULT, VSS_PROTECTION_FAULT*>);
static_assert(std::is_same_v<PVSS_VOLUME_PROTECTION_INFO,
                             VSS_VOLUME_PROTECTION_INFO*>);

// --- Interfaces --------------------------------------------------------------

// The plain function type of a member function, calling convention aside.
template <typename C, typename R, typename... A>
constexpr auto Signature(R (C::*)(A...)) -> R (*)(A...) {
  return nullptr;
}
#define VSSEMU_EXPECT_SIGNATURE(method, ...)                              \
  static_assert(std::is_same_v<decltype(Signature(&method)), __VA_ARGS__>, \
                #method)

VSSEMU_EXPECT_SIGNATURE(IVssEnumMgmtObject::Next,
                        HRESULT (*)(ULONG, VSS_MGMT_OBJECT_PROP*, ULONG*));
VSSEMU_EXPECT_SIGNATURE(IVssEnumMgmtObject::Skip, HRESULT (*)(ULONG));
VSSEMU_EXPECT_SIGNATURE(IVssEnumMgmtObject::Reset, HRESULT (*)());
VSSEMU_EXPECT_SIGNATURE(IVssEnumMgmtObject::Clone,
                        HRESULT (*)(IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(IVssSnapshotMgmt::GetProviderMgmtInterface,
                        HRESULT (*)(VSS_ID, REFIID, IUnknown**));
VSSEMU_EXPECT_SIGNATURE(IVssSnapshotMgmt::QueryVolumesSupportedForSnapshots,
                        HRESULT (*)(VSS_ID, LONG, IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(IVssSnapshotMgmt::QuerySnapshotsByVolume,
                        HRESULT (*)(VSS_PWSZ, VSS_ID, IVssEnumObject**));
VSSEMU_EXPECT_SIGNATURE(IVssSnapshotMgmt2::GetMinDiffAreaSize,
                        HRESULT (*)(LONGLONG*));
VSSEMU_EXPECT_SIGNATURE(IVssDifferentialSoftwareSnapshotMgmt::AddDiffArea,
                        HRESULT (*)(VSS_PWSZ, VSS_PWSZ, LONGLONG));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt::ChangeDiffAreaMaximumSize,
    HRESULT (*)(VSS_PWSZ, VSS_PWSZ, LONGLONG));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt::QueryVolumesSupportedForDiffAreas,
    HRESULT (*)(VSS_PWSZ, IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt::QueryDiffAreasForVolume,
    HRESULT (*)(VSS_PWSZ, IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt::QueryDiffAreasOnVolume,
    HRESULT (*)(VSS_PWSZ, IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt::QueryDiffAreasForSnapshot,
    HRESULT (*)(VSS_ID, IVssEnumMgmtObject**));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt2::ChangeDiffAreaMaximumSizeEx,
    HRESULT (*)(VSS_PWSZ, VSS_PWSZ, LONGLONG, BOOL));
VSSEMU_EXPECT_SIGNATURE(IVssDifferentialSoftwareSnapshotMgmt2::MigrateDiffAreas,
                        HRESULT (*)(VSS_PWSZ, VSS_PWSZ, VSS_PWSZ));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt2::QueryMigrationStatus,
    HRESULT (*)(VSS_PWSZ, VSS_PWSZ, IVssAsync**));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt2::SetSnapshotPriority,
    HRESULT (*)(VSS_ID, BYTE));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt3::SetVolumeProtectLevel,
    HRESULT (*)(VSS_PWSZ, VSS_PROTECTION_LEVEL));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt3::GetVolumeProtectLevel,
    HRESULT (*)(VSS_PWSZ, VSS_VOLUME_PROTECTION_INFO*));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt3::ClearVolumeProtectFault,
    HRESULT (*)(VSS_PWSZ));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt3::DeleteUnusedDiffAreas,
    HRESULT (*)(VSS_PWSZ));
VSSEMU_EXPECT_SIGNATURE(
    IVssDifferentialSoftwareSnapshotMgmt3::QuerySnapshotDeltaBitmap,
    HRESULT (*)(VSS_ID, VSS_ID, ULONG*, ULONG*, BYTE**));
#undef VSSEMU_EXPECT_SIGNATURE

static_assert(std::is_base_of_v<IUnknown, IVssEnumMgmtObject>);
static_assert(std::is_base_of_v<IUnknown, IVssSnapshotMgmt>);
static_assert(std::is_base_of_v<IUnknown, IVssSnapshotMgmt2>);
static_assert(!std::is_base_of_v<IVssSnapshotMgmt, IVssSnapshotMgmt2>);
static_assert(
    std::is_base_of_v<IUnknown, IVssDifferentialSoftwareSnapshotMgmt>);
static_assert(std::is_base_of_v<IVssDifferentialSoftwareSnapshotMgmt,
                                IVssDifferentialSoftwareSnapshotMgmt2>);
static_assert(std::is_base_of_v<IVssDifferentialSoftwareSnapshotMgmt2,
                                IVssDifferentialSoftwareSnapshotMgmt3>);

// An enumerator over one diff area, with just enough IUnknown to be used.
class OneDiffArea : public IVssEnumMgmtObject {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID, void** out) override {
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 1; }
  ULONG STDMETHODCALLTYPE Release() override { return 1; }

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_MGMT_OBJECT_PROP* rgelt,
                                 ULONG* pceltFetched) override {
    ULONG fetched = 0;
    if (celt > 0 && !done_) {
      rgelt[0].Type = VSS_MGMT_OBJECT_DIFF_AREA;
      rgelt[0].Obj.DiffArea = {volume_, diff_volume_, VSS_ASSOC_NO_MAX_SPACE,
                               1 << 20, 1 << 10};
      fetched = 1;
      done_ = true;
    }
    if (pceltFetched != nullptr) *pceltFetched = fetched;
    return fetched == celt ? S_OK : S_FALSE;
  }
  HRESULT STDMETHODCALLTYPE Skip(ULONG) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Reset() override {
    done_ = false;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumMgmtObject** ppenum) override {
    *ppenum = nullptr;
    return E_NOTIMPL;
  }

 private:
  WCHAR volume_[4] = L"C:\\";
  WCHAR diff_volume_[4] = L"D:\\";
  bool done_ = false;
};

// Records the last call reaching each method of the third version.
class RecordingDiffAreaMgmt : public IVssDifferentialSoftwareSnapshotMgmt3 {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID, void** out) override {
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 1; }
  ULONG STDMETHODCALLTYPE Release() override { return 1; }

  HRESULT STDMETHODCALLTYPE AddDiffArea(VSS_PWSZ, VSS_PWSZ,
                                        LONGLONG max) override {
    return Record("AddDiffArea", max);
  }
  HRESULT STDMETHODCALLTYPE ChangeDiffAreaMaximumSize(VSS_PWSZ, VSS_PWSZ,
                                                      LONGLONG max) override {
    return Record("ChangeDiffAreaMaximumSize", max);
  }
  HRESULT STDMETHODCALLTYPE QueryVolumesSupportedForDiffAreas(
      VSS_PWSZ, IVssEnumMgmtObject** ppEnum) override {
    *ppEnum = &diff_areas_;
    return Record("QueryVolumesSupportedForDiffAreas", 0);
  }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasForVolume(
      VSS_PWSZ, IVssEnumMgmtObject** ppEnum) override {
    *ppEnum = &diff_areas_;
    return Record("QueryDiffAreasForVolume", 0);
  }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasOnVolume(
      VSS_PWSZ, IVssEnumMgmtObject** ppEnum) override {
    *ppEnum = &diff_areas_;
    return Record("QueryDiffAreasOnVolume", 0);
  }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasForSnapshot(
      VSS_ID, IVssEnumMgmtObject** ppEnum) override {
    *ppEnum = &diff_areas_;
    return Record("QueryDiffAreasForSnapshot", 0);
  }
  HRESULT STDMETHODCALLTYPE ChangeDiffAreaMaximumSizeEx(VSS_PWSZ, VSS_PWSZ,
                                                        LONGLONG max,
                                                        BOOL) override {
    return Record("ChangeDiffAreaMaximumSizeEx", max);
  }
  HRESULT STDMETHODCALLTYPE MigrateDiffAreas(VSS_PWSZ, VSS_PWSZ,
                                             VSS_PWSZ) override {
    return Record("MigrateDiffAreas", 0);
  }
  HRESULT STDMETHODCALLTYPE QueryMigrationStatus(VSS_PWSZ, VSS_PWSZ,
                                                 IVssAsync** ppAsync) override {
    *ppAsync = nullptr;
    return Record("QueryMigrationStatus", 0);
  }
  HRESULT STDMETHODCALLTYPE SetSnapshotPriority(VSS_ID,
                                                BYTE priority) override {
    return Record("SetSnapshotPriority", priority);
  }
  HRESULT STDMETHODCALLTYPE SetVolumeProtectLevel(
      VSS_PWSZ, VSS_PROTECTION_LEVEL level) override {
    return Record("SetVolumeProtectLevel", level);
  }
  HRESULT STDMETHODCALLTYPE GetVolumeProtectLevel(
      VSS_PWSZ, VSS_VOLUME_PROTECTION_INFO* info) override {
    *info = {VSS_PROTECTION_LEVEL_SNAPSHOT, TRUE,
             VSS_PROTECTION_FAULT_DIFF_AREA_FULL, 5, FALSE, 0};
    return Record("GetVolumeProtectLevel", 0);
  }
  HRESULT STDMETHODCALLTYPE ClearVolumeProtectFault(VSS_PWSZ) override {
    return Record("ClearVolumeProtectFault", 0);
  }
  HRESULT STDMETHODCALLTYPE DeleteUnusedDiffAreas(VSS_PWSZ) override {
    return Record("DeleteUnusedDiffAreas", 0);
  }
  HRESULT STDMETHODCALLTYPE QuerySnapshotDeltaBitmap(VSS_ID, VSS_ID,
                                                     ULONG* block_size,
                                                     ULONG* length,
                                                     BYTE** bitmap) override {
    *block_size = 4096;
    *length = 0;
    *bitmap = nullptr;
    return Record("QuerySnapshotDeltaBitmap", 0);
  }

  std::string last;
  LONGLONG last_value = 0;

 private:
  HRESULT Record(const char* method, LONGLONG value) {
    last = method;
    last_value = value;
    return S_OK;
  }
  OneDiffArea diff_areas_;
};

TEST(VsMgmt, TheDiffAreaInterfacesWorkThroughTheirBasePointers) {
  RecordingDiffAreaMgmt impl;
  WCHAR c[] = L"C:\\";
  WCHAR d[] = L"D:\\";

  IVssDifferentialSoftwareSnapshotMgmt* v1 = &impl;
  EXPECT_EQ(v1->AddDiffArea(c, d, VSS_ASSOC_NO_MAX_SPACE), S_OK);
  EXPECT_EQ(impl.last, "AddDiffArea");
  EXPECT_EQ(impl.last_value, -1);
  EXPECT_EQ(v1->ChangeDiffAreaMaximumSize(c, d, VSS_ASSOC_REMOVE), S_OK);
  EXPECT_EQ(impl.last, "ChangeDiffAreaMaximumSize");
  EXPECT_EQ(impl.last_value, 0);

  IVssEnumMgmtObject* areas = nullptr;
  ASSERT_EQ(v1->QueryDiffAreasForVolume(c, &areas), S_OK);
  VSS_MGMT_OBJECT_PROP prop[2] = {};
  ULONG fetched = 0;
  EXPECT_EQ(areas->Next(2, prop, &fetched), S_FALSE);
  ASSERT_EQ(fetched, 1u);
  EXPECT_EQ(prop[0].Type, VSS_MGMT_OBJECT_DIFF_AREA);
  EXPECT_EQ(std::wstring(prop[0].Obj.DiffArea.m_pwszDiffAreaVolumeName),
            L"D:\\");
  EXPECT_EQ(prop[0].Obj.DiffArea.m_llMaximumDiffSpace, VSS_ASSOC_NO_MAX_SPACE);
  EXPECT_EQ(prop[0].Obj.DiffArea.m_llUsedDiffSpace, 1024);
  EXPECT_EQ(areas->Next(1, prop, &fetched), S_FALSE);
  EXPECT_EQ(fetched, 0u);
  EXPECT_EQ(areas->Reset(), S_OK);
  EXPECT_EQ(areas->Next(1, prop, nullptr), S_OK);

  IVssDifferentialSoftwareSnapshotMgmt2* v2 = &impl;
  EXPECT_EQ(v2->ChangeDiffAreaMaximumSizeEx(c, d, 1LL << 32, TRUE), S_OK);
  EXPECT_EQ(impl.last, "ChangeDiffAreaMaximumSizeEx");
  EXPECT_EQ(impl.last_value, 1LL << 32);
  EXPECT_EQ(v2->SetSnapshotPriority(GUID_NULL, 7), S_OK);
  EXPECT_EQ(impl.last_value, 7);

  IVssDifferentialSoftwareSnapshotMgmt3* v3 = &impl;
  EXPECT_EQ(v3->SetVolumeProtectLevel(c, VSS_PROTECTION_LEVEL_SNAPSHOT), S_OK);
  EXPECT_EQ(impl.last, "SetVolumeProtectLevel");
  EXPECT_EQ(impl.last_value, 1);
  VSS_VOLUME_PROTECTION_INFO info = {};
  EXPECT_EQ(v3->GetVolumeProtectLevel(c, &info), S_OK);
  EXPECT_EQ(info.m_protectionLevel, VSS_PROTECTION_LEVEL_SNAPSHOT);
  EXPECT_EQ(info.m_protectionFault, VSS_PROTECTION_FAULT_DIFF_AREA_FULL);
  EXPECT_EQ(info.m_failureStatus, 5);
  ULONG block_size = 0, length = 1;
  BYTE* bitmap = nullptr;
  EXPECT_EQ(v3->QuerySnapshotDeltaBitmap(GUID_NULL, GUID_NULL, &block_size,
                                         &length, &bitmap),
            S_OK);
  EXPECT_EQ(block_size, 4096u);
  EXPECT_EQ(impl.last, "QuerySnapshotDeltaBitmap");
}

TEST(VsMgmt, AssociationConstantsAreTheDocumentedSizes) {
  // -1: no maximum; 0: remove the association. Both pass as LONGLONG.
  const LONGLONG no_max = VSS_ASSOC_NO_MAX_SPACE;
  const LONGLONG remove = VSS_ASSOC_REMOVE;
  EXPECT_EQ(no_max, -1);
  EXPECT_EQ(remove, 0);
}

// --- IIDs, CLSID and the emulator's answer ---------------------------------

::testing::AssertionResult SameGuid(const GUID& actual,
                                    std::string_view expected) {
  const GUID want = *vssemu::com::ParseGuid(expected);
  if (IsEqualGUID(actual, want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << vssemu::com::FormatGuid(actual) << " instead of " << expected;
}

TEST(VsMgmt, IidsAreTheDocumentedOnesAndWorkWithUuidof) {
  // The two documented in MS-SCMP; MinGW covers all of them where installed.
  EXPECT_TRUE(SameGuid(IID_IVssSnapshotMgmt,
                       "fa7df749-66e7-4986-a27f-e2f04ae53772"));
  EXPECT_TRUE(SameGuid(IID_IVssDifferentialSoftwareSnapshotMgmt,
                       "214a0f28-b737-4026-b847-4f9e37d79529"));
  EXPECT_TRUE(SameGuid(CLSID_VssSnapshotMgmt,
                       "0b5a2c52-3eb9-470a-96e2-6c6d4570e40f"));
#define VSSEMU_EXPECT_IID(itf)                                      \
  EXPECT_TRUE(IsEqualGUID(IID_##itf, __uuidof(itf))) << #itf;       \
  EXPECT_TRUE(IsEqualGUID(IID_##itf, __uuidof(itf*))) << #itf "*"
  VSSEMU_EXPECT_IID(IVssEnumMgmtObject);
  VSSEMU_EXPECT_IID(IVssSnapshotMgmt);
  VSSEMU_EXPECT_IID(IVssSnapshotMgmt2);
  VSSEMU_EXPECT_IID(IVssDifferentialSoftwareSnapshotMgmt);
  VSSEMU_EXPECT_IID(IVssDifferentialSoftwareSnapshotMgmt2);
  VSSEMU_EXPECT_IID(IVssDifferentialSoftwareSnapshotMgmt3);
#undef VSSEMU_EXPECT_IID
  const IVssDifferentialSoftwareSnapshotMgmt3* mgmt = nullptr;
  EXPECT_TRUE(
      IsEqualGUID(__uuidof(mgmt), IID_IVssDifferentialSoftwareSnapshotMgmt3));
}

TEST(VsMgmt, EveryInterfaceOfTheMirrorHasItsOwnIid) {
  std::set<std::string> seen = {vssemu::com::FormatGuid(IID_IUnknown),
                                vssemu::com::FormatGuid(CLSID_VssSnapshotMgmt)};
  for (const auto& [name, iid] : vssemu::sdk_test::OurIids()) {
    EXPECT_TRUE(seen.insert(vssemu::com::FormatGuid(iid)).second) << name;
  }
  EXPECT_GE(seen.size(), 22u);
}

TEST(VsMgmt, GetProviderMgmtInterfaceTakesTheMgmtIidsAndIsNotImplemented) {
  // vsbackup.h's entry point takes the same provider id, IID and IUnknown**
  // as IVssSnapshotMgmt::GetProviderMgmtInterface.
  const VSS_ID system_provider = *vssemu::com::ParseGuid(
      std::string_view("b5946137-7b9f-4925-af80-51abd60b20d5"));
  RecordingDiffAreaMgmt stale;
  IVssDifferentialSoftwareSnapshotMgmt* mgmt = &stale;
  EXPECT_EQ(GetProviderMgmtInterface(system_provider,
                                     IID_IVssDifferentialSoftwareSnapshotMgmt,
                                     reinterpret_cast<IUnknown**>(&mgmt)),
            E_NOTIMPL);
  EXPECT_EQ(mgmt, nullptr);
  EXPECT_EQ(GetProviderMgmtInterface(system_provider, IID_IVssSnapshotMgmt,
                                     nullptr),
            E_INVALIDARG);
}

}  // namespace
