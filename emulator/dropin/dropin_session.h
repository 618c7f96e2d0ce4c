// The emulator of a process that loads the drop-in vssapi library and
// constructs no vssemu::Emulator itself (docs/drop-in.md): built on the
// first vssapi call from the environment (dropin_environment.h), with the
// scenario's world (volumes and their files, scripted and registered
// writers, faults, knobs, strictness) around the program, the trace
// streamed to VSSEMU_TRACE line by line, and at process exit the
// end-of-run checks and the scenario's expectations.
//
// Contract: never throws and never aborts on bad input; a bad variable or
// a malformed scenario is reported on stderr (file:line:column for the
// scenario) and in the result file, and then no emulator is made, so every
// vssapi entry point returns E_UNEXPECTED. The emulator is never destroyed
// (writers in static objects may outlive main).
#ifndef VSSEMU_DROPIN_DROPIN_SESSION_H_
#define VSSEMU_DROPIN_DROPIN_SESSION_H_

namespace vssemu {

class Emulator;

namespace dropin {

// A harness::ProcessDefaultMaker: makes the process's emulator from the
// environment; nullptr when the environment is bad.
Emulator* MakeProcessEmulator();

}  // namespace dropin
}  // namespace vssemu

#endif  // VSSEMU_DROPIN_DROPIN_SESSION_H_
