// vssemu::Explore over the sample requester of fixtures/broken: a correct
// requester survives seeded and exhaustive campaigns; campaigns, shrinking
// and replay are deterministic.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include <vssemu/emulator.h>
#include <vssemu/explore.h>

#include "fixtures/broken/backup_requester.h"
#include "fixtures/broken/flawed_writer.h"

namespace vssemu::broken {
namespace {

using ::testing::HasSubstr;

// Three healthy writers, each guarding its own database, and the sample
// requester (with flaws).
struct ThreeWriters {
  Database db[3];
  RequesterFlaws flaws;

  HRESULT operator()() {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A"), b(&db[1], L"B"), c(&db[2], L"C");
    for (FlawedWriter* w : {&a, &b, &c}) {
      HRESULT hr = w->Start();
      if (FAILED(hr)) return hr;
    }
    return RunSampleBackup(flaws);
  }
  std::vector<Invariant> Invariants() {
    std::vector<Invariant> all;
    for (Database& d : db) {
      all.push_back({"db.left-frozen", [&d] { return LeftFrozen(d); }});
      all.push_back({"db.thawed-twice", [&d] { return ThawedTwice(d); }});
    }
    return all;
  }
};

TEST(Explore, ACorrectRequesterSurvivesSeededRunsWithFaults) {
  ThreeWriters world;
  ExploreOptions options;
  options.runs = 300;
  options.invariants = world.Invariants();
  ExploreReport report = Explore(options, std::ref(world));
  EXPECT_TRUE(report.ok()) << report.Summary();
  EXPECT_EQ(report.runs, 300u);
  EXPECT_GT(report.runs_with_faults, 50u);
  EXPECT_LT(report.runs_with_faults, 300u);
}

TEST(Explore, ACampaignIsTheSameForTheSameSeed) {
  ThreeWriters world;
  world.flaws.no_abort_after_failed_snapshot = true;
  ExploreOptions options;
  options.runs = 200;
  options.seed = 42;
  options.stop_at_first_failure = false;
  ExploreReport first = Explore(options, std::ref(world));
  ExploreReport second = Explore(options, std::ref(world));
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.Summary(), second.Summary());
  EXPECT_EQ(first.failures[0].trace, second.failures[0].trace);
}

TEST(Explore, TheSummaryNamesTheRuleSectionAndReplay) {
  ThreeWriters world;
  world.flaws.no_abort_after_failed_snapshot = true;
  ExploreOptions options;
  options.replay_command = "vssemu replay x.xml";
  std::ostringstream progress;
  options.progress = &progress;
  ExploreReport report = Explore(options, std::ref(world));
  ASSERT_FALSE(report.ok());
  const ExploreFailure& f = report.failures[0];
  EXPECT_EQ(f.rule, "requester.release-without-abort");
  EXPECT_EQ(f.section, "4.3");
  EXPECT_THAT(progress.str(), HasSubstr("requester.release-without-abort (spec 4.3)"));
  EXPECT_THAT(f.replay, HasSubstr("vssemu replay x.xml --seed "));
  EXPECT_THAT(f.trace, HasSubstr("rule=requester.release-without-abort"));
}

TEST(Explore, ReplayingAShrunkFailureReproducesIt) {
  ThreeWriters world;
  world.flaws.no_abort_after_failed_snapshot = true;
  ExploreOptions options;
  ExploreReport report = Explore(options, std::ref(world));
  ASSERT_FALSE(report.ok());
  const ExploreFailure& f = report.failures[0];
  ExploreFailure again = ReplayRun(options, f.seed, f.shrunk_choices, std::ref(world));
  EXPECT_EQ(again.rule, f.rule);
  EXPECT_EQ(again.trace, f.trace);
  // The seed alone replays the original run.
  ExploreFailure original = ReplayRun(options, f.seed, "", std::ref(world));
  EXPECT_EQ(original.rule, f.rule);
  EXPECT_EQ(original.choices, f.choices);
}

TEST(Explore, BadChoiceTextIsReportedWithThePlace) {
  ThreeWriters world;
  ExploreFailure bad = ReplayRun(ExploreOptions{}, 1, "1/2,7/3", std::ref(world));
  EXPECT_EQ(bad.rule, "explore.bad-choices");
  EXPECT_THAT(bad.message, HasSubstr("choice 2 \"7/3\""));
}

TEST(Explore, UserFaultPointsAreFaultsToo) {
  int fired = 0;
  ExploreOptions options;
  options.run.exploration.faults = {"user"};
  options.runs = 100;
  ExploreReport report = Explore(options, [&] {
    if (FaultPoint("disk.write")) ++fired;
    return S_OK;
  });
  EXPECT_TRUE(report.ok());
  EXPECT_GT(fired, 10);
  EXPECT_EQ(report.runs_with_faults, static_cast<size_t>(fired));
}

TEST(Explore, AnExceptionFromTheCodeUnderTestIsAFailureClass) {
  ExploreOptions options;
  options.runs = 10;
  options.shrink = false;
  ExploreReport report = Explore(options, []() -> HRESULT {
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].rule, "explore.exception");
  EXPECT_THAT(report.failures[0].message, HasSubstr("boom"));
}

}  // namespace
}  // namespace vssemu::broken

namespace vssemu::broken {
namespace {

// Exhaustive mode, at a size the test suite runs (the three-writer proof is
// BM_ExhaustiveThreeWriters in tests/benchmarks/explore_benchmark.cc).
ExploreOptions Exhaustive() {
  ExploreOptions options;
  UseExhaustiveScope(&options);
  options.runs = 1000000;
  options.run.record_trace = false;
  return options;
}

struct TwoWriters {
  Database db[2];
  WriterFlaws second;
  HRESULT operator()() {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A"), b(&db[1], L"B", second);
    HRESULT hr = a.Start();
    if (SUCCEEDED(hr)) hr = b.Start();
    return FAILED(hr) ? hr : RunSampleBackup();
  }
};

TEST(ExploreExhaustive, ProvesTheCorrectRequesterAgainstEveryOrderAndSingleFault) {
  TwoWriters world;
  ExploreOptions options = Exhaustive();
  options.invariants = {{"db.left-frozen", [&] { return LeftFrozen(world.db[0]) + LeftFrozen(world.db[1]); }}};
  ExploreReport report = Explore(options, std::ref(world));
  std::cout << report.Summary();
  EXPECT_TRUE(report.ok()) << report.Summary();
  EXPECT_TRUE(report.complete);
  // Two writers: 2 orders for each of 8 events at least, times the faults.
  EXPECT_GT(report.runs, 256u);
  EXPECT_GT(report.runs_with_faults, report.runs / 2);
  EXPECT_EQ(Explore(options, std::ref(world)).runs, report.runs);
}

TEST(ExploreExhaustive, FindsAWriterAssumingAnOrder) {
  TwoWriters world;
  world.second.expects_frozen_before = &world.db[0];
  ExploreReport report = Explore(Exhaustive(), std::ref(world));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].rule, "explore.outcome-changed");
  EXPECT_FALSE(report.complete);
}

TEST(ExploreExhaustive, ReportsCodeThatDoesNotRepeatGivenTheSameChoices) {
  // State kept between runs: every other run has a third writer, so the
  // same path meets other option counts.
  Database db[3];
  size_t calls = 0;
  auto fn = [&]() -> HRESULT {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A"), b(&db[1], L"B"), c(&db[2], L"C");
    HRESULT hr = a.Start();
    if (SUCCEEDED(hr)) hr = b.Start();
    if (SUCCEEDED(hr) && ++calls % 2 == 0) hr = c.Start();
    return FAILED(hr) ? hr : RunSampleBackup();
  };
  ExploreOptions options = Exhaustive();
  options.run.exploration.faults.clear();
  options.check_outcome = false;
  ExploreReport report = Explore(options, fn);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].rule, "explore.nondeterministic");
  EXPECT_THAT(report.failures[0].message, HasSubstr("not a proof"));
  EXPECT_FALSE(report.complete);
  // The same code without the kept state walks its tree cleanly.
  TwoWriters world;
  options.check_outcome = true;
  EXPECT_TRUE(Explore(options, std::ref(world)).ok());
}

}  // namespace
}  // namespace vssemu::broken

namespace vssemu::broken {
namespace {

// Run by the CTest entry Explore.ReplayFromTheEnvironment with
// VSSEMU_REPLAY set to a seed the flawed requester fails with.
TEST(ExploreReplayFromEnvironment, RunsOnlyTheNamedRunWithItsTrace) {
  if (std::getenv("VSSEMU_REPLAY") == nullptr) GTEST_SKIP() << "VSSEMU_REPLAY unset";
  ThreeWriters world;
  world.flaws.no_abort_after_failed_snapshot = true;
  ExploreOptions options;
  std::ostringstream progress;
  options.progress = &progress;
  ExploreReport report = Explore(options, std::ref(world));
  EXPECT_EQ(report.runs, 1u);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].rule, "requester.release-without-abort");
  EXPECT_THAT(progress.str(), HasSubstr("rule=requester.release-without-abort"));
}

// The command line's progress line and Ctrl-C: each judged run is reported,
// and a stop request ends the campaign with the report so far.
TEST(ExploreCampaign, ReportsEachRunAndStopsWhenAsked) {
  ThreeWriters world;
  ExploreOptions options;
  options.runs = 50;
  std::vector<ExploreProgress> seen;
  options.on_run = [&seen](const ExploreProgress& p) { seen.push_back(p); };
  options.should_stop = [&seen] { return seen.size() >= 7; };
  ExploreReport report = Explore(options, std::ref(world));
  EXPECT_TRUE(report.interrupted);
  EXPECT_EQ(report.runs, 7u);
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen.back().runs, 7u);
  EXPECT_EQ(seen.back().total, 50u);
  EXPECT_THAT(report.Summary(), HasSubstr("7 runs"));
  EXPECT_THAT(report.Summary(), HasSubstr("interrupted"));
}

}  // namespace
}  // namespace vssemu::broken
