// vsmgmt.h: shadow copy management, as documented by Microsoft (sdk-api,
// vsmgmt/): the IVssSnapshotMgmt entry point, the shadow copy storage area
// ("diff area") interfaces of the system provider, their enumerator, and the
// structures and enumerations they exchange.
// Part of vssemu's SDK mirror: same names, values, structure layouts and
// method order as the Windows SDK, so code written for Windows (vshadow, for
// one) compiles unchanged. The emulator declares these types but does not
// manage diff areas: GetProviderMgmtInterface returns E_NOTIMPL.
#ifndef VSSEMU_SDK_VSMGMT_H_
#define VSSEMU_SDK_VSMGMT_H_

#include <vss.h>

// The kind of object a VSS_MGMT_OBJECT_PROP holds.
typedef enum _VSS_MGMT_OBJECT_TYPE : int {
  VSS_MGMT_OBJECT_UNKNOWN = 0,
  VSS_MGMT_OBJECT_VOLUME = 1,
  VSS_MGMT_OBJECT_DIFF_VOLUME = 2,
  VSS_MGMT_OBJECT_DIFF_AREA = 3
} VSS_MGMT_OBJECT_TYPE, *PVSS_MGMT_OBJECT_TYPE;

// Special llMaximumDiffSpace values: no limit (AddDiffArea,
// ChangeDiffAreaMaximumSize(Ex)), and remove the association
// (ChangeDiffAreaMaximumSize(Ex)).
#define VSS_ASSOC_NO_MAX_SPACE (-1)
#define VSS_ASSOC_REMOVE (0)

// A volume that can be shadow copied.
typedef struct _VSS_VOLUME_PROP {
  VSS_PWSZ m_pwszVolumeName;
  VSS_PWSZ m_pwszVolumeDisplayName;
} VSS_VOLUME_PROP, *PVSS_VOLUME_PROP;

// A volume that can hold a shadow copy storage area; sizes in bytes.
typedef struct _VSS_DIFF_VOLUME_PROP {
  VSS_PWSZ m_pwszVolumeName;
  VSS_PWSZ m_pwszVolumeDisplayName;
  LONGLONG m_llVolumeFreeSpace;
  LONGLONG m_llVolumeTotalSpace;
} VSS_DIFF_VOLUME_PROP, *PVSS_DIFF_VOLUME_PROP;

// An association between an original volume and the volume holding its
// shadow copy storage area; sizes in bytes, used <= allocated <= maximum.
typedef struct _VSS_DIFF_AREA_PROP {
  VSS_PWSZ m_pwszVolumeName;
  VSS_PWSZ m_pwszDiffAreaVolumeName;
  LONGLONG m_llMaximumDiffSpace;
  LONGLONG m_llAllocatedDiffSpace;
  LONGLONG m_llUsedDiffSpace;
} VSS_DIFF_AREA_PROP, *PVSS_DIFF_AREA_PROP;

// Which member is valid depends on VSS_MGMT_OBJECT_PROP::Type. The caller
// frees its strings with CoTaskMemFree.
typedef union _VSS_MGMT_OBJECT_UNION {
  VSS_VOLUME_PROP Vol;
  VSS_DIFF_VOLUME_PROP DiffVol;
  VSS_DIFF_AREA_PROP DiffArea;
} VSS_MGMT_OBJECT_UNION, *PVSS_MGMT_OBJECT_UNION;

// One record returned by IVssEnumMgmtObject::Next.
typedef struct _VSS_MGMT_OBJECT_PROP {
  VSS_MGMT_OBJECT_TYPE Type;
  VSS_MGMT_OBJECT_UNION Obj;
} VSS_MGMT_OBJECT_PROP, *PVSS_MGMT_OBJECT_PROP;

// Whether a volume keeps its own I/O or its shadow copies when the two
// conflict (Windows Vista SP1 and later).
typedef enum _VSS_PROTECTION_LEVEL : int {
  VSS_PROTECTION_LEVEL_ORIGINAL_VOLUME = 0,
  VSS_PROTECTION_LEVEL_SNAPSHOT = 1
} VSS_PROTECTION_LEVEL, *PVSS_PROTECTION_LEVEL;

// Why a volume in shadow copy protection mode went offline.
typedef enum _VSS_PROTECTION_FAULT : int {
  VSS_PROTECTION_FAULT_NONE = 0,
  VSS_PROTECTION_FAULT_DIFF_AREA_MISSING = 1,
  VSS_PROTECTION_FAULT_IO_FAILURE_DURING_ONLINE = 2,
  VSS_PROTECTION_FAULT_META_DATA_CORRUPTION = 3,
  VSS_PROTECTION_FAULT_MEMORY_ALLOCATION_FAILURE = 4,
  VSS_PROTECTION_FAULT_MAPPED_MEMORY_FAILURE = 5,
  VSS_PROTECTION_FAULT_COW_READ_FAILURE = 6,
  VSS_PROTECTION_FAULT_COW_WRITE_FAILURE = 7,
  VSS_PROTECTION_FAULT_DIFF_AREA_FULL = 8,
  VSS_PROTECTION_FAULT_GROW_TOO_SLOW = 9,
  VSS_PROTECTION_FAULT_GROW_FAILED = 10,
  VSS_PROTECTION_FAULT_DESTROY_ALL_SNAPSHOTS = 11,
  VSS_PROTECTION_FAULT_FILE_SYSTEM_FAILURE = 12,
  VSS_PROTECTION_FAULT_IO_FAILURE = 13,
  VSS_PROTECTION_FAULT_DIFF_AREA_REMOVED = 14,
  VSS_PROTECTION_FAULT_EXTERNAL_WRITER_TO_DIFF_AREA = 15,
  VSS_PROTECTION_FAULT_MOUNT_DURING_CLUSTER_OFFLINE = 16
} VSS_PROTECTION_FAULT, *PVSS_PROTECTION_FAULT;

// What GetVolumeProtectLevel reports about a volume.
typedef struct _VSS_VOLUME_PROTECTION_INFO {
  VSS_PROTECTION_LEVEL m_protectionLevel;
  BOOL m_volumeIsOfflineForProtection;
  VSS_PROTECTION_FAULT m_protectionFault;
  LONG m_failureStatus;
  BOOL m_volumeHasUnusedDiffArea;
  DWORD m_reserved;
} VSS_VOLUME_PROTECTION_INFO, *PVSS_VOLUME_PROTECTION_INFO;

// Enumerates VSS_MGMT_OBJECT_PROP records.
MIDL_INTERFACE("01954e6b-9254-4e6e-808c-c9e05d007696")
IVssEnumMgmtObject : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE Next(ULONG celt,
                                         VSS_MGMT_OBJECT_PROP* rgelt,
                                         ULONG* pceltFetched) = 0;
  virtual HRESULT STDMETHODCALLTYPE Skip(ULONG celt) = 0;
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  virtual HRESULT STDMETHODCALLTYPE Clone(IVssEnumMgmtObject** ppenum) = 0;
};
VSSEMU_DECLARE_IID(IVssEnumMgmtObject, 0x01954E6B, 0x9254, 0x4E6E, 0x80,
                   0x8C, 0xC9, 0xE0, 0x5D, 0x00, 0x76, 0x96)

// The management entry point (CLSID_VssSnapshotMgmt): hands out a
// provider's management interface.
MIDL_INTERFACE("fa7df749-66e7-4986-a27f-e2f04ae53772")
IVssSnapshotMgmt : public IUnknown {
 public:
  // ProviderId must be the system provider and InterfaceId
  // IID_IVssDifferentialSoftwareSnapshotMgmt.
  virtual HRESULT STDMETHODCALLTYPE GetProviderMgmtInterface(
      VSS_ID ProviderId, REFIID InterfaceId, IUnknown** ppItf) = 0;
  // Reserved for system use.
  virtual HRESULT STDMETHODCALLTYPE QueryVolumesSupportedForSnapshots(
      VSS_ID ProviderId, LONG lContext, IVssEnumMgmtObject** ppEnum) = 0;
  // Reserved for system use.
  virtual HRESULT STDMETHODCALLTYPE QuerySnapshotsByVolume(
      VSS_PWSZ pwszVolumeName, VSS_ID ProviderId,
      IVssEnumObject** ppEnum) = 0;
};
VSSEMU_DECLARE_IID(IVssSnapshotMgmt, 0xFA7DF749, 0x66E7, 0x4986, 0xA2, 0x7F,
                   0xE2, 0xF0, 0x4A, 0xE5, 0x37, 0x72)

// Windows Vista and later: the smallest allowed diff area.
MIDL_INTERFACE("0f61ec39-fe82-45f2-a3f0-768b5d427102")
IVssSnapshotMgmt2 : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetMinDiffAreaSize(
      LONGLONG* pllMinDiffAreaSize) = 0;
};
VSSEMU_DECLARE_IID(IVssSnapshotMgmt2, 0x0F61EC39, 0xFE82, 0x45F2, 0xA3, 0xF0,
                   0x76, 0x8B, 0x5D, 0x42, 0x71, 0x02)

// The system provider's shadow copy storage areas. Volume names end with a
// backslash: a mounted folder, a drive letter or \\?\Volume{GUID}\.
MIDL_INTERFACE("214a0f28-b737-4026-b847-4f9e37d79529")
IVssDifferentialSoftwareSnapshotMgmt : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE AddDiffArea(
      VSS_PWSZ pwszVolumeName, VSS_PWSZ pwszDiffAreaVolumeName,
      LONGLONG llMaximumDiffSpace) = 0;
  virtual HRESULT STDMETHODCALLTYPE ChangeDiffAreaMaximumSize(
      VSS_PWSZ pwszVolumeName, VSS_PWSZ pwszDiffAreaVolumeName,
      LONGLONG llMaximumDiffSpace) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryVolumesSupportedForDiffAreas(
      VSS_PWSZ pwszOriginalVolumeName, IVssEnumMgmtObject** ppEnum) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryDiffAreasForVolume(
      VSS_PWSZ pwszVolumeName, IVssEnumMgmtObject** ppEnum) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryDiffAreasOnVolume(
      VSS_PWSZ pwszVolumeName, IVssEnumMgmtObject** ppEnum) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryDiffAreasForSnapshot(
      VSS_ID SnapshotId, IVssEnumMgmtObject** ppEnum) = 0;
};
VSSEMU_DECLARE_IID(IVssDifferentialSoftwareSnapshotMgmt, 0x214A0F28, 0xB737,
                   0x4026, 0xB8, 0x47, 0x4F, 0x9E, 0x37, 0xD7, 0x95, 0x29)

// Windows Vista and later; the last three methods are reserved.
MIDL_INTERFACE("949d7353-675f-4275-8969-f044c6277815")
IVssDifferentialSoftwareSnapshotMgmt2
    : public IVssDifferentialSoftwareSnapshotMgmt {
 public:
  // bVolatile: FALSE keeps the change across reboots.
  virtual HRESULT STDMETHODCALLTYPE ChangeDiffAreaMaximumSizeEx(
      VSS_PWSZ pwszVolumeName, VSS_PWSZ pwszDiffAreaVolumeName,
      LONGLONG llMaximumDiffSpace, BOOL bVolatile) = 0;
  virtual HRESULT STDMETHODCALLTYPE MigrateDiffAreas(
      VSS_PWSZ pwszVolumeName, VSS_PWSZ pwszDiffAreaVolumeName,
      VSS_PWSZ pwszNewDiffAreaVolumeName) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryMigrationStatus(
      VSS_PWSZ pwszVolumeName, VSS_PWSZ pwszDiffAreaVolumeName,
      IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetSnapshotPriority(VSS_ID idSnapshot,
                                                        BYTE priority) = 0;
};
VSSEMU_DECLARE_IID(IVssDifferentialSoftwareSnapshotMgmt2, 0x949D7353, 0x675F,
                   0x4275, 0x89, 0x69, 0xF0, 0x44, 0xC6, 0x27, 0x78, 0x15)

// Windows Vista SP1 and later: shadow copy protection.
MIDL_INTERFACE("383f7e71-a4c5-401f-b27f-f826289f8458")
IVssDifferentialSoftwareSnapshotMgmt3
    : public IVssDifferentialSoftwareSnapshotMgmt2 {
 public:
  virtual HRESULT STDMETHODCALLTYPE SetVolumeProtectLevel(
      VSS_PWSZ pwszVolumeName, VSS_PROTECTION_LEVEL protectionLevel) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetVolumeProtectLevel(
      VSS_PWSZ pwszVolumeName, VSS_VOLUME_PROTECTION_INFO* protectionLevel) = 0;
  virtual HRESULT STDMETHODCALLTYPE ClearVolumeProtectFault(
      VSS_PWSZ pwszVolumeName) = 0;
  virtual HRESULT STDMETHODCALLTYPE DeleteUnusedDiffAreas(
      VSS_PWSZ pwszDiffAreaVolumeName) = 0;
  // The bitmap is allocated by VSS; the caller frees it with CoTaskMemFree.
  virtual HRESULT STDMETHODCALLTYPE QuerySnapshotDeltaBitmap(
      VSS_ID idSnapshotOlder, VSS_ID idSnapshotYounger,
      ULONG* pcBlockSizePerBit, ULONG* pcBitmapLength, BYTE** ppbBitmap) = 0;
};
VSSEMU_DECLARE_IID(IVssDifferentialSoftwareSnapshotMgmt3, 0x383F7E71, 0xA4C5,
                   0x401F, 0xB2, 0x7F, 0xF8, 0x26, 0x28, 0x9F, 0x84, 0x58)

// The class to pass to CoCreateInstance for an IVssSnapshotMgmt.
inline const CLSID CLSID_VssSnapshotMgmt = {
    0x0B5A2C52, 0x3EB9, 0x470A,
    {0x96, 0xE2, 0x6C, 0x6D, 0x45, 0x70, 0xE4, 0x0F}};

#endif  // VSSEMU_SDK_VSMGMT_H_
