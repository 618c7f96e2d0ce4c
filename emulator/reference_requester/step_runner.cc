#include "reference_requester/step_runner.h"

#include <vsserror.h>

namespace vssemu::scenario {
namespace {

std::wstring Text(BSTR s) { return s != NULL ? std::wstring(s) : std::wstring(); }

// How many QueryStatus calls a poll makes before giving up: far more than
// any operation needs, so only a hang reaches it.
constexpr int kMaxPolls = 100000;

}  // namespace

bool IsFailedState(VSS_WRITER_STATE state) {
  return state == VSS_WS_UNKNOWN || (state >= VSS_WS_FAILED_AT_IDENTIFY &&
                                     state <= VSS_WS_FAILED_AT_BACKUPSHUTDOWN);
}

bool StepRunner::Fail(const std::string& step, HRESULT hr) {
  if (*hr_ == S_OK) {
    *hr_ = hr;
    *failed_step_ = step;
  }
  return false;
}

// Records step; finished is false for the start of an asynchronous call,
// whose step ends when its operation does.
bool StepRunner::Check(const char* step, HRESULT hr, bool finished) {
  steps_->push_back(step);
  if (FAILED(hr)) return Fail(step, hr);
  if (finished && after_step_) after_step_(step);
  return true;
}

// Finishes one asynchronous call, waiting or polling as planned; the
// operation's own status decides success.
bool StepRunner::RunAsync(const char* step, IVssAsync* async, HRESULT start_hr) {
  if (!Check(step, start_hr, false)) return false;
  HRESULT status = VSS_S_ASYNC_PENDING;
  HRESULT hr = S_OK;
  if (wait_ == BackupPlan::WaitStyle::kWait) {
    hr = async->Wait();
    if (SUCCEEDED(hr)) hr = async->QueryStatus(&status, NULL);
  } else {
    for (int i = 0; i < kMaxPolls && SUCCEEDED(hr) &&
                    status == VSS_S_ASYNC_PENDING;
         ++i) {
      hr = async->QueryStatus(&status, NULL);
    }
    if (SUCCEEDED(hr) && status == VSS_S_ASYNC_PENDING) hr = VSS_E_UNEXPECTED;
  }
  async->Release();
  if (FAILED(hr)) return Fail(step, hr);
  if (status != VSS_S_ASYNC_FINISHED) {
    // VSS_S_ASYNC_CANCELLED is a success code but not a finished backup.
    return Fail(step, FAILED(status) ? status : E_ABORT);
  }
  if (after_step_) after_step_(step);
  return true;
}

bool StepRunner::ReadStatus(IVssBackupComponents* backup,
                            std::vector<WriterStatusRow>* rows) {
  UINT count = 0;
  HRESULT hr = backup->GetWriterStatusCount(&count);
  IVssBackupComponentsEx3* ex3 = NULL;
  if (SUCCEEDED(hr) &&
      FAILED(backup->QueryInterface(__uuidof(IVssBackupComponentsEx3),
                                     reinterpret_cast<void**>(&ex3)))) {
    ex3 = NULL;
  }
  for (UINT i = 0; i < count && SUCCEEDED(hr); ++i) {
    WriterStatusRow row;
    BSTR name = NULL, message = NULL;
    hr = ex3 != NULL
             ? ex3->GetWriterStatusEx(i, &row.instance_id, &row.writer_id,
                                      &name, &row.state, &row.failure,
                                      &row.application_hr, &message)
             : backup->GetWriterStatus(i, &row.instance_id, &row.writer_id,
                                        &name, &row.state, &row.failure);
    row.name = Text(name);
    row.application_message = Text(message);
    SysFreeString(name);
    SysFreeString(message);
    if (SUCCEEDED(hr)) rows->push_back(row);
  }
  if (ex3 != NULL) ex3->Release();
  HRESULT free_hr = backup->FreeWriterStatus();
  return Check("GetWriterStatus", FAILED(hr) ? hr : free_hr);
}

bool StepRunner::GatherStatus(IVssBackupComponents* backup, const char* after,
                              bool fail_on_writer_error,
                              std::vector<WriterStatusRow>* rows) {
  IVssAsync* async = NULL;
  HRESULT hr = backup->GatherWriterStatus(&async);
  if (!RunAsync("GatherWriterStatus", async, hr)) return false;
  if (!ReadStatus(backup, rows)) return false;
  if (!fail_on_writer_error) return true;
  for (const WriterStatusRow& row : *rows) {
    if (IsFailedState(row.state) || FAILED(row.failure)) {
      return Fail(std::string("status after ") + after,
                  FAILED(row.failure) ? row.failure : E_FAIL);
    }
  }
  return true;
}

}  // namespace vssemu::scenario
