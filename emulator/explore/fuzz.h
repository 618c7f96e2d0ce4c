// Coverage-guided exploration: one run per fuzzer input, its decisions read
// from the input's bytes (sim::ByteChoices), judged like every exploring
// run. Behind vssemu::ExploreFuzzer and the scenario fuzzer target.
#ifndef VSSEMU_EXPLORE_FUZZ_H_
#define VSSEMU_EXPLORE_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <vssemu/explore.h>

#include "explore/single_run.h"

namespace vssemu::explore {

class Fuzzer {
 public:
  // Runs runner once with the default choices: the oracle's reference.
  Fuzzer(ExploreOptions options, Runner runner);

  // Runs one input; returns its failure (shrunk when the options ask, with
  // the trace and a replay line), or nullopt when the run passes.
  std::optional<ExploreFailure> Check(const uint8_t* data, size_t size);

  const ExploreOptions& options() const { return options_; }

 private:
  ExploreOptions options_;
  Runner runner_;
  RunRecord baseline_;
  size_t runs_ = 0;
};

// Returns the report of one failing input: the campaign summary's entry for
// it, and what the fuzzer does next.
std::string FuzzFailureReport(const ExploreFailure& failure);

}  // namespace vssemu::explore

#endif  // VSSEMU_EXPLORE_FUZZ_H_
