// Every size and count of a scenario has a limit (scenario_limits.h): at
// the limit the file loads, one past it the loader refuses it at the
// attribute or element, naming the limit.
#include <gtest/gtest.h>

#include <string>

#include "scenario/scenario_limits.h"
#include "scenario/scenario_loader.h"

namespace vssemu::scenario {
namespace {

const std::string kHead = "<scenario name=\"n\" spec=\"2.1\" requirement=\"r\">\n";

// Loads xml; returns "" when it loads, else "line:column: message".
std::string Load(const std::string& xml) {
  LoadResult r = LoadScenarioText(xml, "s.xml");
  if (r) return "";
  return std::to_string(r.where.line) + ":" + std::to_string(r.where.column) + ": " + r.message;
}

std::string WithFile(const std::string& attributes) {
  return kHead + "  <world>\n    <volume name=\"D:\\\">\n      <file path=\"a\" " + attributes +
         "/>\n    </volume>\n  </world>\n</scenario>\n";
}

std::string Writers(int count, const char* element = "writer") {
  std::string xml = kHead;
  for (int i = 0; i < count; ++i) {
    xml += "  <" + std::string(element) + " id=\"w" + std::to_string(i) + "\"" +
           (std::string(element) == "writer" ? "" : " class=\"C\"") + "/>\n";
  }
  return xml + "</scenario>\n";
}

TEST(ScenarioLimits, AFileOfMoreThan64MiBIsRefusedAtItsSize) {
  EXPECT_EQ(Load(WithFile("bytes=\"" + std::to_string(limits::kFileBytes) + "\"")), "");
  EXPECT_EQ(Load(WithFile("bytes=\"" + std::to_string(limits::kFileBytes + 1) + "\"")),
            "4:22: attribute bytes: found 67108865, the most is 67108864 (docs/scenarios.md, "
            "\"Limits\")");
  // An exabyte, or more than 64 bits: the same refusal, never a run.
  EXPECT_NE(Load(WithFile("bytes=\"1152921504606846976\"")).find("the most is 67108864"),
            std::string::npos);
  EXPECT_NE(Load(WithFile("bytes=\"99999999999999999999999\"")).find("expected a non-negative"),
            std::string::npos);
}

TEST(ScenarioLimits, TheFilesOfAScenarioHoldAtMost512MiBInAll) {
  std::string xml = kHead + "  <world>\n    <volume name=\"D:\\\">\n";
  for (int i = 0; i < 9; ++i) {
    xml += "      <file path=\"f" + std::to_string(i) + "\" bytes=\"67108864\"/>\n";
  }
  xml += "    </volume>\n  </world>\n</scenario>\n";
  EXPECT_NE(Load(xml).find("12:7: the files of a scenario hold at most 536870912 bytes in all"),
            std::string::npos)
      << Load(xml);
}

TEST(ScenarioLimits, AtMost64WritersOfEveryKind) {
  EXPECT_EQ(Load(Writers(limits::kWriters)), "");
  EXPECT_EQ(Load(Writers(limits::kWriters + 1)),
            "66:3: a scenario has at most 64 writers of every kind (docs/scenarios.md, "
            "\"Limits\")");
  EXPECT_NE(Load(Writers(limits::kWriters + 1, "registered-writer")).find("at most 64 writers"),
            std::string::npos);
}

TEST(ScenarioLimits, AtMost1000ComponentsPerWriter) {
  std::string xml = kHead + "  <writer id=\"w\">\n";
  for (int i = 0; i <= limits::kComponents; ++i) {
    xml += "    <component name=\"c" + std::to_string(i) + "\"/>\n";
  }
  xml += "  </writer>\n</scenario>\n";
  EXPECT_EQ(Load(xml), "1003:5: a writer has at most 1000 <component> elements "
                       "(docs/scenarios.md, \"Limits\")");
}

TEST(ScenarioLimits, AtMost100RequesterSteps) {
  std::string xml = kHead + "  <writer id=\"w\"/>\n  <requester>\n";
  for (int i = 0; i <= limits::kSteps; ++i) xml += "    <backup/>\n";
  xml += "  </requester>\n</scenario>\n";
  EXPECT_EQ(Load(xml), "104:5: a requester has at most 100 <backup> and <restore> steps "
                       "(docs/scenarios.md, \"Limits\")");
}

TEST(ScenarioLimits, TimesAndDwordsStayInTheirRanges) {
  EXPECT_NE(Load(kHead + "  <writer id=\"w\" freeze-timeout-ms=\"4294967296\"/>\n</scenario>\n")
                .find("attribute freeze-timeout-ms: found 4294967296, the most is 4294967295"),
            std::string::npos);
  EXPECT_EQ(Load(kHead + "  <writer id=\"w\" freeze-timeout-ms=\"4294967295\"/>\n</scenario>\n"),
            "");
  EXPECT_NE(Load(kHead + "  <writer id=\"w\">\n    <on event=\"Freeze\" take-ms=\"604800001\"/>\n"
                         "  </writer>\n</scenario>\n")
                .find("attribute take-ms: found 604800001, the most is 604800000"),
            std::string::npos);
}

}  // namespace
}  // namespace vssemu::scenario
