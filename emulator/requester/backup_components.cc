// IVssBackupComponents: lifetime, initialization, context, backup state,
// writer filters, the async plumbing and the calls vssemu does not emulate.
#include "requester/backup_components.h"

#include <vssemu/memory/block_cache.h>
#include <vsserror.h>

#include "coordinator/backup_sequence.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/bcd_xml.h"
#include "metadata/bcd_xml_enums.h"
#include "requester/async.h"

namespace vssemu::requester {

BackupComponents::BackupComponents(std::shared_ptr<coordinator::Service> service)
    : service_(std::move(service)),
      session_(service_->NextRequester(), service_->ids().Next()) {
  name_ = "requester#" + std::to_string(session_.id);
  service_->AddSession(&session_);
  service_->Record("call", {{"name", "CreateVssBackupComponents"},
                            {"requester", name_},
                            {"result", "S_OK"}});
}

BackupComponents::~BackupComponents() {
  FinishPendingWork();
  session_.released = true;
  service_->Record("call", {{"name", "Release"}, {"requester", name_}});
  // Spec 4.3: once PrepareForBackup was called, a backup ends with
  // BackupComplete or AbortBackup; releasing the object instead leaves the
  // writers' view of the backup to the service's cleanup.
  if (session_.kind == coordinator::BackupSession::Kind::kBackup &&
      session_.prepare_started && !session_.complete_started &&
      !session_.aborted) {
    service_->Violate("requester.release-without-abort", "4.3",
                      name_ + " released its object after PrepareForBackup "
                              "without BackupComplete or AbortBackup");
  }
  // Spec 4.4 and Q16: the final release of a backup object that reached
  // PrepareForBackup raises BackupShutdown.
  if (session_.kind == coordinator::BackupSession::Kind::kBackup &&
      session_.prepare_started) {
    coordinator::DeliverBackupShutdown(*service_, session_);
  }
  ReleaseSnapshots();
  service_->RemoveSession(&session_);
}

void BackupComponents::FinishPendingWork() {
  for (auto& op : pending_) RunToEnd(*service_, *op);
  pending_.clear();
}

HRESULT BackupComponents::StartAsync(
    const char* call,
    const std::function<void(coordinator::Operation&)>& queue,
    std::function<void(coordinator::Operation&)> done,
    IVssAsync** out) {
  // Every asynchronous call makes one and drops it a few calls later.
  auto op = std::allocate_shared<coordinator::Operation>(
      memory::BlockAllocator<coordinator::Operation>(), &service_->scheduler(),
      call);
  queue(*op);
  service_->OperationStarted();
  if (std::string_view(call) != "GatherWriterStatus") {
    coordinator::QueueIntruder(*service_, *op);
  }
  // call is one of this object's method names, a literal.
  op->on_done = [this, done = std::move(done), call](coordinator::Operation& finished) {
    service_->OperationEnded();
    done(finished);
    service_->Record("async", {{"name", call},
                               {"requester", name_},
                               {"status", coordinator::TraceHr(finished.status())}});
  };
  pending_.push_back(op);
  op->Start();
  *out = com::MakeComObject<Async>(service_, op, [this] { OnCancel(); }).detach();
  return Traced(call, S_OK);
}

void BackupComponents::OnCancel() {
  // Spec Q15: cancelling DoSnapshotSet before its writers were thawed
  // aborts them; cancelling anything else sends no new event.
  if (session_.snapshot_started && !session_.snapshot_done) {
    session_.snapshot_failed = true;
    coordinator::DeliverAbortBackup(*service_, session_);
    service_->UnlockSnapshotSet(&session_);
  }
}

HRESULT BackupComponents::Traced(std::string_view call, HRESULT hr) {
  service_->Record("call", {{"name", call},
                            {"requester", name_},
                            {"result", coordinator::TraceHr(hr)}});
  return hr;
}

HRESULT BackupComponents::OutOfSequence(const char* call, const char* rule,
                                        const char* section,
                                        const std::string& why) {
  service_->Violate(rule, section, std::string(call) + ": " + why);
  return Traced(call, VSS_E_BAD_STATE);
}

bool BackupComponents::ForBackup() const {
  return session_.kind == coordinator::BackupSession::Kind::kBackup;
}

HRESULT BackupComponents::InitializeForBackup(BSTR bstrXML) {
  FinishPendingWork();
  if (session_.kind != coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("InitializeForBackup", "requester.initialize-twice",
                         "8.3", "the object is already initialized");
  }
  if (service_->options().access_denied.initialize_for_backup) {
    return Traced("InitializeForBackup", E_ACCESSDENIED);
  }
  if (bstrXML != nullptr && SysStringLen(bstrXML) > 0) {
    // A transportable shadow copy's saved document (spec 2.1 row 2).
    metadata::BackupComponentsDocument loaded;
    std::string error;
    if (metadata::LoadBcd(bstrXML, &loaded, &error) != S_OK) {
      service_->Record("note", {{"requester", name_}, {"xml_error", error}});
      return Traced("InitializeForBackup", VSS_E_INVALID_XML_DOCUMENT);
    }
    session_.bcd = std::move(loaded);
  }
  session_.kind = coordinator::BackupSession::Kind::kBackup;
  return Traced("InitializeForBackup", S_OK);
}

HRESULT BackupComponents::SetContext(LONG lContext) {
  FinishPendingWork();
  if (!ForBackup()) {
    return OutOfSequence("SetContext", "requester.not-initialized", "8.3",
                         "call InitializeForBackup first");
  }
  if (session_.context_set) {
    return OutOfSequence("SetContext", "requester.context-twice", "2.1",
                         "SetContext may be called only once");
  }
  if (session_.set_started) {
    return OutOfSequence("SetContext", "requester.context-after-start", "8.3",
                         "SetContext must precede StartSnapshotSet");
  }
  if (!IsValidContext(lContext)) return Traced("SetContext", E_INVALIDARG);
  session_.context = lContext;
  session_.context_set = true;
  session_.bcd.context = lContext;
  return Traced("SetContext", S_OK);
}

bool BackupComponents::IsValidContext(LONG context) {
  if (context == VSS_CTX_ALL) return true;
  // Spec 14.1: the base is one of the documented contexts; Q32: these
  // attributes may be ORed in, DIFFERENTIAL and PLEX not together, and
  // neither with CLIENT_ACCESSIBLE.
  constexpr LONG kBaseBits = VSS_VOLSNAP_ATTR_PERSISTENT |
                             VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE |
                             VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE |
                             VSS_VOLSNAP_ATTR_NO_WRITERS;
  constexpr LONG kModifiers =
      VSS_VOLSNAP_ATTR_TRANSPORTABLE | VSS_VOLSNAP_ATTR_DIFFERENTIAL |
      VSS_VOLSNAP_ATTR_PLEX | VSS_VOLSNAP_ATTR_NO_AUTORECOVERY |
      VSS_VOLSNAP_ATTR_NOT_TRANSACTED | VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY |
      VSS_VOLSNAP_ATTR_TXF_RECOVERY;
  const LONG base = context & kBaseBits;
  const LONG modifiers = context & ~kBaseBits;
  const bool base_ok =
      base == VSS_CTX_BACKUP || base == VSS_CTX_FILE_SHARE_BACKUP ||
      base == VSS_CTX_NAS_ROLLBACK || base == VSS_CTX_APP_ROLLBACK ||
      base == VSS_CTX_CLIENT_ACCESSIBLE ||
      base == VSS_CTX_CLIENT_ACCESSIBLE_WRITERS;
  const bool split = (modifiers & (VSS_VOLSNAP_ATTR_DIFFERENTIAL |
                                   VSS_VOLSNAP_ATTR_PLEX)) != 0;
  return base_ok && (modifiers & ~kModifiers) == 0 &&
         !((modifiers & VSS_VOLSNAP_ATTR_DIFFERENTIAL) &&
           (modifiers & VSS_VOLSNAP_ATTR_PLEX)) &&
         !(split && base == VSS_CTX_CLIENT_ACCESSIBLE);
}

HRESULT BackupComponents::SetBackupState(bool bSelectComponents,
                                         bool bBackupBootableSystemState,
                                         VSS_BACKUP_TYPE backupType,
                                         bool bPartialFileSupport) {
  FinishPendingWork();
  if (ForRestore()) {
    return SetBackupStateInRestore(bSelectComponents,
                                   bBackupBootableSystemState, backupType,
                                   bPartialFileSupport);
  }
  if (!ForBackup()) {
    return OutOfSequence("SetBackupState", "requester.not-initialized", "8.3",
                         "call InitializeForBackup or InitializeForRestore "
                         "first");
  }
  if (session_.prepare_started) {
    return OutOfSequence("SetBackupState", "requester.state-after-prepare",
                         "2.1", "SetBackupState must precede PrepareForBackup");
  }
  HRESULT hr = metadata::SetBackupState(&session_.bcd, bSelectComponents,
                                        bBackupBootableSystemState, backupType,
                                        bPartialFileSupport);
  if (SUCCEEDED(hr)) session_.backup_state_set = true;
  return Traced("SetBackupState", hr);
}

HRESULT BackupComponents::SetBackupStateInRestore(bool select_components,
                                                  bool bootable_system_state,
                                                  VSS_BACKUP_TYPE type,
                                                  bool partial_file_support) {
  // The documentation says SetBackupState chooses component mode for "a
  // backup or restore operation", and Microsoft's vshadow sample calls it
  // after InitializeForRestore and stops if it fails, so a restore accepts
  // it until PreRestore. The values replace the loaded document's, as in a
  // backup; each one that differs is traced, since writers read them back.
  if (session_.pre_restore_started) {
    return OutOfSequence("SetBackupState", "requester.state-after-prerestore",
                         "11.1", "SetBackupState must precede PreRestore");
  }
  struct State {
    bool select_components, bootable_system_state, partial_file_support;
    VSS_BACKUP_TYPE backup_type;
  };
  const State before{session_.bcd.select_components,
                     session_.bcd.bootable_system_state,
                     session_.bcd.partial_file_support,
                     session_.bcd.backup_type};
  HRESULT hr = metadata::SetBackupState(&session_.bcd, select_components,
                                        bootable_system_state, type,
                                        partial_file_support);
  if (SUCCEEDED(hr)) {
    coordinator::TraceFields changed{{"requester", name_}};
    auto note = [&](const char* field, bool differs, std::string value) {
      if (differs) changed.emplace_back(field, std::move(value));
    };
    const auto& after = session_.bcd;
    auto yes_no = [](bool b) { return std::string(b ? "yes" : "no"); };
    note("select_components", before.select_components != after.select_components,
         yes_no(after.select_components));
    note("bootable_system_state",
         before.bootable_system_state != after.bootable_system_state,
         yes_no(after.bootable_system_state));
    note("backup_type", before.backup_type != after.backup_type,
         metadata::bcd_xml::ToXml(after.backup_type));
    note("partial_file_support",
         before.partial_file_support != after.partial_file_support,
         yes_no(after.partial_file_support));
    if (changed.size() > 1) service_->Record("restore-backup-state", changed);
  }
  return Traced("SetBackupState", hr);
}

HRESULT BackupComponents::ApplyFilter(const char* call, const VSS_ID* ids,
                                      UINT count, FilterKind kind) {
  FinishPendingWork();
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence(call, "requester.not-initialized", "15.1",
                         "initialize the object first");
  }
  if (count > 0 && ids == nullptr) return Traced(call, E_INVALIDARG);
  if (session_.gather_started) {
    // Spec 15.1 rule 7: no effect once the metadata has been gathered.
    service_->Violate("requester.filter-after-gather", "15.1",
                      std::string(call) +
                          " after GatherWriterMetadata has no effect");
    return Traced(call, S_OK);
  }
  for (UINT i = 0; i < count; ++i) {
    const std::string id = coordinator::TraceGuid(ids[i]);
    switch (kind) {
      case FilterKind::kDisableClasses:
        session_.disabled_classes.insert(id);
        session_.enabled_classes.erase(id);
        break;
      case FilterKind::kEnableClasses:
        session_.enabled_classes.insert(id);
        break;
      case FilterKind::kDisableInstances:
        session_.disabled_instances.insert(id);
        break;
    }
  }
  if (kind == FilterKind::kEnableClasses && !session_.class_whitelist) {
    // Rule 3-4: the first Enable switches to a white list and discards the
    // earlier disables.
    session_.class_whitelist = true;
    session_.disabled_classes.clear();
  }
  return Traced(call, S_OK);
}

HRESULT BackupComponents::DisableWriterClasses(const VSS_ID* rgWriterClassId,
                                               UINT cClassId) {
  return ApplyFilter("DisableWriterClasses", rgWriterClassId, cClassId,
                     FilterKind::kDisableClasses);
}

HRESULT BackupComponents::EnableWriterClasses(const VSS_ID* rgWriterClassId,
                                              UINT cClassId) {
  return ApplyFilter("EnableWriterClasses", rgWriterClassId, cClassId,
                     FilterKind::kEnableClasses);
}

HRESULT BackupComponents::DisableWriterInstances(
    const VSS_ID* rgWriterInstanceId, UINT cInstanceId) {
  return ApplyFilter("DisableWriterInstances", rgWriterInstanceId, cInstanceId,
                     FilterKind::kDisableInstances);
}

HRESULT BackupComponents::GetSessionId(VSS_ID* idSession) {
  FinishPendingWork();
  if (idSession == nullptr) return Traced("GetSessionId", E_INVALIDARG);
  *idSession = session_.session_id;
  return Traced("GetSessionId", S_OK);
}

}  // namespace vssemu::requester
