// winshim BSTRs behave like oleaut32's: length-prefixed, NUL-terminated,
// embedded NULs kept, NULL tolerated, and counted while alive.
#include <gtest/gtest.h>

#include <cstring>

#include <windows.h>

namespace {

TEST(WinshimBstr, SysAllocStringCopiesAndTerminates) {
  BSTR b = SysAllocString(L"writer");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(SysStringLen(b), 6u);
  EXPECT_EQ(SysStringByteLen(b), 6u * sizeof(WCHAR));
  EXPECT_EQ(std::wcscmp(b, L"writer"), 0);
  EXPECT_EQ(b[6], L'\0');
  SysFreeString(b);
}

TEST(WinshimBstr, LengthPrefixPrecedesTheCharacters) {
  BSTR b = SysAllocString(L"abc");
  DWORD prefix;
  std::memcpy(&prefix, reinterpret_cast<const char*>(b) - sizeof(DWORD),
              sizeof(DWORD));
  EXPECT_EQ(prefix, 3u * sizeof(WCHAR));
  SysFreeString(b);
}

TEST(WinshimBstr, EmbeddedNulsAreKept) {
  const WCHAR text[] = {L'a', L'\0', L'b'};
  BSTR b = SysAllocStringLen(text, 3);
  EXPECT_EQ(SysStringLen(b), 3u);
  EXPECT_EQ(b[2], L'b');
  SysFreeString(b);
}

TEST(WinshimBstr, NullIsTheEmptyString) {
  EXPECT_EQ(SysAllocString(nullptr), nullptr);
  EXPECT_EQ(SysStringLen(nullptr), 0u);
  SysFreeString(nullptr);  // Must not crash.
}

TEST(WinshimBstr, LiveCounterTracksAllocations) {
  long before = winshim::LiveBstrCount();
  BSTR a = SysAllocString(L"x");
  BSTR b = SysAllocStringLen(nullptr, 4);
  EXPECT_EQ(winshim::LiveBstrCount(), before + 2);
  EXPECT_EQ(SysStringLen(b), 4u);
  SysFreeString(a);
  SysFreeString(b);
  EXPECT_EQ(winshim::LiveBstrCount(), before);
}

TEST(WinshimBstr, ReAllocReplacesTheString) {
  BSTR b = SysAllocString(L"old");
  ASSERT_TRUE(SysReAllocString(&b, L"newer"));
  EXPECT_EQ(SysStringLen(b), 5u);
  EXPECT_EQ(std::wcscmp(b, L"newer"), 0);
  SysFreeString(b);
}

}  // namespace
