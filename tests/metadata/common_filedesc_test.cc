// The shared IVssWMFiledesc view and the XML attribute helpers.
#include <gtest/gtest.h>

#include "com/bstr.h"
#include "com/com_ptr.h"
#include "metadata/filedesc.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

TEST(Filedesc, ViewReportsEveryField) {
  FileSpec spec{L"C:\\Data", L"*.db", true, L"D:\\Alt", 0x103};
  com::ComPtr<IVssWMFiledesc> view;
  ASSERT_EQ(ReturnFiledesc(spec, view.put()), S_OK);
  com::Bstr path, filespec, alternate;
  bool recursive = false;
  DWORD mask = 0;
  ASSERT_EQ(view->GetPath(path.put()), S_OK);
  ASSERT_EQ(view->GetFilespec(filespec.put()), S_OK);
  ASSERT_EQ(view->GetRecursive(&recursive), S_OK);
  ASSERT_EQ(view->GetAlternateLocation(alternate.put()), S_OK);
  ASSERT_EQ(view->GetBackupTypeMask(&mask), S_OK);
  EXPECT_EQ(path.view(), L"C:\\Data");
  EXPECT_EQ(filespec.view(), L"*.db");
  EXPECT_TRUE(recursive);
  EXPECT_EQ(alternate.view(), L"D:\\Alt");
  EXPECT_EQ(mask, 0x103u);
}

TEST(Filedesc, AbsentAlternateLocationIsNullAndNullOutPointersAreRejected) {
  com::ComPtr<IVssWMFiledesc> view;
  ASSERT_EQ(ReturnFiledesc(FileSpec{L"C:\\", L"*", false, {}, kDefaultBackupTypeMask},
                           view.put()),
            S_OK);
  com::Bstr alternate(L"x");
  ASSERT_EQ(view->GetAlternateLocation(alternate.put()), S_OK);
  EXPECT_EQ(alternate.get(), nullptr);
  EXPECT_EQ(view->GetPath(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetRecursive(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetBackupTypeMask(nullptr), E_INVALIDARG);
  EXPECT_EQ(ReturnFiledesc(FileSpec{}, nullptr), E_INVALIDARG);
}

TEST(XmlUtil, YesNoAndNumbers) {
  EXPECT_EQ(ParseYesNo("yes"), true);
  EXPECT_EQ(ParseYesNo("no"), false);
  EXPECT_FALSE(ParseYesNo("maybe").has_value());
  EXPECT_EQ(ParseDword("3855"), 3855u);
  EXPECT_EQ(ParseDword("0xF0F"), 0xF0Fu);
  EXPECT_FALSE(ParseDword("-1").has_value());
  EXPECT_FALSE(ParseDword("12x").has_value());
  EXPECT_FALSE(ParseDword("4294967296").has_value());
}

TEST(XmlUtil, Utf8RoundTripKeepsNonAsciiText) {
  std::wstring text = L"Caf\u00e9 \u65e5\u672c";
  EXPECT_EQ(FromUtf8(ToUtf8(text)), text);
}

TEST(XmlUtil, ParseDocumentReportsWhyItFailed) {
  pugi::xml_document doc;
  std::string error;
  com::Bstr bad(L"<A><B></A>");
  EXPECT_FALSE(ParseDocument(bad.get(), &doc, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(ParseDocument(nullptr, &doc, &error));
  com::Bstr good(L"<A x=\"1\"/>");
  EXPECT_TRUE(ParseDocument(good.get(), &doc, &error));
  EXPECT_EQ(SaveDocument(doc), L"<A x=\"1\"/>");
}

}  // namespace
}  // namespace vssemu::metadata
