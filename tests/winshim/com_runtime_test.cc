// winshim's COM runtime: apartment counting, GUID text, deterministic GUIDs.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <tuple>

#include <windows.h>

namespace {

TEST(WinshimCom, CoInitializeExCountsPerThread) {
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_OK);
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_FALSE);
  CoUninitialize();
  CoUninitialize();
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_OK);
  CoUninitialize();
}

TEST(WinshimCom, StringFromGuid2WritesBracedUpperCase) {
  const GUID g = {0x5affb034, 0x969f, 0x4919,
                  {0x88, 0x75, 0x88, 0xf8, 0x30, 0xd0, 0xef, 0x89}};
  WCHAR buf[39];
  EXPECT_EQ(StringFromGUID2(g, buf, 39), 39);
  EXPECT_EQ(std::wstring(buf), L"{5AFFB034-969F-4919-8875-88F830D0EF89}");
  EXPECT_EQ(StringFromGUID2(g, buf, 38), 0);
}

TEST(WinshimCom, ClsidFromStringParsesWhatStringFromGuid2Writes) {
  const GUID g = {0x01234567, 0x89ab, 0xcdef,
                  {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}};
  WCHAR buf[39];
  StringFromGUID2(g, buf, 39);
  CLSID parsed;
  ASSERT_EQ(CLSIDFromString(buf, &parsed), S_OK);
  EXPECT_TRUE(IsEqualGUID(parsed, g));
  EXPECT_EQ(CLSIDFromString(L"{not-a-guid}", &parsed), E_INVALIDARG);
}

TEST(WinshimCom, CoCreateGuidIsDeterministicForASeed) {
  auto draw = [] {
    winshim::SetGuidSeed(42);
    GUID a, b;
    CoCreateGuid(&a);
    CoCreateGuid(&b);
    return std::make_tuple(a, b);
  };
  auto [a1, b1] = draw();
  auto [a2, b2] = draw();
  EXPECT_EQ(a1, a2);
  EXPECT_EQ(b1, b2);
  EXPECT_NE(a1, b1);
  EXPECT_EQ(a1.Data3 >> 12, 4);          // Version 4.
  EXPECT_EQ(a1.Data4[0] & 0xC0, 0x80);   // RFC 4122 variant.
}

TEST(WinshimCom, HresultMacrosMatchWindows) {
  EXPECT_TRUE(SUCCEEDED(S_FALSE));
  EXPECT_TRUE(FAILED(E_FAIL));
  EXPECT_EQ(HRESULT_FROM_WIN32(5), E_ACCESSDENIED);
  EXPECT_EQ(sizeof(LONG), 4u);
  EXPECT_EQ(sizeof(HRESULT), 4u);
  EXPECT_EQ(sizeof(GUID), 16u);
}

HRESULT InitializeSecurity() {
  return CoInitializeSecurity(nullptr, -1, nullptr, nullptr,
                              RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                              RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE,
                              nullptr);
}

TEST(WinshimCom, ANewComProcessAcceptsCoInitializeSecurityAgain) {
  winshim::StartComProcess();
  EXPECT_EQ(InitializeSecurity(), S_OK);
  EXPECT_EQ(InitializeSecurity(), RPC_E_TOO_LATE);
  CoUninitialize();  // Leaving COM does not end the process.
  EXPECT_EQ(InitializeSecurity(), RPC_E_TOO_LATE);
  winshim::StartComProcess();
  EXPECT_EQ(InitializeSecurity(), S_OK);
}

TEST(WinshimCom, ANewComProcessStartsEveryThreadOutsideCom) {
  winshim::StartComProcess();
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_OK);
  HRESULT other_before = E_FAIL, other_after = E_FAIL;
  std::thread other([&] {
    other_before = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    winshim::StartComProcess();
    other_after = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  });
  other.join();
  EXPECT_EQ(other_before, S_OK);
  EXPECT_EQ(other_after, S_OK);
  // This thread entered COM in the previous process, never left, and is
  // outside COM in the new one all the same.
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_OK);
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_FALSE);
  CoUninitialize();
  CoUninitialize();
}

}  // namespace
