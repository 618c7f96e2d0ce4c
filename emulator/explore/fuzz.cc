#include "explore/fuzz.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "explore/campaign.h"

namespace vssemu {
namespace explore {

Fuzzer::Fuzzer(ExploreOptions options, Runner runner)
    : options_(std::move(options)), runner_(std::move(runner)) {
  baseline_ = RunDefault(options_, runner_);
}

std::optional<ExploreFailure> Fuzzer::Check(const uint8_t* data, size_t size) {
  sim::ByteChoices source(data, size);
  RunRecord run = RunOnce(options_, options_.seed, &source, false, runner_);
  const size_t number = runs_++;
  std::optional<Verdict> verdict = Judge(options_, run, baseline_);
  if (!verdict) return std::nullopt;
  return DescribeFailure(options_, *verdict, number, options_.seed, run, baseline_, runner_);
}

std::string FuzzFailureReport(const ExploreFailure& failure) {
  ExploreReport report;
  report.runs = 1;
  if (!failure.faults.empty()) report.runs_with_faults = 1;
  report.classes[failure.rule] = 1;
  report.failures.push_back(failure);
  return "vssemu: a fuzzer input fails\n" + report.Summary();
}

}  // namespace explore

struct ExploreFuzzer::Impl {
  explicit Impl(std::function<HRESULT()> f) : fn(std::move(f)) {}
  std::function<HRESULT()> fn;
  std::unique_ptr<explore::Fuzzer> fuzzer;
};

ExploreFuzzer::ExploreFuzzer(ExploreOptions options, std::function<HRESULT()> fn)
    : impl_(std::make_unique<Impl>(std::move(fn))) {
  // FunctionRunner keeps a reference to the function: impl_ owns it.
  impl_->fuzzer = std::make_unique<explore::Fuzzer>(std::move(options),
                                                    explore::FunctionRunner(impl_->fn));
}

ExploreFuzzer::~ExploreFuzzer() = default;

std::optional<ExploreFailure> ExploreFuzzer::Check(const uint8_t* data, size_t size) {
  return impl_->fuzzer->Check(data, size);
}

int ExploreFuzzer::Run(const uint8_t* data, size_t size) {
  std::optional<ExploreFailure> failure = Check(data, size);
  if (!failure) return 0;
  std::fputs(explore::FuzzFailureReport(*failure).c_str(), stderr);
  std::fflush(stderr);
  // The fuzzer keeps the input that crashes: the replay line above and the
  // saved input both reproduce the failure.
  std::abort();
}

}  // namespace vssemu
