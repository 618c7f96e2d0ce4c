// The vssemu command line: the usage text, the shared help handling and the
// dispatch to each command. main.cc (the vssemu program) and
// vssemu::cli_main (writer authors' own scenario runners) both use it.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "vssemu/command_line.h"
#include "vssemu/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: vssemu <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  run <scenario>...      run scenario files and check their expectations\n"
    "  validate <scenario>... load scenario files without running them\n"
    "  list <folder>...       list scenarios with their requirement\n"
    "  demo [--seed N]        run a full backup of three sample writers and\n"
    "                         print its trace\n"
    "  explain <hresult>...   name, meaning, who raises it and what to do\n"
    "                         (hex 0x800423f2, decimal, or a name)\n"
    "  inspect <wmd.xml>...   load saved Writer Metadata Documents and print\n"
    "                         what a requester sees through the SDK\n"
    "  fuzz <scenario>        explore the scenario's writer orders, timings\n"
    "                         and faults; shrink and report each failure\n"
    "  replay <scenario>      run one run of a fuzz campaign again (--seed,\n"
    "                         --choices) and print its trace\n"
    "\n"
    "Run 'vssemu <command> --help' for a command's options; every command\n"
    "takes --version. `vssemu --version` prints the version.\n"
    "Exit codes: 0 ok, 1 a problem was found (a failed expectation), 2 bad\n"
    "usage, 3 unreadable or invalid input.\n";

}  // namespace

namespace vssemu::tools {

int RunVssemu(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "help") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? kExitUsage : kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("%s\n", VersionText().c_str());
    return kExitOk;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "demo") return RunDemo(args);
  if (command == "run") return RunScenarios(args);
  if (command == "validate") return RunValidate(args);
  if (command == "list") return RunList(args);
  if (command == "explain") return RunExplain(args);
  if (command == "inspect") return RunInspect(args);
  if (command == "fuzz") return RunFuzz(args);
  if (command == "replay") return RunReplay(args);
  std::fprintf(stderr, "vssemu: unknown command '%s'\n\n%s", command.c_str(),
               kUsage);
  return kExitUsage;
}

}  // namespace vssemu::tools
