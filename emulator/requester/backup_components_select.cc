// IVssBackupComponents: component selection and the per-component backup
// settings of the Backup Components Document, and reading it back.
#include <vsserror.h>

#include "com/bstr.h"
#include "coordinator/selection_rules.h"
#include "metadata/bcd_requester_ops.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/bcd_xml.h"
#include "metadata/xml_util.h"
#include "requester/backup_components.h"

namespace vssemu::requester {

HRESULT BackupComponents::AddComponent(VSS_ID instanceId, VSS_ID writerId,
                                       VSS_COMPONENT_TYPE ct,
                                       LPCWSTR wszLogicalPath,
                                       LPCWSTR wszComponentName) {
  FinishPendingWork();
  if (wszComponentName == nullptr) return Traced("AddComponent", E_INVALIDARG);
  if (!ForBackup() || !session_.gathered) {
    return OutOfSequence("AddComponent", "requester.add-before-gather", "8.3",
                         "AddComponent needs InitializeForBackup and a "
                         "completed GatherWriterMetadata");
  }
  if (!session_.ContextUsesWriters()) {
    return OutOfSequence("AddComponent", "requester.writerless-context", "8.3",
                         "the context has no writers (spec Q21)");
  }
  // Component mode is not checked here: requesters in the field add their
  // components first and call SetBackupState(true, ...) afterwards, and
  // Windows accepts that. PrepareForBackup judges the mode.
  if (service_->options().knobs.strict_call_order && session_.set_started) {
    return OutOfSequence("AddComponent", "requester.strict-order", "2.1",
                         "with strict call order, components are added "
                         "before StartSnapshotSet (Q1)");
  }
  if (session_.prepare_started) {
    return OutOfSequence("AddComponent", "requester.add-after-prepare", "2.1",
                         "components must be added before PrepareForBackup");
  }
  // Spec Q24: the writer and component must be in the gathered metadata.
  coordinator::Participant* p = session_.FindInstance(instanceId);
  const bool writer_known = p != nullptr && p->metadata && p->identified &&
                            p->writer->identity.writer_id == writerId;
  const metadata::ComponentIndex* index =
      writer_known ? &p->MetadataIndex() : nullptr;
  const metadata::Component* described =
      index != nullptr
          ? index->Find(ct, wszLogicalPath != nullptr ? wszLogicalPath : L"",
                        wszComponentName)
          : nullptr;
  if (described == nullptr) {
    return Traced("AddComponent", VSS_E_OBJECT_NOT_FOUND);
  }
  if (const auto& entry = session_.bcd.FindWriterInstance(instanceId)) {
    std::string problem =
        coordinator::AddComponentProblem(*index, *described, *entry);
    if (!problem.empty()) {
      service_->Violate("requester.add-implicit-component", "9.2", problem);
    }
  } else if (!described->selectable &&
             index->HasSelectableAncestor(*described)) {
    service_->Violate("requester.add-implicit-component", "9.2",
                      metadata::ToUtf8(described->name) +
                          " is a nonselectable subcomponent and must never be "
                          "added");
  }
  metadata::BcdWriterComponents* entry = nullptr;
  HRESULT hr = metadata::AddComponent(&session_.bcd, instanceId, writerId, ct,
                                      wszLogicalPath, wszComponentName, &entry);
  if (SUCCEEDED(hr)) {
    // A requester adds most of what a writer describes, one component at a
    // time: at the first, make room for them all rather than regrow.
    if (entry->components.size() == 1) {
      entry->components.reserve(p->metadata->components.size());
    }
    entry->instance_name = p->metadata->identity.instance_name;
    entry->backup_schema = p->metadata->backup_schema;
  }
  return Traced("AddComponent", hr);
}

HRESULT BackupComponents::SetBackupOptions(VSS_ID writerId,
                                           VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath,
                                           LPCWSTR wszComponentName,
                                           LPCWSTR wszBackupOptions) {
  FinishPendingWork();
  if (!ForBackup() || session_.prepare_started) {
    return OutOfSequence("SetBackupOptions", "requester.options-after-prepare",
                         "2.1", "backup options must precede PrepareForBackup");
  }
  return Traced("SetBackupOptions",
                metadata::SetBackupOptions(&session_.bcd, writerId, ct,
                                           wszLogicalPath, wszComponentName,
                                           wszBackupOptions));
}

HRESULT BackupComponents::SetPreviousBackupStamp(
    VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
    LPCWSTR wszComponentName, LPCWSTR wszPreviousBackupStamp) {
  FinishPendingWork();
  if (!ForBackup() || session_.prepare_started) {
    return OutOfSequence("SetPreviousBackupStamp",
                         "requester.stamp-after-prepare", "12.4",
                         "the previous stamp must precede PrepareForBackup");
  }
  return Traced("SetPreviousBackupStamp",
                metadata::SetPreviousBackupStamp(&session_.bcd, writerId, ct,
                                                 wszLogicalPath,
                                                 wszComponentName,
                                                 wszPreviousBackupStamp));
}

HRESULT BackupComponents::SetBackupSucceeded(VSS_ID instanceId,
                                             VSS_ID writerId,
                                             VSS_COMPONENT_TYPE ct,
                                             LPCWSTR wszLogicalPath,
                                             LPCWSTR wszComponentName,
                                             bool bSucceded) {
  FinishPendingWork();
  if (!ForBackup() || !session_.snapshot_done || session_.complete_started) {
    return OutOfSequence("SetBackupSucceeded", "requester.succeeded-out-of-order",
                         "4.3", "SetBackupSucceeded belongs after a successful "
                                "DoSnapshotSet and before BackupComplete");
  }
  return Traced("SetBackupSucceeded",
                metadata::SetBackupSucceeded(&session_.bcd, instanceId,
                                             writerId, ct, wszLogicalPath,
                                             wszComponentName, bSucceded));
}

HRESULT BackupComponents::GetWriterComponentsCount(UINT* pcComponents) {
  FinishPendingWork();
  if (pcComponents == nullptr) {
    return Traced("GetWriterComponentsCount", E_INVALIDARG);
  }
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("GetWriterComponentsCount", "requester.not-initialized",
                         "8.3", "initialize the object first");
  }
  // Spec 10.3: it counts writers, not components.
  *pcComponents = static_cast<UINT>(session_.bcd.writers.size());
  return Traced("GetWriterComponentsCount", S_OK);
}

HRESULT BackupComponents::GetWriterComponents(
    UINT iWriter, IVssWriterComponentsExt** ppWriter) {
  FinishPendingWork();
  if (ppWriter == nullptr) return Traced("GetWriterComponents", E_INVALIDARG);
  *ppWriter = nullptr;
  if (session_.kind == coordinator::BackupSession::Kind::kNone) {
    return OutOfSequence("GetWriterComponents", "requester.not-initialized",
                         "8.3", "initialize the object first");
  }
  if (iWriter >= session_.bcd.writers.size()) {
    return Traced("GetWriterComponents", E_INVALIDARG);
  }
  return Traced("GetWriterComponents",
                metadata::ReturnBcdWriterComponentsExt(
                    session_.bcd.writers[iWriter], ppWriter));
}

HRESULT BackupComponents::SaveAsXML(BSTR* pbstrXML) {
  FinishPendingWork();
  if (pbstrXML == nullptr) return Traced("SaveAsXML", E_INVALIDARG);
  *pbstrXML = nullptr;
  // Spec 8.3: a backup saves after PrepareForBackup; a restore any time.
  if (session_.kind == coordinator::BackupSession::Kind::kNone ||
      (ForBackup() && !session_.prepare_started)) {
    return OutOfSequence("SaveAsXML", "requester.save-before-prepare", "2.1",
                         "SaveAsXML is never called before PrepareForBackup");
  }
  // A restore keeps the set id of the backup it came from.
  if (ForBackup()) session_.bcd.snapshot_set_id = session_.snapshot_set_id;
  return Traced("SaveAsXML", com::ReturnBstr(metadata::SaveBcd(session_.bcd),
                                             pbstrXML));
}

}  // namespace vssemu::requester
