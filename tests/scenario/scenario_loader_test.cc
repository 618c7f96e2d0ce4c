// The scenario loader is strict and precise: every malformed scenario gives
// file:line:column and what was expected, never a crash or a half-loaded
// scenario; a valid one loads completely.
#include "scenario/scenario_loader.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <vsserror.h>

namespace vssemu::scenario {
namespace {

LoadResult Load(const std::string& xml) { return LoadScenarioText(xml, "s.xml"); }

const char* kHead =
    "<scenario name=\"n\" spec=\"5\" requirement=\"r\">\n";

TEST(ScenarioLoader, AValidScenarioLoadsEveryPart) {
  LoadResult r = Load(std::string(kHead) +
                      "  <world seed=\"7\" strictness=\"strict\">\n"
                      "    <volume name=\"D:\\\"/>\n"
                      "    <knob name=\"writer-veto-aborts-all\" value=\"true\"/>\n"
                      "    <provider step=\"CommitSnapshots\" result=\"VSS_E_PROVIDER_VETO\" take-ms=\"5\"/>\n"
                      "  </world>\n"
                      "  <writer id=\"w\" name=\"W\" level=\"back-end\" freeze-timeout-ms=\"20000\">\n"
                      "    <component name=\"Db\" type=\"database\">\n"
                      "      <database-files path=\"C:\\Db\" filespec=\"a.mdf\"/>\n"
                      "    </component>\n"
                      "    <on event=\"Freeze\" return=\"false\" failure=\"0x800423F3\" first=\"1\"/>\n"
                      "  </writer>\n"
                      "  <requester type=\"incremental\" wait=\"poll\" volumes=\"C:\\ D:\\\"/>\n"
                      "  <expect writer=\"w\" state=\"FAILED_AT_FREEZE\" failure=\"VSS_E_WRITERERROR_RETRYABLE\"/>\n"
                      "  <expect call=\"DoSnapshotSet\" either=\"S_OK VSS_E_PROVIDER_VETO\"/>\n"
                      "</scenario>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  const Scenario& s = *r.scenario;
  EXPECT_EQ(s.options.seed, 7u);
  EXPECT_EQ(s.provider_faults[0].take_ms, 5);
  EXPECT_EQ(s.options.strictness, Strictness::kStrict);
  ASSERT_EQ(s.options.volumes.size(), 1u);
  EXPECT_TRUE(s.options.knobs.writer_veto_aborts_all);
  ASSERT_EQ(s.provider_faults.size(), 1u);
  EXPECT_EQ(s.provider_faults[0].hr, VSS_E_PROVIDER_VETO);
  ASSERT_EQ(s.scripted_writers.size(), 1u);
  const ScriptedWriter& w = s.scripted_writers[0];
  EXPECT_EQ(w.level, VSS_APP_BACK_END);
  EXPECT_EQ(w.freeze_timeout_ms, 20000u);
  ASSERT_EQ(w.metadata.components.size(), 1u);
  EXPECT_EQ(w.metadata.components[0].database_files.size(), 1u);
  const EventBehaviour& b = w.behaviour.at(coordinator::WriterEvent::kFreeze);
  EXPECT_EQ(b.outcome, EventBehaviour::Outcome::kReturnFalse);
  EXPECT_EQ(*b.failure, VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(b.first, 1);
  EXPECT_EQ(s.requester.plan.type, VSS_BT_INCREMENTAL);
  EXPECT_EQ(s.requester.plan.volumes.size(), 2u);
  ASSERT_EQ(s.expectations.size(), 2u);
  EXPECT_EQ(s.expectations[1].results.size(), 2u);
}

struct Bad {
  const char* what;
  std::string xml;
  const char* where;    // Expected "line:column".
  const char* message;  // Expected substring.
};

TEST(ScenarioLoader, MalformedScenariosSayWhereAndWhat) {
  const Bad cases[] = {
      {"syntax error", std::string(kHead) + "  <writer id=\"w\">\n</scenario>\n",
       "3:3", "not well-formed XML"},
      {"unknown attribute",
       std::string(kHead) + "  <writer id=\"w\" colour=\"red\"/>\n</scenario>\n",
       "2:18", "unknown attribute colour on <writer>; expected one of"},
      {"unknown element", std::string(kHead) + "  <writers/>\n</scenario>\n",
       "2:3", "unknown element <writers> inside <scenario>"},
      {"bad HRESULT name",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <on event=\"Freeze\" failure=\"VSS_E_NOPE\"/>\n"
           "  </writer>\n</scenario>\n",
       "3:24", "\"VSS_E_NOPE\" is not an HRESULT"},
      {"missing writer",
       std::string(kHead) + "  <expect writer=\"ghost\" state=\"STABLE\"/>\n</scenario>\n",
       "2:3", "no writer with id \"ghost\""},
      {"bad enumeration",
       std::string(kHead) + "  <writer id=\"w\" level=\"middle\"/>\n</scenario>\n",
       "2:18", "found \"middle\", expected one of front-end, back-end, system"},
      {"bad number",
       std::string(kHead) + "  <writer id=\"w\" freeze-timeout-ms=\"soon\"/>\n</scenario>\n",
       "2:18", "expected a non-negative number"},
      {"missing attribute", "<scenario name=\"n\" spec=\"5\">\n</scenario>\n", "1:1",
       "needs the attribute requirement"},
      {"wrong root", "<test/>\n", "1:1", "expected <scenario>"},
      {"duplicate writer",
       std::string(kHead) + "  <writer id=\"w\"/>\n  <writer id=\"w\"/>\n</scenario>\n",
       "3:3", "writer id \"w\" is used twice"},
      {"files in a database",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <component name=\"D\" type=\"database\">\n"
           "      <files path=\"C:\\x\"/>\n    </component>\n  </writer>\n</scenario>\n",
       "4:7", "expected <database-files>, <log-files> or <dependency>"},
      {"unknown knob",
       std::string(kHead) + "  <world><knob name=\"fast\" value=\"true\"/></world>\n</scenario>\n",
       "2:10", "knob fast=\"true\""},
      {"unknown fault kind",
       std::string(kHead) + "  <fault kind=\"meteor\"/>\n</scenario>\n", "2:10",
       "found \"meteor\", expected access-denied, foreign-snapshot-set, "
       "second-requester-identify, unsubscribe or flush-writes-fail"},
      {"fault after an unknown step",
       std::string(kHead) + "  <writer id=\"w\"/>\n"
           "  <fault kind=\"unsubscribe\" writer=\"w\" after=\"Lunch\"/>\n</scenario>\n",
       "3:40", "attribute after: found \"Lunch\""},
      {"fault on a missing writer",
       std::string(kHead) +
           "  <fault kind=\"unsubscribe\" writer=\"ghost\" after=\"PrepareForBackup\"/>\n"
           "</scenario>\n",
       "2:3", "no writer with id \"ghost\""},
      {"access denied for a registered writer",
       std::string(kHead) + "  <registered-writer id=\"r\" class=\"C\"/>\n"
           "  <fault kind=\"access-denied\" at=\"subscribe\" writer=\"r\"/>\n</scenario>\n",
       "3:3", "access-denied names scripted writers only"},
      {"fault step with an external requester",
       std::string(kHead) + "  <requester workload=\"external\"/>\n"
           "  <fault kind=\"second-requester-identify\" after=\"DoSnapshotSet\"/>\n"
           "</scenario>\n",
       "3:3", "after= needs the reference requester"},
      {"stamp outside the component events",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <on event=\"Freeze\" backup-stamp=\"s\"/>\n"
           "  </writer>\n</scenario>\n",
       "3:5", "set in PrepareForBackup or PostSnapshot"},
      {"unknown provider step",
       std::string(kHead) + "  <expect provider=\"Commit\" calls=\"1\"/>\n</scenario>\n", "2:11",
       "attribute provider: found \"Commit\", expected BeginPrepareSnapshot"},
      {"bad backup outcome",
       std::string(kHead) + "  <expect backup=\"fine\"/>\n</scenario>\n", "2:11",
       "expected succeeded, failed or aborted"},
      {"second requester",
       std::string(kHead) + "  <requester/>\n  <requester type=\"copy\"/>\n</scenario>\n",
       "3:3", "a second <requester>; the first is at s.xml:2:3"},
      {"an event described twice",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <on event=\"Freeze\" return=\"false\"/>\n"
           "    <on event=\"Freeze\" take-ms=\"5\"/>\n  </writer>\n</scenario>\n",
       "4:5", "a second <on event=\"Freeze\">"},
      {"application details without a failure",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <on event=\"Freeze\" app-message=\"m\"/>\n"
           "  </writer>\n</scenario>\n",
       "3:5", "app-hr and app-message go with failure="},
      {"misspelt workload",
       std::string(kHead) + "  <requester workload=\"externl\"/>\n</scenario>\n", "2:14",
       "attribute workload: found \"externl\", expected reference, external or exec"},
      {"exec without a program",
       std::string(kHead) + "  <requester workload=\"exec\"/>\n</scenario>\n", "2:3",
       "needs the attribute program"},
      {"a program for the reference requester",
       std::string(kHead) + "  <requester program=\"backup.exe\"/>\n</scenario>\n", "2:3",
       "program= and args= name the requester program of workload=\"exec\""},
      {"an unclosed quote in args",
       std::string(kHead) +
           "  <requester workload=\"exec\" program=\"p\" args=\"a &quot;b c\"/>\n</scenario>\n",
       "2:42", "attribute args: a double quote is not closed"},
      {"an exit code for the reference requester",
       std::string(kHead) + "  <expect exit-code=\"0\"/>\n</scenario>\n", "2:3",
       "exit-code= reads the exit status of the requester program"},
      {"a program writer with an external requester",
       std::string(kHead) + "  <program-writer id=\"p\" name=\"P\"/>\n"
           "  <requester workload=\"external\"/>\n</scenario>\n",
       "2:3", "a program writer is backed up by the reference requester"},
      {"a fault on a program writer",
       std::string(kHead) + "  <program-writer id=\"p\" name=\"P\"/>\n"
           "  <fault kind=\"access-denied\" at=\"subscribe\" writer=\"p\"/>\n</scenario>\n",
       "3:3", "is a program writer, which this fault cannot reach"},
      {"a program writer id used twice",
       std::string(kHead) + "  <writer id=\"p\"/>\n  <program-writer id=\"p\" name=\"P\"/>\n</scenario>\n",
       "3:3", "writer id \"p\" is used twice"},
      {"unknown attribute lists the optional ones",
       std::string(kHead) +
           "  <writer id=\"w\">\n    <on event=\"Freeze\" retrun=\"false\"/>\n"
           "  </writer>\n</scenario>\n",
       "3:24",
       "app-hr, app-message, backup-metadata, backup-stamp, differenced-since, "
       "event, failure"},
      {"no-violations false",
       std::string(kHead) + "  <expect no-violations=\"false\"/>\n</scenario>\n", "2:11",
       "expected true"},
      {"a child inside an attributes-only element",
       std::string(kHead) +
           "  <requester>\n    <backup>\n      <volume name=\"C:\\\"/>\n"
           "    </backup>\n  </requester>\n</scenario>\n",
       "4:7", "<backup> takes no child elements; found <volume>"},
      {"text inside an attributes-only element",
       std::string(kHead) + "  <expect no-violations=\"true\"><!-- c -->none</expect>\n</scenario>\n",
       "2:3", "unexpected text inside <expect>"},
      {"an element inside the description",
       std::string(kHead) + "  <description>A <b>bold</b> claim</description>\n</scenario>\n",
       "2:18", "<description> takes no child elements; found <b>"},
      {"a number too large",
       std::string(kHead) + "  <writer id=\"w\" freeze-timeout-ms=\"99999999999999999999\"/>\n</scenario>\n",
       "2:18", "expected a non-negative number"},
      {"bad bcd value",
       std::string(kHead) + "  <expect bcd=\"maybe\"/>\n</scenario>\n", "2:11",
       "found \"maybe\", expected saved or none"},
      {"expectation without a check",
       std::string(kHead) + "  <expect/>\n</scenario>\n", "2:3",
       "<expect> needs one of"},
  };
  for (const Bad& c : cases) {
    LoadResult r = Load(c.xml);
    EXPECT_FALSE(r) << c.what;
    EXPECT_FALSE(r.scenario.has_value()) << c.what;
    EXPECT_EQ(r.where.file, "s.xml") << c.what;
    std::string where = std::to_string(r.where.line) + ":" + std::to_string(r.where.column);
    EXPECT_EQ(where, c.where) << c.what << ": " << r.ErrorText();
    EXPECT_NE(r.message.find(c.message), std::string::npos)
        << c.what << ": " << r.ErrorText();
  }
}

TEST(ScenarioLoader, FaultsRequesterOptionsAndBcdExpectationsLoad) {
  LoadResult r = Load(std::string(kHead) +
                      "  <writer id=\"w\" name=\"W\">\n"
                      "    <on event=\"PostSnapshot\" backup-stamp=\"s1\" backup-metadata=\"m1\"/>\n"
                      "  </writer>\n"
                      "  <requester components=\"Logs\\Current Data\" backup-complete=\"false\"\n"
                      "             save-xml=\"false\" abort-backup=\"false\"/>\n"
                      "  <fault kind=\"access-denied\" at=\"subscribe\" writer=\"w\"/>\n"
                      "  <fault kind=\"foreign-snapshot-set\"/>\n"
                      "  <fault kind=\"unsubscribe\" writer=\"w\" after=\"DoSnapshotSet\"/>\n"
                      "  <expect writer=\"w\" start=\"E_ACCESSDENIED\"/>\n"
                      "  <expect bcd=\"none\"/>\n"
                      "  <expect bcd-component=\"Data\" writer=\"w\" backup-succeeded=\"false\" stamp=\"\"/>\n"
                      "</scenario>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  const Scenario& s = *r.scenario;
  const EventBehaviour& b =
      s.scripted_writers[0].behaviour.at(coordinator::WriterEvent::kPostSnapshot);
  EXPECT_EQ(*b.backup_stamp, L"s1");
  EXPECT_EQ(*b.backup_metadata, L"m1");
  const BackupPlan& plan = s.requester.plan;
  EXPECT_EQ(plan.components, (std::vector<std::wstring>{L"Logs\\Current", L"Data"}));
  EXPECT_FALSE(plan.backup_complete);
  EXPECT_FALSE(plan.save_as_xml);
  EXPECT_FALSE(plan.abort_on_early_end);
  ASSERT_EQ(s.faults.size(), 3u);
  EXPECT_EQ(s.faults[0].kind, Fault::Kind::kAccessDenied);
  EXPECT_EQ(s.faults[0].at, "subscribe");
  EXPECT_EQ(s.faults[1].kind, Fault::Kind::kForeignSnapshotSet);
  EXPECT_EQ(s.faults[2].after, "DoSnapshotSet");
  ASSERT_EQ(s.expectations.size(), 3u);
  EXPECT_EQ(s.expectations[0].results, std::vector<HRESULT>{E_ACCESSDENIED});
  EXPECT_FALSE(s.expectations[1].bcd_saved);
  EXPECT_EQ(s.expectations[2].component, L"Data");
  EXPECT_FALSE(*s.expectations[2].backup_succeeded);
  EXPECT_EQ(*s.expectations[2].stamp, L"");
}

TEST(ScenarioLoader, AnExecRequesterNamesItsProgramAndArguments) {
  LoadResult r = LoadScenarioText(
      std::string("<scenario name=\"x\" spec=\"1\" requirement=\"r\">\n") +
          "  <requester workload=\"exec\" program=\"bin/backup\" "
          "args=\"--volume C:\\ &quot;two words&quot; x\"/>\n"
          "  <expect exit-code=\"3\"/>\n</scenario>\n",
      "dir/sub/s.xml");
  ASSERT_TRUE(r) << r.ErrorText();
  const RequesterWorkload& w = r.scenario->requester;
  EXPECT_TRUE(w.exec);
  EXPECT_TRUE(w.external);  // The program is the requester.
  // Relative to the scenario's folder.
  EXPECT_EQ(w.program, (std::filesystem::path("dir/sub") / "bin/backup").lexically_normal().string());
  EXPECT_EQ(w.args, (std::vector<std::string>{"--volume", "C:\\", "two words", "x"}));
  ASSERT_EQ(r.scenario->expectations.size(), 1u);
  EXPECT_EQ(r.scenario->expectations[0].kind, Expectation::Kind::kExitCode);
  EXPECT_EQ(r.scenario->expectations[0].exit_code, 3);
  // A bare name stays a name, looked up on PATH when the run starts.
  LoadResult bare = LoadScenarioText(
      std::string("<scenario name=\"x\" spec=\"1\" requirement=\"r\">\n") +
          "  <requester workload=\"exec\" program=\"backup-tool\"/>\n</scenario>\n",
      "dir/s.xml");
  ASSERT_TRUE(bare) << bare.ErrorText();
  EXPECT_EQ(bare.scenario->requester.program, "backup-tool");
  EXPECT_TRUE(bare.scenario->requester.args.empty());
}

TEST(ScenarioLoader, NumbersAreDecimalOrHexNeverOctal) {
  LoadResult r = Load(std::string(kHead) +
                      "  <writer id=\"a\" freeze-timeout-ms=\"010\"/>\n"
                      "  <writer id=\"b\" freeze-timeout-ms=\"0x10\"/>\n"
                      "</scenario>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  EXPECT_EQ(r.scenario->scripted_writers[0].freeze_timeout_ms, 10u);
  EXPECT_EQ(r.scenario->scripted_writers[1].freeze_timeout_ms, 16u);
}

// A file that ends inside an element is reported at the end of its last
// line, never on the line after its final line break.
TEST(ScenarioLoader, AnErrorAtTheEndOfTheFileIsOnItsLastLine) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"x\" spec=\"1\" requirement=\"r\">\n  <writer id=\"w\">\n",
      "s.xml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.where.line, 2);
  EXPECT_EQ(r.where.column, 18);
  EXPECT_NE(r.message.find("not well-formed"), std::string::npos) << r.ErrorText();
}

TEST(ScenarioLoader, AMissingFileIsAnErrorNotACrash) {
  LoadResult r = LoadScenarioFile("/no/such/scenario.xml");
  EXPECT_FALSE(r);
  EXPECT_EQ(r.ErrorText(), "/no/such/scenario.xml:0:0: cannot read the file");
}

}  // namespace
}  // namespace vssemu::scenario
