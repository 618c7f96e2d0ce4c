// IVssBackupComponents (and Ex to Ex4): the requester's handle on one backup,
// over a coordinator BackupSession.
//
// Contract: every call first finishes the object's outstanding asynchronous
// work (execution model: pending work runs before the next requester call),
// then checks the phase rules of spec 8.2-8.3: out of sequence ->
// VSS_E_BAD_STATE plus a violation naming the rule. The final Release
// finishes pending work, raises BackupShutdown (spec 4.4), frees the
// snapshot-set lock and deletes auto-release snapshots. Restore is
// complete (spec 11); the administrative calls (import, break, expose,
// revert) return E_NOTIMPL and are listed in the README.
#ifndef VSSEMU_REQUESTER_BACKUP_COMPONENTS_H_
#define VSSEMU_REQUESTER_BACKUP_COMPONENTS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <vsbackup.h>

#include "com/com_object.h"
#include "coordinator/backup_session.h"
#include "coordinator/operation.h"
#include "coordinator/service.h"

namespace vssemu::requester {

class BackupComponents
    : public com::ComObject<BackupComponents, IVssBackupComponentsEx4> {
 public:
  using Queryable =
      com::InterfaceList<IVssBackupComponents, IVssBackupComponentsEx,
                         IVssBackupComponentsEx2, IVssBackupComponentsEx3,
                         IVssBackupComponentsEx4>;

  explicit BackupComponents(std::shared_ptr<coordinator::Service> service);
  ~BackupComponents() override;

  // --- IVssBackupComponents (vtable order). -----------------------------
  HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterComponents(
      UINT iWriter, IVssWriterComponentsExt** ppWriter) override;
  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR bstrXML) override;
  HRESULT STDMETHODCALLTYPE SetBackupState(bool bSelectComponents,
                                           bool bBackupBootableSystemState,
                                           VSS_BACKUP_TYPE backupType,
                                           bool bPartialFileSupport) override;
  HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR bstrXML) override;
  HRESULT STDMETHODCALLTYPE SetRestoreState(VSS_RESTORE_TYPE restoreType) override;
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** pAsync) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* pcWriters) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(
      UINT iWriter, VSS_ID* pidInstance,
      IVssExamineWriterMetadata** ppMetadata) override;
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override;
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instanceId, VSS_ID writerId,
                                         VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath,
                                         LPCWSTR wszComponentName) override;
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE AbortBackup() override;
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** pAsync) override;
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* pcWriters) override;
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override;
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT iWriter, VSS_ID* pidInstance,
                                            VSS_ID* pidWriter,
                                            BSTR* pbstrWriter,
                                            VSS_WRITER_STATE* pnStatus,
                                            HRESULT* phResultFailure) override;
  HRESULT STDMETHODCALLTYPE SetBackupSucceeded(VSS_ID instanceId,
                                               VSS_ID writerId,
                                               VSS_COMPONENT_TYPE ct,
                                               LPCWSTR wszLogicalPath,
                                               LPCWSTR wszComponentName,
                                               bool bSucceded) override;
  HRESULT STDMETHODCALLTYPE SetBackupOptions(VSS_ID writerId,
                                             VSS_COMPONENT_TYPE ct,
                                             LPCWSTR wszLogicalPath,
                                             LPCWSTR wszComponentName,
                                             LPCWSTR wszBackupOptions) override;
  HRESULT STDMETHODCALLTYPE SetSelectedForRestore(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bSelectedForRestore) override;
  HRESULT STDMETHODCALLTYPE SetRestoreOptions(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszRestoreOptions) override;
  HRESULT STDMETHODCALLTYPE SetAdditionalRestores(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bAdditionalRestores) override;
  HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszPreviousBackupStamp) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;
  HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE AddAlternativeLocationMapping(
      VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath,
      LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszDestination) override;
  HRESULT STDMETHODCALLTYPE AddRestoreSubcomponent(
      VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
      LPCWSTR wszSubComponentLogicalPath, LPCWSTR wszSubComponentName,
      bool bRepair) override;
  HRESULT STDMETHODCALLTYPE SetFileRestoreStatus(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, VSS_FILE_RESTORE_STATUS status) override;
  HRESULT STDMETHODCALLTYPE AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath,
                                         LPCWSTR wszComponentName,
                                         LPCWSTR wszPath, LPCWSTR wszFileName,
                                         bool bRecursive,
                                         LPCWSTR wszAlternatePath) override;
  HRESULT STDMETHODCALLTYPE SetRangesFilePath(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, UINT iPartialFile,
      LPCWSTR wszRangesFile) override;
  HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE SetContext(LONG lContext) override;
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* pSnapshotSetId) override;
  HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ pwszVolumeName,
                                             VSS_ID ProviderId,
                                             VSS_ID* pidSnapshot) override;
  HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE DeleteSnapshots(
      VSS_ID SourceObjectId, VSS_OBJECT_TYPE eSourceObjectType,
      BOOL bForceDelete, LONG* plDeletedSnapshots,
      VSS_ID* pNondeletedSnapshotID) override;
  HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID SnapshotSetId) override;
  HRESULT STDMETHODCALLTYPE GetSnapshotProperties(
      VSS_ID SnapshotId, VSS_SNAPSHOT_PROP* pProp) override;
  HRESULT STDMETHODCALLTYPE Query(VSS_ID QueriedObjectId,
                                  VSS_OBJECT_TYPE eQueriedObjectType,
                                  VSS_OBJECT_TYPE eReturnedObjectsType,
                                  IVssEnumObject** ppEnum) override;
  HRESULT STDMETHODCALLTYPE IsVolumeSupported(
      VSS_ID ProviderId, VSS_PWSZ pwszVolumeName,
      BOOL* pbSupportedByThisProvider) override;
  HRESULT STDMETHODCALLTYPE DisableWriterClasses(const VSS_ID* rgWriterClassId,
                                                 UINT cClassId) override;
  HRESULT STDMETHODCALLTYPE EnableWriterClasses(const VSS_ID* rgWriterClassId,
                                                UINT cClassId) override;
  HRESULT STDMETHODCALLTYPE DisableWriterInstances(
      const VSS_ID* rgWriterInstanceId, UINT cInstanceId) override;
  HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID SnapshotId,
                                           VSS_PWSZ wszPathFromRoot,
                                           LONG lAttributes, VSS_PWSZ wszExpose,
                                           VSS_PWSZ* pwszExposed) override;
  HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID SnapshotId,
                                             BOOL bForceDismount) override;
  HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ pwszVolume,
                                              IVssAsync** ppAsync) override;

  // --- IVssBackupComponentsEx. ------------------------------------------
  HRESULT STDMETHODCALLTYPE GetWriterMetadataEx(
      UINT iWriter, VSS_ID* pidInstance,
      IVssExamineWriterMetadataEx** ppMetadata) override;
  HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bSelectedForRestore,
      VSS_ID instanceId) override;

  // --- IVssBackupComponentsEx2. -----------------------------------------
  HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID snapshotId) override;
  HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(
      VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, bool bAuth) override;
  HRESULT STDMETHODCALLTYPE SetRollForward(VSS_ID writerId,
                                           VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath,
                                           LPCWSTR wszComponentName,
                                           VSS_ROLLFORWARD_TYPE rollType,
                                           LPCWSTR wszRollForwardPoint) override;
  HRESULT STDMETHODCALLTYPE SetRestoreName(VSS_ID writerId,
                                           VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath,
                                           LPCWSTR wszComponentName,
                                           LPCWSTR wszRestoreName) override;
  HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID SnapshotSetID,
                                               DWORD dwBreakFlags,
                                               IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE PreFastRecovery(VSS_ID SnapshotSetID,
                                            DWORD dwPreFastRecoveryFlags,
                                            IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID SnapshotSetID,
                                         DWORD dwFastRecoveryFlags,
                                         IVssAsync** ppAsync) override;

  // --- IVssBackupComponentsEx3. -----------------------------------------
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(
      UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter, BSTR* pbstrWriter,
      VSS_WRITER_STATE* pnStatus, HRESULT* phrFailureWriter,
      HRESULT* phrApplication, BSTR* pbstrApplicationMessage) override;
  HRESULT STDMETHODCALLTYPE AddSnapshotToRecoverySet(
      VSS_ID snapshotId, DWORD dwFlags,
      VSS_PWSZ pwszDestinationVolume) override;
  HRESULT STDMETHODCALLTYPE RecoverSet(DWORD dwFlags,
                                       IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) override;

  // --- IVssBackupComponentsEx4. -----------------------------------------
  HRESULT STDMETHODCALLTYPE GetRootAndLogicalPrefixPaths(
      VSS_PWSZ pwszFilePath, VSS_PWSZ* ppwszRootPath,
      VSS_PWSZ* ppwszLogicalPrefix, BOOL bNormalizeFQDNforRootPath) override;

 private:
  enum class FilterKind { kDisableClasses, kEnableClasses, kDisableInstances };

  // The body of SetBackupState on an object initialized for restore.
  HRESULT SetBackupStateInRestore(bool select_components,
                                  bool bootable_system_state,
                                  VSS_BACKUP_TYPE type,
                                  bool partial_file_support);
  // Returns whether context is a documented context with allowed modifiers.
  static bool IsValidContext(LONG context);
  // The shared body of the three writer filter calls (spec 15.1).
  HRESULT ApplyFilter(const char* call, const VSS_ID* ids, UINT count,
                      FilterKind kind);
  // Reacts to IVssAsync::Cancel of one of this object's operations.
  void OnCancel();
  // Spec 9.5: SetBackupSucceeded for every added component before
  // BackupComplete; reports each one left out.
  void CheckComponentsReported();
  // Reports components added to a backup that SetBackupState left out of
  // component mode (judged at PrepareForBackup, spec 2.1).
  void CheckComponentMode();
  // Reports writers whose required components were not added (spec 9.2).
  void CheckRequiredComponents();
  // Deletes the object's auto-release snapshots (at the final Release).
  void ReleaseSnapshots();
  // Runs the object's outstanding asynchronous work to its end.
  void FinishPendingWork();
  // Starts call's operation and hands its IVssAsync to *out.
  HRESULT StartAsync(const char* call,
                     const std::function<void(coordinator::Operation&)>& queue,
                     std::function<void(coordinator::Operation&)> done,
                     IVssAsync** out);
  // Records a requester call and its result in the trace; returns hr.
  HRESULT Traced(std::string_view call, HRESULT hr);
  // Returns VSS_E_BAD_STATE after reporting that call broke rule.
  HRESULT OutOfSequence(const char* call, const char* rule,
                        const char* section, const std::string& why);
  // Returns whether the object was initialized for backup.
  bool ForBackup() const;
  // Returns whether the object was initialized for restore.
  bool ForRestore() const;
  // Checks the phase and participation rules of SetSelectedForRestore(Ex)
  // (spec 11.1); returns S_OK to go on, else the traced HRESULT.
  HRESULT CheckRestoreSelection(const char* call, VSS_ID writerId,
                                VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
                                LPCWSTR wszComponentName);
  // When, in a restore, a restore setting may be called (spec 11.1).
  enum class RestoreWindow {
    kBeforePreRestore,   // Steps 8-9.
    kUntilPostRestore,   // SetAdditionalRestores (Q30).
    kCopyPhase,          // Step 14: after PreRestore, before PostRestore.
  };
  // Checks that call is made in a restore, inside window; returns S_OK to
  // go on, else the traced VSS_E_BAD_STATE.
  HRESULT CheckRestoreWindow(const char* call, RestoreWindow window);
  // Reports a violation when the component's writer did not advertise
  // schema_bit in its backup schema (spec 12.2); the call still succeeds,
  // as no error is documented for it.
  void CheckSchemaBit(const char* call, VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                      LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                      DWORD schema_bit);
  // Returns the status row at index, or NULL.
  const coordinator::StatusEntry* StatusAt(UINT index) const;

  std::shared_ptr<coordinator::Service> service_;
  coordinator::BackupSession session_;
  std::vector<std::shared_ptr<coordinator::Operation>> pending_;
  std::string name_;  // requester#N, for the trace.
};

}  // namespace vssemu::requester

#endif  // VSSEMU_REQUESTER_BACKUP_COMPONENTS_H_
