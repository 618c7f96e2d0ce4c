// A scenario with files runs in a scratch folder of its own: the volumes'
// files are there during the run, the folder is gone after it (also when an
// expectation fails), and nothing about it reaches the trace or the failure
// messages, so the run is the same on every machine.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <vssemu/host_paths.h>

#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_scratch.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

Scenario Load(const std::string& xml) {
  LoadResult r = LoadScenarioText(xml, "s.xml");
  EXPECT_TRUE(r) << r.ErrorText();
  return r ? *r.scenario : Scenario{};
}

std::string ReadHostFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

const char* kExternal =
    "<scenario name=\"n\" spec=\"11\" requirement=\"r\">\n"
    "  <world><volume name=\"C:\\\"/><volume name=\"D:\\\">\n"
    "    <file path=\"Db\\text.txt\">some text</file>\n"
    "    <file path=\"Db\\gen.bin\" bytes=\"200\"/>\n"
    "  </volume></world>\n"
    "  <requester workload=\"external\"/>\n"
    "  <expect file=\"D:\\Db\\text.txt\" content=\"other text\"/>\n"
    "</scenario>\n";

TEST(ScenarioFiles, TheFilesAreThereDuringTheRunAndTheFolderIsGoneAfterIt) {
  Scenario s = Load(kExternal);
  fs::path text, generated;
  RunResult run = RunScenario(s, std::nullopt, [&] {
    text = HostPath(L"D:\\Db\\text.txt");
    generated = HostPath(L"D:\\db\\GEN.bin");  // Letter case never matters.
    EXPECT_EQ(ReadHostFile(text), "some text");
    EXPECT_EQ(ReadHostFile(generated),
              GeneratedContent(L"D:\\Db\\gen.bin", 200));
  });
  ASSERT_FALSE(text.empty());
  EXPECT_FALSE(fs::exists(text));
  EXPECT_FALSE(fs::exists(text.parent_path()));
  // The expectation failed; the folder went all the same.
  EXPECT_FALSE(run.passed);
  ASSERT_EQ(run.failures.size(), 1u);
  EXPECT_EQ(run.failures[0],
            "s.xml:7:3: D:\\Db\\text.txt: expected \"other text\", found "
            "\"some text\"");
}

TEST(ScenarioFiles, GeneratedContentDependsOnThePathOnly) {
  const std::string a = GeneratedContent(L"D:\\Db\\big.bin", 4096);
  EXPECT_EQ(a.size(), 4096u);
  EXPECT_EQ(a, GeneratedContent(L"D:\\Db\\big.bin", 4096));
  EXPECT_EQ(a, GeneratedContent(L"d:\\db\\BIG.BIN", 4096));
  EXPECT_NE(a, GeneratedContent(L"D:\\Db\\big2.bin", 4096));
  EXPECT_EQ(a.substr(0, 100), GeneratedContent(L"D:\\Db\\big.bin", 100));
  EXPECT_EQ(a[63], '\n');  // Printable lines.
  EXPECT_GE(a[0], 'a');
  EXPECT_LE(a[0], 'z');
}

const char* kRestore =
    "<scenario name=\"n\" spec=\"11\" requirement=\"r\">\n"
    "  <world><volume name=\"C:\\\"/><volume name=\"D:\\\">\n"
    "    <file path=\"Db\\orders.mdf\" "
    "modified=\"132223104000000000\">v1</file>\n"
    "  </volume></world>\n"
    "  <writer id=\"db\"><component name=\"Db\"><files "
    "path=\"D:\\Db\"/></component>\n"
    "    <on event=\"PreRestore\" restore-target=\"original\"/>\n"
    "  </writer>\n"
    "  <requester volumes=\"D:\\\">\n"
    "    <backup type=\"copy\"/>\n"
    "    <restore delete-before=\"D:\\Db\"/>\n"
    "  </requester>\n"
    "  <expect restore=\"succeeded\"/>\n"
    "  <expect file=\"D:\\Db\\orders.mdf\" content=\"v1\"/>\n"
    "</scenario>\n";

TEST(ScenarioFiles, TheTraceIsTheSameOnEveryRunAndNamesNoHostFolder) {
  Scenario s = Load(kRestore);
  RunResult first = RunScenario(s);
  RunResult second = RunScenario(s);
  ASSERT_TRUE(first.passed) << ::testing::PrintToString(first.failures);
  ASSERT_TRUE(second.passed) << ::testing::PrintToString(second.failures);
  const std::string text = first.trace.ToText();
  EXPECT_EQ(text, second.trace.ToText());
  EXPECT_EQ(text.find("vssemu-scenario"), std::string::npos);
  EXPECT_EQ(text.find(fs::temp_directory_path().string()), std::string::npos);
  ASSERT_EQ(first.backups.size(), 2u);
  ASSERT_EQ(first.restores.size(), 1u);
  EXPECT_EQ(first.restores[0].backup, 2);  // The last backup before it.
  EXPECT_TRUE(first.restores[0].differences.empty());
  EXPECT_EQ(first.backups[1].files.size(), 1u);
  EXPECT_EQ(first.backup.files.size(), 1u);  // The last backup.
}

TEST(ScenarioFiles, ARestoreThatFailsIsReportedWithItsStep) {
  std::string xml = kRestore;
  // A restore of backup 1 after its files were lost, but the writer fails.
  xml.replace(xml.find("restore-target=\"original\""), 25,
              "return=\"false\" failure=\"VSS_E_WRITERERROR_RETRYABLE\"");
  RunResult run = RunScenario(Load(xml));
  EXPECT_FALSE(run.passed);
  ASSERT_EQ(run.failures.size(), 2u);
  EXPECT_EQ(run.failures[0],
            "s.xml:12:3: expected the restore to succeed, it failed at status "
            "after PreRestore with VSS_E_WRITERERROR_RETRYABLE");
  EXPECT_EQ(run.failures[1],
            "s.xml:13:3: D:\\Db\\orders.mdf does not exist; expected \"v1\"");
  ASSERT_FALSE(run.last_status.empty());
  EXPECT_EQ(run.last_status[0].state, VSS_WS_FAILED_AT_PRE_RESTORE);
}

}  // namespace
}  // namespace vssemu::scenario
