// A machine for the Win32 function tests: C:\ backed by a temporary
// folder, D:\ without files, and E:\ mounted at C:\Mount\E\ backed by a
// folder of its own.
#ifndef VSSEMU_TESTS_WIN32_WIN32_TEST_UTIL_H_
#define VSSEMU_TESTS_WIN32_WIN32_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <windows.h>

#include <vssemu/emulator.h>

#include <filesystem>
#include <memory>
#include <string>

#include "coordinator/volume_test_util.h"

namespace vssemu::testing {

class Win32Machine : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Returns the volume GUID path of the volume mounted at mount_point.
  std::wstring GuidPathOf(const std::wstring& mount_point) const;

  std::unique_ptr<TempFolder> host_;
  std::filesystem::path c_, e_;
  std::unique_ptr<Emulator> emulator_;
};

}  // namespace vssemu::testing

#endif  // VSSEMU_TESTS_WIN32_WIN32_TEST_UTIL_H_
