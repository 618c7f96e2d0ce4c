// The current emulator as vssemu's own layers see it, without the side
// effect of Emulator::Current(), which makes a process default when none
// exists: the Win32 functions must see a machine with no volumes then.
#ifndef VSSEMU_HARNESS_CURRENT_EMULATOR_H_
#define VSSEMU_HARNESS_CURRENT_EMULATOR_H_

namespace vssemu {

class Emulator;

namespace harness {

// Returns the current emulator, or nullptr when none is current yet.
Emulator* CurrentEmulatorIfAny();

// Makes the process default emulator, for programs that construct none. The
// built-in maker makes one with default options; the drop-in vssapi library
// installs its own (built from VSSEMU_SCENARIO, docs/drop-in.md), which
// returns nullptr when no emulator can be made (a malformed scenario).
using ProcessDefaultMaker = Emulator* (*)();
void SetProcessDefaultMaker(ProcessDefaultMaker maker);

// Returns the current emulator, making the process default when none is
// current; nullptr when the maker could not make one (the vssapi entry
// points then return E_UNEXPECTED).
Emulator* CurrentOrProcessDefault();

// Marks the code under an exploring run (the function vssemu::Explore
// runs, the requester vssemu::ExploreScenario runs) as running: a scenario
// run started inside it would build a world that the campaign's choices
// and faults never reach, which RunScenario reports as an error. The mark
// lasts as long as the object.
class ExploredCodeScope {
 public:
  ExploredCodeScope();
  ~ExploredCodeScope();
  ExploredCodeScope(const ExploredCodeScope&) = delete;
  ExploredCodeScope& operator=(const ExploredCodeScope&) = delete;
  // Whether explored code is running now.
  static bool Active();

 private:
  bool previous_;
};

}  // namespace harness
}  // namespace vssemu

#endif  // VSSEMU_HARNESS_CURRENT_EMULATOR_H_
