// The HRESULT table: complete (every macro of our vsserror.h, read from the
// header at test time), consistent (unique names and values, sorted by name),
// usable in both directions (value to name, name to value, in any case), and
// telling for every code who raises it and what a requester should do.
#include "com/hresult_table.h"

#include <gtest/gtest.h>
#include <vsserror.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
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
    EXPECT_EQ(info.name_size, std::string(info.name).size()) << info.name;
    EXPECT_EQ(HresultText(info.value).view(), info.name);
    EXPECT_NE(std::string(info.meaning), "") << info.name;
    EXPECT_EQ(std::string(info.meaning).find('\n'), std::string::npos)
        << info.name << ": meanings are one line";
  }
}

TEST(HresultTable, EveryEntryTellsWhoRaisesItAndWhatToDo) {
  for (const HresultInfo& info : AllHresults()) {
    ASSERT_NE(info.raised_by, nullptr) << info.name;
    ASSERT_NE(info.requester_action, nullptr) << info.name;
    const std::string raised_by = info.raised_by;
    const std::string action = info.requester_action;
    EXPECT_NE(raised_by, "") << info.name;
    EXPECT_NE(action, "") << info.name;
    EXPECT_EQ(raised_by.find('\n'), std::string::npos)
        << info.name << ": raised_by is one line";
    EXPECT_EQ(action.find('\n'), std::string::npos)
        << info.name << ": requester_action is one line";
    EXPECT_NE(raised_by, action) << info.name;
  }
}

// Returns the entry named name; fails the test when there is none.
const HresultInfo& Entry(const char* name) {
  std::optional<HRESULT> value = HresultFromName(name);
  EXPECT_TRUE(value.has_value()) << name;
  static const HresultInfo kMissing{};
  const HresultInfo* info = value ? FindHresult(*value) : nullptr;
  return info != nullptr ? *info : kMissing;
}

// Holds when text contains every one of words.
::testing::AssertionResult Mentions(const char* text,
                                    std::initializer_list<const char*> words) {
  if (text == nullptr) return ::testing::AssertionFailure() << "no text";
  for (const char* word : words) {
    if (std::string(text).find(word) == std::string::npos) {
      return ::testing::AssertionFailure()
             << "\"" << text << "\" does not mention \"" << word << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(HresultTable, WriterTimeoutComesFromTheWriterOrTheFreezeWindow) {
  const HresultInfo& info = Entry("VSS_E_WRITERERROR_TIMEOUT");
  EXPECT_TRUE(Mentions(info.raised_by, {"SetWriterFailure", "VSS service",
                                        "coordinator", "freeze window"}));
  EXPECT_TRUE(
      Mentions(info.requester_action, {"load", "ten minutes", "three times"}));
}

TEST(HresultTable, SnapshotSetInProgressSaysWaitAndRetry) {
  const HresultInfo& info = Entry("VSS_E_SNAPSHOT_SET_IN_PROGRESS");
  EXPECT_TRUE(Mentions(info.raised_by, {"StartSnapshotSet"}));
  EXPECT_TRUE(Mentions(info.requester_action, {"Wait", "retry"}));
}

TEST(HresultTable, WriterFailureCodesNameTheWriterAsTheirSource) {
  for (const char* name :
       {"VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT",
        "VSS_E_WRITERERROR_OUTOFRESOURCES", "VSS_E_WRITERERROR_TIMEOUT",
        "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_NONRETRYABLE"}) {
    EXPECT_TRUE(Mentions(Entry(name).raised_by, {"writer", "SetWriterFailure"}))
        << name;
  }
  EXPECT_TRUE(Mentions(Entry("VSS_E_WRITERERROR_PARTIAL_FAILURE").raised_by,
                       {"SetWriterFailureEx"}));
  EXPECT_TRUE(
      Mentions(Entry("VSS_E_WRITERERROR_PARTIAL_FAILURE").requester_action,
               {"GetFailure"}));
}

TEST(HresultTable, RetryGuidanceFollowsTheDocumentation) {
  // Wait ten minutes, retry at most three times.
  for (const char* name :
       {"VSS_E_WRITERERROR_OUTOFRESOURCES", "VSS_E_WRITERERROR_TIMEOUT",
        "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_FLUSH_WRITES_TIMEOUT",
        "VSS_E_HOLD_WRITES_TIMEOUT", "VSS_E_PROVIDER_VETO",
        "VSS_E_UNEXPECTED_PROVIDER_ERROR"}) {
    EXPECT_TRUE(
        Mentions(Entry(name).requester_action, {"ten minutes", "three times"}))
        << name;
  }
  // Severe: do not retry with VSS.
  for (const char* name :
       {"VSS_E_WRITERERROR_NONRETRYABLE", "VSS_E_WRITER_NOT_RESPONDING"}) {
    EXPECT_TRUE(Mentions(Entry(name).requester_action, {"not retry"})) << name;
  }
  EXPECT_TRUE(Mentions(Entry("VSS_E_WRITER_NOT_RESPONDING").raised_by,
                       {"VSS service"}));
  EXPECT_TRUE(
      Mentions(Entry("VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT").requester_action,
               {"volumes"}));
}

TEST(HresultTable, CommonComCodesSayWhenVssReturnsThem) {
  EXPECT_TRUE(Mentions(Entry("E_INVALIDARG").raised_by, {"NULL"}));
  EXPECT_TRUE(Mentions(Entry("E_ACCESSDENIED").raised_by,
                       {"CreateVssBackupComponents", "privilege"}));
  EXPECT_TRUE(Mentions(Entry("E_NOTIMPL").raised_by, {"SetContext"}));
  EXPECT_TRUE(
      Mentions(Entry("VSS_E_UNEXPECTED_PROVIDER_ERROR").raised_by, {"E_FAIL"}));
}

TEST(HresultTable, NamesAreFoundInAnyCase) {
  EXPECT_EQ(HresultFromNameIgnoringCase("vss_e_bad_state"), VSS_E_BAD_STATE);
  EXPECT_EQ(HresultFromNameIgnoringCase("Vss_E_WriterError_Timeout"),
            VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_EQ(HresultFromNameIgnoringCase("s_ok"), S_OK);
  EXPECT_EQ(HresultFromNameIgnoringCase("E_INVALIDARG"), E_INVALIDARG);
  for (const HresultInfo& info : AllHresults()) {
    std::string lower = info.name;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    EXPECT_EQ(HresultFromNameIgnoringCase(lower), info.value) << lower;
    EXPECT_EQ(HresultFromNameIgnoringCase(info.name), info.value) << info.name;
  }
  EXPECT_FALSE(HresultFromNameIgnoringCase("").has_value());
  EXPECT_FALSE(HresultFromNameIgnoringCase("vss_e_bad_stat").has_value());
  EXPECT_FALSE(HresultFromNameIgnoringCase("vss_e_bad_state_").has_value());
  EXPECT_FALSE(HresultFromNameIgnoringCase("zzz").has_value());
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
  // HresultFromName is exact; HresultFromNameIgnoringCase is not.
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
