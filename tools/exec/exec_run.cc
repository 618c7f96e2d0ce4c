#include "exec/exec_run.h"

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <vssemu/trace.h>

#include "dropin/dropin_environment.h"
#include "scenario/scenario_scratch.h"

#if defined(_WIN32)
#include <windows.h>
#endif

namespace vssemu::tools {
namespace {

namespace fs = std::filesystem;

// How many of the last events a crash or hang report shows.
constexpr size_t kLastEvents = 8;

// A folder for one run's files (trace, results, output, the scenario's
// files), removed when the run is judged.
class RunFolder {
 public:
  RunFolder() {
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    std::string why;
    if (!ec) path_ = scenario::CreateUniqueFolder(temp, "vssemu-exec", &why);
    if (!path_.empty()) fs::create_directory(path_ / "scratch", ec);
  }
  ~RunFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads the streamed trace back; a line cut short by a crash ends it.
Trace ReadTrace(const fs::path& path) {
  Trace trace;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    TraceEvent event;
    std::string error;
    if (!ParseTraceLine(line, &event, &error)) break;
    trace.Add(std::move(event));
  }
  return trace;
}

// The writers whose last event was Freeze (no Thaw or Abort after it).
std::vector<std::string> FrozenWriters(const Trace& trace) {
  std::vector<std::string> frozen;
  for (const TraceEvent& e : trace.events()) {
    if (e.kind != "event") continue;
    const std::string writer(e.Get("writer"));
    const std::string_view name = e.Get("name");
    std::erase(frozen, writer);
    if (name == "Freeze") frozen.push_back(writer);
  }
  return frozen;
}

std::string LastEvents(const Trace& trace) {
  const auto& events = trace.events();
  if (events.empty()) return "no event was traced";
  std::string text = "its last events:";
  const size_t from = events.size() > kLastEvents ? events.size() - kLastEvents : 0;
  for (size_t i = from; i < events.size(); ++i) text += "\n    " + events[i].ToLine();
  return text;
}

std::string CommandText(const ExecRequest& r) {
  std::string text = r.program;
  for (const std::string& a : r.args) text += " " + a;
  return text;
}

// Judges how the program ended; adds failures to run.
void JudgeProcess(const scenario::Scenario& scenario, const ExecRequest& request,
                  ExecOutcome* out) {
  scenario::RunResult& run = out->run;
  const ChildOutcome& child = out->child;
  const std::string who = scenario.file + ": the program \"" + CommandText(request) + "\"";
  if (!child.started) {
    run.failures.push_back(who + " " + child.Describe());
    run.setup_failed = true;
    return;
  }
  if (!out->program.load_error.empty()) {
    run.failures.push_back(who + ": vssemu's vssapi refused the run: " +
                           out->program.load_error);
    run.setup_failed = true;
    return;
  }
  if (child.timed_out || child.Crashed()) {
    std::string text = who + (child.timed_out ? " hung: it " : " crashed: it ") +
                       child.Describe();
    std::vector<std::string> frozen = FrozenWriters(run.trace);
    if (!frozen.empty()) {
      text += "; it left frozen:";
      for (const std::string& w : frozen) text += " \"" + w + "\"";
    }
    run.failures.push_back(text + "; " + LastEvents(run.trace));
    return;
  }
  if (child.stop_undeliverable && out->program.requester_done) {
    // Judged when its requester was done; only the end-of-run checks at
    // its exit are missing.
    out->notes.push_back(who + " could not be asked to stop (on Windows "
                               "CTRL_BREAK needs a console, which a program "
                               "run without one lacks) and was terminated; "
                               "the end-of-run checks at its exit did not run");
    return;
  }
  if (child.killed_after_grace) {
    run.failures.push_back(who + " did not stop within the grace period after "
                                 "the scenario's requester was done: it " +
                           child.Describe());
    return;
  }
  if (!out->program.ended) {
    if (child.stop_requested) {
      run.failures.push_back(
          who + " " + child.Describe() +
          " without the end-of-run checks: a writer program stops on "
          "SIGTERM (CTRL_BREAK on Windows) by returning from main or "
          "calling exit");
    } else if (run.trace.events().empty()) {
      run.failures.push_back(
          who + " " + child.Describe() +
          " without calling vssemu's vssapi (does it load another vssapi "
          "library first? see docs/drop-in.md, \"Finding the library\")");
    } else {
      run.failures.push_back(
          who + " " + child.Describe() +
          " without the end-of-run checks (it ended without running its "
          "exit handlers: _exit, quick_exit or TerminateProcess)");
    }
  }
}

#if defined(_WIN32)
// Under Wine a program loads Wine's own vssapi even when a native one is in
// its folder, unless the prefix's registry says otherwise for that program
// (what winecfg's per-application DLL overrides write;
// WINEDLLOVERRIDES reaches only processes started from outside Wine).
// Returns "" or what failed.
std::string PreferNativeVssapiUnderWine(const fs::path& program) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  if (ntdll == nullptr || GetProcAddress(ntdll, "wine_get_version") == nullptr) {
    return "";  // Windows itself: the program's folder comes first anyway.
  }
  const std::wstring key =
      L"Software\\Wine\\AppDefaults\\" + program.filename().wstring() + L"\\DllOverrides";
  HKEY handle = nullptr;
  LONG rc = RegCreateKeyExW(HKEY_CURRENT_USER, key.c_str(), 0, nullptr, 0,
                            KEY_SET_VALUE, nullptr, &handle, nullptr);
  if (rc == ERROR_SUCCESS) {
    static const wchar_t kValue[] = L"native,builtin";
    rc = RegSetValueExW(handle, L"vssapi", 0, REG_SZ,
                        reinterpret_cast<const BYTE*>(kValue), sizeof(kValue));
    RegCloseKey(handle);
  }
  return rc == ERROR_SUCCESS ? "" : "cannot set Wine's DLL override for the program";
}
#endif

void CheckExitCodes(const scenario::Scenario& scenario, ExecOutcome* out) {
  for (const scenario::Expectation& x : scenario.expectations) {
    if (x.kind != scenario::Expectation::Kind::kExitCode) continue;
    if (!out->child.started) continue;
    if (out->child.exited && !out->child.Crashed() &&
        out->child.exit_code == x.exit_code) {
      continue;
    }
    out->run.failures.push_back(x.where.ToString() + ": expected exit code " +
                                std::to_string(x.exit_code) + "; the program " +
                                out->child.Describe());
  }
}

}  // namespace

const char* VssapiFileName() {
#if defined(_WIN32)
  return "vssapi.dll";
#else
  return "libvssapi.so";
#endif
}

fs::path VssapiFolder(std::string* why) {
  std::error_code ec;
  if (const char* dir = std::getenv("VSSEMU_VSSAPI_DIR"); dir != nullptr && *dir) {
    if (fs::is_regular_file(fs::path(dir) / VssapiFileName(), ec)) return dir;
    *why = std::string("VSSEMU_VSSAPI_DIR=") + dir + " holds no " + VssapiFileName();
    return {};
  }
  const fs::path self = ExecutableFolder();
  // Beside the program (the build tree, an installed vssemu on Windows),
  // ../lib (installed), then where this vssemu was built and would be
  // installed (a writer author's own runner linked with vssemu::cli_main).
  const fs::path candidates[] = {self, self.parent_path() / "lib",
                                 VSSEMU_VSSAPI_BUILD_DIR, VSSEMU_VSSAPI_INSTALL_DIR};
  for (const fs::path& candidate : candidates) {
    if (!candidate.empty() && fs::is_regular_file(candidate / VssapiFileName(), ec)) {
      return candidate;
    }
  }
  *why = std::string("cannot find ") + VssapiFileName() +
         " beside the vssemu program, in ../lib or where vssemu was built or "
         "installed; set VSSEMU_VSSAPI_DIR";
  return {};
}

namespace {

// Returns value with the variable's present value after it, joined by
// separator (appended piece by piece: GCC 12 at -O3 warns falsely,
// -Wrestrict, on a literal added to a temporary string).
std::string Prepend(std::string value, const char* variable, char separator) {
  const char* old = std::getenv(variable);
  if (old != nullptr && *old) {
    value += separator;
    value += old;
  }
  return value;
}

}  // namespace

std::string PrepareVssapi(const std::string& program, const fs::path& folder,
                          std::map<std::string, std::string>* environment,
                          std::string* note) {
  // Runs at once (fuzz -j) copy one DLL: the first copies, the others find
  // it there.
  static std::mutex copying;
  const std::lock_guard<std::mutex> lock(copying);
  std::error_code ec;
  const std::string dir = fs::absolute(folder, ec).string();
#if defined(_WIN32)
  (*environment)["PATH"] = Prepend(dir, "PATH", ';');
  // Windows looks for a DLL in the program's folder, then in System32, and
  // only then on PATH, so System32's own vssapi.dll would win over one on
  // PATH: the DLL goes beside the program. The copy stays (runs of the same
  // program may overlap), marked as vssemu's so that it is replaced, never
  // someone else's vssapi.dll.
  const std::string found = FindProgram(program);
  if (found.empty()) return "";  // RunChild reports it.
  if (std::string problem = PreferNativeVssapiUnderWine(found); !problem.empty()) {
    return problem;
  }
  const fs::path source = folder / VssapiFileName();
  const fs::path target = fs::absolute(found, ec).parent_path() / VssapiFileName();
  fs::path mark = target;
  mark += ".vssemu";
  if (fs::exists(target, ec)) {
    if (ReadWhole(target) == ReadWhole(source)) return "";
    if (!fs::exists(mark, ec)) {
      return target.string() + " is not vssemu's " + VssapiFileName() +
             ": the program would load it first; remove it, or run a copy of "
             "the program from another folder";
    }
  }
  if (!fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec)) {
    *note = "cannot put " + std::string(VssapiFileName()) + " beside the program (" +
            target.string() + "): " + ec.message() +
            "; it must find vssemu's itself (docs/drop-in.md, \"Finding the library\")";
    return "";
  }
  std::ofstream(mark) << "vssemu's vssapi.dll, put here by vssemu run --exec\n";
#else
  (void)program;
  (void)note;
  (*environment)["LD_LIBRARY_PATH"] = Prepend(dir, "LD_LIBRARY_PATH", ':');
#endif
  return "";
}

ExecOutcome RunProgram(const scenario::Scenario& scenario,
                       const ExecRequest& request) {
  ExecOutcome out;
  RunFolder folder;
  if (folder.path().empty()) {
    out.run.failures.push_back(scenario.file + ": cannot make a temporary folder for the run");
    out.run.setup_failed = true;
    return out;
  }
  std::string why;
  fs::path library = request.vssapi_folder;
  if (library.empty()) library = VssapiFolder(&why);
  if (library.empty()) {
    out.run.failures.push_back(scenario.file + ": " + why);
    out.run.setup_failed = true;
    return out;
  }
  const fs::path trace = folder.path() / "trace.txt";
  const fs::path result = folder.path() / "result.txt";
  ChildSpec spec;
  spec.program = request.program;
  spec.args = request.args;
  spec.timeout = request.timeout;
  spec.stdout_file = folder.path() / "stdout.txt";
  spec.stderr_file = folder.path() / "stderr.txt";
  std::error_code ec;
  spec.environment[dropin::kScenarioVariable] =
      fs::absolute(request.scenario_file, ec).string();
  spec.environment[dropin::kTraceVariable] = trace.string();
  spec.environment[dropin::kResultVariable] = result.string();
  spec.environment[dropin::kScratchVariable] = (folder.path() / "scratch").string();
  // Set even when empty, so that the caller's own shell settings do not
  // leak into the run.
  spec.environment[dropin::kSeedVariable] =
      request.seed ? std::to_string(*request.seed) : "";
  spec.environment[dropin::kReplayVariable] = "";
  spec.environment[dropin::kChoicesVariable] = request.choices;
  spec.environment[dropin::kExplorationVariable] = request.exploration;
  std::string note;
  if (std::string problem = PrepareVssapi(request.program, library, &spec.environment, &note);
      !problem.empty()) {
    out.run.failures.push_back(scenario.file + ": " + problem);
    out.run.setup_failed = true;
    return out;
  }
  if (!scenario.program_writers.empty()) {
    // A writer program runs until the scenario's requester is done with it.
    spec.stop_when = [&result] {
      return dropin::ReadResultFile(result.string()).requester_done;
    };
  }
  if (!note.empty()) out.notes.push_back(note);
  out.child = RunChild(spec);
  out.program = dropin::ReadResultFile(result.string());
  out.run.trace = ReadTrace(trace);
  if (!out.run.trace.events().empty()) {
    out.run.virtual_time_us = out.run.trace.events().back().time_us;
  }
  out.output = ReadWhole(spec.stdout_file) + ReadWhole(spec.stderr_file);
  JudgeProcess(scenario, request, &out);
  for (const std::string& f : out.program.failures) out.run.failures.push_back(f);
  CheckExitCodes(scenario, &out);
  out.run.passed = out.run.failures.empty();
  return out;
}

}  // namespace vssemu::tools
