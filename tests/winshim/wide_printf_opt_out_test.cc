// VSSEMU_NO_WIDE_PRINTF_COMPAT, defined before <windows.h>, leaves the
// standard wide printf names to glibc (the C standard's reading: %S is a
// wide string) while the Windows-only names keep the Windows reading. This
// translation unit is the only one in the program built with the macro.
#define VSSEMU_NO_WIDE_PRINTF_COMPAT
#include <windows.h>

#include <cwchar>

#include <gtest/gtest.h>

namespace {

TEST(WidePrintfOptOut, StandardNamesKeepGlibcReading) {
  wchar_t buf[16];
  // Under the Windows reading %S would be narrow and print only "w".
  EXPECT_EQ(swprintf(buf, 16, L"%S", L"wide"), 4);
  EXPECT_STREQ(buf, L"wide");
  EXPECT_EQ(std::swprintf(buf, 16, L"%ls|%s", L"a", "b"), 3);
  EXPECT_STREQ(buf, L"a|b");
}

TEST(WidePrintfOptOut, WindowsOnlyNamesKeepWindowsReading) {
  wchar_t buf[16];
  EXPECT_EQ(_snwprintf(buf, 16, L"%s", L"wide"), 4);
  EXPECT_STREQ(buf, L"wide");
  EXPECT_EQ(swprintf_s(buf, L"%S", "narrow"), 6);
  EXPECT_STREQ(buf, L"narrow");
}

TEST(WidePrintfOptOut, WindowsFormsStayReachableUnderTheirVssemuNames) {
  wchar_t buf[16];
  EXPECT_EQ(vssemu_swprintf(buf, 16, L"%s", L"x"), 1);
  EXPECT_STREQ(buf, L"x");
}

}  // namespace
