#include "vssemu/progress_line.h"

#include <chrono>

#include <gtest/gtest.h>

namespace vssemu::tools {
namespace {

using Seconds = std::chrono::duration<double>;

TEST(ProgressLine, ShowsRunsRateAndTimeLeft) {
  ExploreProgress p;
  p.runs = 250;
  p.total = 1000;
  p.failure_classes = 1;
  EXPECT_EQ(ProgressLine::Text(p, Seconds(2.0)),
            "[#######.......................] 250/1000 runs, 1 failure class(es), "
            "125 runs/s, 6 s left");
}

TEST(ProgressLine, AnExhaustiveWalkHasNoTotalAndNoTimeLeft) {
  ExploreProgress p;
  p.runs = 4000;
  EXPECT_EQ(ProgressLine::Text(p, Seconds(4.0)),
            "[##############################] 4000 runs, 0 failure class(es), 1000 runs/s");
}

}  // namespace
}  // namespace vssemu::tools
