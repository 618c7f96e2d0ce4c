#include "exec/exec_explore.h"

#include <filesystem>
#include <fstream>

#include <vssemu/violation.h>

#include "explore/exploration_text.h"
#include "scenario/scenario_scratch.h"

namespace vssemu::tools {
namespace {

// The process-level failure of a run, if any (rule, message).
std::pair<std::string, std::string> ProcessFailure(const ExecOutcome& out) {
  const std::string what = out.run.failures.empty() ? out.child.Describe()
                                                    : out.run.failures.front();
  if (!out.child.started || !out.program.load_error.empty()) {
    return {"exec.setup", what};
  }
  if (out.child.timed_out) return {"exec.hang", what};
  if (out.child.Crashed()) return {"exec.crash", what};
  if (!out.program.ended) return {"exec.setup", what};
  return {};
}

}  // namespace

explore::Runner ExecRunner(const scenario::Scenario& scenario,
                           const ExecRequest& request, scenario::RunResult* last,
                           std::shared_ptr<void> keep) {
  auto own = std::make_shared<const std::pair<scenario::Scenario, ExecRequest>>(scenario,
                                                                                 request);
  return [own, last, keep](const RunOptions& options, explore::RunObserver& observer) {
    const scenario::Scenario& scenario = own->first;
    ExecRequest run = own->second;
    run.seed = options.seed;
    run.choices = observer.AttachRemote();
    run.exploration = explore::ExplorationToText(options.exploration);
    explore::RunRecord& record = observer.record;
    if (run.choices.empty()) {
      record.process_rule = "exec.setup";
      record.process_message =
          "this exploration cannot be run in another process (its choices "
          "cannot be described)";
      return;
    }
    ExecOutcome out = RunProgram(scenario, run);
    // What the run did, read from its trace as the checks recorded it.
    for (const TraceEvent& e : out.run.trace.events()) {
      if (e.kind == "violation") {
        record.violations.push_back(Violation{std::string(e.Get("rule")),
                                              std::string(e.Get("section")),
                                              std::string(e.Get("message")),
                                              false});
      } else if (e.kind == "fault") {
        record.faults.push_back(std::string(e.Get("kind")) + " at " +
                                std::string(e.Get("at")));
      }
    }
    record.hr = out.child.exited && out.child.exit_code == 0 ? S_OK : E_FAIL;
    auto [rule, message] = ProcessFailure(out);
    record.process_rule = std::move(rule);
    record.process_message = std::move(message);
    if (options.record_trace) record.trace = out.run.trace.ToText();
    observer.FinishRemote(out.program.choices);
    if (last != nullptr) *last = std::move(out.run);
  };
}

std::function<explore::Runner(const scenario::Scenario&, const std::string&)>
PinnedCandidateRunner(const ExecRequest& request) {
  return [request](const scenario::Scenario& loaded, const std::string& xml) {
    // A folder of its own for the candidate's file, removed with the
    // runner.
    std::error_code ec;
    std::string why;
    auto folder = std::shared_ptr<std::filesystem::path>(
        new std::filesystem::path(scenario::CreateUniqueFolder(
            std::filesystem::temp_directory_path(ec), "vssemu-pin", &why)),
        [](std::filesystem::path* p) {
          std::error_code ignored;
          if (!p->empty()) std::filesystem::remove_all(*p, ignored);
          delete p;
        });
    // Without a folder the program is told of a file that is not there,
    // and says so.
    const std::filesystem::path file = *folder / "candidate.xml";
    if (!folder->empty()) std::ofstream(file, std::ios::binary) << xml;
    ExecRequest run = request;
    run.scenario_file = file.string();
    run.program = loaded.requester.program;
    run.args = loaded.requester.args;
    return ExecRunner(loaded, run, nullptr, folder);
  };
}

}  // namespace vssemu::tools
