// The writer of an imaginary inventory service: a back-end database writer
// that suspends its writes while frozen, records a backup stamp after each
// snapshot and truncates its log after a successful backup. Written against
// the Windows SDK's VSS headers only.
#pragma once

#include <windows.h>
#include <vss.h>
#include <vswriter.h>

#include <string>

class InventoryWriter : public CVssWriterEx2 {
 public:
  static const VSS_ID kWriterId;

  // Initializes as a back-end writer with a 20-second freeze window and
  // subscribes.
  HRESULT Start();

  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx* metadata) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* components) override;
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* components) override;

  bool writes_suspended() const { return writes_suspended_; }
  int log_truncations() const { return log_truncations_; }
  long long log_sequence() const { return log_sequence_; }

 private:
  bool writes_suspended_ = false;
  int log_truncations_ = 0;
  long long log_sequence_ = 100;
};
