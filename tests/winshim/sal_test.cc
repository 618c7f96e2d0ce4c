// SAL annotations compile to nothing: declarations written as in
// Microsoft's samples and SDK headers, with SAL 2 and SAL 1 names, build and
// run. The C and C++ headers come after <windows.h> on purpose: the names
// they use (libstdc++'s __in and __out parameters, <link.h>'s __callback,
// <linux/stat.h>'s __reserved field) must not be touched by default.
#include <windows.h>

#include <link.h>
#include <sys/stat.h>

#include <algorithm>
#include <cwchar>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

_Success_(return != FALSE)
_Must_inspect_result_
BOOL CopyName(_In_z_ const WCHAR* source,
              _Out_writes_z_(cch_dest) WCHAR* dest,
              _In_ size_t cch_dest,
              _Out_opt_ size_t* copied) {
  if (wcscpy_s(dest, cch_dest, source) != 0) return FALSE;
  if (copied != NULL) *copied = wcslen(dest);
  return TRUE;
}

_Check_return_
HRESULT SumBytes(_In_reads_bytes_(cb) const BYTE* data, _In_ DWORD cb,
                 _Inout_ DWORD* total) {
  for (DWORD i = 0; i < cb; ++i) *total += data[i];
  return S_OK;
}

_Ret_maybenull_ const WCHAR* FindDot(_In_opt_z_ const WCHAR* s) {
  return s == NULL ? NULL : wcschr(s, L'.');
}

// SAL 1, as the older samples (vshadow among them) write it.
HRESULT FillCounts(__in_ecount(count) const LONG* values, __in_opt DWORD count,
                   __out_ecount_part(count, *written) LONG* out,
                   __deref_out_range(0, count) DWORD* written) {
  for (DWORD i = 0; i < count; ++i) out[i] = values[i];
  *written = count;
  return S_OK;
}

struct AnnotatedInterface {
  // A COM-style method with out-pointer annotations.
  virtual HRESULT STDMETHODCALLTYPE GetName(_COM_Outptr_ IUnknown** unknown,
                                            _Outptr_result_maybenull_ BSTR* name,
                                            _Inout_opt_ LONG* flags) = 0;
  virtual ~AnnotatedInterface() = default;
};

TEST(Sal, AnnotatedFunctionsCompileAndRun) {
  WCHAR dest[8];
  size_t copied = 0;
  EXPECT_TRUE(CopyName(L"vss", dest, _countof(dest), &copied));
  EXPECT_EQ(copied, 3u);
  const BYTE bytes[] = {1, 2, 3};
  DWORD total = 0;
  EXPECT_EQ(SumBytes(bytes, 3, &total), S_OK);
  EXPECT_EQ(total, 6u);
  EXPECT_STREQ(FindDot(L"a.b"), L".b");
  const LONG values[] = {5, 6};
  LONG out[2];
  DWORD written = 0;
  EXPECT_EQ(FillCounts(values, 2, out, &written), S_OK);
  EXPECT_EQ(written, 2u);
  _Analysis_assume_(total == 6);
  __analysis_assume(total == 6);
}

TEST(Sal, AnnotationsExpandToNothing) {
  // An annotation between a type and a name leaves the declaration intact.
  int _In_ plain = 1;
  int __inout_opt other = 2;
  EXPECT_EQ(plain + other, 3);
  static_assert(sizeof(int _Out_writes_(4)) == sizeof(int));
}

TEST(Sal, HeadersAfterWindowsHKeepTheirNames) {
  std::vector<int> in = {1, 2, 3, 4};
  std::vector<int> out;
  std::mt19937 random(7);
  // std::sample names a parameter __out in libstdc++.
  std::sample(in.begin(), in.end(), std::back_inserter(out), 2, random);
  EXPECT_EQ(out.size(), 2u);
  struct stat info;
  EXPECT_EQ(stat("/", &info), 0);
}

}  // namespace
