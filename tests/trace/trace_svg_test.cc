// The SVG drawings of a trace for the HTML report: well-formed XML, one row
// per trace line with its kind, one lifeline per participant, the writers'
// states as spans on virtual time (or on trace lines when no time passed),
// text escaped.
#include "trace/trace_svg.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

namespace vssemu {
namespace {

TraceEvent At(int64_t t, std::string kind, std::vector<std::pair<std::string, std::string>> f) {
  return TraceEvent{t, std::move(kind), std::move(f)};
}

Trace FreezeWindowTrace() {
  Trace trace;
  for (TraceEvent e : {
           At(0, "call", {{"name", "DoSnapshotSet"}, {"requester", "requester#1"}, {"result", "S_OK"}}),
           At(0, "event", {{"name", "Freeze"}, {"writer", "Front"}}),
           At(0, "callback", {{"name", "Freeze"}, {"writer", "Front"}, {"returned", "true"}}),
           At(0, "state", {{"writer", "Front"}, {"state", "WAITING_FOR_THAW"}}),
           At(60000000, "timer", {{"name", "freeze-window-expired"}, {"writer", "Front"}}),
           At(60000000, "state", {{"writer", "Front"}, {"state", "FAILED_AT_FREEZE"},
                                  {"failure", "VSS_E_WRITERERROR_TIMEOUT"}}),
           At(61000000, "violation", {{"rule", "order.freeze-level"}, {"section", "6.1"},
                                      {"message", "a <b> & \"c\""}}),
       }) {
    trace.Add(std::move(e));
  }
  return trace;
}

pugi::xml_document Parse(const std::string& svg) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  EXPECT_TRUE(parsed) << parsed.description() << "\n" << svg;
  return doc;
}

TEST(TraceToSvgSequence, OneRowPerTraceLineAndALifelinePerParticipant) {
  pugi::xml_document doc = Parse(TraceToSvgSequence(FreezeWindowTrace()));
  std::vector<std::string> kinds, participants;
  for (pugi::xml_node g : doc.child("svg").children("g")) {
    const std::string cls = g.attribute("class").value();
    if (cls == "row") kinds.push_back(g.attribute("data-kind").value());
    if (cls == "participant") participants.push_back(g.attribute("data-name").value());
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"call", "event", "callback", "state", "timer", "state",
                                             "violation"}));
  EXPECT_EQ(participants, (std::vector<std::string>{"requester#1", "VSS", "Front"}));
  // The time is written when it moves: at 0, 60 and 61 seconds.
  EXPECT_EQ(doc.select_nodes("//text[@class='time']").size(), 3u);
  // Escaped text reads back as written.
  const std::string violation = doc.select_node("//text[@class='violation']/title").node().child_value();
  EXPECT_EQ(violation, "violation order.freeze-level (spec 6.1): a <b> & \"c\"");
}

TEST(TraceToSvgStates, EachStateIsASpanOnVirtualTime) {
  pugi::xml_document doc = Parse(TraceToSvgStates(FreezeWindowTrace()));
  pugi::xpath_node_set rects = doc.select_nodes("//g[@data-writer='Front']/rect");
  ASSERT_EQ(rects.size(), 2u);
  const pugi::xml_node waiting = rects[0].node(), failed = rects[1].node();
  EXPECT_STREQ(waiting.attribute("data-state").value(), "WAITING_FOR_THAW");
  EXPECT_STREQ(failed.attribute("data-state").value(), "FAILED_AT_FREEZE");
  // 60 of the trace's 61 seconds waiting, then failed to the end.
  EXPECT_EQ(waiting.attribute("x").as_int() + waiting.attribute("width").as_int(),
            failed.attribute("x").as_int());
  EXPECT_EQ(waiting.attribute("width").as_int(), 720 * 60 / 61);
  EXPECT_EQ(failed.attribute("x").as_int() + failed.attribute("width").as_int(), 150 + 720);
  EXPECT_STREQ(failed.child("title").child_value(),
               "FAILED_AT_FREEZE (VSS_E_WRITERERROR_TIMEOUT) from 60.000000 s");
}

TEST(TraceToSvgStates, WithoutVirtualTimeTheAxisCountsTraceLines) {
  Trace trace;
  trace.Add(At(0, "state", {{"writer", "W"}, {"state", "STABLE"}}));
  trace.Add(At(0, "event", {{"name", "Freeze"}, {"writer", "W"}}));
  trace.Add(At(0, "state", {{"writer", "W"}, {"state", "WAITING_FOR_THAW"}}));
  trace.Add(At(0, "event", {{"name", "Thaw"}, {"writer", "W"}}));
  pugi::xml_document doc = Parse(TraceToSvgStates(trace));
  pugi::xpath_node_set rects = doc.select_nodes("//g[@data-writer='W']/rect");
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_EQ(rects[0].node().attribute("width").as_int(), 720 * 2 / 4);
  EXPECT_EQ(rects[1].node().attribute("width").as_int(), 720 * 2 / 4);
  EXPECT_STREQ(doc.select_node("//g[@class='axis']/text[3]").node().child_value(),
               "line 4 (no virtual time passed)");
}

}  // namespace
}  // namespace vssemu
