// The result file of a program run under the drop-in library
// (VSSEMU_RESULT): what the library tells the `vssemu run --exec` or
// `vssemu fuzz --exec` that started the program, beside the trace. One
// record per line, flushed as it is written, so that a program that
// crashes leaves what it had:
//   choice SITE CHOSEN OPTIONS   an exploring run's decision, in order
//   load-error TEXT              VSSEMU_SCENARIO or another variable is bad
//   failure TEXT                 a failed expectation or set-up step
//   requester-done               the scenario's reference requester has run
//                                against the program's writers: time to
//                                ask the program to stop
//   end                          the program reached its exit and the
//                                end-of-run checks ran
#ifndef VSSEMU_DROPIN_RESULT_FILE_H_
#define VSSEMU_DROPIN_RESULT_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sim/choice_source.h"

namespace vssemu::dropin {

class ResultWriter {
 public:
  ResultWriter() = default;
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  // Opens (truncates) path; false when it cannot be written.
  bool Open(const std::string& path);
  void Choice(std::string_view site, size_t chosen, size_t options);
  void LoadError(std::string_view text);
  void Failure(std::string_view text);
  void RequesterDone();
  void End();

 private:
  void Line(std::string_view kind, std::string_view text);
  std::FILE* file_ = nullptr;
};

struct ProgramResult {
  std::vector<sim::Choice> choices;
  std::string load_error;
  std::vector<std::string> failures;
  bool requester_done = false;
  bool ended = false;
};

// Reads a result file; a missing file reads as an empty result (the program
// never loaded the library, or crashed before its first call).
ProgramResult ReadResultFile(const std::string& path);

}  // namespace vssemu::dropin

#endif  // VSSEMU_DROPIN_RESULT_FILE_H_
