#include "writer/writer_impl.h"

#include <vsserror.h>

#include "com/hresult_table.h"
#include "coordinator/backup_session.h"
#include "coordinator/provider_system.h"
#include "metadata/wmd_examine.h"
#include "metadata/xml_util.h"
#include "paths/vss_paths.h"

namespace vssemu::writer {
namespace {

using coordinator::CallbackContext;
using coordinator::WriterEvent;

bool IsSequenceEvent(WriterEvent event) {
  return event == WriterEvent::kPrepareForSnapshot ||
         event == WriterEvent::kFreeze || event == WriterEvent::kThaw ||
         event == WriterEvent::kPostSnapshot;
}

}  // namespace

WriterImpl::WriterImpl(std::shared_ptr<coordinator::Service> service,
                       CVssWriter* writer, CVssWriterEx* writer_ex)
    : service_(std::move(service)),
      record_(std::make_shared<coordinator::WriterRecord>()) {
  record_->writer = writer;
  record_->writer_ex = writer_ex;
}

WriterImpl::~WriterImpl() { Uninitialize(); }

HRESULT WriterImpl::Initialize(VSS_ID writerId, LPCWSTR wszWriterName,
                               LPCWSTR wszWriterInstanceName,
                               DWORD dwMajorVersion, DWORD dwMinorVersion,
                               VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st,
                               VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeout,
                               VSS_ALTERNATE_WRITER_STATE aws,
                               bool bIOThrottlingOnly) {
  if (initialized_) return E_FAIL;
  // The documented argument checks of CVssWriter::Initialize.
  if (wszWriterName == nullptr || writerId == GUID_NULL ||
      ut < VSS_UT_BOOTABLESYSTEMSTATE || ut > VSS_UT_OTHER ||
      st < VSS_ST_TRANSACTEDDB || st > VSS_ST_OTHER ||
      nLevel < VSS_APP_SYSTEM || nLevel > VSS_APP_FRONT_END) {
    return E_INVALIDARG;
  }
  if (AccessDenied::Denies(service_->options().access_denied.writer_initialize,
                           wszWriterName)) {
    service_->Record("fault", {{"name", "E_ACCESSDENIED"},
                               {"at", "Initialize"},
                               {"writer", metadata::ToUtf8(wszWriterName)}});
    return E_ACCESSDENIED;
  }
  coordinator::WriterRecord& r = *record_;
  r.registration = service_->NextRegistration();
  r.identity.writer_id = writerId;
  r.identity.instance_id = service_->ids().Next();
  r.identity.writer_name = wszWriterName;
  if (wszWriterInstanceName != nullptr) {
    r.identity.instance_name = std::wstring(wszWriterInstanceName);
  }
  r.identity.usage = ut;
  r.identity.source = st;
  r.identity.major_version = dwMajorVersion;
  r.identity.minor_version = dwMinorVersion;
  r.level = nLevel;
  r.freeze_timeout_ms = dwTimeout;
  r.alternate_state = aws;
  r.io_throttling_only = bIOThrottlingOnly;
  service_->AddWriter(record_);
  initialized_ = true;
  service_->Record(
      "writer", {{"name", "Initialize"},
                 {"writer", r.TraceName()},
                 {"class", coordinator::TraceGuid(writerId)},
                 {"instance", coordinator::TraceGuid(r.identity.instance_id)},
                 {"level", coordinator::LevelName(nLevel)},
                 {"freeze_timeout_ms", std::to_string(dwTimeout)}});
  return S_OK;
}

HRESULT WriterImpl::Subscribe(DWORD dwSubscribeTimeout, DWORD dwEventFlags) {
  if (!initialized_) return E_FAIL;
  if (record_->subscribed) return VSS_E_WRITER_ALREADY_SUBSCRIBED;
  if (AccessDenied::Denies(service_->options().access_denied.subscribe,
                           record_->identity.writer_name)) {
    service_->Record("fault", {{"name", "E_ACCESSDENIED"},
                               {"at", "Subscribe"},
                               {"writer", record_->TraceName()}});
    return E_ACCESSDENIED;
  }
  record_->subscribed = true;
  record_->event_flags = dwEventFlags;
  record_->unsubscribe_timeout_ms = dwSubscribeTimeout;
  service_->Record("writer", {{"name", "Subscribe"},
                              {"writer", record_->TraceName()}});
  return S_OK;
}

HRESULT WriterImpl::Unsubscribe() {
  if (!initialized_) return E_FAIL;
  if (record_->subscribed) {
    record_->subscribed = false;
    service_->Record("writer", {{"name", "Unsubscribe"},
                                {"writer", record_->TraceName()}});
    service_->WriterLeft(record_.get());
  }
  return S_OK;
}

void WriterImpl::Uninitialize() {
  if (!initialized_) return;
  initialized_ = false;
  record_->shutting_down = true;
  record_->subscribed = false;
  record_->writer = nullptr;
  record_->writer_ex = nullptr;
  service_->Record("writer", {{"name", "Uninitialize"},
                              {"writer", record_->TraceName()}});
  service_->RemoveWriter(record_.get());
}

CallbackContext* WriterImpl::Callback() const { return record_->current; }

bool WriterImpl::InBackupCallback(bool sequence_only) const {
  CallbackContext* c = Callback();
  if (c == nullptr || c->session == nullptr) return false;
  return !sequence_only || IsSequenceEvent(c->event);
}

LPCWSTR* WriterImpl::GetCurrentVolumeArray() const {
  if (!InBackupCallback(false)) return nullptr;
  volume_names_.clear();
  volume_array_.clear();
  for (const auto& v : Callback()->session->volumes) volume_names_.push_back(v.name);
  for (const auto& name : volume_names_) volume_array_.push_back(name.c_str());
  return volume_array_.empty() ? nullptr : volume_array_.data();
}

UINT WriterImpl::GetCurrentVolumeCount() const {
  if (!InBackupCallback(false)) return 0;
  return static_cast<UINT>(Callback()->session->volumes.size());
}

HRESULT WriterImpl::GetSnapshotDeviceName(LPCWSTR wszOriginalVolume,
                                          LPCWSTR* ppwszSnapshotDevice) const {
  if (wszOriginalVolume == nullptr || ppwszSnapshotDevice == nullptr) {
    return E_INVALIDARG;
  }
  *ppwszSnapshotDevice = nullptr;
  CallbackContext* c = Callback();
  // Spec 13.2: only inside OnPostSnapshot.
  if (c == nullptr || c->session == nullptr ||
      c->event != WriterEvent::kPostSnapshot) {
    service_->Violate("writer.device-name-outside-post-snapshot", "13.2",
                      record_->TraceName() +
                          " called GetSnapshotDeviceName outside OnPostSnapshot");
    return VSS_E_BAD_STATE;
  }
  for (const auto& v : c->session->volumes) {
    if (paths::SameFolder(v.name, wszOriginalVolume) &&
        !v.device_name.empty()) {
      device_name_ = v.device_name;
      *ppwszSnapshotDevice = device_name_.c_str();
      return S_OK;
    }
  }
  return VSS_E_OBJECT_NOT_FOUND;
}

VSS_ID WriterImpl::GetCurrentSnapshotSetId() const {
  // Spec 6.3: reliable only inside the sequence handlers.
  if (!InBackupCallback(true)) return GUID_NULL;
  return Callback()->session->snapshot_set_id;
}

LONG WriterImpl::GetContext() const {
  if (!InBackupCallback(false)) return VSS_CTX_BACKUP;
  const CallbackContext* c = Callback();
  // VSS sets AUTORECOVER for the writer to recover its components inside
  // the shadow copy during OnPostSnapshot (not for requesters to set).
  if (c->event == WriterEvent::kPostSnapshot &&
      coordinator::AutoRecovers(c->session->context)) {
    return c->session->context | VSS_VOLSNAP_ATTR_AUTORECOVER;
  }
  return c->session->context;
}

VSS_APPLICATION_LEVEL WriterImpl::GetCurrentLevel() const {
  return initialized_ ? record_->level : VSS_APP_AUTO;
}

bool WriterImpl::IsPathAffected(LPCWSTR wszPath) const {
  if (wszPath == nullptr || !InBackupCallback(false)) return false;
  std::wstring_view path(wszPath);
  for (const auto& v : Callback()->session->volumes) {
    std::wstring_view volume(v.name);
    if (path.size() >= 2 && volume.size() >= 2 &&
        paths::SameFolder(path.substr(0, 2), volume.substr(0, 2))) {
      return true;
    }
  }
  return false;
}

bool WriterImpl::IsBootableSystemStateBackedUp() const {
  return InBackupCallback(false) &&
         Callback()->session->bcd.bootable_system_state;
}

bool WriterImpl::AreComponentsSelected() const {
  return InBackupCallback(false) && Callback()->session->bcd.select_components;
}

VSS_BACKUP_TYPE WriterImpl::GetBackupType() const {
  if (!InBackupCallback(false)) return VSS_BT_UNDEFINED;
  return Callback()->session->bcd.backup_type;
}

VSS_RESTORE_TYPE WriterImpl::GetRestoreType() const {
  if (!InBackupCallback(false)) return VSS_RTYPE_UNDEFINED;
  return Callback()->session->bcd.restore_type;
}

bool WriterImpl::IsPartialFileSupportEnabled() const {
  return InBackupCallback(false) &&
         Callback()->session->bcd.partial_file_support;
}

HRESULT WriterImpl::RecordFailure(HRESULT hr, HRESULT hr_application,
                                  LPCWSTR message, const char* method) {
  if (!initialized_) return E_FAIL;
  CallbackContext* c = Callback();
  if (c == nullptr) {
    // Spec 3.4 rule 7: only on the thread (here: inside) of the handler.
    service_->Violate("writer.failure-outside-callback", "3.4",
                      record_->TraceName() + " called " + method +
                          " outside an event handler");
    return VSS_E_BAD_STATE;
  }
  if (c->event == WriterEvent::kIdentify) {
    // Spec 3.4 rule 8; the coordinator ignores the failure.
    service_->Violate("writer.failure-in-identify", "3.4",
                      record_->TraceName() + " called " + method +
                          " inside OnIdentify");
    return VSS_E_BAD_STATE;
  }
  const bool allowed =
      coordinator::IsWriterFailureCode(hr) ||
      (std::string_view(method) == "SetWriterFailureEx" &&
       (hr == S_OK || hr == VSS_E_WRITERERROR_PARTIAL_FAILURE));
  if (!allowed) {
    // Spec Q9: an undocumented value is refused and not recorded.
    service_->Violate("writer.failure-code", "3.3",
                      record_->TraceName() + " passed " +
                          com::HresultToString(hr) + " to " + method);
    return E_INVALIDARG;
  }
  coordinator::WriterFailure failure;
  failure.hr = hr;
  failure.hr_application = hr_application;
  if (message != nullptr) failure.message = std::wstring(message);
  c->failure = failure;
  return S_OK;
}

HRESULT WriterImpl::SetWriterFailure(HRESULT hr) {
  return RecordFailure(hr, S_FALSE, nullptr, "SetWriterFailure");
}

HRESULT WriterImpl::SetWriterFailureEx(HRESULT hr, HRESULT hrApplication,
                                       LPCWSTR wszApplicationMessage) {
  return RecordFailure(hr, hrApplication, wszApplicationMessage,
                       "SetWriterFailureEx");
}

HRESULT WriterImpl::InstallAlternateWriter(VSS_ID, CLSID) {
  // Documented as reserved; alternate writers are not emulated.
  return initialized_ ? E_NOTIMPL : E_FAIL;
}

IVssExamineWriterMetadata* WriterImpl::GetIdentityInformation() {
  CallbackContext* c = Callback();
  // Spec 13.3: only in OnPrepareBackup, OnPrepareSnapshot, OnPostSnapshot.
  if (c == nullptr || c->participant == nullptr ||
      !(c->event == WriterEvent::kPrepareForBackup ||
        c->event == WriterEvent::kPrepareForSnapshot ||
        c->event == WriterEvent::kPostSnapshot) ||
      !c->participant->metadata) {
    return nullptr;
  }
  // VSS keeps the reference; the caller must not release it.
  identify_information_ =
      metadata::MakeExamineWriterMetadata(c->participant->metadata);
  return identify_information_.get();
}

HRESULT WriterImpl::GetSessionId(VSS_ID* idSession) {
  if (idSession == nullptr) return E_INVALIDARG;
  if (!InBackupCallback(false)) return VSS_E_BAD_STATE;
  *idSession = Callback()->session->session_id;
  return S_OK;
}

bool WriterImpl::IsWriterShuttingDown() { return record_->shutting_down; }

}  // namespace vssemu::writer
