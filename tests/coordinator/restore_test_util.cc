#include "coordinator/restore_test_util.h"

#include <gtest/gtest.h>

namespace vssemu::testing {

std::wstring BackUp() {
  Requester backup;
  EXPECT_EQ(backup.Prepare(), S_OK);
  EXPECT_EQ(backup.Snapshot(), S_OK);
  BSTR xml = nullptr;
  EXPECT_EQ(backup->SaveAsXML(&xml), S_OK);
  std::wstring text =
      xml != nullptr ? std::wstring(xml, SysStringLen(xml)) : std::wstring();
  SysFreeString(xml);
  EXPECT_EQ(backup.Complete(),
            VSS_S_ASYNC_FINISHED);
  return text;
}

HRESULT InitRestore(Requester& r, const std::wstring& xml) {
  BSTR doc = SysAllocStringLen(xml.data(), static_cast<UINT>(xml.size()));
  HRESULT hr = r->InitializeForRestore(doc);
  SysFreeString(doc);
  return hr;
}

HRESULT SelectData(Requester& r, const TestWriter& writer) {
  return r->SetSelectedForRestore(writer.class_id(), VSS_CT_FILEGROUP, nullptr,
                                  L"Data", true);
}

void StartRestore(Requester& r) {
  std::wstring xml = BackUp();
  ASSERT_EQ(InitRestore(r, xml), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
}

}  // namespace vssemu::testing
