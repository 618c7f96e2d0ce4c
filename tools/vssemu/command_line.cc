#include "vssemu/command_line.h"

#include <algorithm>
#include <cstdio>

#include "sim/seed_text.h"
#include "vssemu/commands.h"

namespace vssemu::tools {

std::string VersionText() { return std::string("vssemu ") + VSSEMU_VERSION; }

void SetUpCommand(CLI::App& app, const std::string& name, const std::string& description,
                  const std::string& footer) {
  app.name("vssemu " + name);
  app.description(description);
  app.footer(footer);
  app.set_version_flag("--version", VersionText(), "print the version and exit");
  app.get_formatter()->column_width(28);
  // Options are written --name on every platform: "/tmp/x.xml" is a path,
  // not a Windows-style option.
  app.allow_windows_style_options(false);
}

std::optional<int> ParseCommand(CLI::App& app, const std::vector<std::string>& args) {
  // CLI11 takes the arguments last first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // Help and version on stdout, errors on stderr.
    return code == 0 ? kExitOk : kExitUsage;
  }
  return std::nullopt;
}

CLI::Option* AddSeedOption(CLI::App& app, std::optional<uint64_t>* seed,
                           const std::string& description) {
  return app
      .add_option_function<std::string>(
          "--seed",
          [seed](const std::string& text) {
            const std::optional<uint64_t> value = sim::ParseSeedText(text);
            if (!value) {
              throw CLI::ValidationError("--seed", "\"" + text +
                                                       "\" is not a seed (decimal or 0x "
                                                       "hexadecimal)");
            }
            *seed = value;
          },
          description)
      ->type_name("SEED");
}

ExecRequest ProgramRequest(const ProgramOptions& options, const std::string& file,
                           const scenario::Scenario& scenario) {
  ExecRequest request;
  request.scenario_file = file;
  request.timeout = std::chrono::seconds(options.timeout_seconds);
  if (!options.command.empty()) {
    request.program = options.command.front();
    request.args.assign(options.command.begin() + 1, options.command.end());
  } else if (scenario.requester.exec) {
    request.program = scenario.requester.program;
    request.args = scenario.requester.args;
  }
  return request;
}

std::string AddProgramOptions(CLI::App& app, std::vector<std::string>* args,
                              const std::string& exec_help, ProgramOptions* out) {
  std::string error;
  out->command = SplitExec(args, &error);
  app.add_option("--timeout", out->timeout_seconds,
                 "seconds after which a program still running is killed with its process "
                 "tree and reported as hung (default 60)")
      ->check(CLI::Range(1u, 86400u));
  app.add_flag("--exec")->description("-- PROGRAM [ARGS...], last on the line: " + exec_help);
  return error;
}

std::vector<std::string> SplitExec(std::vector<std::string>* args, std::string* error) {
  auto exec = std::find(args->begin(), args->end(), "--exec");
  if (exec == args->end()) return {};
  auto first = exec + 1;
  if (first != args->end() && *first == "--") ++first;
  std::vector<std::string> program(first, args->end());
  args->erase(exec, args->end());
  if (program.empty()) *error = "--exec needs a program: --exec -- PROGRAM [ARGS...]";
  return program;
}

}  // namespace vssemu::tools
