// GUID text in the two forms VSS uses, and tolerant parsing.
#include <gtest/gtest.h>

#include "com/guid_format.h"

namespace vssemu::com {
namespace {

const GUID kSample = {0x5affb034, 0x969f, 0x4919,
                      {0x88, 0x75, 0x88, 0xf8, 0x30, 0xd0, 0xef, 0x89}};

TEST(GuidFormat, BareLowerIsTheSavedDocumentForm) {
  EXPECT_EQ(FormatGuid(kSample), "5affb034-969f-4919-8875-88f830d0ef89");
}

TEST(GuidFormat, BracedUpperIsTheStringFromGuid2Form) {
  EXPECT_EQ(FormatGuid(kSample, GuidStyle::kBracedUpper),
            "{5AFFB034-969F-4919-8875-88F830D0EF89}");
  EXPECT_EQ(FormatGuidW(kSample, GuidStyle::kBracedUpper),
            L"{5AFFB034-969F-4919-8875-88F830D0EF89}");
}

TEST(GuidFormat, ParsesWithOrWithoutBracesInAnyCase) {
  for (const char* text : {"5affb034-969f-4919-8875-88f830d0ef89",
                           "{5AFFB034-969F-4919-8875-88F830D0EF89}",
                           "5AffB034-969f-4919-8875-88F830d0ef89"}) {
    std::optional<GUID> g = ParseGuid(std::string_view(text));
    ASSERT_TRUE(g.has_value()) << text;
    EXPECT_EQ(*g, kSample) << text;
  }
  EXPECT_EQ(*ParseGuid(std::wstring_view(L"5affb034-969f-4919-8875-88f830d0ef89")),
            kSample);
}

TEST(GuidFormat, RejectsMalformedText) {
  for (const char* text : {"", "5affb034", "5affb034-969f-4919-8875-88f830d0ef8",
                           "5affb034x969f-4919-8875-88f830d0ef89",
                           "{5affb034-969f-4919-8875-88f830d0ef89",
                           "5affb034-969f-4919-8875-88f830d0ef8g"}) {
    EXPECT_FALSE(ParseGuid(std::string_view(text)).has_value()) << text;
  }
}

}  // namespace
}  // namespace vssemu::com
