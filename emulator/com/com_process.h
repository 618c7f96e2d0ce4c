// The COM state of the emulated process. Every vssemu::Emulator is a new
// machine, so the program it runs is a new process as far as COM is
// concerned: a requester that calls CoInitializeEx and CoInitializeSecurity
// at start-up (as vshadow does, and stops when either fails) runs again in
// the next test, or in a restore after a backup, within one host process.
//
// Contract: off Windows, StartComProcess resets winshim's apartment counts
// and its CoInitializeSecurity flag. On Windows the real COM runtime keeps
// its state for the life of the host process; nothing is reset there, and
// CoInitializeSecurity returns RPC_E_TOO_LATE from its second call.
#ifndef VSSEMU_COM_COM_PROCESS_H_
#define VSSEMU_COM_COM_PROCESS_H_

namespace vssemu::com {

// Starts a new emulated process as far as COM is concerned (see above).
void StartComProcess();

}  // namespace vssemu::com

#endif  // VSSEMU_COM_COM_PROCESS_H_
