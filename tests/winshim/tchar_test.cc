// A translation unit written like Microsoft's requester samples (vshadow
// among them): a UNICODE build with SAL 1 annotations on a _tmain entry
// point, generic-text names throughout. It compiles unchanged, and its
// _tmain (wmain here) runs through winshim::RunWideMain. Standard headers
// come first, as they must when VSSEMU_SAL1_IN_OUT defines __in and __out.
#include <cstdio>
#include <cwchar>
#include <string>
#include <type_traits>

#include <gtest/gtest.h>

#define VSSEMU_SAL1_IN_OUT
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>

namespace {
std::wstring g_seen;  // What the sample's _tmain saw.
}  // namespace

extern "C" int __cdecl _tmain(__in int argc, __in_ecount(argc) _TCHAR** argv) {
  TCHAR line[64] = _T("");
  for (int i = 1; i < argc; ++i) {
    if (_tcsicmp(argv[i], _T("-NOWRITERS")) == 0) {
      StringCchCat(line, _countof(line), _T("[nw]"));
    } else {
      TCHAR item[16];
      _stprintf_s(item, _T("<%s:%d>"), argv[i], _ttoi(argv[i]));
      _tcscat_s(line, item);
    }
  }
  g_seen = line;
  return argc;
}

namespace {

TEST(Tchar, UnicodeBuildsMapToTheWideFunctions) {
  static_assert(std::is_same_v<_TCHAR, wchar_t>);
  static_assert(std::is_same_v<TCHAR, wchar_t>);
  static_assert(std::is_same_v<LPCTSTR, const wchar_t*>);
  const _TCHAR* text = _T("Shadow");
  EXPECT_EQ(_tcslen(text), 6u);
  EXPECT_EQ(_tcscmp(text, L"Shadow"), 0);
  EXPECT_EQ(_tcsncmp(text, _TEXT("Shad"), 4), 0);
  EXPECT_STREQ(_tcschr(text, _T('a')), L"adow");
  EXPECT_STREQ(_tcsrchr(text, _T('o')), L"ow");
  EXPECT_STREQ(_tcsstr(text, TEXT("do")), L"dow");
  EXPECT_EQ(_totlower(_T('Q')), L'q');
  EXPECT_EQ(_ttoi(_T("17")), 17);
  TCHAR copy[8];
  EXPECT_EQ(_tcscpy_s(copy, text), 0);
  EXPECT_EQ(_tcsicmp(copy, _T("SHADOW")), 0);
}

TEST(Tchar, GenericPrintfReadsPercentSAsTheGenericString) {
  TCHAR buf[32];
  EXPECT_EQ(_stprintf_s(buf, _T("%s=%d"), _T("id"), 7), 4);
  EXPECT_STREQ(buf, L"id=7");
  FILE* f = tmpfile();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(_ftprintf(f, _T("%s!"), _T("ok")), 3);
  rewind(f);
  char back[8] = {};  // The stream holds the text's bytes, as on Windows.
  ASSERT_NE(fgets(back, 8, f), nullptr);
  EXPECT_STREQ(back, "ok!");
  fclose(f);
}

TEST(Tchar, SampleWmainRunsThroughRunWideMain) {
  char arg0[] = "vshadow";
  char arg1[] = "-nowriters";
  char arg2[] = "42";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  EXPECT_EQ(winshim::RunWideMain(3, argv, wmain), 3);
  EXPECT_EQ(g_seen, L"[nw]<42:42>");
}

}  // namespace
