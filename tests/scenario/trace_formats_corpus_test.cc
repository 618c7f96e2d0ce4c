// The trace in the formats other tools read, over the whole scenario corpus.
// JSON lines (`vssemu run --format json`): every line is one JSON object
// with a "kind"; the fields docs/trace-format.md types as integers or
// booleans are JSON numbers and booleans, every other field is a string;
// the last line is {"kind":"end","events":N,"hash":H}. Chrome trace JSON
// (`--format chrome`): it keeps the rules Perfetto loads by, and each
// writer's frozen period is a span.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include <vssemu/trace.h>

#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"
#include "support/json_value.h"
#include "support/trace_event_rules.h"
#include "trace/trace_export.h"

namespace vssemu {
namespace {

using test_support::Json;
using test_support::JsonParser;

// Checks one event line against its kind's types; returns what is wrong.
std::string CheckEventLine(const Json& line, std::map<JsonType, size_t>* typed) {
  const Json* kind = line.Find("kind");
  if (kind == nullptr || kind->type != Json::kString) return "no \"kind\" string";
  const Json* time = line.Find("t_us");
  if (time == nullptr || time->type != Json::kNumber) return "no \"t_us\" number";
  for (const auto& [field, value] : line.members) {
    if (field == "kind" || field == "t_us") continue;
    const JsonType type = JsonFieldType(kind->text, field);
    const Json::Type expected = type == JsonType::kInteger   ? Json::kNumber
                                : type == JsonType::kBoolean ? Json::kBool
                                                             : Json::kString;
    if (value.type != expected) return "field " + field + " has the wrong JSON type";
    ++(*typed)[type];
  }
  return "";
}

// The traces of every scenario of the corpus that runs on its own, by file.
std::map<std::string, Trace> CorpusTraces() {
  namespace fs = std::filesystem;
  std::map<std::string, Trace> traces;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(VSSEMU_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".xml") continue;
    scenario::LoadResult loaded = scenario::LoadScenarioFile(entry.path().string());
    EXPECT_TRUE(loaded) << loaded.ErrorText();
    if (!loaded || loaded.scenario->pinned || loaded.scenario->requester.external) continue;
    traces[entry.path().filename().string()] = scenario::RunScenario(*loaded.scenario).trace;
  }
  return traces;
}

const std::map<std::string, Trace>& Corpus() {
  static const std::map<std::string, Trace> traces = CorpusTraces();
  return traces;
}

TEST(TraceJsonLines, EveryLineOfTheCorpusIsTypedAsDocumented) {
  std::ostringstream problems;
  std::map<JsonType, size_t> typed;
  size_t scenarios = 0;
  for (const auto& [file, trace] : Corpus()) {
    const std::string json = trace.ToJsonLines();
    ++scenarios;
    std::istringstream lines(json);
    std::string text, last;
    size_t events = 0;
    while (std::getline(lines, text)) {
      Json line;
      JsonParser parser(text);
      if (!parser.Parse(&line) || line.type != Json::kObject) {
        problems << file << ": not a JSON object: " << text << "\n";
        continue;
      }
      if (line.Str("kind") == "end") {
        if (line.Num("events") != static_cast<double>(events) || line.Str("hash").size() != 16) {
          problems << file << ": bad end line: " << text << "\n";
        }
      } else if (std::string why = CheckEventLine(line, &typed); !why.empty()) {
        problems << file << ": " << why << ": " << text << "\n";
      } else {
        ++events;
      }
      last = text;
    }
    EXPECT_EQ(last.rfind("{\"kind\":\"end\",", 0), 0u) << file << " ends with " << last;
  }
  EXPECT_GT(scenarios, 100u);
  EXPECT_GT(typed[JsonType::kInteger], 100u) << "no typed integers seen";
  EXPECT_GT(typed[JsonType::kBoolean], 100u) << "no booleans seen";
  EXPECT_TRUE(problems.str().empty()) << problems.str();
}

TEST(TraceJsonLines, NumbersAndBooleansAreWrittenAsSuch) {
  TraceEvent callback{61000000, "callback",
                      {{"name", "Freeze"}, {"writer", "7"}, {"returned", "true"},
                       {"took_us", "61000000"}}};
  EXPECT_EQ(callback.ToJson(),
            "{\"t_us\":61000000,\"kind\":\"callback\",\"name\":\"Freeze\",\"writer\":\"7\","
            "\"returned\":true,\"took_us\":61000000}");
  // A value that is not what its type says stays a string: the line is
  // always valid JSON.
  TraceEvent odd{0, "copy", {{"files", "many"}}};
  EXPECT_EQ(odd.ToJson(), "{\"t_us\":0,\"kind\":\"copy\",\"files\":\"many\"}");
}

TEST(TraceChrome, EveryTraceOfTheCorpusLoadsByPerfettosRules) {
  size_t frozen = 0;
  for (const auto& [file, trace] : Corpus()) {
    const std::string json = TraceToChromeJson(trace);
    EXPECT_EQ(test_support::CheckTraceEventRules(json), "") << file;
    for (size_t at = json.find("\"name\":\"frozen\",\"cat\":\"frozen\",\"ph\":\"B\"");
         at != std::string::npos; at = json.find("\"ph\":\"B\"", at + 1)) {
      ++frozen;
    }
  }
  EXPECT_GT(frozen, 100u) << "too few frozen spans: every writer that gets Freeze has one";
}

// The rules themselves refuse what Perfetto would not load as meant.
TEST(TraceChrome, TheRulesRefuseUnbalancedSpansAndMissingFields) {
  const std::string head = "{\"traceEvents\":[";
  EXPECT_EQ(test_support::CheckTraceEventRules(
                head + "{\"name\":\"f\",\"ph\":\"B\",\"ts\":1,\"pid\":1,\"tid\":2},"
                       "{\"name\":\"f\",\"ph\":\"E\",\"ts\":5,\"pid\":1,\"tid\":2}]}"),
            "");
  EXPECT_NE(test_support::CheckTraceEventRules(
                head + "{\"name\":\"f\",\"ph\":\"B\",\"ts\":1,\"pid\":1,\"tid\":2}]}"),
            "");
  EXPECT_NE(test_support::CheckTraceEventRules(
                head + "{\"name\":\"f\",\"ph\":\"E\",\"ts\":1,\"pid\":1,\"tid\":2}]}"),
            "");
  EXPECT_NE(test_support::CheckTraceEventRules(
                head + "{\"name\":\"f\",\"ph\":\"B\",\"ts\":9,\"pid\":1,\"tid\":2},"
                       "{\"name\":\"f\",\"ph\":\"E\",\"ts\":5,\"pid\":1,\"tid\":2}]}"),
            "");
  EXPECT_NE(test_support::CheckTraceEventRules(head + "{\"name\":\"f\",\"ph\":\"X\",\"ts\":1}]}"),
            "");
}

}  // namespace
}  // namespace vssemu
