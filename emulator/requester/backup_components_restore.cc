// IVssBackupComponents: the restore sequence (spec 11.1): loading the saved
// document, the restore type, selecting components for restore, and
// PreRestore / PostRestore. The per-component restore settings are in
// backup_components_restore_settings.cc.
#include <vsserror.h>

#include <algorithm>

#include "coordinator/restore_sequence.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/bcd_xml.h"
#include "requester/backup_components.h"

namespace vssemu::requester {

bool BackupComponents::ForRestore() const {
  return session_.kind == coordinator::BackupSession::Kind::kRestore;
}

HRESULT BackupComponents::InitializeForRestore(BSTR bstrXML) {
  FinishPendingWork();
  if (session_.kind != coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("InitializeForRestore", "requester.initialize-twice",
                         "8.3", "the object is already initialized");
  }
  // The document comes from backup media (spec 11.1 step 2); one that does
  // not load leaves the object uninitialized, so the requester may retry.
  metadata::BackupComponentsDocument loaded;
  std::string error;
  if (metadata::LoadBcd(bstrXML, &loaded, &error) != S_OK) {
    service_->Record("note", {{"requester", name_}, {"xml_error", error}});
    return Traced("InitializeForRestore", VSS_E_INVALID_XML_DOCUMENT);
  }
  session_.bcd = std::move(loaded);
  session_.kind = coordinator::BackupSession::Kind::kRestore;
  return Traced("InitializeForRestore", S_OK);
}

HRESULT BackupComponents::SetRestoreState(VSS_RESTORE_TYPE restoreType) {
  FinishPendingWork();
  if (!ForRestore()) {
    return OutOfSequence("SetRestoreState", "requester.restore-call-in-backup",
                         "8.3", "call InitializeForRestore first");
  }
  if (session_.pre_restore_started) {
    return OutOfSequence("SetRestoreState",
                         "requester.restore-state-after-prerestore", "11.1",
                         "SetRestoreState must precede PreRestore");
  }
  return Traced("SetRestoreState",
                metadata::SetRestoreState(&session_.bcd, restoreType));
}

HRESULT BackupComponents::CheckRestoreSelection(const char* call,
                                                VSS_ID writerId,
                                                VSS_COMPONENT_TYPE ct,
                                                LPCWSTR wszLogicalPath,
                                                LPCWSTR wszComponentName) {
  if (!ForRestore() || !session_.gathered || session_.pre_restore_started) {
    return OutOfSequence(call, "requester.restore-select-out-of-order", "11.1",
                         "components are selected for restore after "
                         "InitializeForRestore and GatherWriterMetadata, "
                         "before PreRestore");
  }
  std::shared_ptr<metadata::BcdWriterComponents> entry;
  auto component = metadata::FindBcdComponent(
      session_.bcd, writerId, ct, wszLogicalPath, wszComponentName, &entry);
  // Argument errors and a component absent from the document are left to
  // the document operation, which reports them with their own HRESULTs.
  if (component == nullptr) return S_OK;
  // Participation rule 2: a writer that is not running cannot take part.
  if (!coordinator::HasLiveWriter(session_, entry->writer_id)) {
    service_->Record("note", {{"requester", name_},
                              {"call", call},
                              {"reason", "writer not running"}});
    return Traced(call, VSS_E_OBJECT_NOT_FOUND);
  }
  return S_OK;
}

HRESULT BackupComponents::SetSelectedForRestore(VSS_ID writerId,
                                                VSS_COMPONENT_TYPE ct,
                                                LPCWSTR wszLogicalPath,
                                                LPCWSTR wszComponentName,
                                                bool bSelectedForRestore) {
  FinishPendingWork();
  HRESULT hr = CheckRestoreSelection("SetSelectedForRestore", writerId, ct,
                                     wszLogicalPath, wszComponentName);
  if (hr != S_OK) return hr;
  return Traced("SetSelectedForRestore",
                metadata::SetSelectedForRestore(
                    &session_.bcd, writerId, ct, wszLogicalPath,
                    wszComponentName, bSelectedForRestore));
}

HRESULT BackupComponents::SetSelectedForRestoreEx(
    VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
    LPCWSTR wszComponentName, bool bSelectedForRestore, VSS_ID instanceId) {
  FinishPendingWork();
  HRESULT hr = CheckRestoreSelection("SetSelectedForRestoreEx", writerId, ct,
                                     wszLogicalPath, wszComponentName);
  if (hr != S_OK) return hr;
  // Spec 11.1 rule 4: moving a component means handing it to a running
  // instance, which must be one that answered Identify in this session.
  if (instanceId != GUID_NULL) {
    coordinator::Participant* target = session_.FindInstance(instanceId);
    if (target == nullptr || !target->identified) {
      return Traced("SetSelectedForRestoreEx", VSS_E_OBJECT_NOT_FOUND);
    }
    auto component = metadata::FindBcdComponent(
        session_.bcd, writerId, ct, wszLogicalPath, wszComponentName);
    auto entry = session_.bcd.FindWriterInstance(instanceId);
    const bool moves = entry == nullptr || std::find(entry->components.begin(),
                                                     entry->components.end(),
                                                     component) ==
                                               entry->components.end();
    if (moves) {
      CheckSchemaBit("SetSelectedForRestoreEx", writerId, ct, wszLogicalPath,
                     wszComponentName,
                     VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE);
    }
  }
  return Traced("SetSelectedForRestoreEx",
                metadata::SetSelectedForRestoreEx(
                    &session_.bcd, writerId, ct, wszLogicalPath,
                    wszComponentName, bSelectedForRestore, instanceId));
}

HRESULT BackupComponents::PreRestore(IVssAsync** ppAsync) {
  FinishPendingWork();
  if (ppAsync == nullptr) return Traced("PreRestore", E_INVALIDARG);
  *ppAsync = nullptr;
  if (!ForRestore() || !session_.gathered || session_.pre_restore_started) {
    return OutOfSequence("PreRestore", "requester.prerestore-out-of-order",
                         "11.1",
                         "PreRestore comes once, after "
                         "InitializeForRestore and "
                         "GatherWriterMetadata");
  }
  session_.pre_restore_started = true;
  return StartAsync(
      "PreRestore",
      [this](coordinator::Operation& op) {
        coordinator::QueuePreRestore(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.pre_restored = true; },
      ppAsync);
}

HRESULT BackupComponents::PostRestore(IVssAsync** ppAsync) {
  FinishPendingWork();
  if (ppAsync == nullptr) return Traced("PostRestore", E_INVALIDARG);
  *ppAsync = nullptr;
  if (!ForRestore() || !session_.pre_restored ||
      session_.post_restore_started) {
    return OutOfSequence("PostRestore", "requester.postrestore-out-of-order",
                         "11.1", "PostRestore comes once, after PreRestore");
  }
  session_.post_restore_started = true;
  return StartAsync(
      "PostRestore",
      [this](coordinator::Operation& op) {
        coordinator::QueuePostRestore(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.post_restored = true; },
      ppAsync);
}

}  // namespace vssemu::requester
