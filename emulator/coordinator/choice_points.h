// The places where the protocol leaves the service a choice (spec 6, Q20:
// writer orders; spec 7: async timing; spec 4.2, 4.4, 5, 6.3) and where a
// fault may fire, each decided by the run's ChoiceSource under a site name
// "<family>.<detail>" (docs/exploration.md lists them).
//
// Contract: option 0 is always the spec's default of section 17, so a run
// with DefaultChoices behaves exactly as documented and its choices change
// nothing. Families switched off in RunOptions::exploration are not offered
// to the source at all. Fault kinds are enabled per run (swarm testing:
// "fault.enable.<kind>", decided on first use) before any fault of that kind
// may fire; every fault that fires is traced and counted.
#ifndef VSSEMU_COORDINATOR_CHOICE_POINTS_H_
#define VSSEMU_COORDINATOR_CHOICE_POINTS_H_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <vssemu/run_options.h>

namespace vssemu::coordinator {

class Service;
struct Participant;

// The kinds of fault an exploring run may inject.
enum class FaultKind : int {
  kProvider,       // A provider step returns VSS_E_PROVIDER_VETO.
  kFlush,          // The flush before flush-and-hold fails.
  kHold,           // CommitSnapshots outlasts the 10 s hold.
  kFreezeTimeout,  // Thaw arrives after a writer's freeze window.
  kWriter,         // A scripted writer fails an event.
  kUser,           // vssemu::FaultPoint in code under test.
};
inline constexpr int kFaultKinds = 6;

// Returns the kind's name in ExplorationOptions::faults ("provider", ...).
const char* FaultKindName(FaultKind kind);
// Returns the kind called name, if any.
std::optional<FaultKind> FaultKindFromName(std::string_view name);
// Parses a list of fault kind names separated by commas (the command
// line's --faults), or "none", into ExplorationOptions::faults; on an
// unknown name returns nullopt with the name in *unknown.
std::optional<std::vector<std::string>> FaultKindsFromList(std::string_view list,
                                                           std::string* unknown);

// One fault that fired: its kind and where ("CommitSnapshots", a writer's
// event, a FaultPoint name).
struct FiredFault {
  FaultKind kind;
  std::string where;
};

class ChoicePoints {
 public:
  explicit ChoicePoints(Service* service);

  // Returns a choice in [0, options) at site when family is offered;
  // 0 otherwise.
  size_t Choose(bool family_offered, std::string_view site, size_t options);

  // Permutes writers at site "order.<event>" (identity under option 0), as
  // Fisher-Yates draws so that every order is reachable exactly once.
  void Order(std::string_view site, std::vector<Participant*>* writers);
  // Permutes only within runs of writers with equal rank (Freeze and Thaw
  // keep the level order of spec 6.1).
  void OrderWithin(std::string_view site, std::vector<Participant*>* writers,
                   const std::function<int(const Participant*)>& rank);

  // Returns whether a fault of kind may still fire in this run (the kind is
  // allowed, enabled for the run, and the fault budget is not spent).
  bool FaultPossible(FaultKind kind);
  // Returns whether a fault of kind fires here; when it does, traces it as
  // "fault" with kind and where, and counts it.
  bool FaultFires(FaultKind kind, std::string_view where);
  // Counts and traces a fault whose firing the caller chose itself.
  void NoteFault(FaultKind kind, std::string_view where);

  // Returns the faults fired so far, in order.
  const std::vector<FiredFault>& fired() const { return fired_; }

 private:
  Service* service_;
  std::array<bool, kFaultKinds> allowed_{};
  std::array<int, kFaultKinds> enabled_{};  // -1 no, 0 undecided, 1 yes.
  std::vector<FiredFault> fired_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_CHOICE_POINTS_H_
