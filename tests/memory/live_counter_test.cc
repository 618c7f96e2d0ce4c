// LiveCounter totals the changes of every thread, before and after the
// process has more than one.
#include <gtest/gtest.h>
#include <vssemu/memory/live_counter.h>

#include <thread>
#include <vector>

namespace vssemu::memory {
namespace {

TEST(LiveCounter, CountsAddsLessRemovesOnOneThread) {
  LiveCounter counter;
  EXPECT_EQ(counter.Total(), 0);
  counter.Add();
  counter.Add();
  counter.Add();
  counter.Remove();
  EXPECT_EQ(counter.Total(), 2);
}

TEST(LiveCounter, TotalIncludesThreadsThatHaveEnded) {
  LiveCounter counter;
  counter.Add();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&counter, t] {
      for (int i = 0; i < 1000 + t; ++i) counter.Add();
      for (int i = 0; i < 500; ++i) counter.Remove();
    });
  }
  for (std::thread& thread : threads) thread.join();
  // 1 + sum over t of (500 + t).
  EXPECT_EQ(counter.Total(), 1 + 4 * 500 + 0 + 1 + 2 + 3);
}

TEST(LiveCounter, ThingsMadeOnOneThreadAndDroppedOnAnother) {
  // A BSTR allocated by the requester's thread and freed by a writer's:
  // the slots of the two threads cancel out in the total.
  LiveCounter counter;
  std::thread maker([&counter] {
    for (int i = 0; i < 64; ++i) counter.Add();
  });
  maker.join();
  EXPECT_EQ(counter.Total(), 64);
  std::thread dropper([&counter] {
    for (int i = 0; i < 60; ++i) counter.Remove();
  });
  dropper.join();
  EXPECT_EQ(counter.Total(), 4);
  for (int i = 0; i < 4; ++i) counter.Remove();
  EXPECT_EQ(counter.Total(), 0);
}

}  // namespace
}  // namespace vssemu::memory
