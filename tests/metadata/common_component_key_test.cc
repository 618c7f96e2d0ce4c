// A component's key matches exactly and case-sensitively, on both parts.
#include <gtest/gtest.h>

#include <string>

#include "metadata/component_key.h"

namespace vssemu::metadata {
namespace {

TEST(ComponentKey, SameTextIsExactEquality) {
  EXPECT_TRUE(SameText(L"", L""));
  EXPECT_TRUE(SameText(L"Log1", L"Log1"));
  EXPECT_FALSE(SameText(L"Log1", L"Log2"));   // Differs at the end.
  EXPECT_FALSE(SameText(L"Aog1", L"Log1"));   // Differs at the start.
  EXPECT_FALSE(SameText(L"Log", L"Log1"));    // A prefix.
  EXPECT_FALSE(SameText(L"log1", L"Log1"));   // Case matters.
  const std::wstring with_nul(L"a\0b", 3);
  EXPECT_FALSE(SameText(with_nul, std::wstring(L"a\0c", 3)));
  EXPECT_TRUE(SameText(with_nul, std::wstring(L"a\0b", 3)));
}

TEST(ComponentKey, PathAndNameMustBothMatch) {
  EXPECT_TRUE(SamePathAndName(L"A\\B", L"C", L"A\\B", L"C"));
  EXPECT_FALSE(SamePathAndName(L"A\\B", L"C", L"A\\X", L"C"));
  EXPECT_FALSE(SamePathAndName(L"A\\B", L"C", L"A\\B", L"D"));
  // The root is "", which is not a path of one empty element's name.
  EXPECT_FALSE(SamePathAndName(L"", L"A", L"A", L""));
  EXPECT_EQ(HashPathAndName(L"A\\B", L"C"), HashPathAndName(L"A\\B", L"C"));
}

}  // namespace
}  // namespace vssemu::metadata
