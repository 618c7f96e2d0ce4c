// Every nondeterministic decision of a run goes through one ChoiceSource:
// which writer gets an event first where the protocol allows any order,
// whether and where a fault fires, when an async operation completes
// relative to polling. A run is identified by scenario + seed (+ the log).
//
// Contract: Choose(site, n) returns a value in [0, n). Option 0 is always
// the documented default behaviour, so the DefaultChoices source reproduces
// the spec's defaults exactly. Every call is appended to the log, which a
// ReplayChoices source plays back to reproduce a run.
#ifndef VSSEMU_SIM_CHOICE_SOURCE_H_
#define VSSEMU_SIM_CHOICE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <vssemu/sim/prng.h>

namespace vssemu::sim {

// One recorded decision.
struct Choice {
  // An option count that matches any (a default pick read from text).
  static constexpr size_t kAnyOptions = static_cast<size_t>(-1);

  std::string site;  // Where the decision was made, e.g. "freeze.order".
  size_t options = 0;
  size_t chosen = 0;

  bool operator==(const Choice&) const = default;
};

class ChoiceSource {
 public:
  virtual ~ChoiceSource() = default;

  // Returns a choice in [0, options) for the decision at site (0 when
  // options <= 1, without consulting the source), and logs it.
  size_t Choose(std::string_view site, size_t options);

  // Returns every decision made so far, in order (none while not logging).
  const std::vector<Choice>& log() const { return log_; }
  // Forgets the decisions made so far (a source reused for another run).
  void ClearLog() { log_.clear(); }
  // Whether decisions are logged (the default). A source nobody reads the
  // log of, such as the default source of an emulator that neither
  // explores nor replays, keeps none, so a long run stays flat in memory.
  void set_logging(bool logging) { logging_ = logging; }

  // Describes, as text, a source that picks what this one picks from now
  // on, so that a run in another process makes the same decisions
  // (choice_description.h); "" when this source cannot be described.
  virtual std::string Describe() const { return ""; }

 protected:
  // Picks a value in [0, options), options >= 2.
  virtual size_t Pick(std::string_view site, size_t options) = 0;

 private:
  std::vector<Choice> log_;
  bool logging_ = true;
};

// Always option 0: the documented default behaviour.
class DefaultChoices : public ChoiceSource {
 public:
  std::string Describe() const override;

 protected:
  size_t Pick(std::string_view site, size_t options) override;
};

// Uniform choices from a seeded Prng.
class SeededChoices : public ChoiceSource {
 public:
  explicit SeededChoices(uint64_t seed) : seed_(seed), prng_(seed) {}
  std::string Describe() const override;

 protected:
  size_t Pick(std::string_view site, size_t options) override;

 private:
  uint64_t seed_;
  Prng prng_;
};

// Plays back a recorded log. Where the run departs from the log it counts
// the divergence: at a different site it resumes at the next recorded
// decision of the run's site (or picks 0 if there is none); with a different
// option count, or once the log is exhausted, it picks 0. A recorded choice
// with an empty site matches any site, and one with kAnyOptions options any
// option count (logs written as text keep only the picks).
class ReplayChoices : public ChoiceSource {
 public:
  explicit ReplayChoices(std::vector<Choice> recorded)
      : recorded_(std::move(recorded)) {}

  // Returns how many decisions did not match the recorded log.
  size_t divergences() const { return divergences_; }
  std::string Describe() const override;

 protected:
  size_t Pick(std::string_view site, size_t options) override;

 private:
  std::vector<Choice> recorded_;
  size_t next_ = 0;
  size_t divergences_ = 0;
};

// Walks every path of the choice tree, depth first (exhaustive mode): a run
// follows the current path and takes option 0 past its end, extending it;
// Next() moves to the next path. The runs must be deterministic given their
// choices, which vssemu's are.
class EnumeratingChoices : public ChoiceSource {
 public:
  // Starts at the all-zero path.
  EnumeratingChoices() = default;
  // Starts at path: (chosen, options) per position.
  explicit EnumeratingChoices(const std::vector<std::pair<size_t, size_t>>& path);
  std::string Describe() const override;

  // Prepares for the next run: the next path in depth-first order; false
  // when every path has been run.
  bool Next();
  // Returns whether a run asked for a different option count than the path
  // recorded at the same position (a nondeterministic run).
  bool diverged() const { return diverged_; }

 protected:
  size_t Pick(std::string_view site, size_t options) override;

 private:
  struct Step {
    size_t chosen;
    size_t options;
  };
  std::vector<Step> path_;
  size_t next_ = 0;
  bool diverged_ = false;
};

// Picks option 0 everywhere except at the pinned decisions, each named by
// its site and occurrence (the Nth time the run asks that site): a run
// pinned in a scenario file. Naming decisions by site keeps the pin valid
// when other choice points are added or asked in another order.
struct PinnedChoice {
  std::string site;
  size_t occurrence = 1;  // 1-based.
  size_t chosen = 0;
  size_t options = 0;

  bool operator==(const PinnedChoice&) const = default;
};

// Returns the decisions of log that differ from option 0, with their
// occurrences: what PinnedChoices needs to play log again.
std::vector<PinnedChoice> PinDecisions(const std::vector<Choice>& log);

class PinnedChoices : public ChoiceSource {
 public:
  explicit PinnedChoices(std::vector<PinnedChoice> pinned)
      : pinned_(std::move(pinned)) {}
  std::string Describe() const override;

  // Returns how many pinned decisions the run reached with their recorded
  // option count (the others were not asked, or with another count).
  size_t matched() const { return matched_; }

 protected:
  size_t Pick(std::string_view site, size_t options) override;

 private:
  std::vector<PinnedChoice> pinned_;
  std::map<std::string, size_t, std::less<>> asked_;
  size_t matched_ = 0;
};

// Takes its picks from bytes (a fuzzer's input): each pick reads one byte,
// or two where options exceed 256, modulo options; once the bytes are used
// up, option 0.
class ByteChoices : public ChoiceSource {
 public:
  ByteChoices(const uint8_t* data, size_t size) : data_(data), size_(size) {}

 protected:
  size_t Pick(std::string_view site, size_t options) override;

 private:
  const uint8_t* data_;
  size_t size_;
  size_t next_ = 0;
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_CHOICE_SOURCE_H_
