// The IVssWriterImpl behind CVssWriter: what the header-only writer classes
// forward to. Created by the CreateWriter / CreateWriterEx exports and bound
// to the current emulator's service.
//
// Contract: Initialize registers the writer (with a fresh instance id),
// Subscribe makes it receive events, Uninitialize (from the writer's
// destructor) removes it. The helper methods answer only inside their
// documented window (spec 13.2-13.4) and otherwise return the documented
// "nothing" value or VSS_E_BAD_STATE, reporting a violation.
#ifndef VSSEMU_WRITER_WRITER_IMPL_H_
#define VSSEMU_WRITER_WRITER_IMPL_H_

#include <memory>
#include <vector>

#include <vswriter.h>

#include "com/com_object.h"
#include "coordinator/service.h"
#include "coordinator/writer_record.h"

namespace vssemu::writer {

class WriterImpl : public com::ComObject<WriterImpl, IVssWriterImpl> {
 public:
  using Queryable = com::InterfaceList<>;

  // Binds writer (and writer_ex, for CreateWriterEx) to service.
  WriterImpl(std::shared_ptr<coordinator::Service> service, CVssWriter* writer,
             CVssWriterEx* writer_ex);
  ~WriterImpl() override;

  HRESULT STDMETHODCALLTYPE Initialize(
      VSS_ID writerId, LPCWSTR wszWriterName, LPCWSTR wszWriterInstanceName,
      DWORD dwMajorVersion, DWORD dwMinorVersion, VSS_USAGE_TYPE ut,
      VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeout,
      VSS_ALTERNATE_WRITER_STATE aws, bool bIOThrottlingOnly) override;
  HRESULT STDMETHODCALLTYPE Subscribe(DWORD dwSubscribeTimeout,
                                      DWORD dwEventFlags) override;
  HRESULT STDMETHODCALLTYPE Unsubscribe() override;
  void STDMETHODCALLTYPE Uninitialize() override;
  LPCWSTR* STDMETHODCALLTYPE GetCurrentVolumeArray() const override;
  UINT STDMETHODCALLTYPE GetCurrentVolumeCount() const override;
  HRESULT STDMETHODCALLTYPE GetSnapshotDeviceName(
      LPCWSTR wszOriginalVolume, LPCWSTR* ppwszSnapshotDevice) const override;
  VSS_ID STDMETHODCALLTYPE GetCurrentSnapshotSetId() const override;
  LONG STDMETHODCALLTYPE GetContext() const override;
  VSS_APPLICATION_LEVEL STDMETHODCALLTYPE GetCurrentLevel() const override;
  bool STDMETHODCALLTYPE IsPathAffected(LPCWSTR wszPath) const override;
  bool STDMETHODCALLTYPE IsBootableSystemStateBackedUp() const override;
  bool STDMETHODCALLTYPE AreComponentsSelected() const override;
  VSS_BACKUP_TYPE STDMETHODCALLTYPE GetBackupType() const override;
  VSS_RESTORE_TYPE STDMETHODCALLTYPE GetRestoreType() const override;
  HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr) override;
  bool STDMETHODCALLTYPE IsPartialFileSupportEnabled() const override;
  HRESULT STDMETHODCALLTYPE InstallAlternateWriter(VSS_ID idWriter,
                                                   CLSID clsid) override;
  IVssExamineWriterMetadata* STDMETHODCALLTYPE GetIdentityInformation() override;
  HRESULT STDMETHODCALLTYPE SetWriterFailureEx(
      HRESULT hr, HRESULT hrApplication,
      LPCWSTR wszApplicationMessage) override;
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) override;
  bool STDMETHODCALLTYPE IsWriterShuttingDown() override;

 private:
  // Returns the running callback of this writer, or NULL.
  coordinator::CallbackContext* Callback() const;
  // Returns whether a callback of a backup session is running, in a
  // sequence event (PrepareForSnapshot to PostSnapshot) when
  // sequence_only is set.
  bool InBackupCallback(bool sequence_only) const;
  HRESULT RecordFailure(HRESULT hr, HRESULT hr_application,
                        LPCWSTR message, const char* method);

  std::shared_ptr<coordinator::Service> service_;
  std::shared_ptr<coordinator::WriterRecord> record_;
  bool initialized_ = false;
  // GetCurrentVolumeArray hands out pointers into these; they live until
  // the next call or the writer's end, as the SDK's memory does.
  mutable std::vector<std::wstring> volume_names_;
  mutable std::vector<LPCWSTR> volume_array_;
  mutable std::wstring device_name_;
  com::ComPtr<IVssExamineWriterMetadata> identify_information_;
};

}  // namespace vssemu::writer

#endif  // VSSEMU_WRITER_WRITER_IMPL_H_
