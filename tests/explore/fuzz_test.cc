// vssemu::ExploreFuzzer: runs read their decisions from a fuzzer's input
// bytes. A correct requester survives any input; a flawed writer is caught
// by some input, shrunk, and replayed from the report; Run aborts with the
// report, as a libFuzzer target must.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include <vssemu/explore.h>

#include "fixtures/broken/backup_requester.h"
#include "fixtures/broken/flawed_writer.h"

namespace vssemu::broken {
namespace {

using ::testing::HasSubstr;
using ::testing::Le;

struct World {
  Database db[3];
  WriterFlaws second;

  HRESULT operator()() {
    for (Database& d : db) d.Reset();
    FlawedWriter a(&db[0], L"A"), b(&db[1], L"B", second), c(&db[2], L"C");
    for (FlawedWriter* w : {&a, &b, &c}) {
      HRESULT hr = w->Start();
      if (FAILED(hr)) return hr;
    }
    return RunSampleBackup(RequesterFlaws{});
  }
};

// Inputs as a fuzzer's first mutations might be: random bytes of random
// length, from a fixed seed (the test's own randomness, not the emulator's).
std::vector<std::vector<uint8_t>> Inputs(size_t count) {
  std::mt19937 prng(20261125);
  std::vector<std::vector<uint8_t>> inputs;
  for (size_t i = 0; i < count; ++i) {
    std::vector<uint8_t> bytes(prng() % 48);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(prng());
    inputs.push_back(std::move(bytes));
  }
  return inputs;
}

TEST(ExploreFuzzer, ACorrectRequesterSurvivesAnyInput) {
  World world;
  ExploreFuzzer fuzzer(ExploreOptions{}, std::ref(world));
  EXPECT_FALSE(fuzzer.Check(nullptr, 0).has_value());  // The default run.
  for (const std::vector<uint8_t>& input : Inputs(300)) {
    std::optional<ExploreFailure> failure = fuzzer.Check(input.data(), input.size());
    ASSERT_FALSE(failure.has_value()) << failure->rule << ": " << failure->message;
  }
}

TEST(ExploreFuzzer, AnInputCatchesAWriterAssumingAnOrderAndTheReportReplaysIt) {
  World world;
  world.second.expects_frozen_before = &world.db[0];
  ExploreOptions options;
  ExploreFuzzer fuzzer(options, std::ref(world));
  std::optional<ExploreFailure> failure;
  size_t tried = 0;
  for (const std::vector<uint8_t>& input : Inputs(300)) {
    ++tried;
    failure = fuzzer.Check(input.data(), input.size());
    if (failure) break;
  }
  ASSERT_TRUE(failure.has_value()) << "no input of " << tried << " caught the flaw";
  EXPECT_EQ(failure->rule, "explore.outcome-changed");
  EXPECT_THAT(failure->shrunk_decisions.size(), Le(4u)) << failure->shrunk_choices;
  EXPECT_THAT(failure->replay, HasSubstr("VSSEMU_REPLAY="));
  ExploreFailure again =
      ReplayRun(options, failure->seed, failure->shrunk_choices, std::ref(world));
  EXPECT_EQ(again.rule, failure->rule) << again.message;
}

TEST(ExploreFuzzerDeathTest, RunAbortsWithTheReportOnAFailingInput) {
  World world;
  world.second.expects_frozen_before = &world.db[0];
  ExploreFuzzer fuzzer(ExploreOptions{}, std::ref(world));
  std::vector<uint8_t> failing;
  for (const std::vector<uint8_t>& input : Inputs(300)) {
    if (fuzzer.Check(input.data(), input.size())) {
      failing = input;
      break;
    }
  }
  ASSERT_FALSE(failing.empty());
  EXPECT_EQ(fuzzer.Run(nullptr, 0), 0);
  // One line of the report (GoogleTest's regular expressions on Windows
  // have no groups and no "." across lines).
  EXPECT_DEATH(fuzzer.Run(failing.data(), failing.size()),
               "explore.outcome-changed \\(spec 6.2\\): 1 run");
}

}  // namespace
}  // namespace vssemu::broken
