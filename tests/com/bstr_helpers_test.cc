// The BSTR out-parameter conventions of VSS getters.
#include <gtest/gtest.h>

#include "com/bstr.h"

namespace vssemu::com {
namespace {

TEST(BstrHelpers, ReturnBstrRejectsNullOutPointer) {
  EXPECT_EQ(ReturnBstr(L"x", nullptr), E_INVALIDARG);
}

TEST(BstrHelpers, ReturnOptionalBstrGivesNullForAbsentValues) {
  Bstr out;
  ASSERT_EQ(ReturnOptionalBstr(std::nullopt, out.put()), S_OK);
  EXPECT_EQ(out.get(), nullptr);
  ASSERT_EQ(ReturnOptionalBstr(std::wstring(L"value"), out.put()), S_OK);
  EXPECT_EQ(out.view(), L"value");
}

TEST(BstrHelpers, BstrOwnsAndFrees) {
  Bstr a(L"owned");
  EXPECT_EQ(a.str(), L"owned");
  Bstr b = std::move(a);
  EXPECT_EQ(a.get(), nullptr);
  EXPECT_EQ(b.view(), L"owned");
}

TEST(BstrHelpers, OptionalTextMapsNullToAbsent) {
  EXPECT_FALSE(OptionalText(nullptr).has_value());
  EXPECT_EQ(OptionalText(L"").value(), L"");
  EXPECT_EQ(TextOrEmpty(nullptr), L"");
}

}  // namespace
}  // namespace vssemu::com
