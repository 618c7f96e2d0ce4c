// winshim's wide printf family reads formats as the Windows CRT does: %s is
// a wide string in a wide format, sizes are Windows' (I64, I32, I, 32-bit
// l), and each function keeps its Windows buffer and return-value rules.
// <windows.h> comes first here, so the C and C++ headers after it must
// leave its macros in place.
#include <windows.h>

#include <cerrno>
#include <cstdio>
#include <cwchar>
#include <string>
#include <wchar.h>

#include <gtest/gtest.h>

namespace {

std::wstring Format(const wchar_t* format, ...) {
  wchar_t buf[256];
  va_list args;
  va_start(args, format);
  int n = vswprintf(buf, 256, format, args);
  va_end(args);
  return n < 0 ? L"<error>" : std::wstring(buf, static_cast<size_t>(n));
}

TEST(WidePrintf, PercentSReadsAWideString) {
  wchar_t buf[32];
  EXPECT_EQ(swprintf(buf, 32, L"[%s]", L"writer"), 8);
  EXPECT_STREQ(buf, L"[writer]");
}

TEST(WidePrintf, PercentCapitalSReadsANarrowString) {
  EXPECT_EQ(Format(L"[%S]", "narrow"), L"[narrow]");
}

TEST(WidePrintf, HsIsNarrowWhileLsAndWsAreWide) {
  EXPECT_EQ(Format(L"%hs %ls %ws %hS %lS", "a", L"b", L"c", "d", L"e"),
            L"a b c d e");
}

TEST(WidePrintf, PercentCIsAWideCharacterAndCapitalCANarrowOne) {
  EXPECT_EQ(Format(L"%c%C%hc%lc", L'w', 'n', 'h', L'l'), L"wnhl");
}

TEST(WidePrintf, FlagsWidthAndPrecisionAreKept) {
  EXPECT_EQ(Format(L"[%-6s|%6.2s|%+05d|%#x|%.3f|% d]", L"ab", L"abc", 42, 42,
                   3.14159, 7),
            L"[ab    |    ab|+0042|0x2a|3.142| 7]");
}

TEST(WidePrintf, StarWidthAndPrecisionComeFromTheArguments) {
  EXPECT_EQ(Format(L"[%*.*s]", 6, 2, L"abcdef"), L"[    ab]");
  // A negative '*' width left-aligns; a negative precision is ignored.
  EXPECT_EQ(Format(L"[%*s|%.*s]", -4, L"x", -1, L"yz"), L"[x   |yz]");
}

TEST(WidePrintf, I64AndLlPrintSixtyFourBits) {
  EXPECT_EQ(Format(L"%I64u %I64d %I64X %llu", 18446744073709551615ULL, -5LL,
                   0x123456789ABULL, 1ULL << 40),
            L"18446744073709551615 -5 123456789AB 1099511627776");
}

TEST(WidePrintf, I32AndLPrintThirtyTwoBitsAsWindowsLongIs) {
  LONG minus_one = -1;
  DWORD high_bit = 0x80042308u;
  EXPECT_EQ(Format(L"%I32d %ld %lu %08lx", -7, minus_one, high_bit, high_bit),
            L"-7 -1 2147754760 80042308");
}

TEST(WidePrintf, IAndZPrintPointerSizedIntegers) {
  size_t big = size_t{1} << 40;
  ptrdiff_t negative = -3;
  EXPECT_EQ(Format(L"%Iu %Id %zu", big, negative, big),
            L"1099511627776 -3 1099511627776");
}

TEST(WidePrintf, DoublePercentPrintsOnePercentSign) {
  EXPECT_EQ(Format(L"100%% %d%%", 5), L"100% 5%");
}

TEST(WidePrintf, NullStringsPrintNullInParentheses) {
  const wchar_t* wide = nullptr;
  const char* narrow = nullptr;
  EXPECT_EQ(Format(L"%s|%S", wide, narrow), L"(null)|(null)");
}

TEST(WidePrintf, PointersPrintSixteenUpperCaseHexDigits) {
  EXPECT_EQ(Format(L"%p", reinterpret_cast<void*>(0xabc)),
            L"0000000000000ABC");
}

TEST(WidePrintf, PercentNAndPercentZAreRefused) {
  wchar_t buf[16];
  int count = 0;
  errno = 0;
  EXPECT_EQ(swprintf(buf, 16, L"ab%n", &count), -1);
  EXPECT_EQ(errno, EINVAL);
  EXPECT_EQ(count, 0);
  EXPECT_EQ(swprintf(buf, 16, L"%Z", nullptr), -1);
}

TEST(WidePrintf, SwprintfFailsWhenTheTextDoesNotFitAndKeepsAPrefix) {
  wchar_t buf[5];
  EXPECT_EQ(swprintf(buf, 5, L"%s", L"abcdef"), -1);
  EXPECT_STREQ(buf, L"abcd");
  EXPECT_EQ(swprintf(buf, 5, L"%s", L"abcd"), 4);
}

TEST(WidePrintf, StdQualifiedNamesHaveTheWindowsReading) {
  wchar_t buf[16];
  EXPECT_EQ(std::swprintf(buf, 16, L"%s/%S", L"w", "n"), 3);
  EXPECT_STREQ(buf, L"w/n");
}

TEST(WidePrintf, SnwprintfWritesNoTerminatorWhenTheTextFillsTheCount) {
  wchar_t buf[8];
  wmemset(buf, L'#', 8);
  EXPECT_EQ(_snwprintf(buf, 4, L"%s", L"abcd"), 4);
  EXPECT_EQ(std::wstring(buf, 5), L"abcd#");
  EXPECT_EQ(_snwprintf(buf, 4, L"%s", L"abcdef"), -1);
  EXPECT_EQ(std::wstring(buf, 5), L"abcd#");
  EXPECT_EQ(_snwprintf(buf, 8, L"%s", L"ab"), 2);
  EXPECT_STREQ(buf, L"ab");
  EXPECT_EQ(_snwprintf(nullptr, 0, L"%s=%d", L"key", 10), 6);
}

TEST(WidePrintf, SwprintfSEmptiesTheBufferWhenTheTextDoesNotFit) {
  wchar_t buf[6] = L"old";
  errno = 0;
  EXPECT_EQ(swprintf_s(buf, 6, L"%s", L"toolong"), -1);
  EXPECT_EQ(errno, ERANGE);
  EXPECT_STREQ(buf, L"");
  EXPECT_EQ(swprintf_s(buf, L"%s!", L"fit"), 4);  // Array overload.
  EXPECT_STREQ(buf, L"fit!");
}

TEST(WidePrintf, SnwprintfSTruncatesOnlyWhenAskedTo) {
  wchar_t buf[10];
  EXPECT_EQ(_snwprintf_s(buf, 10, _TRUNCATE, L"<<<%d>>>", 1221), -1);
  EXPECT_STREQ(buf, L"<<<1221>>");
  EXPECT_EQ(_snwprintf_s(buf, 10, 8, L"<<<%d>>>", 121), -1);
  EXPECT_STREQ(buf, L"<<<121>>");
  EXPECT_EQ(_snwprintf_s(buf, 10, 10, L"<<<%d>>>", 121), 9);
  EXPECT_STREQ(buf, L"<<<121>>>");
  errno = 0;
  EXPECT_EQ(_snwprintf_s(buf, 10, 10, L"<<<%d>>>", 1221), -1);
  EXPECT_EQ(errno, ERANGE);
  EXPECT_STREQ(buf, L"");
  EXPECT_EQ(_snwprintf_s(buf, _TRUNCATE, L"%s", L"0123456789"), -1);
  EXPECT_STREQ(buf, L"012345678");
}

TEST(WidePrintf, FwprintfWritesTheWindowsTextToAStream) {
  FILE* f = tmpfile();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(fwprintf(f, L"%s-%S-%I64d", L"wide", "narrow", -1LL), 14);
  EXPECT_EQ(fwprintf_s(f, L"|%c", L'z'), 2);
  rewind(f);
  char line[32] = {};
  ASSERT_NE(fgets(line, 32, f), nullptr);
  EXPECT_STREQ(line, "wide-narrow--1|z");
  fclose(f);
}

TEST(WidePrintf, WideAndNarrowOutputMixOnOneStreamAsOnWindows) {
  // glibc fixes a stream's orientation at its first write; the Windows CRT
  // has none, so a program's wprintf and a framework's printf share stdout.
  FILE* f = tmpfile();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(fprintf(f, "narrow "), 7);
  EXPECT_EQ(fwprintf(f, L"%s ", L"wide"), 5);
  EXPECT_EQ(fprintf(f, "again "), 6);
  EXPECT_EQ(fwprintf(f, L"%s", L"caf\u00e9"), 4);  // Bytes: UTF-8.
  rewind(f);
  char line[64] = {};
  ASSERT_NE(fgets(line, 64, f), nullptr);
  EXPECT_STREQ(line, "narrow wide again caf\xc3\xa9");
  fclose(f);
}

TEST(WidePrintf, AStreamTheProgramMadeWideKeepsWideOutput) {
  FILE* f = tmpfile();
  ASSERT_NE(f, nullptr);
  ASSERT_GT(fwide(f, 1), 0);
  EXPECT_EQ(fwprintf(f, L"%s", L"wide"), 4);
  rewind(f);
  wchar_t line[16] = {};
  ASSERT_NE(fgetws(line, 16, f), nullptr);
  EXPECT_STREQ(line, L"wide");
  fclose(f);
}

TEST(WidePrintf, ScwprintfCountsWithoutWriting) {
  EXPECT_EQ(_scwprintf(L"%s:%5d", L"abc", 1), 9);
}

TEST(WidePrintf, ToWstringStillWorksAfterWindowsH) {
  EXPECT_EQ(std::to_wstring(-12), L"-12");
}

TEST(NarrowPrintf, GlibcAndWindowsAgreeOnNarrowFormats) {
  // Left to glibc: %s narrow, %S and %ls wide, as in the Windows CRT.
  char buf[32];
  EXPECT_EQ(snprintf(buf, sizeof(buf), "%s %S %ls", "n", L"w", L"l"), 5);
  EXPECT_STREQ(buf, "n w l");
}

TEST(NarrowPrintf, WindowsOnlyNarrowFormsReadWindowsSizes) {
  char buf[32];
  EXPECT_EQ(sprintf_s(buf, "%I64d %S %ld", -1LL, L"wide", LONG{-2}), 10);
  EXPECT_STREQ(buf, "-1 wide -2");
  EXPECT_EQ(_snprintf(buf, 3, "%s", "abcdef"), -1);
  EXPECT_EQ(_snprintf_s(buf, sizeof(buf), _TRUNCATE, "%hs", "ok"), 2);
  EXPECT_STREQ(buf, "ok");
  EXPECT_EQ(_scprintf("%I64u", 12345ULL), 5);
}

}  // namespace
