// vssemu demo: a real backup through the emulated service, printing its
// trace. Three sample writers (a front-end file-group writer, a back-end
// database writer, a system-level writer) and the reference requester run a
// full component-mode backup; the trace shows every call, event, state
// change and provider step on virtual time.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <vssemu/emulator.h>

#include "com/hresult_table.h"
#include "fixtures/samples/database_writer.h"
#include "fixtures/samples/file_group_writer.h"
#include "fixtures/samples/reference_requester.h"
#include "fixtures/samples/system_writer.h"
#include "vssemu/commands.h"

namespace vssemu::tools {
namespace {

constexpr const char* kHelp =
    "usage: vssemu demo [--seed N] [--json] [--type full|copy|incremental|"
    "differential]\n"
    "\n"
    "Runs a full component-mode backup of three sample writers (front-end\n"
    "file groups, back-end database, system state) with the reference\n"
    "requester, and prints the trace: one line per call, event, state\n"
    "change and provider step, on virtual time, ending with its hash.\n"
    "The same seed gives the same trace, byte for byte.\n"
    "\n"
    "  --seed N   seed of the run (ids, choices); default 0\n"
    "  --json     print the trace as JSON lines\n"
    "  --type T   backup type; default full\n"
    "\n"
    "Exit codes: 0 the backup succeeded, 1 it failed, 2 bad usage.\n";

}  // namespace

int RunDemo(const std::vector<std::string>& args) {
  RunOptions options;
  bool json = false;
  samples::BackupPlan plan;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--seed" && i + 1 < args.size()) {
      char* end = nullptr;
      options.seed = std::strtoull(args[++i].c_str(), &end, 0);
      if (end == nullptr || *end != '\0') {
        std::fprintf(stderr, "vssemu demo: --seed takes a number\n");
        return kExitUsage;
      }
    } else if (arg == "--type" && i + 1 < args.size()) {
      const std::string type = args[++i];
      if (type == "full") plan.type = VSS_BT_FULL;
      else if (type == "copy") plan.type = VSS_BT_COPY;
      else if (type == "incremental") plan.type = VSS_BT_INCREMENTAL;
      else if (type == "differential") plan.type = VSS_BT_DIFFERENTIAL;
      else {
        std::fprintf(stderr, "vssemu demo: unknown backup type '%s'\n",
                     type.c_str());
        return kExitUsage;
      }
    } else {
      std::fprintf(stderr, "vssemu demo: unexpected argument '%s'\n\n%s",
                   arg.c_str(), kHelp);
      return kExitUsage;
    }
  }

  Emulator emulator(options);
  samples::FileGroupWriter files;
  samples::DatabaseWriter database;
  samples::SystemWriter system;
  if (FAILED(files.Start()) || FAILED(database.Start()) ||
      FAILED(system.Start())) {
    std::fprintf(stderr, "vssemu demo: a sample writer failed to start\n");
    return kExitFailure;
  }
  samples::BackupResult result = samples::RunBackup(plan);
  const Trace& trace = emulator.trace();
  std::fputs(json ? trace.ToJsonLines().c_str() : trace.ToText().c_str(),
             stdout);
  if (!result.ok()) {
    std::fprintf(stderr, "vssemu demo: the backup failed at %s with %s\n",
                 result.failed_step.c_str(),
                 com::HresultToString(result.hr).c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace vssemu::tools
