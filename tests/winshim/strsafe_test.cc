// winshim's <strsafe.h> follows Microsoft's documentation: truncation
// returns STRSAFE_E_INSUFFICIENT_BUFFER with a NUL-terminated prefix kept,
// bad sizes return STRSAFE_E_INVALID_PARAMETER, and the printf forms read
// formats as the Windows CRT does.
#include <strsafe.h>

#include <gtest/gtest.h>

#include <cstring>
#include <cwchar>

namespace {

TEST(Strsafe, ErrorCodesHaveTheWindowsValues) {
  EXPECT_EQ(STRSAFE_E_INSUFFICIENT_BUFFER, static_cast<HRESULT>(0x8007007A));
  EXPECT_EQ(STRSAFE_E_INVALID_PARAMETER, static_cast<HRESULT>(0x80070057));
  EXPECT_EQ(STRSAFE_E_INVALID_PARAMETER, E_INVALIDARG);
  EXPECT_EQ(STRSAFE_MAX_CCH, 2147483647);
}

TEST(Strsafe, CopyThatFitsSucceeds) {
  wchar_t buf[8];
  EXPECT_EQ(StringCchCopyW(buf, 8, L"writer"), S_OK);
  EXPECT_STREQ(buf, L"writer");
}

TEST(Strsafe, CopyTruncationKeepsANulTerminatedPrefix) {
  wchar_t buf[5];
  wmemset(buf, L'#', 5);
  EXPECT_EQ(StringCchCopyW(buf, 5, L"abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"abcd");
  char narrow[3];
  EXPECT_EQ(StringCchCopyA(narrow, 3, "xyz"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(narrow, "xy");
}

TEST(Strsafe, ZeroOrHugeSizesAreInvalid) {
  wchar_t buf[4] = L"old";
  EXPECT_EQ(StringCchCopyW(buf, 0, L"x"), STRSAFE_E_INVALID_PARAMETER);
  EXPECT_STREQ(buf, L"old");  // Size 0: nothing may be written.
  EXPECT_EQ(StringCchCopyW(buf, size_t{STRSAFE_MAX_CCH} + 1, L"x"),
            STRSAFE_E_INVALID_PARAMETER);
  EXPECT_STREQ(buf, L"");
}

TEST(Strsafe, CatAppendsAndTruncates) {
  wchar_t buf[8] = L"abc";
  EXPECT_EQ(StringCchCatW(buf, 8, L"de"), S_OK);
  EXPECT_STREQ(buf, L"abcde");
  EXPECT_EQ(StringCchCatW(buf, 8, L"fghij"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"abcdefg");
}

TEST(Strsafe, CatIntoABufferWithoutNulIsInvalid) {
  wchar_t buf[3] = {L'a', L'b', L'c'};
  EXPECT_EQ(StringCchCatW(buf, 3, L"d"), STRSAFE_E_INVALID_PARAMETER);
  EXPECT_EQ(buf[0], L'a');
}

TEST(Strsafe, CopyNAndCatNTakeAtMostTheCount) {
  wchar_t buf[8];
  EXPECT_EQ(StringCchCopyNW(buf, 8, L"abcdef", 3), S_OK);
  EXPECT_STREQ(buf, L"abc");
  EXPECT_EQ(StringCchCatNW(buf, 8, L"xyz", 2), S_OK);
  EXPECT_STREQ(buf, L"abcxy");
  EXPECT_EQ(StringCchCopyNW(buf, 3, L"abcdef", 4),
            STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"ab");
}

TEST(Strsafe, PrintfReadsPercentSAsWide) {
  wchar_t buf[32];
  EXPECT_EQ(StringCchPrintfW(buf, 32, L"%s=%I64u (%S)", L"size", 5ULL, "n"),
            S_OK);
  EXPECT_STREQ(buf, L"size=5 (n)");
}

TEST(Strsafe, PrintfTruncationKeepsANulTerminatedPrefix) {
  wchar_t buf[6];
  EXPECT_EQ(StringCchPrintfW(buf, 6, L"%s-%d", L"writer", 42),
            STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"write");
  char narrow[4];
  EXPECT_EQ(StringCchPrintfA(narrow, 4, "%s", "abcdef"),
            STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(narrow, "abc");
}

TEST(Strsafe, ByteSizedFormsCountBytes) {
  wchar_t buf[4];
  EXPECT_EQ(StringCbCopyW(buf, sizeof(buf), L"abcdef"),
            STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"abc");
  EXPECT_EQ(StringCbPrintfW(buf, sizeof(buf), L"%d", 12), S_OK);
  EXPECT_EQ(StringCbCatW(buf, sizeof(buf), L"3"), S_OK);
  EXPECT_STREQ(buf, L"123");
  size_t bytes = 0;
  EXPECT_EQ(StringCbLengthW(buf, sizeof(buf), &bytes), S_OK);
  EXPECT_EQ(bytes, 3 * sizeof(wchar_t));
}

TEST(Strsafe, LengthFailsForNullOrTooLongStrings) {
  size_t n = 99;
  EXPECT_EQ(StringCchLengthW(L"abc", 4, &n), S_OK);
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(StringCchLengthW(L"abc", 3, &n), STRSAFE_E_INVALID_PARAMETER);
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(StringCchLengthW(nullptr, 3, &n), STRSAFE_E_INVALID_PARAMETER);
  EXPECT_EQ(StringCchLengthA("ab", STRSAFE_MAX_CCH, &n), S_OK);
  EXPECT_EQ(n, 2u);
}

TEST(Strsafe, VPrintfFormsTakeAVaList) {
  struct Local {
    static HRESULT Print(wchar_t* buf, size_t cch, const wchar_t* format,
                         ...) {
      va_list args;
      va_start(args, format);
      HRESULT hr = StringCchVPrintfW(buf, cch, format, args);
      va_end(args);
      return hr;
    }
  };
  wchar_t buf[16];
  EXPECT_EQ(Local::Print(buf, 16, L"<%s>", L"v"), S_OK);
  EXPECT_STREQ(buf, L"<v>");
}

}  // namespace
