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

}  // namespace harness
}  // namespace vssemu

#endif  // VSSEMU_HARNESS_CURRENT_EMULATOR_H_
