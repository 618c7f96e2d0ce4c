// Without _UNICODE and UNICODE, tchar.h's generic-text names and windows.h's
// TCHAR map to the narrow functions and char, as in an ANSI Windows build.
#undef UNICODE
#undef _UNICODE
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>

#include <type_traits>

#include <gtest/gtest.h>

namespace {

TEST(TcharAnsi, AnsiBuildsMapToTheNarrowFunctions) {
  static_assert(std::is_same_v<_TCHAR, char>);
  static_assert(std::is_same_v<TCHAR, char>);
  static_assert(std::is_same_v<LPTSTR, char*>);
  const _TCHAR* text = _T("Shadow");
  EXPECT_EQ(_tcslen(text), 6u);
  EXPECT_STREQ(_tcsstr(text, TEXT("do")), "dow");
  EXPECT_EQ(_tcsicmp(text, _T("SHADOW")), 0);
  EXPECT_EQ(_ttoi(_T("-3")), -3);
  TCHAR buf[16];
  EXPECT_EQ(_stprintf_s(buf, _T("%s|%S|%I64d"), _T("a"), L"w", 9LL), 5);
  EXPECT_STREQ(buf, "a|w|9");
  EXPECT_EQ(StringCchCopy(buf, _countof(buf), _T("narrow")), S_OK);
  EXPECT_EQ(StringCchPrintf(buf, _countof(buf), _T("%s!"), _T("n")), S_OK);
  EXPECT_STREQ(buf, "n!");
}

}  // namespace
