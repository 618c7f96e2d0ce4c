// The Win32 error table against MinGW-w64's winerror.h (public domain),
// read at test time; skipped when the headers are not installed (Debian:
// mingw-w64-common).
#include "com/win32_error_table.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace vssemu::com {
namespace {

TEST(Win32ErrorTable, ValuesAreMinGwW64s) {
  const std::filesystem::path header = "/usr/share/mingw-w64/include/winerror.h";
  if (!std::filesystem::exists(header)) GTEST_SKIP() << header << " is not installed";
  std::ifstream in(header);
  std::map<std::string, unsigned long> defined;
  const std::regex line(R"(^#define (ERROR_[A-Z_0-9]+) (?:__MSABI_LONG\()?(\d+)L?\)?\s*$)");
  std::string text;
  while (std::getline(in, text)) {
    std::smatch m;
    if (std::regex_match(text, m, line)) defined[m[1]] = std::stoul(m[2]);
  }
  ASSERT_GT(defined.size(), 100u);
  for (const Win32ErrorInfo& e : AllWin32Errors()) {
    ASSERT_TRUE(defined.count(e.name)) << e.name;
    EXPECT_EQ(defined[e.name], e.value) << e.name;
  }
}

TEST(Win32ErrorTable, DecodesHresultFromWin32) {
  ASSERT_EQ(WrappedWin32Error(static_cast<HRESULT>(0x80070020u)), 32u);
  EXPECT_STREQ(FindWin32Error(32)->name, "ERROR_SHARING_VIOLATION");
  EXPECT_FALSE(WrappedWin32Error(static_cast<HRESULT>(0x800423F2u)).has_value());
  EXPECT_FALSE(WrappedWin32Error(static_cast<HRESULT>(0x00070020u)).has_value());
  EXPECT_EQ(FindWin32ErrorByName("error_sharing_violation")->value, 32u);
  EXPECT_EQ(FindWin32ErrorByName("ERROR_NO_SUCH_THING"), nullptr);
}

}  // namespace
}  // namespace vssemu::com
