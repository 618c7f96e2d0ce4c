// vssemu demo: a real backup through the emulated service, printing its
// trace. Three sample writers (a front-end file-group writer, a back-end
// database writer, a system-level writer) and the reference requester run a
// full component-mode backup; the trace shows every call, event, state
// change and provider step on virtual time.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include <vssemu/emulator.h>

#include "com/hresult_table.h"
#include "fixtures/samples/database_writer.h"
#include "fixtures/samples/file_group_writer.h"
#include "fixtures/samples/reference_requester.h"
#include "fixtures/samples/system_writer.h"
#include "vssemu/command_line.h"
#include "vssemu/commands.h"

namespace vssemu::tools {
namespace {

constexpr const char* kDescription =
    "Runs a full component-mode backup of three sample writers (front-end\n"
    "file groups, back-end database, system state) with the reference\n"
    "requester, and prints the trace: one line per call, event, state\n"
    "change and provider step, on virtual time, ending with its hash.\n"
    "The same seed gives the same trace, byte for byte.";

}  // namespace

int RunDemo(const std::vector<std::string>& args) {
  RunOptions options;
  bool json = false;
  samples::BackupPlan plan;
  CLI::App app;
  SetUpCommand(app, "demo", kDescription,
               "Exit codes: 0 the backup succeeded, 1 it failed, 2 bad usage.");
  std::optional<uint64_t> seed;
  AddSeedOption(app, &seed, "seed of the run (ids, choices); default 0");
  app.add_flag("--json", json, "print the trace as JSON lines");
  const std::map<std::string, VSS_BACKUP_TYPE> types = {{"full", VSS_BT_FULL},
                                                        {"copy", VSS_BT_COPY},
                                                        {"incremental", VSS_BT_INCREMENTAL},
                                                        {"differential", VSS_BT_DIFFERENTIAL}};
  app.add_option("--type", plan.type, "backup type; default full")
      ->transform(CLI::CheckedTransformer(types));
  if (std::optional<int> code = ParseCommand(app, args)) return *code;
  options.seed = seed.value_or(0);

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
