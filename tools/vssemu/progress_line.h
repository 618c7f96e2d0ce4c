// The progress line of a long campaign (`vssemu fuzz`), on a terminal:
// runs done of the total, failure classes, runs per second and the time
// left, redrawn at least once a second. Wall-clock time is read here, in
// the command line, never by exploration itself.
#ifndef VSSEMU_TOOLS_VSSEMU_PROGRESS_LINE_H_
#define VSSEMU_TOOLS_VSSEMU_PROGRESS_LINE_H_

#include <chrono>
#include <cstdio>
#include <string>

#include <vssemu/explore.h>

namespace vssemu::tools {

class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out);

  // Redraws when a second has passed since the last drawing (or at the
  // first run).
  void Update(const ExploreProgress& progress);
  // Draws the last state and ends the line.
  void Finish();

  // The line for progress after elapsed (no carriage return).
  static std::string Text(const ExploreProgress& progress,
                          std::chrono::duration<double> elapsed);

 private:
  using Clock = std::chrono::steady_clock;
  void Draw();

  std::FILE* out_;
  Clock::time_point start_;
  Clock::time_point drawn_{};
  ExploreProgress last_;
  bool any_ = false;
};

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_PROGRESS_LINE_H_
