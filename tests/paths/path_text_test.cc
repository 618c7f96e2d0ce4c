// The text of VSS paths: ASCII case folding and UTF-8 both ways, the same
// on every host whatever its locale.
#include "paths/path_text.h"

#include <gtest/gtest.h>

#include <string>

namespace vssemu::paths {
namespace {

TEST(PathText, FoldingChangesAsciiLettersOnly) {
  EXPECT_EQ(FoldCase(std::wstring_view(L"abc\u00e9xyz")), L"ABC\u00e9XYZ");
  EXPECT_TRUE(EqualsFolded(L"C:\\Data", L"c:\\DATA"));
  EXPECT_FALSE(EqualsFolded(L"\u00e9", L"\u00c9"));
  EXPECT_TRUE(StartsWithFolded(L"c:\\mount\\x", L"C:\\Mount"));
  EXPECT_FALSE(StartsWithFolded(L"C:", L"C:\\"));
}

TEST(PathText, WideTextRoundTripsThroughUtf8) {
  const std::wstring text = L"caf\u00e9 \u65e5\u672c \U0001F600";
  const std::string utf8 = WideToUtf8(text);
  EXPECT_EQ(utf8, "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
  EXPECT_EQ(Utf8ToWide(utf8), text);
  EXPECT_EQ(WideFromPath(PathFromWide(text)), text);
}

TEST(PathText, MalformedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(Utf8ToWide("a\xFF" "b"), L"a\uFFFDb");
  EXPECT_EQ(Utf8ToWide("a\xC3"), L"a\uFFFD");
  EXPECT_EQ(Utf8ToWide("\xC0\x80"), L"\uFFFD");  // Overlong NUL.
}

}  // namespace
}  // namespace vssemu::paths
