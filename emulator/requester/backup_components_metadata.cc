// IVssBackupComponents: the gathers (metadata and status) and their readers.
#include <vsserror.h>

#include "com/bstr.h"
#include "coordinator/backup_sequence.h"
#include "metadata/wmd_examine.h"
#include "requester/backup_components.h"

namespace vssemu::requester {

HRESULT BackupComponents::GatherWriterMetadata(IVssAsync** pAsync) {
  FinishPendingWork();
  if (pAsync == nullptr) return Traced("GatherWriterMetadata", E_INVALIDARG);
  *pAsync = nullptr;
  // Spec 11.1 step 5: a restore gathers too, to learn which writers run.
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("GatherWriterMetadata", "requester.not-initialized",
                         "8.3", "initialize the object first");
  }
  if (ForBackup() && service_->options().knobs.strict_call_order &&
      !session_.backup_state_set) {
    return OutOfSequence("GatherWriterMetadata", "requester.strict-order",
                         "2.1", "with strict call order, SetBackupState "
                                "comes before GatherWriterMetadata (Q1)");
  }
  if (session_.gather_started) {
    return OutOfSequence("GatherWriterMetadata", "requester.gather-twice",
                         "2.1", "GatherWriterMetadata may be called only once "
                                "per object");
  }
  session_.gather_started = true;
  return StartAsync(
      "GatherWriterMetadata",
      [this](coordinator::Operation& op) {
        coordinator::QueueIdentify(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.gathered = true; }, pAsync);
}

HRESULT BackupComponents::GetWriterMetadataCount(UINT* pcWriters) {
  FinishPendingWork();
  if (pcWriters == nullptr) return Traced("GetWriterMetadataCount", E_INVALIDARG);
  if (!session_.gathered || session_.metadata_freed) {
    return OutOfSequence("GetWriterMetadataCount",
                         "requester.metadata-not-gathered", "2.1",
                         "the metadata gather has not completed");
  }
  *pcWriters = static_cast<UINT>(session_.Identified().size());
  return Traced("GetWriterMetadataCount", S_OK);
}

HRESULT BackupComponents::GetWriterMetadataEx(
    UINT iWriter, VSS_ID* pidInstance,
    IVssExamineWriterMetadataEx** ppMetadata) {
  FinishPendingWork();
  if (pidInstance == nullptr || ppMetadata == nullptr) {
    return Traced("GetWriterMetadata", E_INVALIDARG);
  }
  *ppMetadata = nullptr;
  if (!session_.gathered || session_.metadata_freed) {
    return OutOfSequence("GetWriterMetadata", "requester.metadata-not-gathered",
                         "2.1", "the metadata gather has not completed");
  }
  const std::vector<coordinator::Participant*>& writers = session_.Identified();
  if (iWriter >= writers.size()) {
    return Traced("GetWriterMetadata", VSS_E_OBJECT_NOT_FOUND);
  }
  *pidInstance = writers[iWriter]->writer->identity.instance_id;
  *ppMetadata =
      metadata::MakeExamineWriterMetadata(writers[iWriter]->metadata).detach();
  return Traced("GetWriterMetadata", S_OK);
}

HRESULT BackupComponents::GetWriterMetadata(
    UINT iWriter, VSS_ID* pidInstance,
    IVssExamineWriterMetadata** ppMetadata) {
  if (ppMetadata == nullptr) return Traced("GetWriterMetadata", E_INVALIDARG);
  IVssExamineWriterMetadataEx* ex = nullptr;
  HRESULT hr = GetWriterMetadataEx(iWriter, pidInstance, &ex);
  *ppMetadata = ex;
  return hr;
}

HRESULT BackupComponents::FreeWriterMetadata() {
  FinishPendingWork();
  if (!session_.gathered) {
    return OutOfSequence("FreeWriterMetadata", "requester.metadata-not-gathered",
                         "2.1", "never before the gather completes");
  }
  session_.metadata_freed = true;
  return Traced("FreeWriterMetadata", S_OK);
}

HRESULT BackupComponents::GatherWriterStatus(IVssAsync** pAsync) {
  FinishPendingWork();
  if (pAsync == nullptr) return Traced("GatherWriterStatus", E_INVALIDARG);
  *pAsync = nullptr;
  if (!session_.gathered) {
    return OutOfSequence("GatherWriterStatus", "requester.metadata-not-gathered",
                         "8.3", "gather the writer metadata first");
  }
  session_.status_gather_started = true;
  return StartAsync(
      "GatherWriterStatus",
      [this](coordinator::Operation& op) {
        coordinator::QueueStatusGather(*service_, session_, op);
      },
      [this](coordinator::Operation&) { session_.status_gathered = true; },
      pAsync);
}

HRESULT BackupComponents::GetWriterStatusCount(UINT* pcWriters) {
  FinishPendingWork();
  if (pcWriters == nullptr) return Traced("GetWriterStatusCount", E_INVALIDARG);
  if (!session_.status_gathered) {
    return OutOfSequence("GetWriterStatusCount", "requester.status-not-gathered",
                         "2.1", "the status gather has not completed");
  }
  *pcWriters = static_cast<UINT>(session_.status.size());
  return Traced("GetWriterStatusCount", S_OK);
}

HRESULT BackupComponents::FreeWriterStatus() {
  FinishPendingWork();
  if (!session_.status_gathered) {
    return OutOfSequence("FreeWriterStatus", "requester.status-not-gathered",
                         "8.3", "the status gather has not completed");
  }
  session_.status.clear();
  session_.status_gathered = false;
  return Traced("FreeWriterStatus", S_OK);
}

const coordinator::StatusEntry* BackupComponents::StatusAt(UINT index) const {
  return index < session_.status.size() ? &session_.status[index] : nullptr;
}

HRESULT BackupComponents::GetWriterStatusEx(
    UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter, BSTR* pbstrWriter,
    VSS_WRITER_STATE* pnStatus, HRESULT* phrFailureWriter,
    HRESULT* phrApplication, BSTR* pbstrApplicationMessage) {
  FinishPendingWork();
  if (pidInstance == nullptr || pidWriter == nullptr || pbstrWriter == nullptr ||
      pnStatus == nullptr || phrFailureWriter == nullptr) {
    return Traced("GetWriterStatus", E_INVALIDARG);
  }
  *pbstrWriter = nullptr;
  if (pbstrApplicationMessage != nullptr) *pbstrApplicationMessage = nullptr;
  if (!session_.status_gathered) {
    return OutOfSequence("GetWriterStatus", "requester.status-not-gathered",
                         "2.1", "the status gather has not completed");
  }
  const coordinator::StatusEntry* entry = StatusAt(iWriter);
  if (entry == nullptr) return Traced("GetWriterStatus", VSS_E_OBJECT_NOT_FOUND);
  *pidInstance = entry->instance_id;
  *pidWriter = entry->writer_id;
  *pnStatus = entry->state;
  *phrFailureWriter = entry->failure.hr;
  if (phrApplication != nullptr) *phrApplication = entry->failure.hr_application;
  HRESULT hr = com::ReturnBstr(entry->writer_name, pbstrWriter);
  if (SUCCEEDED(hr) && pbstrApplicationMessage != nullptr) {
    hr = com::ReturnOptionalBstr(entry->failure.message, pbstrApplicationMessage);
  }
  return Traced("GetWriterStatus", hr);
}

HRESULT BackupComponents::GetWriterStatus(UINT iWriter, VSS_ID* pidInstance,
                                          VSS_ID* pidWriter, BSTR* pbstrWriter,
                                          VSS_WRITER_STATE* pnStatus,
                                          HRESULT* phResultFailure) {
  return GetWriterStatusEx(iWriter, pidInstance, pidWriter, pbstrWriter,
                           pnStatus, phResultFailure, nullptr, nullptr);
}

}  // namespace vssemu::requester
