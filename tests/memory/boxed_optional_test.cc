// BoxedOptional behaves as the std::optional it stands in for: absent,
// present, copied deeply, moved, compared, converted both ways.
#include "memory/boxed_optional.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace vssemu::memory {
namespace {

using Text = BoxedOptional<std::wstring>;

TEST(BoxedOptional, IsOnePointerAndEmptyByDefault) {
  static_assert(sizeof(Text) == sizeof(void*));
  const Text text;
  EXPECT_FALSE(text.has_value());
  EXPECT_FALSE(static_cast<bool>(text));
  EXPECT_EQ(text.get(), nullptr);
  EXPECT_TRUE(text == std::nullopt);
  EXPECT_EQ(text.value_or(L"fallback"), L"fallback");
  EXPECT_THROW((void)text.value(), std::bad_optional_access);
}

TEST(BoxedOptional, HoldsWhatItIsGiven) {
  Text text = L"stamp";  // From a literal, as options and stamps are set.
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, L"stamp");
  EXPECT_EQ(text->size(), 5u);
  EXPECT_TRUE(text == L"stamp");
  EXPECT_FALSE(text == L"other");
  EXPECT_EQ(text.value_or(L"fallback"), L"stamp");
  text.emplace(3, L'x');
  EXPECT_EQ(*text, L"xxx");
  text = std::nullopt;
  EXPECT_FALSE(text.has_value());
  text = std::wstring(L"again");
  EXPECT_EQ(text.value(), L"again");
  text.reset();
  EXPECT_FALSE(text.has_value());
}

TEST(BoxedOptional, CopiesAreDeepAndMovesLeaveItEmpty) {
  Text original = L"metadata";
  Text copy = original;
  *copy += L"!";
  EXPECT_EQ(*original, L"metadata");
  EXPECT_EQ(*copy, L"metadata!");
  copy = original;  // Into a box that has a value.
  EXPECT_TRUE(copy == original);
  Text empty;
  copy = empty;
  EXPECT_FALSE(copy.has_value());
  Text& same = original;
  original = same;  // Self-assignment keeps the value.
  EXPECT_EQ(*original, L"metadata");
  Text moved = std::move(original);
  EXPECT_EQ(*moved, L"metadata");
  EXPECT_FALSE(original.has_value());  // NOLINT: checking the moved-from.
}

TEST(BoxedOptional, ConvertsToAndFromStdOptional) {
  const std::optional<std::wstring> some = L"v";
  const std::optional<std::wstring> none;
  const Text from_some = some;
  const Text from_none = none;
  EXPECT_TRUE(from_some == some);
  EXPECT_TRUE(from_none == none);
  EXPECT_FALSE(from_some == none);
  EXPECT_FALSE(from_none == some);
  const std::optional<std::wstring> back = from_some;
  EXPECT_EQ(back, some);
  EXPECT_EQ(static_cast<std::optional<std::wstring>>(from_none), std::nullopt);
  EXPECT_TRUE(from_some == Text(L"v"));
  EXPECT_FALSE(from_some == from_none);
  EXPECT_TRUE(from_none == Text());
}

}  // namespace
}  // namespace vssemu::memory
