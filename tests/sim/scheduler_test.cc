// The scheduler runs work in virtual time: by due time, then posting order;
// timers can be cancelled; bounded runs stop at their deadline.
#include "sim/scheduler.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

namespace vssemu::sim {
namespace {

using std::chrono::seconds;

TEST(Scheduler, RunsByDueTimeThenPostingOrder) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  std::string order;
  scheduler.PostAfter(seconds(2), [&] { order += "c"; });
  scheduler.Post([&] { order += "a"; });
  scheduler.Post([&] { order += "b"; });
  scheduler.PostAfter(seconds(1), [&] { order += "x"; });
  scheduler.RunUntilIdle();
  EXPECT_EQ(order, "abxc");
  EXPECT_EQ(clock.now().since_start, seconds(2));
}

TEST(Scheduler, KnowsWhenAQueuedTaskIsDue) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  TaskId timer = scheduler.PostAfter(seconds(3), [] {});
  TaskId other = scheduler.Post([] {});
  EXPECT_EQ(scheduler.due(timer), TimePoint{seconds(3)});
  scheduler.Cancel(timer);
  EXPECT_EQ(scheduler.due(timer), std::nullopt);
  scheduler.RunUntilIdle();
  EXPECT_EQ(scheduler.due(other), std::nullopt);
}

TEST(Scheduler, TasksPostedForThePastRunNow) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  scheduler.PostAfter(seconds(5), [] {});
  scheduler.RunUntilIdle();
  bool ran = false;
  scheduler.PostAt(TimePoint{seconds(1)}, [&] { ran = true; });
  scheduler.RunUntilIdle();
  EXPECT_TRUE(ran);
  EXPECT_EQ(clock.now().since_start, seconds(5));
}

TEST(Scheduler, CancelledTimersNeverRun) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  bool fired = false;
  TaskId timer = scheduler.PostAfter(seconds(60), [&] { fired = true; });
  EXPECT_EQ(scheduler.pending(), 1u);
  EXPECT_TRUE(scheduler.Cancel(timer));
  EXPECT_FALSE(scheduler.Cancel(timer));
  scheduler.RunUntilIdle();
  EXPECT_FALSE(fired);
  EXPECT_EQ(clock.now().since_start, seconds(0));
}

TEST(Scheduler, TasksMayPostMoreTasks) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  int steps = 0;
  std::function<void()> step = [&] {
    if (++steps < 5) scheduler.PostAfter(seconds(1), step);
  };
  scheduler.Post(step);
  scheduler.RunUntilIdle();
  EXPECT_EQ(steps, 5);
  EXPECT_EQ(clock.now().since_start, seconds(4));
}

TEST(Scheduler, KeepsOrderAndTasksWhileTheirPlacesAreReused) {
  // Tasks wait in places that are reused once a task has run or been
  // cancelled: a running task posting many more (which moves the places),
  // and cancellations in between, neither lose nor reorder a task nor keep
  // one's captures alive.
  VirtualClock clock;
  Scheduler scheduler(&clock);
  std::string order;
  auto token = std::make_shared<int>(0);
  std::weak_ptr<int> watched = token;
  TaskId doomed = scheduler.PostAfter(seconds(1), [token] {});
  token.reset();
  scheduler.Post([&] {
    order += "a";
    for (char c = 'b'; c <= 'k'; ++c) {
      scheduler.PostAfter(seconds(c % 2), [&order, c] { order += c; });
    }
    EXPECT_TRUE(scheduler.Cancel(doomed));
    EXPECT_TRUE(watched.expired());  // The cancelled task is gone.
    scheduler.Post([&] { order += "z"; });
  });
  scheduler.RunUntilIdle();
  // Due now in posting order (the even letters, then z), then a second on.
  EXPECT_EQ(order, "abdfhjzcegik");
  EXPECT_EQ(scheduler.pending(), 0u);
  EXPECT_EQ(clock.now().since_start, seconds(1));
}

TEST(Scheduler, RunUntilStopsWhenDone) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  bool done = false;
  scheduler.PostAfter(seconds(1), [&] { done = true; });
  scheduler.PostAfter(seconds(2), [] {});
  EXPECT_TRUE(scheduler.RunUntil([&] { return done; }, TimePoint{seconds(10)}));
  EXPECT_EQ(clock.now().since_start, seconds(1));
  EXPECT_EQ(scheduler.pending(), 1u);
}

TEST(Scheduler, RunUntilLetsTimePassToTheDeadline) {
  VirtualClock clock;
  Scheduler scheduler(&clock);
  bool done = false;
  scheduler.PostAfter(seconds(30), [&] { done = true; });
  EXPECT_FALSE(scheduler.RunUntil([&] { return done; }, TimePoint{seconds(10)}));
  EXPECT_EQ(clock.now().since_start, seconds(10));
  EXPECT_EQ(*scheduler.next_due(), TimePoint{seconds(30)});
}

TEST(VirtualTime, FormatsSecondsWithMicroseconds) {
  EXPECT_EQ(FormatTime(TimePoint{seconds(61)}), "61.000000");
  EXPECT_EQ(FormatTime(TimePoint{Duration(1500)}), "0.001500");
  EXPECT_EQ(Milliseconds(60000), Duration(60000000));
}

}  // namespace
}  // namespace vssemu::sim
