// The loader reads files on volumes, the reference requester's further
// backups and restores, scripted restore behaviour and the expectations on
// files, backups and restores; every mistake in them is a load error with
// file:line:column and what was expected.
#include <gtest/gtest.h>
#include <vsserror.h>

#include "scenario/scenario_loader.h"

namespace vssemu::scenario {
namespace {

LoadResult Load(const std::string& xml) {
  return LoadScenarioText(xml, "s.xml");
}

const char* kHead = "<scenario name=\"n\" spec=\"11\" requirement=\"r\">\n";

// A world with C:\ and D:\ (one file), for errors elsewhere.
const char* kWorld =
    "  <world><volume name=\"C:\\\"/><volume name=\"D:\\\">"
    "<file path=\"Db\\a\">a</file></volume></world>\n";

TEST(ScenarioLoaderRestore, FilesStepsAndRestoreExpectationsLoad) {
  LoadResult r = Load(
      std::string(kHead) +
      "  <world>\n"
      "    <volume name=\"C:\\\"/>\n"
      "    <volume name=\"D:\\\">\n"
      "      <file path=\"Db\\orders.mdf\">line 1\nline 2\n</file>\n"
      "      <file path=\"Db/big.bin\" bytes=\"0x1000\" "
      "modified=\"132223104000000000\"/>\n"
      "      <file path=\"Db\\empty.txt\"/>\n"
      "    </volume>\n"
      "  </world>\n"
      "  <writer id=\"w\" name=\"W\">\n"
      "    <on event=\"PostSnapshot\" backup-stamp=\"s-{n}\" "
      "differenced-since=\"133485408000000000\"/>\n"
      "    <on event=\"PreRestore\" restore-target=\"original-location\" "
      "pre-restore-failure-msg=\"pre\"/>\n"
      "    <on event=\"PostRestore\" return=\"false\" "
      "failure=\"VSS_E_WRITERERROR_RETRYABLE\"\n"
      "        post-restore-failure-msg=\"post\"/>\n"
      "  </writer>\n"
      "  <requester volumes=\"D:\\\" type=\"full\" wait=\"poll\">\n"
      "    <backup type=\"incremental\" components=\"Db\"/>\n"
      "    <restore backup=\"1\" components=\"Db\" restore-type=\"import\" "
      "additional-restores=\"true\"\n"
      "             delete-before=\"D:\\Db D:\\Other\\x\" "
      "stopped-writers=\"w\" wait=\"poll\"\n"
      "             fail-on-writer-error=\"false\">\n"
      "      <new-target component=\"Db\" path=\"D:\\Db\" recursive=\"true\" "
      "destination=\"D:\\New\"/>\n"
      "    </restore>\n"
      "    <restore/>\n"
      "  </requester>\n"
      "  <expect copied-files=\"2\" backup=\"2\"/>\n"
      "  <expect restore=\"failed\" result=\"VSS_E_WRITERERROR_RETRYABLE\"/>\n"
      "  <expect restore-verified=\"true\"/>\n"
      "  <expect restored-files=\"0\"/>\n"
      "  <expect file=\"D:\\New\\orders.mdf\" content=\"line 1&#10;\"/>\n"
      "  <expect file=\"D:\\Db\\orders.mdf\" exists=\"false\"/>\n"
      "  <expect bcd-component=\"Db\" writer=\"w\" backup=\"1\" "
      "previous-stamp=\"\"/>\n"
      "  <expect bcd=\"saved\" backup=\"2\"/>\n"
      "  <expect writer=\"w\" state=\"FAILED_AT_POST_RESTORE\"/>\n"
      "</scenario>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  const Scenario& s = *r.scenario;
  EXPECT_TRUE(s.UsesFiles());
  ASSERT_EQ(s.files.size(), 3u);
  EXPECT_EQ(s.files[0].volume, L"D:\\");
  EXPECT_EQ(s.files[0].path, L"Db\\orders.mdf");
  EXPECT_EQ(s.files[0].text, "line 1\nline 2\n");
  EXPECT_EQ(s.files[1].path, L"Db\\big.bin");  // "/" becomes "\".
  EXPECT_TRUE(s.files[1].generated);
  EXPECT_EQ(s.files[1].bytes, 4096u);
  EXPECT_EQ(*s.files[1].modified, 132223104000000000u);
  EXPECT_EQ(s.files[2].text, "");
  EXPECT_FALSE(s.files[2].generated);

  const auto& behaviour = s.scripted_writers[0].behaviour;
  using coordinator::WriterEvent;
  EXPECT_EQ(*behaviour.at(WriterEvent::kPostSnapshot).differenced_since,
            133485408000000000u);
  EXPECT_EQ(*behaviour.at(WriterEvent::kPreRestore).restore_target,
            VSS_RT_ORIGINAL_LOCATION);
  EXPECT_EQ(*behaviour.at(WriterEvent::kPreRestore).pre_restore_failure_msg,
            L"pre");
  EXPECT_EQ(*behaviour.at(WriterEvent::kPostRestore).post_restore_failure_msg,
            L"post");

  const RequesterWorkload& req = s.requester;
  EXPECT_EQ(req.BackupCount(), 2);
  ASSERT_EQ(req.steps.size(), 3u);
  const BackupStep& second = req.steps[0].backup;
  EXPECT_EQ(second.plan.type, VSS_BT_INCREMENTAL);
  // What the <backup> leaves out is the requester's own.
  EXPECT_EQ(second.plan.volumes, std::vector<std::wstring>{L"D:\\"});
  EXPECT_EQ(second.plan.wait, BackupPlan::WaitStyle::kPoll);
  EXPECT_EQ(second.plan.components, std::vector<std::wstring>{L"Db"});
  ASSERT_EQ(req.steps[1].kind, RequesterStep::Kind::kRestore);
  const RestoreStep& restore = req.steps[1].restore;
  EXPECT_EQ(restore.backup, 1);
  EXPECT_EQ(restore.plan.type, VSS_RTYPE_IMPORT);
  EXPECT_TRUE(restore.plan.additional_restores);
  EXPECT_FALSE(restore.plan.fail_on_writer_error);
  EXPECT_EQ(restore.plan.wait, BackupPlan::WaitStyle::kPoll);
  EXPECT_EQ(restore.delete_before,
            (std::vector<std::wstring>{L"D:\\Db", L"D:\\Other\\x"}));
  EXPECT_EQ(restore.stopped_writers, std::vector<std::string>{"w"});
  ASSERT_EQ(restore.plan.new_targets.size(), 1u);
  EXPECT_EQ(restore.plan.new_targets[0].file_set.filespec, L"*");
  EXPECT_TRUE(restore.plan.new_targets[0].file_set.recursive);
  EXPECT_EQ(restore.plan.new_targets[0].destination, L"D:\\New");
  EXPECT_EQ(req.steps[2].restore.backup, 0);  // The last backup.
  EXPECT_EQ(req.steps[2].restore.plan.type, VSS_RTYPE_BY_COPY);

  ASSERT_EQ(s.expectations.size(), 9u);
  using Kind = Expectation::Kind;
  EXPECT_EQ(s.expectations[0].kind, Kind::kCopiedFiles);
  EXPECT_EQ(s.expectations[0].count, 2);
  EXPECT_EQ(s.expectations[0].backup_index, 2);
  EXPECT_EQ(s.expectations[1].kind, Kind::kRestore);
  EXPECT_FALSE(s.expectations[1].restore_succeeded);
  EXPECT_EQ(s.expectations[1].results,
            std::vector<HRESULT>{VSS_E_WRITERERROR_RETRYABLE});
  EXPECT_EQ(s.expectations[2].kind, Kind::kRestoreVerified);
  EXPECT_EQ(s.expectations[3].kind, Kind::kRestoredFiles);
  EXPECT_EQ(s.expectations[4].kind, Kind::kFile);
  EXPECT_EQ(*s.expectations[4].content, "line 1\n");
  EXPECT_FALSE(*s.expectations[5].exists);
  EXPECT_EQ(s.expectations[6].kind, Kind::kBcdComponent);
  EXPECT_EQ(*s.expectations[6].previous_stamp, L"");
  EXPECT_EQ(s.expectations[6].backup_index, 1);
  EXPECT_EQ(s.expectations[7].kind, Kind::kBcdSaved);
  EXPECT_EQ(s.expectations[7].backup_index, 2);
  EXPECT_EQ(s.expectations[8].state, VSS_WS_FAILED_AT_POST_RESTORE);
}

TEST(ScenarioLoaderRestore,
     AScenarioWithoutFilesOrRestoreNeedsNoScratchFolder) {
  LoadResult r = Load(std::string(kHead) +
                      "  <requester><backup type=\"copy\"/></requester>\n"
                      "</scenario>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  EXPECT_FALSE(r.scenario->UsesFiles());
  EXPECT_EQ(r.scenario->requester.BackupCount(), 2);
}

struct Bad {
  const char* what;
  std::string xml;
  const char* where;    // Expected "line:column".
  const char* message;  // Expected substring.
};

std::string InWorld(const std::string& files) {
  return std::string(kHead) + "  <world>\n    <volume name=\"D:\\\">\n" +
         files + "    </volume>\n  </world>\n</scenario>\n";
}

std::string WithWriter(const std::string& on) {
  return std::string(kHead) + "  <writer id=\"w\">\n    " + on +
         "\n  </writer>\n</scenario>\n";
}

std::string WithRequester(const std::string& children,
                          const std::string& attributes = "") {
  return std::string(kHead) + kWorld + "  <writer id=\"w\"/>\n  <requester" +
         attributes + ">\n" + children + "  </requester>\n</scenario>\n";
}

std::string WithExpect(const std::string& expect, bool restore = true) {
  return std::string(kHead) + kWorld + "  <writer id=\"w\"/>\n  <requester>" +
         (restore ? "<restore/>" : "") + "</requester>\n  " + expect +
         "\n</scenario>\n";
}

const Bad kBadFiles[] = {
    {"bytes and text",
     InWorld("      <file path=\"a\" bytes=\"3\">abc</file>\n"), "4:7",
     "<file> takes bytes= (generated content) or text content, not both"},
    {"absolute path", InWorld("      <file path=\"C:\\x\">x</file>\n"), "4:13",
     "attribute path: expected the path of a file below the volume root"},
    {"rooted path", InWorld("      <file path=\"\\x\">x</file>\n"), "4:13",
     "expected the path of a file below the volume root"},
    {"folder path", InWorld("      <file path=\"Db\\\">x</file>\n"), "4:13",
     "expected the path of a file below the volume root"},
    {"dot-dot", InWorld("      <file path=\"Db\\..\\..\\x\">x</file>\n"), "4:7",
     "\".\" and \"..\" are not allowed in a path"},
    {"the same file twice",
     InWorld("      <file path=\"Db\\a\">1</file>\n      <file "
             "path=\"db\\A\">2</file>\n"),
     "5:7",
     "a second <file path=\"db\\A\"> on this volume; the first is at "
     "s.xml:4:7"},
    {"time out of range", InWorld("      <file path=\"a\" modified=\"5\"/>\n"),
     "4:22", "attribute modified: expected a FILETIME number"},
    {"unknown file attribute", InWorld("      <file path=\"a\" size=\"5\"/>\n"),
     "4:22",
     "unknown attribute size on <file>; expected one of bytes, modified, path"},
    {"missing path", InWorld("      <file bytes=\"5\"/>\n"), "4:7",
     "<file> needs the attribute path"},
    {"element inside a file", InWorld("      <file path=\"a\"><b/></file>\n"),
     "4:22", "<file> takes no child elements; found <b>"},
    {"unknown element in a volume", InWorld("      <folder path=\"a\"/>\n"),
     "4:7", "unknown element <folder> inside <volume>; expected <file>"},
    // What the emulator refuses to run (RunOptionsError) is refused at load,
    // at the volume's name.
    {"a volume that is no drive",
     std::string(kHead) + "  <world>\n    <volume name=\"C_:\\\"/>\n  </world>\n</scenario>\n",
     "3:13", "attribute name: volume \"C_:\\\" is not a drive letter root"},
    {"a volume declared twice",
     std::string(kHead) +
         "  <world>\n    <volume name=\"D:\\\"/>\n    <volume name=\"d:\"/>\n  </world>\n"
         "</scenario>\n",
     "4:13", "attribute name: volume \"d:\" is declared twice"},
};

const Bad kBadSteps[] = {
    {"unknown requester child", WithRequester("    <volume name=\"C:\\\"/>\n"),
     "5:5",
     "unknown element <volume> inside <requester>; expected <backup> or "
     "<restore>"},
    {"unknown backup attribute",
     WithRequester("    <backup colour=\"red\"/>\n"), "5:13",
     "unknown attribute colour on <backup>; expected one of "
     "abort-after-prepare"},
    {"a backup of an external requester",
     WithRequester("    <backup/>\n", " workload=\"external\""), "5:5",
     "<backup> is a step of the reference requester; this scenario's requester "
     "is external"},
    {"bad restore type",
     WithRequester("    <restore restore-type=\"copy\"/>\n"), "5:14",
     "attribute restore-type: found \"copy\", expected one of by-copy, import, "
     "other, undefined"},
    {"restore of a later backup",
     WithRequester("    <restore backup=\"2\"/>\n    <backup/>\n"), "5:14",
     "attribute backup: found 2; this restore can restore backup 1 (the "
     "backups that run before it)"},
    {"restore of backup 0",
     WithRequester("    <backup/>\n    <restore backup=\"0\"/>\n"), "6:14",
     "found 0; this restore can restore backup 1 to 2"},
    {"stopping an unknown writer",
     WithRequester("    <restore stopped-writers=\"w ghost\"/>\n"), "5:5",
     "no writer with id \"ghost\" is declared in this scenario"},
    {"deleting outside the volumes",
     WithRequester("    <restore delete-before=\"E:\\Db\"/>\n"), "5:5",
     "delete-before: E:\\Db is not below a volume of this scenario"},
    {"deleting a volume root",
     WithRequester("    <restore delete-before=\"D:\\\"/>\n"), "5:5",
     "delete-before: D:\\ is not below a volume"},
    {"new target without destination",
     WithRequester(
         "    <restore>\n      <new-target component=\"Db\" path=\"D:\\Db\"/>\n"
         "    </restore>\n"),
     "6:7", "<new-target> needs the attribute destination"},
    {"unknown restore child",
     WithRequester("    <restore>\n      <target/>\n    </restore>\n"), "6:7",
     "unknown element <target> inside <restore>; expected <new-target>"},
    {"restore target outside PreRestore",
     WithWriter("<on event=\"PostSnapshot\" restore-target=\"alternate\"/>"),
     "3:5", "restore-target and pre-restore-failure-msg are set in PreRestore"},
    {"bad restore target",
     WithWriter("<on event=\"PreRestore\" restore-target=\"elsewhere\"/>"),
     "3:28",
     "attribute restore-target: found \"elsewhere\", expected one of original, "
     "alternate, "
     "directed, original-location"},
    {"post-restore message outside PostRestore",
     WithWriter("<on event=\"PreRestore\" post-restore-failure-msg=\"m\"/>"),
     "3:5", "post-restore-failure-msg is set in PostRestore"},
    {"differenced files outside the component events",
     WithWriter("<on event=\"Freeze\" differenced-since=\"1\"/>"), "3:5",
     "backup-stamp, backup-metadata and differenced-since are set in "
     "PrepareForBackup or "
     "PostSnapshot"},
    {"restore event misspelt", WithWriter("<on event=\"PreRestor\"/>"), "3:9",
     "BackupShutdown, PreRestore, PostRestore"},
};

const Bad kBadExpectations[] = {
    {"restore expectation without a restore",
     WithExpect("<expect restore=\"succeeded\"/>", false), "5:3",
     "this expectation reads a restore; the requester has no <restore>"},
    {"bad restore outcome", WithExpect("<expect restore=\"maybe\"/>"), "5:11",
     "attribute restore: found \"maybe\", expected succeeded or failed"},
    {"file with content and exists",
     WithExpect("<expect file=\"D:\\Db\\a\" content=\"a\" exists=\"true\"/>"),
     "5:3",
     "takes content= (the file holds exactly that text) or exists= (true or "
     "false), one of them"},
    {"file with neither", WithExpect("<expect file=\"D:\\Db\\a\"/>"), "5:3",
     "or exists= (true or false), one of them"},
    {"file not on a volume",
     WithExpect("<expect file=\"E:\\a\" exists=\"true\"/>"), "5:3",
     "file: E:\\a is not below a volume of this scenario"},
    {"file without files",
     std::string(kHead) +
         "  <expect file=\"C:\\a\" exists=\"true\"/>\n</scenario>\n",
     "2:3", "this expectation reads files; this scenario has none"},
    {"copied files of backup 0",
     WithExpect("<expect copied-files=\"1\" backup=\"0\"/>"), "5:28",
     "attribute backup: found 0, expected the number of a backup"},
    {"copied files of a backup that never runs",
     WithExpect("<expect copied-files=\"1\" backup=\"2\"/>"), "5:3",
     "backup=2: the requester runs 1 backup(s)"},
    {"bcd of a backup named by a word",
     WithExpect("<expect bcd=\"saved\" backup=\"last\"/>"), "5:23",
     "attribute backup: found \"last\", expected a non-negative number"},
    {"restore-verified false",
     WithExpect("<expect restore-verified=\"false\"/>"), "5:11",
     "attribute restore-verified: found \"false\", expected true"},
    {"copied files with an external requester",
     std::string(kHead) + kWorld +
         "  <requester workload=\"external\"/>\n  <expect "
         "copied-files=\"1\"/>\n</scenario>\n",
     "4:3", "this expectation reads the reference requester's results"},
    {"unknown attribute on a file expectation",
     WithExpect("<expect file=\"D:\\Db\\a\" exists=\"true\" size=\"1\"/>"),
     "5:40", "unknown attribute size on <expect>"},
};

void ExpectErrors(const Bad* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const Bad& c = cases[i];
    LoadResult r = Load(c.xml);
    EXPECT_FALSE(r) << c.what;
    EXPECT_EQ(r.where.file, "s.xml") << c.what;
    std::string where =
        std::to_string(r.where.line) + ":" + std::to_string(r.where.column);
    EXPECT_EQ(where, c.where) << c.what << ": " << r.ErrorText();
    EXPECT_NE(r.message.find(c.message), std::string::npos)
        << c.what << ": " << r.ErrorText();
  }
}

TEST(ScenarioLoaderRestore, MistakesInVolumeFilesSayWhereAndWhat) {
  ExpectErrors(kBadFiles, std::size(kBadFiles));
}

TEST(ScenarioLoaderRestore, MistakesInStepsAndRestoreBehaviourSayWhereAndWhat) {
  ExpectErrors(kBadSteps, std::size(kBadSteps));
}

TEST(ScenarioLoaderRestore,
     MistakesInFileAndRestoreExpectationsSayWhereAndWhat) {
  ExpectErrors(kBadExpectations, std::size(kBadExpectations));
}

}  // namespace
}  // namespace vssemu::scenario
