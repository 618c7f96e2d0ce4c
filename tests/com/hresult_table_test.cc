// The HRESULT table: complete (every macro of our vsserror.h, read from the
// header at test time), consistent (unique names and values, sorted by name)
// and usable in both directions (value to name, name to value).
#include "com/hresult_table.h"

#include <gtest/gtest.h>
#include <vsserror.h>

#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/header_scan.h"

namespace vssemu::com {
namespace {

using test_support::ReadFile;
using test_support::SourceDir;

// Returns the HRESULT macros of our vsserror.h, read by the header scanner
// (which joins definitions continued with a backslash).
std::map<std::string, uint32_t> OurVsserrorMacros() {
  return test_support::ParseHeaderFiles(SourceDir() / "emulator/include/sdk",
                                        {"vsserror.h"})
      .hresults;
}

TEST(HresultTable, EveryEntryHasANameAndAMeaning) {
  ASSERT_FALSE(AllHresults().empty());
  for (const HresultInfo& info : AllHresults()) {
    ASSERT_NE(info.name, nullptr);
    ASSERT_NE(info.meaning, nullptr);
    EXPECT_NE(std::string(info.name), "");
    EXPECT_NE(std::string(info.meaning), "") << info.name;
    EXPECT_EQ(std::string(info.meaning).find('\n'), std::string::npos)
        << info.name << ": meanings are one line";
  }
}

TEST(HresultTable, NamesAndValuesAreUnique) {
  std::set<std::string> names;
  std::map<uint32_t, std::string> values;
  for (const HresultInfo& info : AllHresults()) {
    EXPECT_TRUE(names.insert(info.name).second) << "twice: " << info.name;
    auto [it, inserted] =
        values.emplace(static_cast<uint32_t>(info.value), info.name);
    EXPECT_TRUE(inserted) << info.name << " has the value of " << it->second;
  }
}

TEST(HresultTable, IsSortedByName) {
  std::span<const HresultInfo> all = AllHresults();
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(std::string(all[i - 1].name), std::string(all[i].name));
  }
}

TEST(HresultTable, SuccessAndFailureTwinsOfSomeSnapshotsNotImported) {
  EXPECT_STREQ(HresultName(VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED),
               "VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED");
  EXPECT_STREQ(HresultName(VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED),
               "VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED");
  EXPECT_EQ(static_cast<uint32_t>(VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED),
            0x00042321u);
  EXPECT_EQ(static_cast<uint32_t>(VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED),
            0x80042321u);
}

TEST(HresultTable, NameAndValueRoundTrip) {
  for (const HresultInfo& info : AllHresults()) {
    std::optional<HRESULT> value = HresultFromName(info.name);
    ASSERT_TRUE(value.has_value()) << info.name;
    EXPECT_EQ(*value, info.value) << info.name;
    EXPECT_STREQ(HresultName(info.value), info.name);
    EXPECT_EQ(HresultToString(info.value), info.name);
    EXPECT_STREQ(HresultMeaning(info.value), info.meaning);
    EXPECT_EQ(FindHresult(info.value), &info);
  }
}

TEST(HresultTable, KnowsTheCommonComCodes) {
  EXPECT_EQ(HresultToString(S_OK), "S_OK");
  EXPECT_EQ(HresultToString(S_FALSE), "S_FALSE");
  EXPECT_EQ(HresultToString(E_FAIL), "E_FAIL");
  EXPECT_EQ(HresultToString(E_OUTOFMEMORY), "E_OUTOFMEMORY");
  EXPECT_EQ(HresultFromName("E_ACCESSDENIED"), E_ACCESSDENIED);
  EXPECT_EQ(HresultFromName("E_HANDLE"), E_HANDLE);
}

TEST(HresultTable, UnknownCodesPrintAsHex) {
  EXPECT_EQ(HresultToString(static_cast<HRESULT>(0x8004FFFF)), "0x8004FFFF");
  EXPECT_EQ(HresultToString(static_cast<HRESULT>(0x00000002)), "0x00000002");
  EXPECT_EQ(HresultName(static_cast<HRESULT>(0x8004FFFF)), nullptr);
  EXPECT_EQ(HresultMeaning(static_cast<HRESULT>(0x8004FFFF)), nullptr);
  EXPECT_EQ(FindHresult(static_cast<HRESULT>(0x8004FFFF)), nullptr);
}

TEST(HresultTable, UnknownNamesAreNotFound) {
  EXPECT_FALSE(HresultFromName("").has_value());
  EXPECT_FALSE(HresultFromName("VSS_E_NO_SUCH_CODE").has_value());
  EXPECT_FALSE(HresultFromName("vss_e_bad_state").has_value());
  EXPECT_FALSE(HresultFromName("VSS_E_BAD_STAT").has_value());
  EXPECT_FALSE(HresultFromName("ZZZ").has_value());
}

TEST(HresultTable, MacroScannerJoinsContinuedDefinitions) {
  test_support::Declarations d = test_support::ParseHeaders(
      {"#define VSS_E_A_LONG_NAME \\\n  ((HRESULT)0x80042414L)\n"
       "#define VSS_S_SHORT ((HRESULT)0x00042309L)\n"
       "#define NOT_AN_HRESULT 42\n"});
  EXPECT_TRUE(d.errors.empty()) << test_support::Lines(d.errors);
  EXPECT_EQ(d.hresults,
            (std::map<std::string, uint32_t>{{"VSS_E_A_LONG_NAME", 0x80042414u},
                                             {"VSS_S_SHORT", 0x00042309u}}));
}

TEST(HresultTable, CoversEveryMacroOfVsserrorH) {
  std::map<std::string, uint32_t> macros = OurVsserrorMacros();
  // Guards against a missing header or a scanner that stops matching.
  ASSERT_GE(macros.size(), 80u) << "read from " << SourceDir();
  EXPECT_TRUE(macros.count(
      "VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION"))
      << "the definition continued with a backslash was not read";
  // Every VSS_ macro must have been read with a value, whatever its form.
  const std::string text =
      ReadFile(SourceDir() / "emulator/include/sdk/vsserror.h");
  static const std::regex kAnyVssDefine(R"(#[ \t]*define[ \t]+(VSS_\w+))");
  for (std::sregex_iterator it(text.begin(), text.end(), kAnyVssDefine), end;
       it != end; ++it) {
    EXPECT_TRUE(macros.count((*it)[1]))
        << "cannot read the value of " << (*it)[1];
  }

  std::vector<std::string> missing;
  for (const auto& [name, value] : macros) {
    std::optional<HRESULT> ours = HresultFromName(name);
    if (!ours.has_value()) {
      missing.push_back(name);
      continue;
    }
    EXPECT_EQ(static_cast<uint32_t>(*ours), value) << name;
  }
  EXPECT_TRUE(missing.empty())
      << "not in the HRESULT table: " << ::testing::PrintToString(missing);
}

TEST(HresultTable, HoldsOnlyVsserrorCodesAndTheCommonComCodes) {
  std::map<std::string, uint32_t> macros = OurVsserrorMacros();
  ASSERT_FALSE(macros.empty()) << "vsserror.h not found under " << SourceDir();
  const std::set<std::string> common = {
      "S_OK",           "S_FALSE",  "E_NOTIMPL",     "E_NOINTERFACE",
      "E_POINTER",      "E_ABORT",  "E_FAIL",        "E_UNEXPECTED",
      "E_ACCESSDENIED", "E_HANDLE", "E_OUTOFMEMORY", "E_INVALIDARG"};
  for (const HresultInfo& info : AllHresults()) {
    EXPECT_TRUE(macros.count(info.name) || common.count(info.name))
        << info.name << " is neither in vsserror.h nor a common COM code";
  }
  EXPECT_EQ(AllHresults().size(), macros.size() + common.size());
}

}  // namespace
}  // namespace vssemu::com
