// The bookkeeping the reference requester's backup and restore share:
// recording each step, stopping at the first failure, finishing an
// IVssAsync by waiting or polling, and reading the writer status.
//
// Contract: the first failure recorded wins (its HRESULT and step name);
// after_step runs after every step that succeeded (an asynchronous call
// once its operation finished). Never throws.
#ifndef VSSEMU_REFERENCE_REQUESTER_STEP_RUNNER_H_
#define VSSEMU_REFERENCE_REQUESTER_STEP_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include <vssemu/reference_requester/reference_requester.h>

namespace vssemu::scenario {

// Returns whether a writer in state has failed (or is unknown).
bool IsFailedState(VSS_WRITER_STATE state);

class StepRunner {
 public:
  // Records into *hr, *failed_step and *steps, which must outlive it.
  StepRunner(BackupPlan::WaitStyle wait,
             std::function<void(const std::string&)> after_step, HRESULT* hr,
             std::string* failed_step, std::vector<std::string>* steps)
      : wait_(wait),
        after_step_(std::move(after_step)),
        hr_(hr),
        failed_step_(failed_step),
        steps_(steps) {}

  // Records the failure of step (unless one is recorded); returns false.
  bool Fail(const std::string& step, HRESULT hr);
  // Records step; finished is false for the start of an asynchronous call,
  // whose step ends when its operation does. Returns SUCCEEDED(hr).
  bool Check(const char* step, HRESULT hr, bool finished = true);
  // Finishes the asynchronous call step (started with start_hr), releases
  // async, and returns whether its operation finished successfully.
  bool RunAsync(const char* step, IVssAsync* async, HRESULT start_hr);
  // Reads every writer status row (GetWriterStatusEx when available) and
  // frees the status; returns whether that worked.
  bool ReadStatus(IVssBackupComponents* backup,
                  std::vector<WriterStatusRow>* rows);
  // Runs GatherWriterStatus and ReadStatus; with fail_on_writer_error, a
  // writer in a failed state fails the step "status after <after>" with
  // its failure (E_FAIL when it has none).
  bool GatherStatus(IVssBackupComponents* backup, const char* after,
                    bool fail_on_writer_error,
                    std::vector<WriterStatusRow>* rows);

 private:
  BackupPlan::WaitStyle wait_;
  std::function<void(const std::string&)> after_step_;
  HRESULT* hr_;
  std::string* failed_step_;
  std::vector<std::string>* steps_;
};

}  // namespace vssemu::scenario

#endif  // VSSEMU_REFERENCE_REQUESTER_STEP_RUNNER_H_
