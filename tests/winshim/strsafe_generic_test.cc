// strsafe's unsuffixed names follow UNICODE: StringCchCopy is
// StringCchCopyW in a UNICODE build. (The ANSI mapping is tested with
// tchar.h in tchar_ansi_test.cc.)
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <strsafe.h>

#include <type_traits>

#include <gtest/gtest.h>

namespace {

TEST(StrsafeGeneric, UnsuffixedNamesAreTheWideFormsInUnicodeBuilds) {
  static_assert(std::is_same_v<TCHAR, wchar_t>);
  TCHAR buf[8];
  EXPECT_EQ(StringCchCopy(buf, ARRAYSIZE(buf), TEXT("copy")), S_OK);
  EXPECT_EQ(StringCchCat(buf, ARRAYSIZE(buf), TEXT("!")), S_OK);
  EXPECT_EQ(StringCchPrintf(buf, ARRAYSIZE(buf), TEXT("%s%d"), TEXT("x"), 1),
            S_OK);
  EXPECT_STREQ(buf, L"x1");
  size_t n = 0;
  EXPECT_EQ(StringCchLength(buf, ARRAYSIZE(buf), &n), S_OK);
  EXPECT_EQ(n, 2u);
}

}  // namespace
