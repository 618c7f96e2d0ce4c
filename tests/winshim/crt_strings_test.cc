// The CRT's Windows-only string helpers return what Microsoft documents:
// errno_t codes, emptied destinations, 32-bit conversions. The C and C++
// headers come before <windows.h> here, so the printf macros must still
// take effect after them.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <string>

#include <gtest/gtest.h>

#include <windows.h>

namespace {

TEST(CrtStrings, CaseInsensitiveComparisonsIgnoreAsciiCase) {
  EXPECT_EQ(_wcsicmp(L"Writer", L"wRITER"), 0);
  EXPECT_LT(_wcsicmp(L"apple", L"Banana"), 0);
  EXPECT_GT(_stricmp("Zeta", "alpha"), 0);
  EXPECT_EQ(_wcsnicmp(L"VolumeA", L"volumeB", 6), 0);
  EXPECT_NE(_strnicmp("VolumeA", "volumeB", 7), 0);
  EXPECT_LT(_wcsicmp(L"ab", L"abc"), 0);
}

TEST(CrtStrings, CaseInsensitiveComparisonOfNullIsAnError) {
  errno = 0;
  EXPECT_EQ(_wcsicmp(nullptr, L"x"), _NLSCMPERROR);
  EXPECT_EQ(errno, EINVAL);
}

TEST(CrtStrings, WcscpySCopiesOrEmptiesTheDestination) {
  wchar_t buf[5] = L"old";
  EXPECT_EQ(wcscpy_s(buf, 5, L"new"), 0);
  EXPECT_STREQ(buf, L"new");
  EXPECT_EQ(wcscpy_s(buf, 5, L"toolong"), ERANGE);
  EXPECT_STREQ(buf, L"");
  wcscpy_s(buf, L"abc");  // Array overload.
  EXPECT_EQ(wcscpy_s(buf, 5, nullptr), EINVAL);
  EXPECT_STREQ(buf, L"");
  EXPECT_EQ(wcscpy_s(buf, 0, L"x"), EINVAL);
  EXPECT_EQ(wcscpy_s(nullptr, 5, L"x"), EINVAL);
}

TEST(CrtStrings, WcsncpySTruncatesOnlyWithTruncate) {
  wchar_t buf[5];
  EXPECT_EQ(wcsncpy_s(buf, 5, L"howdy", 4), 0);
  EXPECT_STREQ(buf, L"howd");
  EXPECT_EQ(wcsncpy_s(buf, 5, L"howdy", 5), ERANGE);
  EXPECT_STREQ(buf, L"");
  EXPECT_EQ(wcsncpy_s(buf, 5, L"howdy", _TRUNCATE), STRUNCATE);
  EXPECT_STREQ(buf, L"howd");
  EXPECT_EQ(wcsncpy_s(buf, L"hi", _TRUNCATE), 0);
  EXPECT_STREQ(buf, L"hi");
  char narrow[4];
  EXPECT_EQ(strncpy_s(narrow, "abcdef", 3), 0);
  EXPECT_STREQ(narrow, "abc");
}

TEST(CrtStrings, WcscatSAppendsOrEmptiesTheDestination) {
  wchar_t buf[6] = L"ab";
  EXPECT_EQ(wcscat_s(buf, 6, L"cd"), 0);
  EXPECT_STREQ(buf, L"abcd");
  EXPECT_EQ(wcscat_s(buf, L"ef"), ERANGE);
  EXPECT_STREQ(buf, L"");
  wchar_t unterminated[2] = {L'x', L'y'};
  EXPECT_EQ(wcscat_s(unterminated, 2, L"z"), EINVAL);
  EXPECT_EQ(unterminated[0], L'\0');
  char narrow[8] = "a";
  EXPECT_EQ(strcat_s(narrow, "bc"), 0);
  EXPECT_EQ(strcpy_s(narrow, "xyz"), 0);
  EXPECT_STREQ(narrow, "xyz");
}

TEST(CrtStrings, DuplicatesAreFreedWithFree) {
  wchar_t* copy = _wcsdup(L"dup");
  ASSERT_NE(copy, nullptr);
  EXPECT_STREQ(copy, L"dup");
  free(copy);
  EXPECT_EQ(_wcsdup(nullptr), nullptr);
  char* narrow = _strdup("n");
  EXPECT_STREQ(narrow, "n");
  free(narrow);
}

TEST(CrtStrings, CaseConversionHappensInPlace) {
  wchar_t w[] = L"MiXeD";
  EXPECT_EQ(_wcslwr(w), w);
  EXPECT_STREQ(w, L"mixed");
  EXPECT_STREQ(_wcsupr(w), L"MIXED");
  char n[] = "MiX";
  EXPECT_STREQ(_strlwr(n), "mix");
  EXPECT_STREQ(_strupr(n), "MIX");
}

TEST(CrtStrings, WtoiReadsThirtyTwoBitsAndClampsOnOverflow) {
  EXPECT_EQ(_wtoi(L"  -42abc"), -42);
  EXPECT_EQ(_wtoi(L"none"), 0);
  errno = 0;
  EXPECT_EQ(_wtoi(L"99999999999"), 2147483647);
  EXPECT_EQ(errno, ERANGE);
  EXPECT_EQ(_wtol(L"-99999999999"), -2147483647L - 1);
  EXPECT_EQ(_wtoi64(L"99999999999"), 99999999999LL);
  EXPECT_EQ(_atoi64("-5"), -5LL);
  EXPECT_DOUBLE_EQ(_wtof(L"2.5"), 2.5);
}

TEST(CrtStrings, PrintfMacrosApplyWhenWindowsHComesLast) {
  wchar_t buf[16];
  EXPECT_EQ(std::swprintf(buf, 16, L"%s", L"after"), 5);
  EXPECT_STREQ(buf, L"after");
  EXPECT_EQ(swprintf(buf, 16, L"%S", "narrow"), 6);
  EXPECT_STREQ(buf, L"narrow");
}

TEST(CrtStrings, CountofAndArraysizeCountElements) {
  wchar_t buf[7];
  EXPECT_EQ(_countof(buf), 7u);
  EXPECT_EQ(ARRAYSIZE(buf), 7u);
}

}  // namespace
