// Every vssemu::Emulator is a new machine, so the program it runs is a new
// process for COM: a requester that starts COM the way vshadow does (and
// stops when CoInitializeSecurity fails) runs again in the next test, or in
// a restore after a backup, within one host process.
#include <gtest/gtest.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

// COM start-up as Microsoft's vshadow sample does it; never leaves COM, as
// a program that exits without CoUninitialize.
HRESULT StartComAsVshadowDoes() {
  HRESULT hr = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  if (FAILED(hr)) return hr;
  return CoInitializeSecurity(nullptr, -1, nullptr, nullptr,
                              RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                              RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE,
                              nullptr);
}

TEST(ComProcess, EachEmulatorRunsItsProgramInANewComProcess) {
#if defined(_WIN32)
  GTEST_SKIP() << "the real COM runtime keeps its state for the host process";
#endif
  {
    Emulator backup_machine;
    EXPECT_EQ(StartComAsVshadowDoes(), S_OK);
    EXPECT_EQ(StartComAsVshadowDoes(), RPC_E_TOO_LATE);  // Same process.
  }
  Emulator restore_machine;
  EXPECT_EQ(StartComAsVshadowDoes(), S_OK);
  Requester r;
  EXPECT_EQ(r.Init(), S_OK);
}

}  // namespace
}  // namespace vssemu::testing
