// <express-writer>: an express writer the machine stores before the run,
// written out or read from a saved document, checked against the express
// writer rules where it is written (docs/scenarios.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <vssemu/emulator.h>

#include "scenario/scenario_loader.h"

namespace vssemu::scenario {
namespace {

LoadResult Load(const std::string& body) {
  return LoadScenarioText(
      "<scenario name=\"n\" spec=\"13.8\" requirement=\"r\">\n" + body + "</scenario>\n",
      "s.xml");
}

TEST(ScenarioLoaderExpress, AWrittenOutExpressWriterIsStoredBeforeTheRun) {
  LoadResult r = Load(
      "  <express-writer id=\"app\" name=\"App\" usage=\"system-service\" backup-schema=\"0x10\">\n"
      "    <component name=\"Data\"><files path=\"C:\\App\" filespec=\"*\" recursive=\"true\"/></component>\n"
      "    <restore-method method=\"restore-at-reboot\" reboot-required=\"true\"/>\n"
      "  </express-writer>\n"
      "  <expect writer=\"app\" state=\"STABLE\" failure=\"S_OK\"/>\n");
  ASSERT_TRUE(r) << r.ErrorText();
  ASSERT_EQ(r.scenario->express_writers.size(), 1u);
  const metadata::WriterMetadata& m = r.scenario->express_writers[0].metadata;
  EXPECT_EQ(m.identity.writer_name, L"App");
  EXPECT_EQ(m.identity.usage, VSS_UT_SYSTEMSERVICE);
  EXPECT_EQ(m.backup_schema, static_cast<DWORD>(VSS_BS_COPY));
  EXPECT_EQ(m.restore_method.method, VSS_RME_RESTORE_AT_REBOOT);
  EXPECT_EQ(m.restore_method.writer_restore, VSS_WRE_NEVER);
  ASSERT_EQ(m.components.size(), 1u);
  EXPECT_EQ(m.components[0].files[0].backup_type_mask,
            static_cast<DWORD>(VSS_FSBT_FULL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED));
  // The machine stores it: an emulator made with the options has it.
  ASSERT_EQ(r.scenario->options.express_writers.size(), 1u);
  Emulator emulator(r.scenario->options);
  bool registered = false;
  for (const TraceEvent& e : emulator.trace().events()) {
    registered = registered || (e.kind == "writer" && e.Get("name") == "Register" &&
                                e.Get("writer") == "App" && e.Get("express") == "true");
  }
  EXPECT_TRUE(registered);
}

TEST(ScenarioLoaderExpress, WhatBreaksAnExpressRuleIsRefusedWhereItIsWritten) {
  struct Bad {
    const char* what;
    std::string body;
    const char* where;
    const char* message;
  };
  const std::vector<Bad> cases = {
      {"database component",
       "  <express-writer id=\"a\">\n    <component name=\"Db\" type=\"database\"/>\n"
       "  </express-writer>\n",
       "2:3", "breaks an express writer rule"},
      {"writer restore always",
       "  <express-writer id=\"a\">\n"
       "    <restore-method method=\"restore-if-not-there\" writer-restore=\"always\"/>\n"
       "  </express-writer>\n",
       "2:3", "the restore method"},
      {"usage other",
       "  <express-writer id=\"a\" usage=\"other\"/>\n", "2:3", "the usage type"},
      {"incremental schema",
       "  <express-writer id=\"a\" backup-schema=\"0x2\"/>\n", "2:3", "the backup schema"},
      {"a writer's own attribute",
       "  <express-writer id=\"a\" level=\"back-end\"/>\n", "2:26", "level"},
      {"two of one class",
       "  <express-writer id=\"a\" class=\"{11111111-2222-3333-4444-555555555555}\"/>\n"
       "  <express-writer id=\"b\" class=\"{11111111-2222-3333-4444-555555555555}\"/>\n",
       "3:3", "one per class"},
      {"id used twice",
       "  <express-writer id=\"a\"/>\n  <writer id=\"a\"/>\n", "2:3", "used twice"},
      {"a fault cannot reach it",
       "  <express-writer id=\"a\"/>\n"
       "  <fault kind=\"unsubscribe\" writer=\"a\" after=\"PrepareForBackup\"/>\n",
       "3:3", "express writer"},
      {"a missing saved document",
       "  <express-writer id=\"a\" metadata=\"no-such-file.wmd\"/>\n", "2:26",
       "cannot read"},
      {"metadata with other attributes",
       "  <express-writer id=\"a\" metadata=\"x.wmd\" name=\"A\"/>\n", "2:3", ""},
  };
  for (const Bad& c : cases) {
    LoadResult r = Load(c.body);
    EXPECT_FALSE(r) << c.what;
    EXPECT_FALSE(r.scenario.has_value()) << c.what;
    std::string where = std::to_string(r.where.line) + ":" + std::to_string(r.where.column);
    if (std::string(c.message).empty()) continue;  // Any error will do.
    EXPECT_EQ(where, c.where) << c.what << ": " << r.ErrorText();
    EXPECT_NE(r.message.find(c.message), std::string::npos) << c.what << ": " << r.ErrorText();
  }
}

}  // namespace
}  // namespace vssemu::scenario
