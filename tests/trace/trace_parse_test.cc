#include <vssemu/trace.h>

#include <gtest/gtest.h>

namespace vssemu {
namespace {

TEST(ParseTraceLine, ReadsBackWhatToLineWrites) {
  TraceEvent e;
  e.time_us = 61000500;
  e.kind = "event";
  e.fields = {{"name", "Freeze"},
              {"writer", "Sql Writer"},
              {"empty", ""},
              {"odd", "a=b \"q\" \\ \n\r\t\x01 end"},
              {"path", "C:\\"}};
  TraceEvent back;
  std::string error;
  ASSERT_TRUE(ParseTraceLine(e.ToLine(), &back, &error)) << error;
  EXPECT_EQ(back.time_us, e.time_us);
  EXPECT_EQ(back.kind, e.kind);
  EXPECT_EQ(back.fields, e.fields);
  EXPECT_EQ(back.ToLine(), e.ToLine());
}

TEST(ParseTraceLine, ACarriageReturnAtTheEndIsNotPartOfTheLine) {
  TraceEvent back;
  std::string error;
  ASSERT_TRUE(ParseTraceLine("0.000001 call name=X\r", &back, &error)) << error;
  EXPECT_EQ(back.time_us, 1);
  EXPECT_EQ(back.Get("name"), "X");
}

TEST(ParseTraceLine, SaysWhyALineIsNotATraceLine) {
  const char* bad[][2] = {
      {"", "expected a time"},
      {"12 event", "expected a time"},
      {"1.000000", "expected a time"},
      {"1.000000 event name", "expected name=value"},
      {"1.000000 event name=\"unclosed", "does not end"},
      {"1.000000 event name=\"a\\q\"", "unknown escape"},
      {"1.000000 event name=\"\\x4\"", "two hexadecimal digits"},
      {"x.000000 event", "expected a time"},
  };
  for (const auto& [line, why] : bad) {
    TraceEvent back;
    std::string error;
    EXPECT_FALSE(ParseTraceLine(line, &back, &error)) << line;
    EXPECT_NE(error.find(why), std::string::npos) << line << ": " << error;
  }
}

}  // namespace
}  // namespace vssemu
