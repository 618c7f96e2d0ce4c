// What every vssemu command parses alike, with CLI11: `--opt value` and
// `--opt=value`, numbers checked against their range, a missing value
// named, generated `--help`, `--version`; errors on standard error with
// exit code 2 (kExitUsage).
#ifndef VSSEMU_TOOLS_VSSEMU_COMMAND_LINE_H_
#define VSSEMU_TOOLS_VSSEMU_COMMAND_LINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "exec/exec_run.h"
#include "scenario/scenario_model.h"

namespace vssemu::tools {

// The version `--version` prints.
std::string VersionText();

// A command's parser: "vssemu NAME", its description and the footer (the
// exit codes), with --help and --version.
void SetUpCommand(CLI::App& app, const std::string& name, const std::string& description,
                  const std::string& footer);

// Parses args (after the command's name) into app. Returns nullopt when the
// command goes on, else its exit code: 0 after --help or --version (printed
// on standard output), 2 after a usage error (said on standard error).
std::optional<int> ParseCommand(CLI::App& app, const std::vector<std::string>& args);

// Adds --seed: decimal or 0x hexadecimal, never octal (sim/seed_text.h),
// into *seed.
CLI::Option* AddSeedOption(CLI::App& app, std::optional<uint64_t>* seed,
                           const std::string& description);

// What the commands that run a requester program take: --exec -- PROGRAM
// [ARGS...] (last on the line) and --timeout SECONDS.
struct ProgramOptions {
  std::vector<std::string> command;  // The program and its arguments.
  unsigned timeout_seconds = 60;
};

// The program a scenario runs as its requester: the one --exec gives, else
// the scenario's own (workload="exec"); an empty program when the scenario
// runs in this process. file is the scenario's file.
ExecRequest ProgramRequest(const ProgramOptions& options, const std::string& file,
                           const scenario::Scenario& scenario);

// Takes --exec and the program off *args (SplitExec) into *out and adds
// --timeout, and --exec to the help, to app. Returns "" or the usage error.
std::string AddProgramOptions(CLI::App& app, std::vector<std::string>* args,
                              const std::string& exec_help, ProgramOptions* out);

// Takes "--exec [--] PROGRAM [ARGS...]" off the end of *args: the program
// and its arguments are the program's, never options of vssemu. Returns
// the program and its arguments, empty when --exec is absent; sets *error
// when --exec has no program.
std::vector<std::string> SplitExec(std::vector<std::string>* args, std::string* error);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_COMMAND_LINE_H_
