// Runs a scenario around a program that loads the drop-in vssapi library
// (`vssemu run --exec`, `vssemu fuzz --exec`; docs/drop-in.md): the program
// runs as a child process with the scenario, seed and choices in its
// environment and the library found first; its trace and results come back
// through files, and the run is judged from outside, crashes and hangs
// included.
#ifndef VSSEMU_TOOLS_EXEC_EXEC_RUN_H_
#define VSSEMU_TOOLS_EXEC_EXEC_RUN_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dropin/result_file.h"
#include "exec/child_process.h"
#include "scenario/scenario_model.h"
#include "scenario/scenario_runner.h"

namespace vssemu::tools {

struct ExecRequest {
  std::string scenario_file;  // Passed to the program as VSSEMU_SCENARIO.
  std::string program;
  std::vector<std::string> args;
  std::optional<uint64_t> seed;
  // A run of a campaign: its choices (sim::ChoiceSource::Describe) and
  // exploration options (explore::ExplorationToText).
  std::string choices;
  std::string exploration;
  std::chrono::milliseconds timeout{60000};
  // The folder holding vssemu's vssapi library; empty: found beside the
  // vssemu executable (VssapiFolder).
  std::filesystem::path vssapi_folder;
};

struct ExecOutcome {
  // The trace read back, the failures (the program's own and the judgement
  // of how it ended), passed.
  scenario::RunResult run;
  ChildOutcome child;
  dropin::ProgramResult program;
  std::string output;  // The program's standard output and error.
  // What the user should know that is not a failure (a writer program
  // that could not be asked to stop and was terminated).
  std::vector<std::string> notes;
};

// Where vssemu's vssapi library is: VSSEMU_VSSAPI_DIR when set, else the
// vssemu executable's folder, else ../lib beside it (an installed vssemu).
// Returns "" with *why set when it is nowhere.
std::filesystem::path VssapiFolder(std::string* why);

// The file name of the library on this platform.
const char* VssapiFileName();

// Makes a program load vssemu's vssapi from folder (docs/drop-in.md,
// "Finding the library"): first on LD_LIBRARY_PATH (PATH on Windows) in
// *environment, the child's variables; on Windows also beside the program,
// which comes before System32 (a copy left there, marked as vssemu's by a
// vssapi.dll.vssemu file beside it, and replaced when vssemu's changes),
// and under Wine preferred to Wine's own. Returns "" or why the program
// must not run (another vssapi.dll beside it); a folder vssemu cannot
// write to (a program under Program Files) is said in *note, and the
// program runs: it may find the library itself (docs/drop-in.md).
std::string PrepareVssapi(const std::string& program, const std::filesystem::path& folder,
                          std::map<std::string, std::string>* environment,
                          std::string* note);

// Runs request's program around scenario and judges the run.
ExecOutcome RunProgram(const scenario::Scenario& scenario,
                       const ExecRequest& request);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_EXEC_EXEC_RUN_H_
