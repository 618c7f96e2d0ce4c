// The exports of vssapi.dll that the SDK headers' inline wrappers and the
// header-only writer classes call. Code under test links vssemu instead of
// vssapi.lib; every object binds to the current vssemu::Emulator. Entry
// points vssemu does not emulate return E_NOTIMPL; the README lists them.
#include <vsbackup.h>
#include <vswriter.h>
#include <vssemu/emulator.h>

#include "com/bstr.h"
#include "com/com_object.h"
#include "coordinator/service.h"
#include "express/express_writer.h"
#include "harness/current_emulator.h"
#include "metadata/wmd_examine.h"
#include "requester/backup_components.h"
#include "writer/writer_impl.h"

namespace {

// The service of the current emulator, made on first use; nullptr when the
// process has none (the drop-in library could not load its scenario).
const std::shared_ptr<vssemu::coordinator::Service>* CurrentService() {
  vssemu::Emulator* emulator = vssemu::harness::CurrentOrProcessDefault();
  return emulator == nullptr ? nullptr : &emulator->service();
}

}  // namespace

extern "C" {

HRESULT STDAPICALLTYPE CreateWriter(CVssWriter* pWriter,
                                    IVssWriterImpl** ppImpl) {
  if (pWriter == nullptr || ppImpl == nullptr) return E_INVALIDARG;
  const auto* service = CurrentService();
  if (service == nullptr) return E_UNEXPECTED;
  *ppImpl = vssemu::com::MakeComObject<vssemu::writer::WriterImpl>(
                *service, pWriter, nullptr)
                .detach();
  return S_OK;
}

HRESULT STDAPICALLTYPE CreateWriterEx(CVssWriterEx* pWriter,
                                      IVssWriterImpl** ppImpl) {
  if (pWriter == nullptr || ppImpl == nullptr) return E_INVALIDARG;
  const auto* service = CurrentService();
  if (service == nullptr) return E_UNEXPECTED;
  *ppImpl = vssemu::com::MakeComObject<vssemu::writer::WriterImpl>(
                *service, pWriter, pWriter)
                .detach();
  return S_OK;
}

HRESULT STDAPICALLTYPE
CreateVssBackupComponentsInternal(IVssBackupComponents** ppBackup) {
  if (ppBackup == nullptr) return E_INVALIDARG;
  const auto* current = CurrentService();
  if (current == nullptr) {
    *ppBackup = nullptr;
    return E_UNEXPECTED;
  }
  const auto& service = *current;
  if (service->options().access_denied.create_backup_components) {
    *ppBackup = nullptr;
    service->Record("fault", {{"name", "E_ACCESSDENIED"},
                             {"at", "CreateVssBackupComponents"}});
    return E_ACCESSDENIED;
  }
  *ppBackup = vssemu::com::MakeComObject<vssemu::requester::BackupComponents>(
                  service)
                  .detach();
  return S_OK;
}

HRESULT STDAPICALLTYPE
CreateVssExpressWriterInternal(IVssExpressWriter** ppWriter) {
  if (ppWriter == nullptr) return E_INVALIDARG;
  *ppWriter = nullptr;
  const auto* service = CurrentService();
  if (service == nullptr) return E_UNEXPECTED;
  *ppWriter =
      vssemu::com::MakeComObject<vssemu::express::ExpressWriter>(*service)
          .detach();
  return S_OK;
}

HRESULT STDAPICALLTYPE CreateVssExamineWriterMetadataInternal(
    BSTR bstrXML, IVssExamineWriterMetadata** ppMetadata) {
  if (CurrentService() == nullptr) {
    if (ppMetadata != nullptr) *ppMetadata = nullptr;
    return E_UNEXPECTED;
  }
  return vssemu::metadata::CreateExamineWriterMetadata(bstrXML, ppMetadata);
}

HRESULT APIENTRY IsVolumeSnapshottedInternal(VSS_PWSZ pwszVolumeName,
                                             BOOL* pbSnapshotsPresent,
                                             LONG* plSnapshotCapability) {
  if (pwszVolumeName == nullptr || pbSnapshotsPresent == nullptr ||
      plSnapshotCapability == nullptr) {
    return E_INVALIDARG;
  }
  if (CurrentService() == nullptr) return E_UNEXPECTED;
  return E_NOTIMPL;
}

void APIENTRY VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP* pProp) {
  if (pProp == nullptr) return;
  // The strings of a VSS_SNAPSHOT_PROP are task memory.
  VSS_PWSZ* strings[] = {
      &pProp->m_pwszSnapshotDeviceObject, &pProp->m_pwszOriginalVolumeName,
      &pProp->m_pwszOriginatingMachine,   &pProp->m_pwszServiceMachine,
      &pProp->m_pwszExposedName,          &pProp->m_pwszExposedPath};
  for (VSS_PWSZ* s : strings) {
    CoTaskMemFree(*s);
    *s = nullptr;
  }
}

HRESULT APIENTRY GetProviderMgmtInterfaceInternal(VSS_ID, IID,
                                                  IUnknown** ppItf) {
  if (ppItf == nullptr) return E_INVALIDARG;
  *ppItf = nullptr;
  if (CurrentService() == nullptr) return E_UNEXPECTED;
  return E_NOTIMPL;
}

HRESULT APIENTRY ShouldBlockRevertInternal(LPCWSTR wszVolumeName,
                                           bool* pbBlock) {
  if (wszVolumeName == nullptr || pbBlock == nullptr) return E_INVALIDARG;
  *pbBlock = false;
  if (CurrentService() == nullptr) return E_UNEXPECTED;
  return E_NOTIMPL;
}

}  // extern "C"
