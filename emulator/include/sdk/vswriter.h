// vswriter.h: the writer side of VSS, as documented by Microsoft (sdk-api,
// vswriter/): the writer enumerations, the metadata and component interfaces
// a writer sees, and the header-only CVssWriter, CVssWriterEx and
// CVssWriterEx2 classes.
//
// Contract: as in the Windows SDK, the writer classes hold an IVssWriterImpl
// obtained from the exported CreateWriter / CreateWriterEx and forward every
// call to it; the emulator supplies those exports. Booleans follow the
// documented C++ signatures (bool), which differ from MinGW-w64's (boolean).
#ifndef VSSEMU_SDK_VSWRITER_H_
#define VSSEMU_SDK_VSWRITER_H_

#include <vss.h>
#include <vsserror.h>

typedef enum VSS_USAGE_TYPE : int {
  VSS_UT_UNDEFINED = 0,
  VSS_UT_BOOTABLESYSTEMSTATE = 1,
  VSS_UT_SYSTEMSERVICE = 2,
  VSS_UT_USERDATA = 3,
  VSS_UT_OTHER = 4
} VSS_USAGE_TYPE;

typedef enum VSS_SOURCE_TYPE : int {
  VSS_ST_UNDEFINED = 0,
  VSS_ST_TRANSACTEDDB = 1,
  VSS_ST_NONTRANSACTEDDB = 2,
  VSS_ST_OTHER = 3
} VSS_SOURCE_TYPE;

typedef enum VSS_RESTOREMETHOD_ENUM : int {
  VSS_RME_UNDEFINED = 0,
  VSS_RME_RESTORE_IF_NOT_THERE = 1,
  VSS_RME_RESTORE_IF_CAN_REPLACE = 2,
  VSS_RME_STOP_RESTORE_START = 3,
  VSS_RME_RESTORE_TO_ALTERNATE_LOCATION = 4,
  VSS_RME_RESTORE_AT_REBOOT = 5,
  VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE = 6,
  VSS_RME_CUSTOM = 7,
  VSS_RME_RESTORE_STOP_START = 8
} VSS_RESTOREMETHOD_ENUM;

typedef enum VSS_WRITERRESTORE_ENUM : int {
  VSS_WRE_UNDEFINED = 0,
  VSS_WRE_NEVER = 1,
  VSS_WRE_IF_REPLACE_FAILS = 2,
  VSS_WRE_ALWAYS = 3
} VSS_WRITERRESTORE_ENUM;

typedef enum VSS_COMPONENT_TYPE : int {
  VSS_CT_UNDEFINED = 0,
  VSS_CT_DATABASE = 1,
  VSS_CT_FILEGROUP = 2
} VSS_COMPONENT_TYPE;

typedef enum VSS_ALTERNATE_WRITER_STATE : int {
  VSS_AWS_UNDEFINED = 0,
  VSS_AWS_NO_ALTERNATE_WRITER = 1,
  VSS_AWS_ALTERNATE_WRITER_EXISTS = 2,
  VSS_AWS_THIS_IS_ALTERNATE_WRITER = 3
} VSS_ALTERNATE_WRITER_STATE;

typedef enum VSS_SUBSCRIBE_MASK : int {
  VSS_SM_POST_SNAPSHOT_FLAG = 0x00000001,
  VSS_SM_BACKUP_EVENTS_FLAG = 0x00000002,
  VSS_SM_RESTORE_EVENTS_FLAG = 0x00000004,
  VSS_SM_IO_THROTTLING_FLAG = 0x00000008,
  VSS_SM_ALL_FLAGS = (int)0xFFFFFFFF
} VSS_SUBSCRIBE_MASK;

typedef enum VSS_RESTORE_TARGET : int {
  VSS_RT_UNDEFINED = 0,
  VSS_RT_ORIGINAL = 1,
  VSS_RT_ALTERNATE = 2,
  VSS_RT_DIRECTED = 3,
  VSS_RT_ORIGINAL_LOCATION = 4
} VSS_RESTORE_TARGET;

typedef enum VSS_FILE_RESTORE_STATUS : int {
  VSS_RS_UNDEFINED = 0,
  VSS_RS_NONE = 1,
  VSS_RS_ALL = 2,
  VSS_RS_FAILED = 3
} VSS_FILE_RESTORE_STATUS;

typedef enum VSS_COMPONENT_FLAGS : int {
  VSS_CF_BACKUP_RECOVERY = 0x00000001,
  VSS_CF_APP_ROLLBACK_RECOVERY = 0x00000002,
  VSS_CF_NOT_SYSTEM_STATE = 0x00000004
} VSS_COMPONENT_FLAGS;

struct IVssExamineWriterMetadata;

// A file set: a root path, a file pattern, recursion, an alternate location
// and the VSS_FILE_SPEC_BACKUP_TYPE mask.
class IVssWMFiledesc : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetPath(BSTR* pbstrPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* pbstrFilespec) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRecursive(bool* pbRecursive) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocation(
      BSTR* pbstrAlternateLocation) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* pdwTypeMask) = 0;
};

// A dependency of a component on another writer's component.
class IVssWMDependency : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* pWriterId) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrLogicalPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentName(
      BSTR* pbstrComponentName) = 0;
};

// A component explicitly included in the Backup Components Document, as a
// writer (read/write in some events) or a requester (read-only) sees it.
MIDL_INTERFACE("d2c72c96-c121-4518-b627-e5a93d010ead")
IVssComponent : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* pct) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* pbstrName) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupSucceeded(bool* pbSucceeded) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMappingCount(
      UINT* pcMappings) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(
      UINT iMapping, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR wszData) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupMetadata(BSTR* pbstrData) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddPartialFile(LPCWSTR wszPath,
                                                   LPCWSTR wszFilename,
                                                   LPCWSTR wszRanges,
                                                   LPCWSTR wszMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPartialFileCount(UINT* pcPartialFiles) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPartialFile(
      UINT iPartialFile, BSTR* pbstrPath, BSTR* pbstrFilename,
      BSTR* pbstrRange, BSTR* pbstrMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE IsSelectedForRestore(
      bool* pbSelectedForRestore) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAdditionalRestores(
      bool* pbAdditionalRestores) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetNewTargetCount(UINT* pcNewTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetNewTarget(
      UINT iNewTarget, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDirectedTarget(
      LPCWSTR wszSourcePath, LPCWSTR wszSourceFilename,
      LPCWSTR wszSourceRangeList, LPCWSTR wszDestinationPath,
      LPCWSTR wszDestinationFilename, LPCWSTR wszDestinationRangeList) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDirectedTargetCount(
      UINT* pcDirectedTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDirectedTarget(
      UINT iDirectedTarget, BSTR* pbstrSourcePath, BSTR* pbstrSourceFileName,
      BSTR* pbstrSourceRangeList, BSTR* pbstrDestinationPath,
      BSTR* pbstrDestinationFilename, BSTR* pbstrDestinationRangeList) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMetadata(
      LPCWSTR wszRestoreMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreMetadata(
      BSTR* pbstrRestoreMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreTarget(
      VSS_RESTORE_TARGET target) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreTarget(
      VSS_RESTORE_TARGET* pTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPreRestoreFailureMsg(
      LPCWSTR wszPreRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPreRestoreFailureMsg(
      BSTR* pbstrPreRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPostRestoreFailureMsg(
      LPCWSTR wszPostRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPostRestoreFailureMsg(
      BSTR* pbstrPostRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupStamp(LPCWSTR wszBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* pbstrBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPreviousBackupStamp(
      BSTR* pbstrBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupOptions(
      BSTR* pbstrBackupOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreOptions(
      BSTR* pbstrRestoreOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreSubcomponentCount(
      UINT* pcRestoreSubcomponent) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(
      UINT iComponent, BSTR* pbstrLogicalPath, BSTR* pbstrComponentName,
      bool* pbRepair) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFileRestoreStatus(
      VSS_FILE_RESTORE_STATUS* pStatus) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(
      LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive,
      FILETIME ftLastModifyTime) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(
      LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive,
      BSTR bstrLsnString) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDifferencedFilesCount(
      UINT* pcDifferencedFiles) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDifferencedFile(
      UINT iDifferencedFile, BSTR* pbstrPath, BSTR* pbstrFilespec,
      BOOL* pbRecursive, BSTR* pbstrLsnString,
      FILETIME* pftLastModifyTime) = 0;
};
VSSEMU_DECLARE_IID(IVssComponent, 0xD2C72C96, 0xC121, 0x4518, 0xB6, 0x27,
                   0xE5, 0xA9, 0x3D, 0x01, 0x0E, 0xAD)

// Failure messages and the Windows Server 2008 restore settings.
MIDL_INTERFACE("156c8b5e-f131-4bd7-9c97-d1923be7e1fa")
IVssComponentEx : public IVssComponent {
 public:
  virtual HRESULT STDMETHODCALLTYPE SetPrepareForBackupFailureMsg(
      LPCWSTR wszFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPostSnapshotFailureMsg(
      LPCWSTR wszFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPrepareForBackupFailureMsg(
      BSTR* pbstrFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPostSnapshotFailureMsg(
      BSTR* pbstrFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAuthoritativeRestore(bool* pbAuth) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRollForward(
      VSS_ROLLFORWARD_TYPE* pRollType, BSTR* pbstrPoint) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreName(BSTR* pbstrName) = 0;
};
VSSEMU_DECLARE_IID(IVssComponentEx, 0x156C8B5E, 0xF131, 0x4BD7, 0x9C, 0x97,
                   0xD1, 0x92, 0x3B, 0xE7, 0xE1, 0xFA)

// Per-component failure reporting (Windows Server 2008 R2 and later).
MIDL_INTERFACE("3b5be0f2-07a9-4e4b-bdd3-cfdc8e2c0d2d")
IVssComponentEx2 : public IVssComponentEx {
 public:
  virtual HRESULT STDMETHODCALLTYPE SetFailure(HRESULT hr,
                                               HRESULT hrApplication,
                                               LPCWSTR wszApplicationMessage,
                                               DWORD dwReserved) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFailure(HRESULT* phr,
                                               HRESULT* phrApplication,
                                               BSTR* pbstrApplicationMessage,
                                               DWORD* pdwReserved) = 0;
};
VSSEMU_DECLARE_IID(IVssComponentEx2, 0x3B5BE0F2, 0x07A9, 0x4E4B, 0xBD, 0xD3,
                   0xCF, 0xDC, 0x8E, 0x2C, 0x0D, 0x2D)

// The components of one writer in the Backup Components Document. Not a COM
// interface: the writer does not release it.
class IVssWriterComponents {
 public:
  virtual HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance,
                                                  VSS_ID* pidWriter) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponent(
      UINT iComponent, IVssComponent** ppComponent) = 0;
};

// Builds the Writer Metadata Document inside OnIdentify. Not a COM
// interface: its lifetime belongs to VSS.
class IVssCreateWriterMetadata {
 public:
  virtual HRESULT STDMETHODCALLTYPE AddIncludeFiles(
      LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive,
      LPCWSTR wszAlternateLocation) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath,
                                                    LPCWSTR wszFilespec,
                                                    bool bRecursive) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponent(
      VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon,
      bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable,
      bool bSelectableForRestore = false, DWORD dwComponentFlags = 0) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDatabaseFiles(
      LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath,
      LPCWSTR wszFilespec,
      DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED |
                                VSS_FSBT_ALL_SNAPSHOT_REQUIRED)) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDatabaseLogFiles(
      LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath,
      LPCWSTR wszFilespec,
      DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED |
                                VSS_FSBT_ALL_SNAPSHOT_REQUIRED)) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(
      LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
      DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED |
                                VSS_FSBT_ALL_SNAPSHOT_REQUIRED)) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
      LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore,
      bool bRebootRequired) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddAlternateLocationMapping(
      LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec, bool bRecursive,
      LPCWSTR wszDestination) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponentDependency(
      LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName,
      VSS_ID onWriterId, LPCWSTR wszOnLogicalPath,
      LPCWSTR wszOnComponentName) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
};

// Adds the exclude-from-snapshot list (Windows Vista and later).
MIDL_INTERFACE("9f21981d-d469-4349-b807-39e64e4674e1")
IVssCreateWriterMetadataEx : public IVssCreateWriterMetadata, public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFilesFromSnapshot(
      LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive) = 0;
};
VSSEMU_DECLARE_IID(IVssCreateWriterMetadataEx, 0x9F21981D, 0xD469, 0x4349,
                   0xB8, 0x07, 0x39, 0xE6, 0x4E, 0x46, 0x74, 0xE1)

// The seam between the header-only writer classes and the VSS
// implementation (here: the emulator). Internal and undocumented in the
// Windows SDK; vssemu keeps its method order.
class IVssWriterImpl : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE Initialize(
      VSS_ID writerId, LPCWSTR wszWriterName, LPCWSTR wszWriterInstanceName,
      DWORD dwMajorVersion, DWORD dwMinorVersion, VSS_USAGE_TYPE ut,
      VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeout,
      VSS_ALTERNATE_WRITER_STATE aws, bool bIOThrottlingOnly) = 0;
  virtual HRESULT STDMETHODCALLTYPE Subscribe(DWORD dwSubscribeTimeout,
                                              DWORD dwEventFlags) = 0;
  virtual HRESULT STDMETHODCALLTYPE Unsubscribe() = 0;
  virtual void STDMETHODCALLTYPE Uninitialize() = 0;
  virtual LPCWSTR* STDMETHODCALLTYPE GetCurrentVolumeArray() const = 0;
  virtual UINT STDMETHODCALLTYPE GetCurrentVolumeCount() const = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSnapshotDeviceName(
      LPCWSTR wszOriginalVolume, LPCWSTR* ppwszSnapshotDevice) const = 0;
  virtual VSS_ID STDMETHODCALLTYPE GetCurrentSnapshotSetId() const = 0;
  virtual LONG STDMETHODCALLTYPE GetContext() const = 0;
  virtual VSS_APPLICATION_LEVEL STDMETHODCALLTYPE GetCurrentLevel() const = 0;
  virtual bool STDMETHODCALLTYPE IsPathAffected(LPCWSTR wszPath) const = 0;
  virtual bool STDMETHODCALLTYPE IsBootableSystemStateBackedUp() const = 0;
  virtual bool STDMETHODCALLTYPE AreComponentsSelected() const = 0;
  virtual VSS_BACKUP_TYPE STDMETHODCALLTYPE GetBackupType() const = 0;
  virtual VSS_RESTORE_TYPE STDMETHODCALLTYPE GetRestoreType() const = 0;
  virtual HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr) = 0;
  virtual bool STDMETHODCALLTYPE IsPartialFileSupportEnabled() const = 0;
  virtual HRESULT STDMETHODCALLTYPE InstallAlternateWriter(
      VSS_ID idWriter, CLSID clsid) = 0;
  virtual IVssExamineWriterMetadata* STDMETHODCALLTYPE
  GetIdentityInformation() = 0;
  virtual HRESULT STDMETHODCALLTYPE SetWriterFailureEx(
      HRESULT hr, HRESULT hrApplication, LPCWSTR wszApplicationMessage) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) = 0;
  virtual bool STDMETHODCALLTYPE IsWriterShuttingDown() = 0;
};

class CVssWriter;
class CVssWriterEx;

// The exports behind CVssWriter::Initialize and CVssWriterEx::Initialize.
extern "C" HRESULT STDAPICALLTYPE CreateWriter(CVssWriter* pWriter,
                                               IVssWriterImpl** ppImpl);
extern "C" HRESULT STDAPICALLTYPE CreateWriterEx(CVssWriterEx* pWriter,
                                                 IVssWriterImpl** ppImpl);

// The base class of every VSS writer. Derive from it, call Initialize and
// Subscribe, and override the On* callbacks.
class CVssWriter {
 public:
  STDMETHODCALLTYPE CVssWriter() : m_pWriterImpl(NULL) {}

  virtual STDMETHODCALLTYPE ~CVssWriter() {
    if (m_pWriterImpl != NULL) {
      m_pWriterImpl->Uninitialize();
      m_pWriterImpl->Release();
      m_pWriterImpl = NULL;
    }
  }

  // Registers the writer's identity with VSS; E_FAIL if already initialized.
  HRESULT STDMETHODCALLTYPE Initialize(
      VSS_ID WriterId, LPCWSTR wszWriterName, VSS_USAGE_TYPE ut,
      VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
      DWORD dwTimeoutFreeze = 60000,
      VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
      bool bIOThrottlingOnly = false, LPCWSTR wszWriterInstanceName = NULL) {
    if (m_pWriterImpl != NULL) return E_FAIL;
    HRESULT hr = CreateWriter(this, &m_pWriterImpl);
    if (FAILED(hr)) {
      m_pWriterImpl = NULL;
      return hr;
    }
    hr = m_pWriterImpl->Initialize(WriterId, wszWriterName,
                                   wszWriterInstanceName, 0, 0, ut, st,
                                   nLevel, dwTimeoutFreeze, aws,
                                   bIOThrottlingOnly);
    if (FAILED(hr)) ReleaseWriterImpl();
    return hr;
  }

  // Starts receiving events.
  HRESULT STDMETHODCALLTYPE Subscribe(
      DWORD dwEventFlags = VSS_SM_BACKUP_EVENTS_FLAG |
                           VSS_SM_RESTORE_EVENTS_FLAG) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->Subscribe(0, dwEventFlags);
  }

  // Stops receiving events; S_OK once initialized.
  HRESULT STDMETHODCALLTYPE Unsubscribe() {
    if (m_pWriterImpl == NULL) return E_FAIL;
    m_pWriterImpl->Unsubscribe();
    return S_OK;
  }

  // Installs an alternate writer (reserved by the documentation).
  HRESULT STDMETHODCALLTYPE InstallAlternateWriter(
      VSS_ID writerId, CLSID persistentWriterClassId) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->InstallAlternateWriter(writerId,
                                                 persistentWriterClassId);
  }

  // --- Callbacks: one per event. ---------------------------------------
  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) {
    (void)pMetadata;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPrepareBackup(
      IVssWriterComponents* pComponent) {
    (void)pComponent;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPrepareSnapshot() = 0;
  virtual bool STDMETHODCALLTYPE OnFreeze() = 0;
  virtual bool STDMETHODCALLTYPE OnThaw() = 0;
  virtual bool STDMETHODCALLTYPE OnAbort() = 0;
  virtual bool STDMETHODCALLTYPE OnBackupComplete(
      IVssWriterComponents* pComponent) {
    (void)pComponent;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId) {
    (void)SnapshotSetId;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents* pComponent) {
    (void)pComponent;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPostRestore(
      IVssWriterComponents* pComponent) {
    (void)pComponent;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPostSnapshot(
      IVssWriterComponents* pComponent) {
    (void)pComponent;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName,
                                                     VSS_ID snapshotId,
                                                     VSS_ID providerId) {
    (void)wszVolumeName;
    (void)snapshotId;
    (void)providerId;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnContinueIOOnVolume(VSS_PWSZ wszVolumeName,
                                                      VSS_ID snapshotId,
                                                      VSS_ID providerId) {
    (void)wszVolumeName;
    (void)snapshotId;
    (void)providerId;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnVSSShutdown() { return true; }
  virtual bool STDMETHODCALLTYPE OnVSSApplicationStartup() { return true; }

 protected:
  // --- Helpers for callbacks; each has a documented valid window. -------
  LPCWSTR* STDMETHODCALLTYPE GetCurrentVolumeArray() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetCurrentVolumeArray()
                                 : NULL;
  }
  UINT STDMETHODCALLTYPE GetCurrentVolumeCount() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetCurrentVolumeCount() : 0;
  }
  HRESULT STDMETHODCALLTYPE GetSnapshotDeviceName(
      LPCWSTR wszOriginalVolume, LPCWSTR* ppwszSnapshotDevice) const {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->GetSnapshotDeviceName(wszOriginalVolume,
                                                ppwszSnapshotDevice);
  }
  VSS_ID STDMETHODCALLTYPE GetCurrentSnapshotSetId() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetCurrentSnapshotSetId()
                                 : GUID_NULL;
  }
  LONG STDMETHODCALLTYPE GetContext() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetContext() : 0;
  }
  VSS_APPLICATION_LEVEL STDMETHODCALLTYPE GetCurrentLevel() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetCurrentLevel()
                                 : VSS_APP_AUTO;
  }
  bool STDMETHODCALLTYPE IsPathAffected(LPCWSTR wszPath) const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->IsPathAffected(wszPath)
                                 : false;
  }
  bool STDMETHODCALLTYPE IsBootableSystemStateBackedUp() const {
    return m_pWriterImpl != NULL
               ? m_pWriterImpl->IsBootableSystemStateBackedUp()
               : false;
  }
  bool STDMETHODCALLTYPE AreComponentsSelected() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->AreComponentsSelected()
                                 : false;
  }
  VSS_BACKUP_TYPE STDMETHODCALLTYPE GetBackupType() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetBackupType()
                                 : VSS_BT_UNDEFINED;
  }
  VSS_RESTORE_TYPE STDMETHODCALLTYPE GetRestoreType() const {
    return m_pWriterImpl != NULL ? m_pWriterImpl->GetRestoreType()
                                 : VSS_RTYPE_UNDEFINED;
  }
  bool STDMETHODCALLTYPE IsPartialFileSupportEnabled() const {
    return m_pWriterImpl != NULL
               ? m_pWriterImpl->IsPartialFileSupportEnabled()
               : false;
  }
  HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->SetWriterFailure(hr);
  }

  // Releases the implementation after a failed initialization.
  void ReleaseWriterImpl() {
    if (m_pWriterImpl != NULL) {
      m_pWriterImpl->Release();
      m_pWriterImpl = NULL;
    }
  }

  IVssWriterImpl* m_pWriterImpl;

 private:
  CVssWriter(const CVssWriter&);
  CVssWriter& operator=(const CVssWriter&);
};

// A writer with a version, OnIdentifyEx and GetIdentifyInformation (Windows
// Vista and later). Its Identify callbacks default to false.
class CVssWriterEx : public CVssWriter {
 public:
  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) {
    (void)pMetadata;
    return false;
  }
  virtual bool STDMETHODCALLTYPE OnIdentifyEx(
      IVssCreateWriterMetadataEx* pMetadata) {
    (void)pMetadata;
    return false;
  }

  // As CVssWriter::Initialize, reporting version 0.0.
  HRESULT STDMETHODCALLTYPE Initialize(
      VSS_ID WriterId, LPCWSTR wszWriterName, VSS_USAGE_TYPE ut,
      VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
      DWORD dwTimeoutFreeze = 60000,
      VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
      bool bIOThrottlingOnly = false, LPCWSTR wszWriterInstanceName = NULL) {
    return InitializeEx(WriterId, wszWriterName, 0, 0, ut, st, nLevel,
                        dwTimeoutFreeze, aws, bIOThrottlingOnly,
                        wszWriterInstanceName);
  }

  // Registers the writer's identity, including its version.
  HRESULT STDMETHODCALLTYPE InitializeEx(
      VSS_ID WriterId, LPCWSTR wszWriterName, DWORD dwMajorVersion,
      DWORD dwMinorVersion, VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st,
      VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
      DWORD dwTimeoutFreeze = 60000,
      VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
      bool bIOThrottlingOnly = false, LPCWSTR wszWriterInstanceName = NULL) {
    if (m_pWriterImpl != NULL) return E_FAIL;
    HRESULT hr = CreateWriterEx(this, &m_pWriterImpl);
    if (FAILED(hr)) {
      m_pWriterImpl = NULL;
      return hr;
    }
    hr = m_pWriterImpl->Initialize(WriterId, wszWriterName,
                                   wszWriterInstanceName, dwMajorVersion,
                                   dwMinorVersion, ut, st, nLevel,
                                   dwTimeoutFreeze, aws, bIOThrottlingOnly);
    if (FAILED(hr)) ReleaseWriterImpl();
    return hr;
  }

 protected:
  // Returns the writer's own last metadata; VSS keeps the reference.
  HRESULT STDMETHODCALLTYPE GetIdentifyInformation(
      IVssExamineWriterMetadata** ppMetadata) {
    if (m_pWriterImpl == NULL || ppMetadata == NULL) return E_FAIL;
    *ppMetadata = m_pWriterImpl->GetIdentityInformation();
    return *ppMetadata != NULL ? S_OK : E_FAIL;
  }

  // Subscribe with an unsubscribe timeout.
  HRESULT STDMETHODCALLTYPE SubscribeEx(
      DWORD dwUnsubscribeTimeout,
      DWORD dwEventFlags = VSS_SM_BACKUP_EVENTS_FLAG |
                           VSS_SM_RESTORE_EVENTS_FLAG) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->Subscribe(dwUnsubscribeTimeout, dwEventFlags);
  }
};

// A writer with extended failure reporting and session ids (Windows Server
// 2008 R2 and later).
class CVssWriterEx2 : public CVssWriterEx {
 public:
  // Records an extended failure, read by GetWriterStatusEx.
  HRESULT STDMETHODCALLTYPE SetWriterFailureEx(
      HRESULT hrWriter, HRESULT hrApplication = S_FALSE,
      LPCWSTR wszApplicationMessage = NULL) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->SetWriterFailureEx(hrWriter, hrApplication,
                                             wszApplicationMessage);
  }

  // Returns the id of the current backup or restore session.
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) {
    if (m_pWriterImpl == NULL) return E_FAIL;
    return m_pWriterImpl->GetSessionId(idSession);
  }

  // Tells a long-running callback that the writer is being shut down.
  bool STDMETHODCALLTYPE IsWriterShuttingDown() {
    return m_pWriterImpl != NULL ? m_pWriterImpl->IsWriterShuttingDown()
                                 : false;
  }
};

// --- Express writers (Windows 7 / Windows Server 2008 R2 and later). -------
// An application describes its file-group components once and registers
// the description; VSS itself then answers for the writer in backups and
// restores, and the application runs no writer code.

// Builds an express writer's Writer Metadata Document. Unlike
// IVssCreateWriterMetadata it is a counted COM interface.
MIDL_INTERFACE("9c772e77-b26e-427f-92dd-c996f41ea5e3")
IVssCreateExpressWriterMetadata : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath,
                                                    LPCWSTR wszFilespec,
                                                    bool bRecursive) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponent(
      VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszCaption, const BYTE* pbIcon, UINT cbIcon,
      bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable,
      bool bSelectableForRestore = false, DWORD dwComponentFlags = 0) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(
      LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation,
      DWORD dwBackupTypeMask = VSS_FSBT_ALL_BACKUP_REQUIRED |
                               VSS_FSBT_ALL_SNAPSHOT_REQUIRED) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMethod(
      VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
      LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore,
      bool bRebootRequired) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponentDependency(
      LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName,
      VSS_ID onWriterId, LPCWSTR wszOnLogicalPath,
      LPCWSTR wszOnComponentName) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
};
VSSEMU_DECLARE_IID(IVssCreateExpressWriterMetadata, 0x9C772E77, 0xB26E,
                   0x427F, 0x92, 0xDD, 0xC9, 0x96, 0xF4, 0x1E, 0xA5, 0xE3)

// Creates, loads, registers and unregisters express writer metadata.
MIDL_INTERFACE("e33affdc-59c7-47b1-97d5-4266598f6235")
IVssExpressWriter : public IUnknown {
 public:
  virtual HRESULT STDMETHODCALLTYPE CreateMetadata(
      VSS_ID writerId, LPCWSTR writerName, VSS_USAGE_TYPE usageType,
      DWORD versionMajor, DWORD versionMinor, DWORD reserved,
      IVssCreateExpressWriterMetadata** ppMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE LoadMetadata(LPCWSTR metadata,
                                                 DWORD reserved) = 0;
  virtual HRESULT STDMETHODCALLTYPE Register() = 0;
  virtual HRESULT STDMETHODCALLTYPE Unregister(VSS_ID writerId) = 0;
};
VSSEMU_DECLARE_IID(IVssExpressWriter, 0xE33AFFDC, 0x59C7, 0x47B1, 0x97, 0xD5,
                   0x42, 0x66, 0x59, 0x8F, 0x62, 0x35)

extern "C" {
HRESULT STDAPICALLTYPE
CreateVssExpressWriterInternal(IVssExpressWriter** ppWriter);
}

// Creates an IVssExpressWriter object.
inline HRESULT CreateVssExpressWriter(IVssExpressWriter** ppWriter) {
  return CreateVssExpressWriterInternal(ppWriter);
}

#endif  // VSSEMU_SDK_VSWRITER_H_
