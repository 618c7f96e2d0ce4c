// vsbackup.h: the requester side of VSS, as documented by Microsoft
// (sdk-api, vsbackup/): IVssBackupComponents and its Ex..Ex4 extensions, the
// metadata reader interfaces, and the inline entry points over the
// ...Internal exports that the emulator supplies.
//
// Booleans follow the documented C++ signatures (bool), which differ from
// MinGW-w64's (boolean); numbers and method order are the SDK's.
#ifndef VSSEMU_SDK_VSBACKUP_H_
#define VSSEMU_SDK_VSBACKUP_H_

#include <vss.h>
#include <vswriter.h>

// What GetComponentInfo reports about one component of a writer's metadata.
typedef struct _VSS_COMPONENTINFO {
  VSS_COMPONENT_TYPE type;
  BSTR bstrLogicalPath;
  BSTR bstrComponentName;
  BSTR bstrCaption;
  BYTE* pbIcon;
  UINT cbIcon;
  bool bRestoreMetadata;
  bool bNotifyOnBackupComplete;
  bool bSelectable;
  bool bSelectableForRestore;
  DWORD dwComponentFlags;
  UINT cFileCount;
  UINT cDatabases;
  UINT cLogFiles;
  UINT cDependencies;
} VSS_COMPONENTINFO;
typedef const VSS_COMPONENTINFO* PVSSCOMPONENTINFO;

// One component of a Writer Metadata Document.
class IVssWMComponent : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeComponentInfo(PVSSCOMPONENTINFO pInfo) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFile(UINT iFile,
                                            IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDatabaseFile(
      UINT iDBFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDatabaseLogFile(
      UINT iDbLogFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDependency(
      UINT iDependency, IVssWMDependency** ppDependency) = 0;
};

// Reads a Writer Metadata Document, live (GetWriterMetadata) or stored
// (CreateVssExamineWriterMetadata).
MIDL_INTERFACE("902fcf7f-b7fd-42f8-81f1-b2e400b1e5bd")
IVssExamineWriterMetadata : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* pidInstance,
                                                VSS_ID* pidWriter,
                                                BSTR* pbstrWriterName,
                                                VSS_USAGE_TYPE* pUsage,
                                                VSS_SOURCE_TYPE* pSource) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFileCounts(UINT* pcIncludeFiles,
                                                  UINT* pcExcludeFiles,
                                                  UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetIncludeFile(
      UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFile(
      UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponent(
      UINT iComponent, IVssWMComponent** ppComponent) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM* pMethod, BSTR* pbstrService,
      BSTR* pbstrUserProcedure, VSS_WRITERRESTORE_ENUM* pwriterRestore,
      bool* pbRebootRequired, UINT* pcMappings) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(
      UINT iMapping, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD* pdwSchemaMask) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR bstrXML) = 0;
};
VSSEMU_DECLARE_IID(IVssExamineWriterMetadata, 0x902FCF7F, 0xB7FD, 0x42F8,
                   0x81, 0xF1, 0xB2, 0xE4, 0x00, 0xB1, 0xE5, 0xBD)

// Adds the writer instance name.
MIDL_INTERFACE("0c0e5ec0-ca44-472b-b702-e652db1c0451")
IVssExamineWriterMetadataEx : public IVssExamineWriterMetadata {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetIdentityEx(
      VSS_ID* pidInstance, VSS_ID* pidWriter, BSTR* pbstrWriterName,
      BSTR* pbstrInstanceName, VSS_USAGE_TYPE* pUsage,
      VSS_SOURCE_TYPE* pSource) = 0;
};
VSSEMU_DECLARE_IID(IVssExamineWriterMetadataEx, 0x0C0E5EC0, 0xCA44, 0x472B,
                   0xB7, 0x02, 0xE6, 0x52, 0xDB, 0x1C, 0x04, 0x51)

// Adds the writer version and the exclude-from-snapshot list.
MIDL_INTERFACE("ce115780-a611-431b-b57f-c38303ab6aee")
IVssExamineWriterMetadataEx2 : public IVssExamineWriterMetadataEx {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetVersion(DWORD* pdwMajorVersion,
                                               DWORD* pdwMinorVersion) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotCount(
      UINT* pcExcludedFromSnapshot) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotFile(
      UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
};
VSSEMU_DECLARE_IID(IVssExamineWriterMetadataEx2, 0xCE115780, 0xA611, 0x431B,
                   0xB5, 0x7F, 0xC3, 0x83, 0x03, 0xAB, 0x6A, 0xEE)

// A writer's components in the Backup Components Document, as the requester
// reads them (GetWriterComponents); the requester releases it.
class IVssWriterComponentsExt : public IVssWriterComponents, public IUnknown {};

// The requester's handle on one backup or restore.
MIDL_INTERFACE("665c1d5f-c218-414d-a05d-7fef5f9d5c86")
IVssBackupComponents : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(
      UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterComponents(
      UINT iWriter, IVssWriterComponentsExt** ppWriter) = 0;
  virtual HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR bstrXML = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupState(
      bool bSelectComponents, bool bBackupBootableSystemState,
      VSS_BACKUP_TYPE backupType, bool bPartialFileSupport = false) = 0;
  virtual HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR bstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreState(
      VSS_RESTORE_TYPE restoreType) = 0;
  virtual HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** pAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* pcWriters) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadata(
      UINT iWriter, VSS_ID* pidInstance,
      IVssExamineWriterMetadata** ppMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeWriterMetadata() = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instanceId,
                                                 VSS_ID writerId,
                                                 VSS_COMPONENT_TYPE ct,
                                                 LPCWSTR wszLogicalPath,
                                                 LPCWSTR wszComponentName) = 0;
  virtual HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE AbortBackup() = 0;
  virtual HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** pAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* pcWriters) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeWriterStatus() = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatus(
      UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
      BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
      HRESULT* phResultFailure) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupSucceeded(
      VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct,
      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSucceded) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupOptions(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszBackupOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetSelectedForRestore(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bSelectedForRestore) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreOptions(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszRestoreOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAdditionalRestores(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bAdditionalRestores) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszPreviousBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddAlternativeLocationMapping(
      VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszDestination) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddRestoreSubcomponent(
      VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszSubComponentLogicalPath, LPCWSTR wszSubComponentName,
      bool bRepair) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetFileRestoreStatus(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, VSS_FILE_RESTORE_STATUS status) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddNewTarget(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFileName,
      bool bRecursive, LPCWSTR wszAlternatePath) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRangesFilePath(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, UINT iPartialFile, LPCWSTR wszRangesFile) = 0;
  virtual HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetContext(LONG lContext) = 0;
  virtual HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* pSnapshotSetId) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ pwszVolumeName,
                                                     VSS_ID ProviderId,
                                                     VSS_ID* pidSnapshot) = 0;
  virtual HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE DeleteSnapshots(
      VSS_ID SourceObjectId, VSS_OBJECT_TYPE eSourceObjectType,
      BOOL bForceDelete, LONG* plDeletedSnapshots,
      VSS_ID* pNondeletedSnapshotID) = 0;
  virtual HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID SnapshotSetId) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSnapshotProperties(
      VSS_ID SnapshotId, VSS_SNAPSHOT_PROP* pProp) = 0;
  virtual HRESULT STDMETHODCALLTYPE Query(VSS_ID QueriedObjectId,
                                          VSS_OBJECT_TYPE eQueriedObjectType,
                                          VSS_OBJECT_TYPE eReturnedObjectsType,
                                          IVssEnumObject** ppEnum) = 0;
  virtual HRESULT STDMETHODCALLTYPE IsVolumeSupported(
      VSS_ID ProviderId, VSS_PWSZ pwszVolumeName,
      BOOL* pbSupportedByThisProvider) = 0;
  virtual HRESULT STDMETHODCALLTYPE DisableWriterClasses(
      const VSS_ID* rgWriterClassId, UINT cClassId) = 0;
  virtual HRESULT STDMETHODCALLTYPE EnableWriterClasses(
      const VSS_ID* rgWriterClassId, UINT cClassId) = 0;
  virtual HRESULT STDMETHODCALLTYPE DisableWriterInstances(
      const VSS_ID* rgWriterInstanceId, UINT cInstanceId) = 0;
  virtual HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID SnapshotId,
                                                   VSS_PWSZ wszPathFromRoot,
                                                   LONG lAttributes,
                                                   VSS_PWSZ wszExpose,
                                                   VSS_PWSZ* pwszExposed) = 0;
  virtual HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID SnapshotId,
                                                     BOOL bForceDismount) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ pwszVolume,
                                                      IVssAsync** ppAsync) = 0;
};
VSSEMU_DECLARE_IID(IVssBackupComponents, 0x665C1D5F, 0xC218, 0x414D, 0xA0,
                   0x5D, 0x7F, 0xEF, 0x5F, 0x9D, 0x5C, 0x86)

// Windows Server 2003 SP1: instance-aware metadata and restore selection.
MIDL_INTERFACE("963f03ad-9e4c-4a34-ac15-e4b6174e5036")
IVssBackupComponentsEx : public IVssBackupComponents {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadataEx(
      UINT iWriter, VSS_ID* pidInstance,
      IVssExamineWriterMetadataEx** ppMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bSelectedForRestore,
      VSS_ID instanceId = GUID_NULL) = 0;
};
VSSEMU_DECLARE_IID(IVssBackupComponentsEx, 0x963F03AD, 0x9E4C, 0x4A34, 0xAC,
                   0x15, 0xE4, 0xB6, 0x17, 0x4E, 0x50, 0x36)

// Windows Server 2008: restore settings and LUN operations.
MIDL_INTERFACE("acfe2b3a-22c9-4ef8-bd03-2f9ca230084e")
IVssBackupComponentsEx2 : public IVssBackupComponentsEx {
 public:
  virtual HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID snapshotId) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bAuth) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRollForward(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, VSS_ROLLFORWARD_TYPE rollType,
      LPCWSTR wszRollForwardPoint) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreName(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszRestoreName) = 0;
  virtual HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID SnapshotSetID,
                                                       DWORD dwBreakFlags,
                                                       IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE PreFastRecovery(
      VSS_ID SnapshotSetID, DWORD dwPreFastRecoveryFlags,
      IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID SnapshotSetID,
                                                 DWORD dwFastRecoveryFlags,
                                                 IVssAsync** ppAsync) = 0;
};
VSSEMU_DECLARE_IID(IVssBackupComponentsEx2, 0xACFE2B3A, 0x22C9, 0x4EF8, 0xBD,
                   0x03, 0x2F, 0x9C, 0xA2, 0x30, 0x08, 0x4E)

// Windows Server 2008 R2: extended writer status, recovery, session ids.
MIDL_INTERFACE("c191bfbc-b602-4675-8bd1-67d642f529d5")
IVssBackupComponentsEx3 : public IVssBackupComponentsEx2 {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatusEx(
      UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
      BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
      HRESULT* phrFailureWriter, HRESULT* phrApplication = NULL,
      BSTR* pbstrApplicationMessage = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddSnapshotToRecoverySet(
      VSS_ID snapshotId, DWORD dwFlags,
      VSS_PWSZ pwszDestinationVolume = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE RecoverSet(DWORD dwFlags,
                                               IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) = 0;
};
VSSEMU_DECLARE_IID(IVssBackupComponentsEx3, 0xC191BFBC, 0xB602, 0x4675, 0x8B,
                   0xD1, 0x67, 0xD6, 0x42, 0xF5, 0x29, 0xD5)

// Windows 8: root and logical prefix paths for file shares.
MIDL_INTERFACE("f434c2fd-b553-4961-a9f9-a8e90b673e53")
IVssBackupComponentsEx4 : public IVssBackupComponentsEx3 {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetRootAndLogicalPrefixPaths(
      VSS_PWSZ pwszFilePath, VSS_PWSZ* ppwszRootPath,
      VSS_PWSZ* ppwszLogicalPrefix,
      BOOL bNormalizeFQDNforRootPath = FALSE) = 0;
};
VSSEMU_DECLARE_IID(IVssBackupComponentsEx4, 0xF434C2FD, 0xB553, 0x4961, 0xA9,
                   0xF9, 0xA8, 0xE9, 0x0B, 0x67, 0x3E, 0x53)

// --- Exports (vssapi.dll on Windows; the vssemu library here). ------------
extern "C" {
HRESULT STDAPICALLTYPE
CreateVssBackupComponentsInternal(IVssBackupComponents** ppBackup);
HRESULT STDAPICALLTYPE CreateVssExamineWriterMetadataInternal(
    BSTR bstrXML, IVssExamineWriterMetadata** ppMetadata);
HRESULT APIENTRY IsVolumeSnapshottedInternal(VSS_PWSZ pwszVolumeName,
                                             BOOL* pbSnapshotsPresent,
                                             LONG* plSnapshotCapability);
void APIENTRY VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP* pProp);
HRESULT APIENTRY GetProviderMgmtInterfaceInternal(VSS_ID ProviderId,
                                                  IID InterfaceId,
                                                  IUnknown** ppItf);
HRESULT APIENTRY ShouldBlockRevertInternal(LPCWSTR wszVolumeName,
                                           bool* pbBlock);
}

// Creates the requester's IVssBackupComponents object.
inline HRESULT CreateVssBackupComponents(IVssBackupComponents** ppBackup) {
  return CreateVssBackupComponentsInternal(ppBackup);
}
// Loads a stored Writer Metadata Document for reading.
inline HRESULT CreateVssExamineWriterMetadata(
    BSTR bstrXML, IVssExamineWriterMetadata** ppMetadata) {
  return CreateVssExamineWriterMetadataInternal(bstrXML, ppMetadata);
}
// Tells whether a volume has shadow copies and what it supports.
inline HRESULT IsVolumeSnapshotted(VSS_PWSZ pwszVolumeName,
                                   BOOL* pbSnapshotsPresent,
                                   LONG* plSnapshotCapability) {
  return IsVolumeSnapshottedInternal(pwszVolumeName, pbSnapshotsPresent,
                                     plSnapshotCapability);
}
// Frees the strings of a VSS_SNAPSHOT_PROP filled by VSS.
inline void VssFreeSnapshotProperties(VSS_SNAPSHOT_PROP* pProp) {
  VssFreeSnapshotPropertiesInternal(pProp);
}
// Returns a provider management interface.
inline HRESULT GetProviderMgmtInterface(VSS_ID ProviderId, IID InterfaceId,
                                        IUnknown** ppItf) {
  return GetProviderMgmtInterfaceInternal(ProviderId, InterfaceId, ppItf);
}
// Tells whether a revert of the volume should be blocked.
inline HRESULT ShouldBlockRevert(LPCWSTR wszVolumeName, bool* pbBlock) {
  return ShouldBlockRevertInternal(wszVolumeName, pbBlock);
}

#endif  // VSSEMU_SDK_VSBACKUP_H_
