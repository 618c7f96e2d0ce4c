// Cross-checks the numbers of our SDK mirror headers against the
// public-domain MinGW-w64 headers, read and parsed at test time: every VSS
// HRESULT of vsserror.h, every enumerator of vss.h, vswriter.h, vsbackup.h
// and vsmgmt.h, the interface IIDs and CLSIDs, and the method order of every
// interface both declare. A MinGW name that our headers lack fails too,
// unless it is on the deliberate-omission list below. Our side is the
// compiled list of sdk_values_list.h (method order: our header text); the
// headers are read with tests/support/header_scan.h.
//
// The tests skip when the MinGW-w64 headers are not installed (Debian and
// Ubuntu: package mingw-w64-common). VSSEMU_MINGW_INCLUDE_DIR, when set,
// names the directory holding the headers of kHeaders.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "com/guid_format.h"
#include "sdk_values_list.h"
#include "support/header_scan.h"

namespace vssemu::sdk_test {
namespace {

namespace fs = std::filesystem;

using test_support::Declarations;
using test_support::Lines;
using test_support::ParseHeaderFiles;
using test_support::ValueMap;

// The headers compared, in include order.
const std::vector<std::string> kHeaders = {"vsserror.h", "vss.h", "vswriter.h",
                                           "vsbackup.h", "vsmgmt.h"};

// MinGW names that our headers leave out on purpose; they are neither
// compared nor reported as missing. Any other MinGW name we lack fails.
const std::set<std::string> kDeliberatelyOmitted = {
    // vsprov.h (the provider side) is not mirrored yet. It is not parsed
    // here, so its names cannot appear; list any that vss.h starts to carry.
};

// --- Comparing -------------------------------------------------------------

std::string Show(uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%08X", static_cast<unsigned>(value));
  return buf;
}

std::string Show(const GUID& iid) {
  return vssemu::com::FormatGuid(iid, vssemu::com::GuidStyle::kBracedUpper);
}

struct Differences {
  std::vector<std::string> mismatched;  // "NAME: ours X, MinGW Y"
  std::vector<std::string> missing;     // MinGW names we do not declare.
};

// Compares every name of theirs (MinGW's unless told) with ours, except the
// deliberately omitted.
template <typename Value>
Differences Compare(const std::map<std::string, Value>& mingw,
                    const std::map<std::string, Value>& ours,
                    const std::set<std::string>& omitted,
                    const std::string& theirs_label = "MinGW") {
  Differences d;
  for (const auto& [name, theirs] : mingw) {
    if (omitted.count(name)) continue;
    auto it = ours.find(name);
    if (it == ours.end()) {
      d.missing.push_back(name);
    } else if (!(it->second == theirs)) {
      d.mismatched.push_back(name + ": ours " + Show(it->second) + ", " +
                             theirs_label + " " + Show(theirs));
    }
  }
  return d;
}

// --- The comparison on known input ---------------------------------------

TEST(MingwParser, ComparisonNamesEveryMismatchAndMissingName) {
  const ValueMap mingw = {
      {"SAME", 1}, {"WRONG", 2}, {"ONLY_IN_MINGW", 3}, {"OMITTED", 4}};
  const ValueMap ours = {{"SAME", 1}, {"WRONG", 7}, {"ONLY_OURS", 5}};
  Differences d = Compare(mingw, ours, {"OMITTED"});
  EXPECT_EQ(
      d.mismatched,
      (std::vector<std::string>{"WRONG: ours 0x00000007, MinGW 0x00000002"}));
  EXPECT_EQ(d.missing, (std::vector<std::string>{"ONLY_IN_MINGW"}));
}

// --- Our headers against themselves --------------------------------------

// Returns what our SDK mirror headers declare, parsed from their text.
Declarations OurHeaders() {
  return ParseHeaderFiles(test_support::SourceDir() / "emulator/include/sdk",
                          kHeaders);
}

TEST(SdkMirror, ValueListHasEveryEnumeratorAndHresultOfOurHeaders) {
  // Keeps kOurValues complete, so that what MinGW lacks is still compared
  // here: the values parsed from our header text equal the compiled ones.
  Declarations parsed = OurHeaders();
  EXPECT_TRUE(parsed.errors.empty()) << Lines(parsed.errors);
  ASSERT_GE(parsed.enumerators.size(), 150u);
  ASSERT_GE(parsed.hresults.size(), 80u);
  ValueMap all = parsed.enumerators;
  all.insert(parsed.hresults.begin(), parsed.hresults.end());
  Differences d = Compare(all, OurValues(), {}, "header text");
  EXPECT_TRUE(d.mismatched.empty()) << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "add to kOurValues (sdk_values_list.cc):" << Lines(d.missing);
  EXPECT_EQ(all.size(), OurValues().size());
}

TEST(SdkMirror, MidlInterfaceTextMatchesTheIidConstant) {
  // MSVC reads the MIDL_INTERFACE text, other compilers the IID_ numbers;
  // both must name the same IID.
  Declarations parsed = OurHeaders();
  EXPECT_TRUE(parsed.errors.empty()) << Lines(parsed.errors);
  Differences d = Compare(parsed.iids, OurIids(), {}, "MIDL_INTERFACE text");
  EXPECT_TRUE(d.mismatched.empty()) << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "add to kOurIids (sdk_values_list.cc):" << Lines(d.missing);
  EXPECT_EQ(parsed.iids.size(), OurIids().size());
}

// --- Locating MinGW-w64 ----------------------------------------------------

// Returns $VSSEMU_MINGW_INCLUDE_DIR when set, else the first usual MinGW-w64
// include directory; nullopt unless the directory holds all of kHeaders.
std::optional<fs::path> MingwIncludeDir() {
  std::vector<fs::path> candidates;
  if (const char* dir = std::getenv("VSSEMU_MINGW_INCLUDE_DIR")) {
    candidates.emplace_back(dir);  // An explicit choice: the only candidate.
  } else {
    for (const char* dir :
         {"/usr/share/mingw-w64/include", "/usr/x86_64-w64-mingw32/include",
          "/usr/i686-w64-mingw32/include", "/mingw64/include"}) {
      candidates.emplace_back(dir);
    }
  }
  for (const fs::path& dir : candidates) {
    bool complete = true;
    for (const std::string& header : kHeaders) {
      std::error_code ec;
      complete = complete && fs::is_regular_file(dir / header, ec);
    }
    if (complete) return dir;
  }
  return std::nullopt;
}

// Parses the MinGW headers once per process.
class MingwValues : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Mingw()) {
      GTEST_SKIP() << "MinGW-w64 VSS headers not found (install "
                      "mingw-w64-common, or set VSSEMU_MINGW_INCLUDE_DIR)";
    }
    ASSERT_TRUE(Mingw()->errors.empty())
        << "could not parse the MinGW headers in " << *MingwIncludeDir() << ":"
        << Lines(Mingw()->errors);
  }

  static const Declarations* Mingw() {
    static const std::optional<Declarations> parsed =
        []() -> std::optional<Declarations> {
      std::optional<fs::path> dir = MingwIncludeDir();
      if (!dir) return std::nullopt;
      return ParseHeaderFiles(*dir, kHeaders);
    }();
    return parsed ? &*parsed : nullptr;
  }
};

// --- Our headers against MinGW-w64 ------------------------------------------

TEST_F(MingwValues, HresultsMatch) {
  // Guards against a parser that silently stops matching.
  ASSERT_GE(Mingw()->hresults.size(), 80u);
  Differences d = Compare(Mingw()->hresults, OurValues(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "values differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW declares, our vsserror.h does not:" << Lines(d.missing);
}

TEST_F(MingwValues, EnumeratorsMatch) {
  ASSERT_GE(Mingw()->enumerators.size(), 150u);
  Differences d =
      Compare(Mingw()->enumerators, OurValues(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "values differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW declares, our headers do not:" << Lines(d.missing);
}

TEST_F(MingwValues, InterfaceIidsMatch) {
  ASSERT_GE(Mingw()->iids.size(), 20u);
  Differences d = Compare(Mingw()->iids, OurIids(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "IIDs differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW gives an IID, our headers do not:" << Lines(d.missing);
}

TEST_F(MingwValues, ClsidsMatch) {
  // MinGW declares class ids with DEFINE_GUID; its other DEFINE_GUIDs (the
  // IID_ twins of MIDL_INTERFACE, a type library id) are not compared here.
  test_support::IidMap mingw_clsids;
  for (const auto& [name, guid] : Mingw()->guids) {
    if (name.rfind("CLSID_", 0) == 0) mingw_clsids[name] = guid;
  }
  ASSERT_GE(mingw_clsids.size(), 1u);
  Differences d = Compare(mingw_clsids, OurClsids(), kDeliberatelyOmitted);
  EXPECT_TRUE(d.mismatched.empty()) << "CLSIDs differ:" << Lines(d.mismatched);
  EXPECT_TRUE(d.missing.empty())
      << "MinGW declares, our headers do not:" << Lines(d.missing);
}

TEST_F(MingwValues, MethodsAreInTheSameVtableOrder) {
  // Every interface declared with MIDL_INTERFACE on both sides lists the same
  // methods in the same order; the interfaces we declare as plain classes
  // (IVssWMFiledesc, IVssWriterComponents, ...) are not compared here.
  Declarations ours = OurHeaders();
  ASSERT_TRUE(ours.errors.empty()) << Lines(ours.errors);
  std::vector<std::string> differences;
  size_t compared = 0;
  for (const auto& [name, our_methods] : ours.methods) {
    auto theirs = Mingw()->methods.find(name);
    if (theirs == Mingw()->methods.end()) continue;
    ++compared;
    if (our_methods != theirs->second) {
      std::string line = name + ": ours";
      for (const std::string& m : our_methods) line += " " + m;
      line += "; MinGW";
      for (const std::string& m : theirs->second) line += " " + m;
      differences.push_back(line);
    }
  }
  EXPECT_GE(compared, 20u);
  EXPECT_TRUE(differences.empty()) << Lines(differences);
  for (const char* mgmt :
       {"IVssEnumMgmtObject", "IVssSnapshotMgmt", "IVssSnapshotMgmt2",
        "IVssDifferentialSoftwareSnapshotMgmt",
        "IVssDifferentialSoftwareSnapshotMgmt2",
        "IVssDifferentialSoftwareSnapshotMgmt3"}) {
    EXPECT_EQ(ours.methods.count(mgmt), 1u) << mgmt;
    EXPECT_EQ(Mingw()->methods.count(mgmt), 1u) << mgmt;
  }
}

TEST_F(MingwValues, EveryOmissionIsStillDeclaredByMingw) {
  // An entry MinGW no longer declares (or that we now declare) is stale.
  for (const std::string& name : kDeliberatelyOmitted) {
    EXPECT_TRUE(Mingw()->hresults.count(name) ||
                Mingw()->enumerators.count(name) ||
                Mingw()->iids.count(name) || Mingw()->guids.count(name))
        << name << " is not in the MinGW headers";
    EXPECT_FALSE(OurValues().count(name) || OurIids().count(name) ||
                 OurClsids().count(name))
        << name << " is declared by our headers after all";
  }
}

}  // namespace
}  // namespace vssemu::sdk_test
