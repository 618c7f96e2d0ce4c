// Runs a program as a child process (Boost.Process v1; docs/drop-in.md,
// "How vssemu runs your program"): with a given environment, standard input
// closed, standard output and error captured in files, in a process group
// of its own, with a wall-clock timeout after which the whole group is
// killed. Wall-clock time lives here, outside emulator/: only process
// supervision uses it.
#ifndef VSSEMU_TOOLS_EXEC_CHILD_PROCESS_H_
#define VSSEMU_TOOLS_EXEC_CHILD_PROCESS_H_

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vssemu::tools {

struct ChildSpec {
  std::string program;  // A path, or a name looked up on PATH.
  std::vector<std::string> args;
  // Variables to set (or replace) in the child's environment, which is
  // otherwise this process's.
  std::map<std::string, std::string> environment;
  std::filesystem::path stdout_file, stderr_file;
  std::chrono::milliseconds timeout{60000};
  // Asked every few milliseconds while the child runs: when it returns
  // true, the child is asked to stop (SIGTERM; CTRL_BREAK on Windows) and
  // killed if it has not ended after grace (at once when the request
  // cannot be delivered).
  std::function<bool()> stop_when;
  std::chrono::milliseconds grace{5000};
};

struct ChildOutcome {
  bool started = false;
  std::string start_error;  // Why it did not start.
  long long pid = 0;        // Its process id, once started.
  bool exited = false;      // Ended by itself (exit code below).
  int exit_code = 0;
  bool signalled = false;   // Ended by a signal (POSIX).
  int signal = 0;
  bool timed_out = false;   // Killed at the timeout.
  bool stop_requested = false;  // stop_when became true.
  bool killed_after_grace = false;
  // The stop request could not be delivered (Windows: a program without a
  // console cannot be sent CTRL_BREAK), so the program was terminated at
  // once.
  bool stop_undeliverable = false;
  std::chrono::milliseconds took{0};

  // Describes how the child ended, in words ("exited with code 3",
  // "killed by signal 11 (SIGSEGV)", "exited with exception code
  // 0xC0000005").
  std::string Describe() const;
  // Whether it crashed: a signal it did not ask for, or a Windows
  // exception code.
  bool Crashed() const;
};

// Resolves program as the child would be started (a path, or PATH); ""
// when it cannot be found.
std::string FindProgram(const std::string& program);

ChildOutcome RunChild(const ChildSpec& spec);

// The folder of the running executable.
std::filesystem::path ExecutableFolder();


}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_EXEC_CHILD_PROCESS_H_
