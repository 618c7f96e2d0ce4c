// The trace's compact form: events recorded from views read back exactly
// as the TraceEvents they stand for, however reads and appends interleave.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <vssemu/trace.h>

namespace vssemu {
namespace {

TraceEvent MakeEvent(int64_t t, std::string kind,
                     std::vector<std::pair<std::string, std::string>> fields) {
  TraceEvent e;
  e.time_us = t;
  e.kind = std::move(kind);
  e.fields = std::move(fields);
  return e;
}

bool SameEvent(const TraceEvent& a, const TraceEvent& b) {
  return a.time_us == b.time_us && a.kind == b.kind && a.fields == b.fields;
}

class Collect : public TraceListener {
 public:
  void OnEvent(const TraceEvent& event) override { seen.push_back(event); }
  std::vector<TraceEvent> seen;
};

TEST(TraceStorage, ViewsReadBackAsTheEventTheyDescribe) {
  Trace trace;
  const std::string value = "a value with spaces and \"quotes\" that is long";
  const TraceFieldView fields[] = {{"name", "Freeze"}, {"writer", value}, {"empty", ""}};
  trace.Add(1500000, "event", fields);
  trace.Add(MakeEvent(2000000, "state", {{"writer", "W"}, {"state", "STABLE"}}));
  ASSERT_EQ(trace.size(), 2u);
  ASSERT_EQ(trace.events().size(), 2u);
  EXPECT_TRUE(SameEvent(trace.events()[0],
                        MakeEvent(1500000, "event",
                                  {{"name", "Freeze"}, {"writer", value}, {"empty", ""}})));
  EXPECT_TRUE(SameEvent(trace.events()[1],
                        MakeEvent(2000000, "state", {{"writer", "W"}, {"state", "STABLE"}})));
  EXPECT_EQ(trace.events()[0].ToLine(),
            "1.500000 event name=Freeze writer=\"a value with spaces and \\\"quotes\\\" that "
            "is long\" empty=\"\"");
}

TEST(TraceStorage, EventsAddedAfterAReadAreReadToo) {
  Trace trace;
  trace.Add(MakeEvent(0, "a", {}));
  ASSERT_EQ(trace.events().size(), 1u);
  trace.Add(MakeEvent(1, "b", {{"k", "v"}}));
  trace.Add(MakeEvent(2, "c", {}));
  ASSERT_EQ(trace.events().size(), 3u);
  EXPECT_EQ(trace.events()[1].Get("k"), "v");
  EXPECT_EQ(trace.events()[2].kind, "c");
}

TEST(TraceStorage, TextAndHashAgreeWithTheEventLines) {
  Trace trace;
  trace.Add(MakeEvent(61000000, "timer", {{"name", "freeze-window-expired"}}));
  trace.Add(MakeEvent(61000001, "note", {{"why", "line\nbreak"}}));
  std::string lines;
  for (const TraceEvent& e : trace.events()) lines += e.ToLine() + "\n";
  EXPECT_EQ(trace.ToText(), lines + "# events=2 hash=" + trace.HashText() + "\n");
  // The hash is FNV-1a over the lines, whichever way it is computed.
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : lines) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  EXPECT_EQ(trace.Hash(), hash);
}

TEST(TraceStorage, ClearDropsEverythingAndRecordingStartsAgain) {
  Trace trace;
  trace.Add(MakeEvent(0, "a", {{"k", "v"}}));
  ASSERT_EQ(trace.events().size(), 1u);
  trace.Clear();
  EXPECT_EQ(trace.size(), 0u);
  EXPECT_TRUE(trace.events().empty());
  trace.Add(MakeEvent(5, "b", {{"x", "y"}}));
  ASSERT_EQ(trace.events().size(), 1u);
  EXPECT_TRUE(SameEvent(trace.events()[0], MakeEvent(5, "b", {{"x", "y"}})));
}

TEST(TraceStorage, TheListenerSeesEachEventAsAdded) {
  Trace trace;
  Collect listener;
  trace.set_listener(&listener);
  const TraceFieldView fields[] = {{"name", "Thaw"}};
  trace.Add(7, "event", fields);
  ASSERT_EQ(listener.seen.size(), 1u);
  EXPECT_TRUE(SameEvent(listener.seen[0], MakeEvent(7, "event", {{"name", "Thaw"}})));
}

TEST(TraceStorage, ACopyReadsTheSameEvents) {
  Trace trace;
  trace.Add(MakeEvent(1, "a", {{"k", "v"}}));
  (void)trace.events();
  trace.Add(MakeEvent(2, "b", {}));
  const Trace copy = trace;
  ASSERT_EQ(copy.events().size(), 2u);
  EXPECT_EQ(copy.ToText(), trace.ToText());
}

TEST(TraceStorage, AMovedTraceLeavesAnEmptyOneThatRecordsAgain) {
  Trace trace;
  trace.Add(MakeEvent(1, "a", {{"k", "v"}}));
  const std::string text = trace.ToText();
  Trace moved = std::move(trace);
  EXPECT_EQ(moved.ToText(), text);
  EXPECT_EQ(trace.size(), 0u);  // NOLINT: the moved-from state is specified.
  EXPECT_TRUE(trace.events().empty());
  trace.Add(MakeEvent(2, "b", {}));
  ASSERT_EQ(trace.events().size(), 1u);
  EXPECT_TRUE(SameEvent(trace.events()[0], MakeEvent(2, "b", {})));
  Trace assigned;
  assigned.Add(MakeEvent(3, "c", {}));
  assigned = moved;
  EXPECT_EQ(assigned.ToText(), text);
}

TEST(TraceStorage, EventsOfEverySizeSurviveTheBufferGrowing) {
  // Pieces of 0 to 300 bytes (every copy path), across many regrowths.
  Trace trace;
  std::vector<TraceEvent> expected;
  for (int i = 0; i < 2000; ++i) {
    // Built by appending: GCC 12's MinGW build warns falsely (-Wrestrict)
    // on "literal" + std::string.
    std::string name = "n";
    name += std::to_string(i % 17);
    TraceEvent e = MakeEvent(i, std::string(static_cast<size_t>(i % 5), 'k'),
                             {{name, std::string(static_cast<size_t>(i % 301), 'v')},
                              {"", std::to_string(i)}});
    std::vector<TraceFieldView> views;
    for (const auto& [name, value] : e.fields) views.push_back({name, value});
    trace.Add(e.time_us, e.kind, views);
    expected.push_back(std::move(e));
    if (i == 999) (void)trace.events();  // Half read before the rest is added.
  }
  ASSERT_EQ(trace.events().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_TRUE(SameEvent(trace.events()[i], expected[i])) << "event " << i;
  }
  std::string lines;
  for (const TraceEvent& e : expected) lines += e.ToLine() + "\n";
  EXPECT_EQ(trace.ToText().substr(0, lines.size()), lines);
}

// The text of a trace made of these events by a fresh Trace.
std::string FreshText(const std::vector<TraceEvent>& events) {
  Trace fresh;
  for (const TraceEvent& e : events) fresh.Add(e);
  return fresh.ToText();
}

TEST(TraceStorage, ChunksKeptByClearServeEventsOfAnySize) {
  // Small events fill the first chunks; after Clear, an event larger than
  // any chunk kept, then small ones again, then a copy that grows on.
  Trace trace;
  std::vector<TraceEvent> first;
  for (int i = 0; i < 400; ++i) {
    first.push_back(MakeEvent(i, "call", {{"i", std::to_string(i)}, {"pad", std::string(40, 'p')}}));
    trace.Add(first.back());
  }
  ASSERT_EQ(trace.ToText(), FreshText(first));
  trace.Clear();
  std::vector<TraceEvent> second = {
      MakeEvent(1, "big", {{"value", std::string(3u << 20, 'b')}}),
      MakeEvent(2, "small", {{"k", "v"}})};
  for (const TraceEvent& e : second) trace.Add(e);
  ASSERT_EQ(trace.events().size(), 2u);
  EXPECT_TRUE(SameEvent(trace.events()[0], second[0]));
  EXPECT_TRUE(SameEvent(trace.events()[1], second[1]));
  EXPECT_EQ(trace.Hash(), Trace(trace).Hash());
  Trace copy(trace);
  for (int i = 0; i < 300; ++i) {
    second.push_back(MakeEvent(10 + i, "more", {{"n", std::string(static_cast<size_t>(i), 'm')}}));
    copy.Add(second.back());
  }
  EXPECT_EQ(copy.ToText(), FreshText(second));
  EXPECT_EQ(copy.events().size(), second.size());
  EXPECT_EQ(trace.size(), 2u);  // The original is untouched.
}

}  // namespace
}  // namespace vssemu
