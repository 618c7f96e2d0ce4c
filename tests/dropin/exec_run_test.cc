// Programs as they ship, run by vssemu around a scenario (tools/exec): the
// requester and the misbehaving writer host are built against the SDK
// headers and linked with the drop-in vssapi library alone.
#include "exec/exec_run.h"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#if !defined(_WIN32)
#include <signal.h>
#endif

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dropin/dropin_environment.h"
#include "exec/exec_explore.h"
#include "explore/campaign.h"
#include "explore/scenario_explore.h"
#include "dropin/result_file.h"
#include "scenario/scenario_loader.h"

namespace vssemu::tools {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kData = VSSEMU_DROPIN_TEST_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

scenario::Scenario Load(const std::string& file) {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
  EXPECT_TRUE(loaded) << loaded.ErrorText();
  return loaded ? *loaded.scenario : scenario::Scenario();
}

ExecRequest Request(const std::string& scenario_file, const std::string& program,
                    std::vector<std::string> args = {}) {
  ExecRequest r;
  r.scenario_file = scenario_file;
  r.program = program;
  r.args = std::move(args);
  r.vssapi_folder = VSSEMU_VSSAPI_DIR;
  return r;
}

// Sanitizers must let a crash be a crash: an AddressSanitizer build turns
// SIGSEGV into its own report and exit code 1 unless told otherwise.
void LetCrashesThrough() {
  std::string options = "handle_segv=0";
  if (const char* old = std::getenv("ASAN_OPTIONS"); old != nullptr && *old) {
    options = std::string(old) + ":" + options;
  }
#if defined(_WIN32)
  _putenv_s("ASAN_OPTIONS", options.c_str());
#else
  setenv("ASAN_OPTIONS", options.c_str(), 1);
#endif
}

TEST(ExecRun, RequesterProgramPassesAFreezeTimeoutScenario) {
  const std::string file = kData + "/requester-freeze-timeout.xml";
  scenario::Scenario s = Load(file);
  ExecOutcome out = RunProgram(s, Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM));
  EXPECT_TRUE(out.run.passed) << ::testing::PrintToString(out.run.failures)
                              << out.output;
  EXPECT_TRUE(out.child.exited);
  EXPECT_EQ(out.child.exit_code, 1);  // It saw the writer fail.
  EXPECT_TRUE(out.program.ended);
  EXPECT_THAT(out.output, HasSubstr("backup failed"));
  // The trace came back whole: the freeze window expired, the program
  // aborted the backup and released its object.
  const std::string text = out.run.trace.ToText();
  EXPECT_THAT(text, HasSubstr("timer name=freeze-window-expired writer=Front"));
  EXPECT_THAT(text, HasSubstr("call name=AbortBackup requester=requester#1 result=S_OK"));
  EXPECT_THAT(text, HasSubstr("writer name=Uninitialize writer=Back"));
}

TEST(ExecRun, TheSameSeedGivesTheSameTraceInEveryProcess) {
  const std::string file = kData + "/requester-freeze-timeout.xml";
  scenario::Scenario s = Load(file);
  ExecRequest r = Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM);
  r.seed = 7;
  const uint64_t first = RunProgram(s, r).run.trace.Hash();
  EXPECT_EQ(RunProgram(s, r).run.trace.Hash(), first);
}

TEST(ExecRun, AWrongExitCodeFailsTheRun) {
  const std::string file = kData + "/requester-freeze-timeout.xml";
  scenario::Scenario s = Load(file);
  ASSERT_EQ(s.expectations.back().kind, scenario::Expectation::Kind::kExitCode);
  s.expectations.back().exit_code = 0;
  ExecOutcome out = RunProgram(s, Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM));
  EXPECT_FALSE(out.run.passed);
  ASSERT_EQ(out.run.failures.size(), 1u);
  EXPECT_THAT(out.run.failures[0], HasSubstr("expected exit code 0; the program exited with code 1"));
}

TEST(ExecRun, ACrashAfterFreezeIsReportedWithTheFrozenWriters) {
  LetCrashesThrough();
  const std::string file = kData + "/program-writer-host.xml";
  scenario::Scenario s = Load(file);
  ExecOutcome out =
      RunProgram(s, Request(file, VSSEMU_MISBEHAVING_PROGRAM, {"--crash-at-freeze"}));
  EXPECT_FALSE(out.run.passed);
  EXPECT_TRUE(out.child.Crashed()) << out.child.Describe();
  ASSERT_FALSE(out.run.failures.empty());
  const std::string& report = out.run.failures[0];
  EXPECT_THAT(report, HasSubstr("crashed"));
#if defined(_WIN32)
  EXPECT_THAT(report, HasSubstr("exception code 0xC0000005"));
#else
  EXPECT_THAT(report, HasSubstr("SIGSEGV"));
#endif
  EXPECT_THAT(report, HasSubstr("it left frozen: \"Journal Writer\""));
  EXPECT_THAT(report, HasSubstr("event name=Freeze writer=\"Journal Writer\""));
  // The trace streamed up to the crash.
  ASSERT_FALSE(out.run.trace.events().empty());
  EXPECT_EQ(out.run.trace.events().back().Get("name"), "Freeze");
}

TEST(ExecRun, AHangIsKilledAtTheTimeoutAndReported) {
  const std::string file = kData + "/program-writer-host.xml";
  scenario::Scenario s = Load(file);
  ExecRequest r = Request(file, VSSEMU_MISBEHAVING_PROGRAM, {"--hang-at-freeze"});
  r.timeout = std::chrono::seconds(2);
  ExecOutcome out = RunProgram(s, r);
  EXPECT_TRUE(out.child.timed_out);
  EXPECT_FALSE(out.run.passed);
  ASSERT_FALSE(out.run.failures.empty());
  EXPECT_THAT(out.run.failures[0], HasSubstr("hung: it did not end within 2 s"));
  EXPECT_THAT(out.run.failures[0], HasSubstr("it left frozen: \"Journal Writer\""));
#if !defined(_WIN32)
  // Nothing is left running: the process is gone (and reaped).
  ASSERT_GT(out.child.pid, 0);
  EXPECT_EQ(kill(static_cast<pid_t>(out.child.pid), 0), -1);
  EXPECT_EQ(errno, ESRCH);
#endif
}

TEST(ExecRun, AProgramThatCannotBeFoundIsASetUpFailure) {
  const std::string file = kData + "/requester-freeze-timeout.xml";
  scenario::Scenario s = Load(file);
  ExecOutcome out = RunProgram(s, Request(file, "no-such-program-vssemu"));
  EXPECT_FALSE(out.child.started);
  EXPECT_TRUE(out.run.setup_failed);
  ASSERT_EQ(out.run.failures.size(), 1u);
  EXPECT_THAT(out.run.failures[0], HasSubstr("cannot find the program \"no-such-program-vssemu\""));
}

// A writer program: it subscribes and waits; the scenario's reference
// requester backs it up and restores it on a thread of the library's own,
// then the program is asked to stop and ends cleanly.
TEST(ExecRun, AWriterProgramIsBackedUpRestoredAndStopped) {
  const std::string file = kData + "/writer-program-backup-and-restore.xml";
  scenario::Scenario s = Load(file);
  ExecOutcome out = RunProgram(s, Request(file, VSSEMU_WRITER_SERVICE));
  EXPECT_TRUE(out.run.passed) << ::testing::PrintToString(out.run.failures) << out.output;
  EXPECT_TRUE(out.child.stop_requested);
  EXPECT_FALSE(out.child.killed_after_grace);
  EXPECT_TRUE(out.program.requester_done);
  const std::string text = out.run.trace.ToText();
  EXPECT_THAT(text, HasSubstr("event name=PostRestore writer=\"vssemu database writer\""));
#if defined(_WIN32)
  if (out.child.stop_undeliverable) {
    // No console (headless Wine): CTRL_BREAK cannot reach it, so it was
    // terminated once judged, and the user is told.
    EXPECT_EQ(out.notes.size(), 1u);
    return;
  }
#else
  EXPECT_FALSE(out.child.stop_undeliverable);
#endif
  EXPECT_TRUE(out.child.exited);
  EXPECT_EQ(out.child.exit_code, 0);
  EXPECT_TRUE(out.program.ended);
  EXPECT_TRUE(out.notes.empty());
  // The writer's own record of what it received, printed as it stopped.
  EXPECT_THAT(out.output, HasSubstr("stopped; events: Identify PrepareForBackup"));
  EXPECT_THAT(text, HasSubstr("writer name=Unsubscribe writer=\"vssemu database writer\""));
}

// The sample backup program with vssemu's library, its output in folder:
// the library configured by hand, as docs/drop-in.md shows.
ChildSpec ProgramWithTheLibrary(const fs::path& folder) {
  ChildSpec spec;
  spec.program = VSSEMU_SAMPLE_BACKUP_PROGRAM;
  std::string note;
  EXPECT_EQ(PrepareVssapi(spec.program, VSSEMU_VSSAPI_DIR, &spec.environment, &note), "");
  EXPECT_EQ(note, "");
  spec.stdout_file = folder / "out.txt";
  spec.stderr_file = folder / "err.txt";
  return spec;
}

// The library alone, configured by hand as docs/drop-in.md shows: a
// malformed scenario is reported with file:line:column and every vssapi
// call then fails with E_UNEXPECTED.
TEST(DropIn, AMalformedScenarioFailsEveryCallWithEUnexpected) {
  const fs::path folder = fs::temp_directory_path() / "vssemu-dropin-malformed";
  fs::create_directories(folder);
  const fs::path bad = folder / "bad.xml";
  std::ofstream(bad) << "<scenario name=\"x\" spec=\"1\" requirement=\"r\">\n"
                         "  <writer id=\"w\" name=\"W\" level=\"sideways\"/>\n"
                         "</scenario>\n";
  ChildSpec spec = ProgramWithTheLibrary(folder);
  spec.environment[dropin::kScenarioVariable] = bad.string();
  ChildOutcome child = RunChild(spec);
  ASSERT_TRUE(child.exited) << child.Describe();
  EXPECT_EQ(child.exit_code, 1);
  const std::string out_text = ReadFile(spec.stdout_file);
  const std::string err_text = ReadFile(spec.stderr_file);
  EXPECT_THAT(out_text, HasSubstr("backup failed (0x8000FFFF)"));
  EXPECT_THAT(err_text, HasSubstr("bad.xml:2:"));
  EXPECT_THAT(err_text, HasSubstr("every vssapi call returns E_UNEXPECTED"));
  std::error_code ec;
  fs::remove_all(folder, ec);
}

// VSSEMU_TRACE alone: the trace streams to the file, and the end-of-run
// checks run at exit (here: nothing to report).
TEST(DropIn, TheTraceStreamsToVssemuTraceWithoutAScenario) {
  const fs::path folder = fs::temp_directory_path() / "vssemu-dropin-trace";
  fs::create_directories(folder);
  ChildSpec spec = ProgramWithTheLibrary(folder);
  spec.environment[dropin::kTraceVariable] = (folder / "trace.txt").string();
  spec.environment[dropin::kResultVariable] = (folder / "result.txt").string();
  ChildOutcome child = RunChild(spec);
  ASSERT_TRUE(child.exited) << child.Describe();
  EXPECT_EQ(child.exit_code, 0);  // No writers: nothing can fail.
  const std::string text = ReadFile(folder / "trace.txt");
  EXPECT_THAT(text, HasSubstr("call name=DoSnapshotSet requester=requester#1 result=S_OK"));
  EXPECT_THAT(text, HasSubstr("call name=Release requester=requester#1"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("violation")));
  EXPECT_TRUE(dropin::ReadResultFile((folder / "result.txt").string()).ended);
  std::error_code ec;
  fs::remove_all(folder, ec);
}

// vssemu fuzz --exec: a campaign whose runs are processes of the program.
ExploreOptions Campaign(const scenario::Scenario& s, size_t runs) {
  ExploreOptions options = explore::ScenarioExploreOptions(s);
  options.runs = runs;
  options.run.record_trace = false;
  return options;
}

TEST(ExecExplore, TheCorrectRequesterProgramPassesEveryRun) {
  const std::string file = kData + "/requester-three-writers.xml";
  scenario::Scenario s = Load(file);
  const ExecRequest request = Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM);
  ExploreReport report = explore::ExploreWith(Campaign(s, 60), ExecRunner(s, request));
  EXPECT_TRUE(report.ok()) << report.Summary();
  EXPECT_EQ(report.runs, 60u);
  EXPECT_GT(report.runs_with_faults, 0u);  // Faults fired, and were handled.
}

TEST(ExecExplore, AForgottenAbortBackupIsCaughtShrunkAndReplayed) {
  const std::string file = kData + "/requester-three-writers.xml";
  scenario::Scenario s = Load(file);
  const ExecRequest request = Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM,
                                      {"--no-abort-after-failed-snapshot"});
  const ExploreOptions options = Campaign(s, 1000);
  ExploreReport report = explore::ExploreWith(options, ExecRunner(s, request));
  ASSERT_EQ(report.failures.size(), 1u) << report.Summary();
  const ExploreFailure& f = report.failures[0];
  EXPECT_EQ(f.rule, "requester.release-without-abort");
  EXPECT_FALSE(f.faults.empty());  // A fault made DoSnapshotSet fail.
  EXPECT_FALSE(f.shrunk_decisions.empty());
  EXPECT_THAT(f.trace, HasSubstr("call name=Release requester=requester#1"));
  // The shrunk run, replayed in a new process, fails the same way; the
  // correct program passes it.
  ExploreFailure again = explore::ReplayWith(options, f.seed, f.shrunk_choices,
                                             ExecRunner(s, request));
  EXPECT_EQ(again.rule, "requester.release-without-abort");
  const ExecRequest correct = Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM);
  EXPECT_EQ(explore::ReplayWith(options, f.seed, f.shrunk_choices, ExecRunner(s, correct)).rule,
            "");
}

TEST(ExecExplore, RunsAtOnceGiveTheSameReport) {
  const std::string file = kData + "/requester-three-writers.xml";
  scenario::Scenario s = Load(file);
  const ExecRequest request = Request(file, VSSEMU_SAMPLE_BACKUP_PROGRAM,
                                      {"--no-abort-after-failed-snapshot"});
  ExploreOptions options = Campaign(s, 40);
  options.shrink = false;
  options.stop_at_first_failure = false;
  ExploreReport one = explore::ExploreWith(options, ExecRunner(s, request));
  options.jobs = 3;
  ExploreReport three = explore::ExploreWith(options, ExecRunner(s, request));
  EXPECT_EQ(three.Summary(), one.Summary());
  EXPECT_EQ(three.runs, 40u);
  ASSERT_FALSE(three.failures.empty());
  EXPECT_EQ(three.failures[0].seed, one.failures[0].seed);
  EXPECT_EQ(three.failures[0].choices, one.failures[0].choices);
}

TEST(ExecExplore, ACrashIsAFailureClassOfItsOwn) {
  LetCrashesThrough();
  const std::string file = kData + "/program-writer-host.xml";
  scenario::Scenario s = Load(file);
  const ExecRequest request =
      Request(file, VSSEMU_MISBEHAVING_PROGRAM, {"--crash-at-freeze"});
  ExploreOptions options = Campaign(s, 5);
  options.shrink = false;
  ExploreReport report = explore::ExploreWith(options, ExecRunner(s, request));
  ASSERT_EQ(report.failures.size(), 1u) << report.Summary();
  EXPECT_EQ(report.failures[0].rule, "exec.crash");
  EXPECT_THAT(report.failures[0].message, HasSubstr("it left frozen"));
}

}  // namespace
}  // namespace vssemu::tools
