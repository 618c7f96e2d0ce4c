// Each deliberately flawed requester and writer of fixtures/broken is caught
// within 1,000 seeded runs, and its reproduction shrinks to a handful of
// decisions off the documented default path (issue: exploration, done
// when). The printed summaries are the figures docs/exploration.md quotes.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <functional>
#include <iostream>

#include <vssemu/explore.h>

#include "fixtures/broken/backup_requester.h"
#include "fixtures/broken/flawed_writer.h"

namespace vssemu::broken {
namespace {

using ::testing::AnyOf;
using ::testing::Le;

constexpr size_t kHandful = 4;

// The world of one campaign: three writers, each guarding its own database
// (the first may be flawed, the second may expect the first's database
// frozen before its own), and the sample requester.
struct World {
  Database db[3];
  RequesterFlaws requester;
  WriterFlaws first;
  WriterFlaws second;

  HRESULT operator()() {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A", first), b(&db[1], L"B", second),
        c(&db[2], L"C");
    for (FlawedWriter* w : {&a, &b, &c}) {
      HRESULT hr = w->Start();
      if (FAILED(hr)) return hr;
    }
    return RunSampleBackup(requester);
  }
};

ExploreReport Campaign(World& world) {
  ExploreOptions options;
  options.runs = 1000;
  options.invariants = {
      {"db.left-frozen", [&world] { return LeftFrozen(world.db[0]); }},
      {"db.thawed-twice", [&world] { return ThawedTwice(world.db[0]); }}};
  ExploreReport report = Explore(options, std::ref(world));
  std::cout << report.Summary();
  return report;
}

void ExpectCaught(const ExploreReport& report, const std::string& rule) {
  ASSERT_FALSE(report.ok()) << "not caught in " << report.runs << " runs";
  const ExploreFailure& f = report.failures[0];
  EXPECT_EQ(f.rule, rule) << f.message;
  EXPECT_LE(report.runs, 1000u);
  EXPECT_THAT(f.shrunk_decisions.size(), Le(kHandful)) << f.shrunk_choices;
  EXPECT_FALSE(f.replay.empty());
}

TEST(FlawsCaught, ARequesterTreatingPendingAsFailure) {
  World world;
  world.requester.pending_is_failure = true;
  ExpectCaught(Campaign(world), "explore.outcome-changed");
}

TEST(FlawsCaught, ARequesterNotAbortingAfterAFailedSnapshotSet) {
  World world;
  world.requester.no_abort_after_failed_snapshot = true;
  ExpectCaught(Campaign(world), "requester.release-without-abort");
}

TEST(FlawsCaught, ARequesterCompletingAfterAFailure) {
  World world;
  world.requester.complete_after_failure = true;
  ExploreReport report = Campaign(world);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.failures[0].rule,
              AnyOf("requester.succeeded-out-of-order",
                    "requester.complete-out-of-order"));
  ExpectCaught(report, report.failures[0].rule);
}

TEST(FlawsCaught, AWriterStayingFrozenAfterAbort) {
  World world;
  world.first.stays_frozen_after_abort = true;
  ExpectCaught(Campaign(world), "db.left-frozen");
}

TEST(FlawsCaught, AWriterThawingTwice) {
  World world;
  world.first.thaws_twice = true;
  ExpectCaught(Campaign(world), "db.thawed-twice");
}

TEST(FlawsCaught, AWriterAssumingAFixedWriterOrder) {
  World world;
  world.second.expects_frozen_before = &world.db[0];
  ExpectCaught(Campaign(world), "explore.outcome-changed");
}

}  // namespace
}  // namespace vssemu::broken
