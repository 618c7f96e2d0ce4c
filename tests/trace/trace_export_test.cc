// The Mermaid and Chrome trace-event views of a trace, on small traces
// built by hand: the lines they write, the escaping, and that the same trace
// always gives the same text.
#include "trace/trace_export.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/json_value.h"
#include "support/trace_event_rules.h"

namespace vssemu {
namespace {

using test_support::Json;
using test_support::JsonParser;

using Fields = std::vector<std::pair<std::string, std::string>>;

Trace Make(std::vector<TraceEvent> events) {
  Trace trace;
  for (TraceEvent& event : events) trace.Add(std::move(event));
  return trace;
}

TraceEvent At(int64_t time_us, std::string kind, Fields fields) {
  return TraceEvent{time_us, std::move(kind), std::move(fields)};
}

// One backup step: a requester call, a writer event, its callback and the
// state that follows; then the freeze window running out 61 s later.
Trace FreezeTimeoutTrace() {
  return Make({
      At(0, "writer", {{"name", "Initialize"}, {"writer", "Front"},
                       {"level", "FRONT_END"}, {"freeze_timeout_ms", "60000"}}),
      At(0, "writer", {{"name", "Subscribe"}, {"writer", "Front"}}),
      At(0, "call", {{"name", "DoSnapshotSet"}, {"requester", "requester#1"},
                     {"result", "S_OK"}}),
      At(0, "event", {{"name", "Freeze"}, {"writer", "Front"},
                      {"instance", "8d1f"}}),
      At(0, "callback", {{"name", "Freeze"}, {"writer", "Front"},
                         {"returned", "true"}, {"took_us", "2500"}}),
      At(0, "state", {{"writer", "Front"}, {"state", "WAITING_FOR_THAW"}}),
      At(61000000, "timer", {{"name", "freeze-window-expired"},
                             {"writer", "Front"}}),
      At(61000000, "state", {{"writer", "Front"}, {"state", "FAILED_AT_FREEZE"},
                             {"failure", "VSS_E_WRITERERROR_TIMEOUT"}}),
      At(61000000, "async", {{"name", "DoSnapshotSet"},
                             {"requester", "requester#1"},
                             {"status", "VSS_E_WRITERERROR_TIMEOUT"}}),
  });
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

// Parses Chrome JSON and returns its traceEvents; fails the test otherwise.
std::vector<Json> ChromeEvents(const std::string& text) {
  Json root;
  JsonParser parser(text);
  EXPECT_TRUE(parser.Parse(&root)) << parser.error() << "\n" << text;
  EXPECT_EQ(root.type, Json::kObject);
  EXPECT_EQ(root.Str("displayTimeUnit"), "ms");
  const Json* events = root.Find("traceEvents");
  EXPECT_NE(events, nullptr);
  if (events == nullptr || events->type != Json::kArray) return {};
  return events->items;
}

// The thread names by tid.
std::map<int, std::string> ThreadNames(const std::vector<Json>& events) {
  std::map<int, std::string> names;
  for (const Json& e : events) {
    if (e.Str("ph") == "M" && e.Str("name") == "thread_name") {
      const Json* args = e.Find("args");
      names[static_cast<int>(e.Num("tid"))] =
          args != nullptr ? args->Str("name") : "<missing>";
    }
  }
  return names;
}

// --- Mermaid. ---------------------------------------------------------------

TEST(TraceToMermaid, AFreezeTimeoutReadsAsADiagram) {
  const std::string expected =
      "sequenceDiagram\n"
      "  participant requester_1 as requester#35;1\n"
      "  participant VSS\n"
      "  participant w_Front as Front\n"
      "  Note over w_Front: Initialize FRONT_END, freeze timeout 60000 ms\n"
      "  Note over w_Front: Subscribe\n"
      "  requester_1 ->> VSS: DoSnapshotSet\n"
      "  VSS ->> w_Front: Freeze\n"
      "  w_Front -->> VSS: true, took 0.002500 s\n"
      "  Note over w_Front: WAITING_FOR_THAW\n"
      "  Note over requester_1,w_Front: t=61.000000 s\n"
      "  Note over VSS: freeze window expired for Front\n"
      "  Note over w_Front: FAILED_AT_FREEZE (VSS_E_WRITERERROR_TIMEOUT)\n"
      "  VSS -->> requester_1: DoSnapshotSet VSS_E_WRITERERROR_TIMEOUT\n";
  EXPECT_EQ(TraceToMermaid(FreezeTimeoutTrace()), expected);
}

TEST(TraceToMermaid, AnEmptyTraceIsADiagramWithOnlyTheService) {
  EXPECT_EQ(TraceToMermaid(Trace()), "sequenceDiagram\n  participant VSS\n");
}

TEST(TraceToMermaid, AFailedCallCarriesItsResultOnTheArrow) {
  const std::string text = TraceToMermaid(Make({
      At(0, "call", {{"name", "Release"}, {"requester", "requester#2"}}),
      At(0, "call", {{"name", "AddToSnapshotSet"}, {"requester", "requester#2"},
                     {"result", "VSS_E_OBJECT_NOT_FOUND"}}),
      At(0, "call", {{"name", "StartSnapshotSet"}, {"requester", "requester#2"},
                     {"result", "S_OK"}}),
  }));
  EXPECT_TRUE(HasLine(text, "  requester_2 ->> VSS: Release")) << text;
  EXPECT_TRUE(HasLine(
      text, "  requester_2 ->> VSS: AddToSnapshotSet = VSS_E_OBJECT_NOT_FOUND"))
      << text;
  EXPECT_TRUE(HasLine(text, "  requester_2 ->> VSS: StartSnapshotSet")) << text;
}

TEST(TraceToMermaid, WriterNamesBecomeSafeIdsAndStayReadable) {
  const std::string text = TraceToMermaid(Make({
      At(0, "event", {{"name", "Identify"}, {"writer", "Sql \"Writer\" #2"}}),
      At(0, "event", {{"name", "Identify"}, {"writer", "Sql Writer 2"}}),
      At(0, "event", {{"name", "Identify"}, {"writer", "VSS"}}),
      At(0, "event", {{"name", "Identify"}, {"writer", "end"}}),
      At(0, "event", {{"name", "Identify"}, {"writer", "!!"}}),
  }));
  EXPECT_TRUE(HasLine(text,
                      "  participant w_Sql_Writer_2 as Sql #quot;Writer#quot; #35;2"))
      << text;
  // The same id after sanitising gets a suffix; the real name stays.
  EXPECT_TRUE(HasLine(text, "  participant w_Sql_Writer_2_2 as Sql Writer 2"))
      << text;
  // A writer called VSS or end cannot be mistaken for the service or a
  // keyword, and a name with no letters still gets an id.
  EXPECT_TRUE(HasLine(text, "  participant w_VSS as VSS")) << text;
  EXPECT_TRUE(HasLine(text, "  participant w_end as end")) << text;
  EXPECT_TRUE(HasLine(text, "  participant w_unnamed as !!")) << text;
  EXPECT_TRUE(HasLine(text, "  VSS ->> w_Sql_Writer_2: Identify")) << text;
  EXPECT_TRUE(HasLine(text, "  VSS ->> w_Sql_Writer_2_2: Identify")) << text;
  // No raw quote or '#' outside an entity code anywhere.
  for (const std::string& line : Lines(text)) {
    EXPECT_EQ(line.find('"'), std::string::npos) << line;
    for (size_t at = line.find('#'); at != std::string::npos;
         at = line.find('#', at + 1)) {
      EXPECT_NE(line.find(';', at), std::string::npos) << line;
    }
  }
}

TEST(TraceToMermaid, MessagesEscapeWhatMermaidWouldMisread) {
  const std::string text = TraceToMermaid(Make({
      At(0, "violation", {{"rule", "writer.failure-in-identify"},
                          {"section", "3.4"},
                          {"message", "a; b #1 <br> \"q\" 50%\nnext"}}),
  }));
  EXPECT_TRUE(HasLine(text,
                      "  Note over VSS: violation writer.failure-in-identify "
                      "(3.4): a#59; b #35;1 #lt;br#gt; #quot;q#quot; 50#37; next"))
      << text;
}

TEST(TraceToMermaid, CallbacksShowTheirFailure) {
  const std::string text = TraceToMermaid(Make({
      At(0, "event", {{"name", "PrepareForSnapshot"}, {"writer", "Db"}}),
      At(0, "callback", {{"name", "PrepareForSnapshot"}, {"writer", "Db"},
                         {"returned", "false"},
                         {"failure", "VSS_E_WRITERERROR_RETRYABLE"}}),
      At(0, "skipped", {{"name", "Freeze"}, {"writer", "Db"},
                        {"reason", "writer gone"}}),
  }));
  EXPECT_TRUE(HasLine(text, "  VSS ->> w_Db: PrepareForSnapshot")) << text;
  EXPECT_TRUE(
      HasLine(text, "  w_Db -->> VSS: false (VSS_E_WRITERERROR_RETRYABLE)"))
      << text;
  EXPECT_TRUE(HasLine(text, "  VSS -x w_Db: Freeze skipped (writer gone)"))
      << text;
}

TEST(TraceToMermaid, AStateIsNotedOnlyWhenItChanges) {
  const std::string text = TraceToMermaid(Make({
      At(0, "state", {{"writer", "Db"}, {"state", "STABLE"}}),
      At(0, "state", {{"writer", "Db"}, {"state", "STABLE"}}),
      At(0, "state", {{"writer", "Db"}, {"state", "WAITING_FOR_FREEZE"}}),
      At(0, "state", {{"writer", "Db"}, {"state", "STABLE"}}),
  }));
  EXPECT_EQ(text,
            "sequenceDiagram\n"
            "  participant VSS\n"
            "  participant w_Db as Db\n"
            "  Note over w_Db: STABLE\n"
            "  Note over w_Db: WAITING_FOR_FREEZE\n"
            "  Note over w_Db: STABLE\n");
}

TEST(TraceToMermaid, ProviderStepsGetTheirOwnLifeline) {
  const std::string text = TraceToMermaid(Make({
      At(0, "provider", {{"step", "BeginPrepareSnapshot"}, {"set", "469a"},
                         {"volume", "C:\\"}, {"result", "S_OK"}}),
      At(0, "hold", {{"name", "flush-and-hold"}}),
      At(10, "provider", {{"step", "CommitSnapshots"}, {"set", "469a"},
                          {"result", "VSS_E_PROVIDER_VETO"},
                          {"took_us", "1500000"}}),
      At(10, "hold", {{"name", "release"}, {"result", "timeout"}}),
  }));
  EXPECT_EQ(text,
            "sequenceDiagram\n"
            "  participant VSS\n"
            "  participant Provider\n"
            "  VSS ->> Provider: BeginPrepareSnapshot C:\\\n"
            "  Note over VSS: hold flush-and-hold\n"
            "  Note over VSS,Provider: t=0.000010 s\n"
            "  VSS ->> Provider: CommitSnapshots = VSS_E_PROVIDER_VETO, took "
            "1.500000 s\n"
            "  Note over VSS: hold release timeout\n");
}

TEST(TraceToMermaid, RequesterSideLinesAreNotesOverTheRequester) {
  const std::string text = TraceToMermaid(Make({
      At(0, "volume", {{"requester", "requester#1"}, {"volume", "C:\\"},
                       {"snapshot", "9dde"}}),
      At(0, "status", {{"requester", "1"}, {"writers", "3"}}),
      At(0, "note", {{"requester", "requester#1"}, {"xml_error", "bad root"}}),
      At(0, "filtered", {{"writer", "Sys"}}),
      At(0, "async", {{"name", "Cancel"}, {"operation", "DoSnapshotSet"}}),
  }));
  EXPECT_TRUE(HasLine(text, "  Note over requester_1: volume C:\\, snapshot 9dde"))
      << text;
  EXPECT_TRUE(HasLine(text, "  Note over VSS: status of 3 writers for requester#35;1"))
      << text;
  EXPECT_TRUE(HasLine(text, "  Note over requester_1: note xml_error=bad root"))
      << text;
  EXPECT_TRUE(HasLine(text, "  Note over w_Sys: filtered out: no events")) << text;
  EXPECT_TRUE(
      HasLine(text, "  Note over VSS: async name=Cancel operation=DoSnapshotSet"))
      << text;
  // The bare session number of a status line is the same requester.
  EXPECT_EQ(text.find("participant 1"), std::string::npos) << text;
}

TEST(TraceToMermaid, TheSameTraceGivesTheSameText) {
  const Trace trace = FreezeTimeoutTrace();
  const Trace copy = trace;
  const std::string first = TraceToMermaid(trace);
  EXPECT_EQ(TraceToMermaid(trace), first);
  EXPECT_EQ(TraceToMermaid(copy), first);
}

// --- Chrome trace-event JSON. -----------------------------------------------

TEST(TraceToChromeJson, ParsesAsJsonWithOneNamedTrackPerParticipant) {
  const std::vector<Json> events =
      ChromeEvents(TraceToChromeJson(FreezeTimeoutTrace()));
  ASSERT_FALSE(events.empty());
  const std::map<int, std::string> expected = {
      {1, "requester#1"}, {2, "VSS"}, {3, "Front"}};
  EXPECT_EQ(ThreadNames(events), expected);
  for (const Json& e : events) {
    EXPECT_EQ(e.Num("pid"), 1);
    EXPECT_NE(e.Find("tid"), nullptr);
    const std::string ph = e.Str("ph");
    EXPECT_TRUE(ph == "M" || ph == "i" || ph == "X" || ph == "B" || ph == "E") << ph;
    if (ph == "i") {
      EXPECT_EQ(e.Str("s"), "t");
    }
    if (ph != "M") {
      EXPECT_GE(e.Num("ts"), 0);
    }
  }
}

TEST(TraceToChromeJson, AnEventAndItsCallbackAreOneSlice) {
  const std::string text = TraceToChromeJson(FreezeTimeoutTrace());
  EXPECT_TRUE(HasLine(
      text,
      "{\"name\":\"Freeze\",\"cat\":\"event\",\"ph\":\"X\",\"ts\":0,"
      "\"dur\":2500,\"pid\":1,\"tid\":3,\"args\":{\"name\":\"Freeze\","
      "\"writer\":\"Front\",\"instance\":\"8d1f\",\"returned\":\"true\","
      "\"took_us\":\"2500\"}},"))
      << text;
  // The callback is part of the slice, not a line of its own.
  EXPECT_EQ(text.find("\"cat\":\"callback\""), std::string::npos) << text;
}

// A writer's frozen period, Freeze to Thaw or Abort, is a span on its
// track around its callbacks; one never thawed closes at the trace's end.
TEST(TraceToChromeJson, AWritersFrozenPeriodIsASpan) {
  const std::string text = TraceToChromeJson(Make({
      At(0, "event", {{"name", "Freeze"}, {"writer", "Front"}}),
      At(0, "callback", {{"name", "Freeze"}, {"writer", "Front"}, {"returned", "true"}}),
      At(0, "event", {{"name", "Freeze"}, {"writer", "Back"}}),
      At(4000, "event", {{"name", "Thaw"}, {"writer", "Front"}}),
      At(4000, "callback", {{"name", "Thaw"}, {"writer", "Front"}, {"returned", "true"}}),
      At(9000, "timer", {{"name", "freeze-window-expired"}, {"writer", "Back"}}),
  }));
  EXPECT_EQ(test_support::CheckTraceEventRules(text), "") << text;
  EXPECT_TRUE(HasLine(text, "{\"name\":\"frozen\",\"cat\":\"frozen\",\"ph\":\"B\",\"ts\":0,"
                            "\"pid\":1,\"tid\":2,\"args\":{\"writer\":\"Front\"}},"))
      << text;
  EXPECT_TRUE(HasLine(text, "{\"name\":\"frozen\",\"cat\":\"frozen\",\"ph\":\"E\",\"ts\":4000,"
                            "\"pid\":1,\"tid\":2,\"args\":{\"writer\":\"Front\"}},"))
      << text;
  // Back never got Thaw or Abort: its span ends with the trace.
  EXPECT_NE(text.find("{\"name\":\"frozen\",\"cat\":\"frozen\",\"ph\":\"E\",\"ts\":9000,"
                      "\"pid\":1,\"tid\":3,\"args\":{\"writer\":\"Back\"}}"),
            std::string::npos)
      << text;
}

TEST(TraceToChromeJson, ASliceWithoutTookUsLastsOneMicrosecond) {
  const std::vector<Json> events = ChromeEvents(TraceToChromeJson(Make({
      At(5, "event", {{"name", "Identify"}, {"writer", "Db"}}),
      At(5, "callback", {{"name", "Identify"}, {"writer", "Db"},
                         {"returned", "true"}}),
      At(7, "event", {{"name", "Freeze"}, {"writer", "Db"}}),
  })));
  std::vector<const Json*> slices;
  for (const Json& e : events) {
    if (e.Str("ph") != "M" && e.Str("cat") != "frozen") slices.push_back(&e);
  }
  ASSERT_EQ(slices.size(), 2u);
  EXPECT_EQ(slices[0]->Str("ph"), "X");
  EXPECT_EQ(slices[0]->Num("ts"), 5);
  EXPECT_EQ(slices[0]->Num("dur"), 1);
  // An event that was never answered (a hung writer) stays an instant.
  EXPECT_EQ(slices[1]->Str("ph"), "i");
  EXPECT_EQ(slices[1]->Str("name"), "Freeze");
}

TEST(TraceToChromeJson, CallsStatesAndTheFreezeTimeoutAreInstants) {
  const std::string text = TraceToChromeJson(FreezeTimeoutTrace());
  EXPECT_TRUE(HasLine(
      text,
      "{\"name\":\"DoSnapshotSet\",\"cat\":\"call\",\"ph\":\"i\",\"s\":\"t\","
      "\"ts\":0,\"pid\":1,\"tid\":1,\"args\":{\"name\":\"DoSnapshotSet\","
      "\"requester\":\"requester#1\",\"result\":\"S_OK\"}},"))
      << text;
  EXPECT_TRUE(HasLine(
      text,
      "{\"name\":\"freeze-window-expired\",\"cat\":\"timer\",\"ph\":\"i\","
      "\"s\":\"t\",\"ts\":61000000,\"pid\":1,\"tid\":3,\"args\":{\"name\":"
      "\"freeze-window-expired\",\"writer\":\"Front\"}},"))
      << text;
  EXPECT_TRUE(HasLine(
      text,
      "{\"name\":\"FAILED_AT_FREEZE\",\"cat\":\"state\",\"ph\":\"i\","
      "\"s\":\"t\",\"ts\":61000000,\"pid\":1,\"tid\":3,\"args\":{\"writer\":"
      "\"Front\",\"state\":\"FAILED_AT_FREEZE\",\"failure\":"
      "\"VSS_E_WRITERERROR_TIMEOUT\"}},"))
      << text;
}

TEST(TraceToChromeJson, MetadataNamesAndOrdersEveryTrack) {
  const std::string text = TraceToChromeJson(FreezeTimeoutTrace());
  const std::vector<std::string> lines = Lines(text);
  ASSERT_GE(lines.size(), 8u);
  EXPECT_EQ(lines[0], "{\"traceEvents\":[");
  EXPECT_EQ(lines[1],
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,"
            "\"args\":{\"name\":\"requester#1\"}},");
  EXPECT_EQ(lines[2],
            "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":1,"
            "\"args\":{\"sort_index\":1}},");
  EXPECT_EQ(lines[5],
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":3,"
            "\"args\":{\"name\":\"Front\"}},");
  EXPECT_EQ(lines[lines.size() - 2], "],");
  EXPECT_EQ(lines.back(), "\"displayTimeUnit\":\"ms\"}");
}

TEST(TraceToChromeJson, ViolationsAndProviderStepsLandOnTheirTracks) {
  const std::vector<Json> events = ChromeEvents(TraceToChromeJson(Make({
      At(0, "provider", {{"step", "CommitSnapshots"}, {"result", "S_OK"},
                         {"took_us", "300"}}),
      At(0, "provider", {{"step", "PostCommitSnapshots"}, {"result", "S_OK"}}),
      At(9, "violation", {{"rule", "writer.callback-threw"},
                          {"section", "3.4"}, {"message", "Db threw"}}),
  })));
  const std::map<int, std::string> expected = {{1, "VSS"}, {2, "Provider"}};
  EXPECT_EQ(ThreadNames(events), expected);
  std::vector<const Json*> shown;
  for (const Json& e : events) {
    if (e.Str("ph") != "M") shown.push_back(&e);
  }
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[0]->Str("ph"), "X");
  EXPECT_EQ(shown[0]->Num("dur"), 300);
  EXPECT_EQ(shown[0]->Num("tid"), 2);
  EXPECT_EQ(shown[1]->Str("ph"), "i");
  EXPECT_EQ(shown[1]->Str("name"), "PostCommitSnapshots");
  EXPECT_EQ(shown[2]->Str("name"), "writer.callback-threw");
  EXPECT_EQ(shown[2]->Str("cat"), "violation");
  EXPECT_EQ(shown[2]->Num("tid"), 1);
  EXPECT_EQ(shown[2]->Num("ts"), 9);
  const Json* args = shown[2]->Find("args");
  ASSERT_NE(args, nullptr);
  EXPECT_EQ(args->Str("message"), "Db threw");
}

TEST(TraceToChromeJson, AwkwardNamesAndValuesAreEscaped) {
  const std::string writer = "Sql \"Writer\" #2\\x";
  const std::string text = TraceToChromeJson(Make({
      At(0, "state", {{"writer", writer}, {"state", "STABLE"},
                      {"note", std::string("tab\there\nline\x01")}}),
  }));
  const std::vector<Json> events = ChromeEvents(text);
  const std::map<int, std::string> expected = {{1, "VSS"}, {2, writer}};
  EXPECT_EQ(ThreadNames(events), expected);
  bool found = false;
  for (const Json& e : events) {
    if (e.Str("cat") != "state") continue;
    found = true;
    const Json* args = e.Find("args");
    ASSERT_NE(args, nullptr);
    EXPECT_EQ(args->Str("writer"), writer);
    EXPECT_EQ(args->Str("note"), std::string("tab\there\nline\x01"));
  }
  EXPECT_TRUE(found) << text;
  EXPECT_NE(text.find("\\u0001"), std::string::npos) << text;
}

TEST(TraceToChromeJson, AnEmptyTraceIsValidJsonWithOnlyTheServiceTrack) {
  const std::vector<Json> events = ChromeEvents(TraceToChromeJson(Trace()));
  const std::map<int, std::string> expected = {{1, "VSS"}};
  EXPECT_EQ(ThreadNames(events), expected);
  EXPECT_EQ(events.size(), 2u);  // thread_name and thread_sort_index.
}

TEST(TraceToChromeJson, TheSameTraceGivesTheSameText) {
  const Trace trace = FreezeTimeoutTrace();
  const Trace copy = trace;
  const std::string first = TraceToChromeJson(trace);
  EXPECT_EQ(TraceToChromeJson(trace), first);
  EXPECT_EQ(TraceToChromeJson(copy), first);
}

// The parser itself must reject what is not JSON, or the checks above
// would prove nothing.
TEST(TraceExportTestParser, RejectsUnbalancedOrUnescapedText) {
  for (const char* bad :
       {"{", "[1,]", "{\"a\":1,}", "\"a\nb\"", "{\"a\" 1}", "[1] x",
        "{\"a\":\"\\q\"}", "01", "{\"a\":[}"}) {
    Json value;
    EXPECT_FALSE(JsonParser(bad).Parse(&value)) << bad;
  }
  Json value;
  EXPECT_TRUE(JsonParser("{\"a\":[1,-2,\"x\\\"\",true,null],\"b\":{}}")
                  .Parse(&value));
}

}  // namespace
}  // namespace vssemu
