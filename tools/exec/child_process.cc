#include "exec/child_process.h"

#include <cstdio>
#include <thread>

#if defined(_WIN32)
#include <windows.h>
#else
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <boost/process.hpp>
#include <boost/process/extend.hpp>

namespace vssemu::tools {
namespace {

namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

#if !defined(_WIN32)
std::string SignalName(int signal) {
  switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGPIPE: return "SIGPIPE";
    default: return "signal " + std::to_string(signal);
  }
}
#endif

// Asks the child to stop as a service manager or a terminal would; false
// when the request cannot be delivered.
bool RequestStop(bp::child& child) {
#if defined(_WIN32)
  // The child runs in a process group of its own: CTRL_BREAK reaches it
  // alone (CTRL_C cannot be sent to another group). It needs a console,
  // which a program started without one (headless Wine) does not have.
  return GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, static_cast<DWORD>(child.id())) != 0;
#else
  return ::kill(child.id(), SIGTERM) == 0;
#endif
}

}  // namespace

std::string ChildOutcome::Describe() const {
  if (!started) return "did not start: " + start_error;
  if (stop_undeliverable) return "was terminated: it could not be asked to stop";
  std::string text;
  if (timed_out) {
    text = "did not end within " + std::to_string(took.count() / 1000) +
           " s and was killed with its process tree";
  } else if (signalled) {
#if defined(_WIN32)
    text = "was killed by signal " + std::to_string(signal);
#else
    text = "was killed by " + SignalName(signal) + " (signal " +
           std::to_string(signal) + ")";
#endif
  } else if (Crashed()) {
    char code[16];
    std::snprintf(code, sizeof(code), "0x%08X", static_cast<unsigned>(exit_code));
    text = std::string("ended with exception code ") + code;
  } else {
    text = "exited with code " + std::to_string(exit_code);
  }
  if (killed_after_grace) {
    text += " (asked to stop, it was killed after the grace period)";
  } else if (stop_requested) {
    text += " (asked to stop)";
  }
  return text;
}

bool ChildOutcome::Crashed() const {
  if (!started || timed_out || stop_undeliverable) return false;
#if defined(_WIN32)
  // A signal, or an NTSTATUS error code (0xC...): an exception the program
  // did not handle (an access violation, a stack overflow, an abort).
  return signalled ||
         (exited && (static_cast<unsigned>(exit_code) & 0xC0000000u) == 0xC0000000u);
#else
  // SIGTERM after a stop request, or SIGKILL after the grace period, is
  // how it was stopped; any other signal is a crash.
  return signalled && !(stop_requested && (signal == SIGTERM || killed_after_grace));
#endif
}

std::string FindProgram(const std::string& program) {
  if (program.empty()) return "";
  std::error_code ec;
  std::filesystem::path path(program);
  if (path.has_parent_path()) {
    return std::filesystem::is_regular_file(path, ec) ? program : "";
  }
  const auto found = bp::search_path(program);
  return found.empty() ? "" : found.string();
}

std::filesystem::path ExecutableFolder() {
#if defined(_WIN32)
  wchar_t buffer[32768];
  DWORD n = GetModuleFileNameW(nullptr, buffer, 32768);
  if (n == 0 || n >= 32768) return {};
  return std::filesystem::path(std::wstring(buffer, n)).parent_path();
#else
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self.parent_path();
#endif
}

ChildOutcome RunChild(const ChildSpec& spec) {
  ChildOutcome out;
  const std::string exe = FindProgram(spec.program);
  if (exe.empty()) {
    out.start_error = "cannot find the program \"" + spec.program + "\"";
    return out;
  }
  bp::environment env = boost::this_process::environment();
  for (const auto& [name, value] : spec.environment) env[name] = value;
  bp::group group;
  std::error_code ec;
  const Clock::time_point start = Clock::now();
  bp::child child(bp::exe = exe, bp::args = spec.args, env,
                  bp::std_in < bp::null,
                  bp::std_out > spec.stdout_file.string(),
                  bp::std_err > spec.stderr_file.string(), group, ec
#if defined(_WIN32)
                  , bp::extend::on_setup = [](auto& exec) {
                      exec.creation_flags |= CREATE_NEW_PROCESS_GROUP;
                    }
#endif
  );
  if (ec) {
    out.start_error = "cannot start \"" + exe + "\": " + ec.message();
    return out;
  }
  out.started = true;
  out.pid = static_cast<long long>(child.id());
  Clock::time_point stop_deadline{};
  // Ends the child and its process tree; *why says why.
  auto end_tree = [&](bool* why) {
    *why = true;
    group.terminate(ec);
    child.wait(ec);
  };
  while (child.running(ec) && !ec) {
    const Clock::time_point now = Clock::now();
    if (now - start >= spec.timeout) {
      end_tree(&out.timed_out);
      break;
    }
    if (!out.stop_requested && spec.stop_when && spec.stop_when()) {
      out.stop_requested = true;
      stop_deadline = now + spec.grace;
      if (!RequestStop(child)) {
        end_tree(&out.stop_undeliverable);
        break;
      }
    } else if (out.stop_requested && now >= stop_deadline) {
      end_tree(&out.killed_after_grace);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  out.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  // Whatever the program started and left behind goes with it.
  std::error_code ignored;
  group.terminate(ignored);
  if (out.timed_out) return out;
  const int status = child.native_exit_code();
#if defined(_WIN32)
  out.exited = true;
  out.exit_code = status;
#else
  if (WIFSIGNALED(status)) {
    out.signalled = true;
    out.signal = WTERMSIG(status);
  } else {
    out.exited = true;
    out.exit_code = WEXITSTATUS(status);
  }
#endif
  return out;
}

}  // namespace vssemu::tools
