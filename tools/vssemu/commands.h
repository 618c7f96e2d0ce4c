// The subcommands of the vssemu command line. Each takes the arguments after
// its name and returns the process exit code (see main.cc for the codes).
#ifndef VSSEMU_TOOLS_VSSEMU_COMMANDS_H_
#define VSSEMU_TOOLS_VSSEMU_COMMANDS_H_

#include <string>
#include <vector>

namespace vssemu::tools {

// Runs the vssemu command line on argv (as main() does).
int RunVssemu(int argc, char** argv);

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // The command ran and found a problem.
inline constexpr int kExitUsage = 2;    // Bad command line.
inline constexpr int kExitInput = 3;    // An input file could not be loaded.
// Nothing ran: the scenario's requester is the test's own code
// (workload="external") and no program was given (CTest's SKIP_RETURN_CODE).
inline constexpr int kExitSkipped = 4;
// A campaign ended by Ctrl-C (128 + SIGINT, as shells report it), after its
// summary so far.
inline constexpr int kExitInterrupted = 130;

// Prints name, meaning, who raises it and what to do, for HRESULTs given
// in hex, decimal or by name.
int RunExplain(const std::vector<std::string>& args);

// Runs a full backup of sample writers and prints its trace.
int RunDemo(const std::vector<std::string>& args);

// Runs scenario files and checks their expectations.
int RunScenarios(const std::vector<std::string>& args);

// Loads scenario files without running them.
int RunValidate(const std::vector<std::string>& args);

// Lists scenario files with their spec section and requirement.
int RunList(const std::vector<std::string>& args);

// Explores a scenario's orderings and faults.
int RunFuzz(const std::vector<std::string>& args);

// Replays one run of a fuzz campaign.
int RunReplay(const std::vector<std::string>& args);

// Loads a saved Writer Metadata Document and prints what a requester sees.
int RunInspect(const std::vector<std::string>& args);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_COMMANDS_H_
