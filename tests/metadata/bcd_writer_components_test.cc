// IVssWriterComponents (writer callbacks) and IVssWriterComponentsExt
// (requester) over one writer entry of the BCD (protocol.md 10.5, 13.7).
#include "metadata/bcd_writer_components.h"

#include <gtest/gtest.h>

#include "bcd_test_util.h"
#include "com/bstr.h"
#include "com/com_ptr.h"

namespace vssemu::metadata {
namespace {

using bcd_test::kInstance;
using bcd_test::kWriter;
using com::Bstr;
using com::ComPtr;

std::shared_ptr<BcdWriterComponents> Writer() {
  auto writer = std::make_shared<BcdWriterComponents>();
  writer->instance_id = kInstance;
  writer->writer_id = kWriter;
  for (const wchar_t* name : {L"First", L"Second"}) {
    auto c = std::make_shared<BcdComponent>();
    c->name = name;
    writer->components.push_back(c);
  }
  return writer;
}

TEST(BcdWriterComponents, WriterViewListsComponentsWithTheEventsAccess) {
  auto writer = Writer();
  BcdWriterComponentsView view(writer, MakeBcdAccess(BcdEvent::kPostSnapshot));
  UINT count = 0;
  ASSERT_EQ(view.GetComponentCount(&count), S_OK);
  EXPECT_EQ(count, 2u);
  VSS_ID instance = GUID_NULL, id = GUID_NULL;
  ASSERT_EQ(view.GetWriterInfo(&instance, &id), S_OK);
  EXPECT_EQ(instance, kInstance);
  EXPECT_EQ(id, kWriter);
  ComPtr<IVssComponent> second;
  ASSERT_EQ(view.GetComponent(1, second.put()), S_OK);
  Bstr name;
  ASSERT_EQ(second->GetComponentName(name.put()), S_OK);
  EXPECT_EQ(name.view(), L"Second");
  EXPECT_EQ(second->SetBackupStamp(L"stamp"), S_OK);
  EXPECT_EQ(writer->components[1]->backup_stamp, L"stamp");
}

TEST(BcdWriterComponents, FindsComponentsAfterEraseComponent) {
  // Long enough to be indexed. The last component leaves and comes back
  // after a new one: every component is still found where it now is.
  BcdWriterComponents writer;
  for (int i = 0; i < 20; ++i) {
    auto c = std::make_shared<BcdComponent>();
    c->name = L"c" + std::to_wstring(i);
    writer.components.push_back(c);
  }
  ASSERT_EQ(writer.FindByPathAndName(L"", L"c19"), writer.components[19]);
  const std::shared_ptr<BcdComponent> last = writer.components.back();
  writer.EraseComponent(writer.components[5]);
  writer.EraseComponent(last);
  auto added = std::make_shared<BcdComponent>();
  added->name = L"added";
  writer.components.push_back(added);
  writer.components.push_back(last);
  EXPECT_EQ(writer.FindByPathAndName(L"", L"c5"), nullptr);
  EXPECT_EQ(writer.FindByPathAndName(L"", L"c6"), writer.components[5]);
  EXPECT_EQ(writer.FindByPathAndName(L"", L"added"), added);
  EXPECT_EQ(writer.FindByPathAndName(L"", L"c19"), last);
  EXPECT_EQ(writer.components.size(), 20u);
}

TEST(BcdWriterComponents, WriterViewDuringBackupCompleteIsReadOnly) {
  auto writer = Writer();
  BcdWriterComponentsView view(writer,
                               MakeBcdAccess(BcdEvent::kBackupComplete));
  ComPtr<IVssComponent> first;
  ASSERT_EQ(view.GetComponent(0, first.put()), S_OK);
  EXPECT_EQ(first->SetBackupStamp(L"stamp"), VSS_E_BAD_STATE);
  EXPECT_FALSE(writer->components[0]->backup_stamp.has_value());
}

TEST(BcdWriterComponents, WriterViewRejectsBadArguments) {
  BcdWriterComponentsView view(Writer(), MakeBcdAccess(BcdEvent::kPreRestore));
  VSS_ID id;
  ComPtr<IVssComponent> component;
  EXPECT_EQ(view.GetComponentCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view.GetWriterInfo(nullptr, &id), E_INVALIDARG);
  EXPECT_EQ(view.GetWriterInfo(&id, nullptr), E_INVALIDARG);
  EXPECT_EQ(view.GetComponent(2, component.put()), E_INVALIDARG);
  EXPECT_EQ(component.get(), nullptr);
  EXPECT_EQ(view.GetComponent(0, nullptr), E_INVALIDARG);
}

TEST(BcdWriterComponents, RequesterViewIsAComObjectWithReadOnlyComponents) {
  auto writer = Writer();
  ComPtr<IVssWriterComponentsExt> ext;
  ASSERT_EQ(ReturnBcdWriterComponentsExt(writer, ext.put()), S_OK);
  ComPtr<IUnknown> unknown;
  EXPECT_EQ(ext.As(&unknown), S_OK);
  UINT count = 0;
  ASSERT_EQ(ext->GetComponentCount(&count), S_OK);
  EXPECT_EQ(count, 2u);
  VSS_ID instance = GUID_NULL, id = GUID_NULL;
  ASSERT_EQ(ext->GetWriterInfo(&instance, &id), S_OK);
  EXPECT_EQ(instance, kInstance);
  EXPECT_EQ(id, kWriter);
  ComPtr<IVssComponent> first;
  ASSERT_EQ(ext->GetComponent(0, first.put()), S_OK);
  EXPECT_EQ(first->SetBackupMetadata(L"x"), VSS_E_BAD_STATE);
  ComPtr<IVssComponentEx2> ex2;
  ASSERT_EQ(first.As(&ex2), S_OK);
  EXPECT_EQ(ex2->SetFailure(S_OK, S_OK, nullptr, 0), VSS_E_BAD_STATE);
  EXPECT_EQ(ext->GetComponent(2, first.put()), E_INVALIDARG);
  EXPECT_EQ(ext->GetComponentCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(ext->GetWriterInfo(nullptr, nullptr), E_INVALIDARG);
}

TEST(BcdWriterComponents, RequesterViewSurvivesTheEntryLeavingTheDocument) {
  ComPtr<IVssWriterComponentsExt> ext;
  {
    BackupComponentsDocument doc;
    doc.writers.push_back(Writer());
    ASSERT_EQ(ReturnBcdWriterComponentsExt(doc.writers[0], ext.put()), S_OK);
  }
  UINT count = 0;
  ASSERT_EQ(ext->GetComponentCount(&count), S_OK);
  EXPECT_EQ(count, 2u);
}

TEST(BcdWriterComponents, ReturnExtRejectsNullArguments) {
  ComPtr<IVssWriterComponentsExt> ext;
  EXPECT_EQ(ReturnBcdWriterComponentsExt(Writer(), nullptr), E_INVALIDARG);
  EXPECT_EQ(ReturnBcdWriterComponentsExt(nullptr, ext.put()), E_INVALIDARG);
  EXPECT_EQ(ext.get(), nullptr);
}

}  // namespace
}  // namespace vssemu::metadata
