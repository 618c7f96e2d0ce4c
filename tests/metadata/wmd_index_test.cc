// ComponentIndex answers as scans of the document do: lookups by type, path
// and name, and selectable ancestors by whole path elements (protocol.md
// 9.2), for documents short enough to be scanned and long enough to be
// indexed.
#include <gtest/gtest.h>

#include <string>

#include "metadata/wmd_index.h"

namespace vssemu::metadata {
namespace {

Component MakeComponent(VSS_COMPONENT_TYPE type, std::wstring path,
                        std::wstring name, bool selectable) {
  Component c;
  c.type = type;
  c.logical_path = std::move(path);
  c.name = std::move(name);
  c.selectable = selectable;
  return c;
}

// A document with a component set (Data, selectable, over Data\Logs and
// Data\Logs\Old) beside flat components, padded to size.
WriterMetadata Document(int padding) {
  WriterMetadata wmd;
  wmd.components.push_back(MakeComponent(VSS_CT_FILEGROUP, L"", L"Data", true));
  wmd.components.push_back(MakeComponent(VSS_CT_FILEGROUP, L"Data", L"Logs", false));
  wmd.components.push_back(MakeComponent(VSS_CT_DATABASE, L"Data\\Logs", L"Old", false));
  wmd.components.push_back(MakeComponent(VSS_CT_FILEGROUP, L"Database", L"Main", false));
  for (int i = 0; i < padding; ++i) {
    wmd.components.push_back(
        MakeComponent(VSS_CT_FILEGROUP, L"", L"Flat" + std::to_wstring(i), true));
  }
  return wmd;
}

class ComponentIndexTest : public ::testing::TestWithParam<int> {};

TEST_P(ComponentIndexTest, FindsByTypePathAndName) {
  const WriterMetadata wmd = Document(GetParam());
  const ComponentIndex index(wmd);
  EXPECT_EQ(index.Find(VSS_CT_DATABASE, L"Data\\Logs", L"Old"), &wmd.components[2]);
  EXPECT_EQ(index.Find(VSS_CT_FILEGROUP, L"Data\\Logs", L"Old"), nullptr);
  EXPECT_EQ(index.Find(VSS_CT_FILEGROUP, L"", L"Logs"), nullptr);
  if (GetParam() > 0) {
    EXPECT_EQ(index.Find(VSS_CT_FILEGROUP, L"", L"Flat0"), &wmd.components[4]);
  }
}

TEST_P(ComponentIndexTest, SelectableAncestorsGoByWholePathElements) {
  const WriterMetadata wmd = Document(GetParam());
  const ComponentIndex index(wmd);
  EXPECT_TRUE(index.has_component_sets());
  EXPECT_FALSE(index.HasSelectableAncestor(wmd.components[0]));
  EXPECT_TRUE(index.HasSelectableAncestor(wmd.components[1]));
  EXPECT_TRUE(index.HasSelectableAncestor(wmd.components[2]));
  // "Data" is not an ancestor of "Database\Main".
  EXPECT_FALSE(index.HasSelectableAncestor(wmd.components[3]));
}

TEST_P(ComponentIndexTest, FlatDocumentsHaveNoComponentSets) {
  WriterMetadata wmd = Document(GetParam());
  wmd.components.erase(wmd.components.begin(), wmd.components.begin() + 3);
  EXPECT_FALSE(ComponentIndex(wmd).has_component_sets());
}

INSTANTIATE_TEST_SUITE_P(ScannedAndIndexed, ComponentIndexTest,
                         ::testing::Values(0, 40));

}  // namespace
}  // namespace vssemu::metadata
