// The per-event access table of the writer-side IVssComponent setters
// (protocol.md 10.3, 15.3, Q28, rule 18.15), checked through real views.
#include "metadata/bcd_access.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "bcd_test_util.h"
#include "com/bstr.h"
#include "com/com_ptr.h"
#include "metadata/bcd_component.h"

namespace vssemu::metadata {
namespace {

using bcd_test::Sample;
using bcd_test::View;
using com::Bstr;
using com::ComPtr;

// One representative call per setter group, applied to a fresh view.
std::map<BcdSetterGroup, std::function<HRESULT(IVssComponentEx2*)>> Setters() {
  return {
      {BcdSetterGroup::kBackupData,
       [](IVssComponentEx2* v) { return v->SetBackupStamp(L"s"); }},
      {BcdSetterGroup::kPrepareForBackupFailureMsg,
       [](IVssComponentEx2* v) {
         return v->SetPrepareForBackupFailureMsg(L"m");
       }},
      {BcdSetterGroup::kPostSnapshotFailureMsg,
       [](IVssComponentEx2* v) { return v->SetPostSnapshotFailureMsg(L"m"); }},
      {BcdSetterGroup::kPreRestoreData,
       [](IVssComponentEx2* v) {
         return v->SetRestoreTarget(VSS_RT_DIRECTED);
       }},
      {BcdSetterGroup::kPostRestoreFailureMsg,
       [](IVssComponentEx2* v) { return v->SetPostRestoreFailureMsg(L"m"); }},
      {BcdSetterGroup::kFailure,
       [](IVssComponentEx2* v) {
         return v->SetFailure(VSS_E_WRITERERROR_RETRYABLE, E_FAIL, L"m", 0);
       }},
  };
}

// The expected table, written out independently of the implementation.
bool Expected(BcdEvent e, BcdSetterGroup g) {
  using E = BcdEvent;
  switch (g) {
    case BcdSetterGroup::kBackupData:
      return e == E::kPrepareForBackup || e == E::kPostSnapshot;
    case BcdSetterGroup::kPrepareForBackupFailureMsg:
      return e == E::kPrepareForBackup;
    case BcdSetterGroup::kPostSnapshotFailureMsg:
      return e == E::kPostSnapshot;
    case BcdSetterGroup::kPreRestoreData:
      return e == E::kPreRestore;
    case BcdSetterGroup::kPostRestoreFailureMsg:
      return e == E::kPostRestore;
    case BcdSetterGroup::kFailure:
      return e != E::kNone && e != E::kIdentify && e != E::kBackupComplete &&
             e != E::kBackupShutdown;
  }
  return false;
}

TEST(BcdAccess, SettersFollowTheAccessTableForEveryEvent) {
  for (BcdEvent event : kAllBcdEvents) {
    for (const auto& [group, call] : Setters()) {
      SCOPED_TRACE(std::string(BcdEventName(event)) + " / " +
                   std::string(BcdSetterGroupName(group)));
      auto component = Sample();
      BcdComponent before = *component;
      ComPtr<IVssComponentEx2> view = View(component, event);
      bool allowed = Expected(event, group);
      EXPECT_EQ(IsSetterAllowed(event, group), allowed);
      EXPECT_EQ(call(view.get()), allowed ? S_OK : VSS_E_BAD_STATE);
      EXPECT_EQ(*component == before, !allowed);
    }
  }
}

TEST(BcdAccess, EverySetterFailsOnARequesterView) {
  auto component = Sample();
  BcdComponent before = *component;
  ComPtr<IVssComponentEx2> v = View(component, BcdEvent::kNone);
  FILETIME time{};
  Bstr lsn(L"1");
  EXPECT_EQ(v->SetBackupMetadata(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->AddPartialFile(L"p", L"f", L"0:1", nullptr), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetBackupStamp(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->AddDifferencedFilesByLastModifyTime(L"p", L"f", TRUE, time),
            VSS_E_BAD_STATE);
  EXPECT_EQ(v->AddDifferencedFilesByLastModifyLSN(L"p", L"f", TRUE, lsn.get()),
            VSS_E_BAD_STATE);
  EXPECT_EQ(v->AddDirectedTarget(L"a", L"b", nullptr, L"c", L"d", nullptr),
            VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetRestoreMetadata(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetRestoreTarget(VSS_RT_ALTERNATE), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetPreRestoreFailureMsg(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetPostRestoreFailureMsg(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetPrepareForBackupFailureMsg(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetPostSnapshotFailureMsg(L"x"), VSS_E_BAD_STATE);
  EXPECT_EQ(v->SetFailure(S_OK, S_OK, nullptr, 0), VSS_E_BAD_STATE);
  EXPECT_EQ(*component, before);
}

TEST(BcdComponent, SetPrepareForBackupFailureMsgFailsOutsidePrepareForBackup) {
  auto component = Sample();
  EXPECT_EQ(View(component, BcdEvent::kPostSnapshot)
                ->SetPrepareForBackupFailureMsg(L"late"),
            VSS_E_BAD_STATE);
  EXPECT_EQ(View(component, BcdEvent::kPrepareForBackup)
                ->SetPrepareForBackupFailureMsg(L"disk full"),
            S_OK);
  EXPECT_EQ(component->prepare_for_backup_failure_msg, L"disk full");
}

TEST(BcdAccess, AccessChangesReachViewsAlreadyHandedOut) {
  auto component = Sample();
  std::shared_ptr<BcdAccess> access = MakeBcdAccess(BcdEvent::kPostSnapshot);
  ComPtr<IVssComponent> view;
  ASSERT_EQ(ReturnBcdComponentView(component, access, view.put()), S_OK);
  EXPECT_EQ(view->SetBackupStamp(L"one"), S_OK);
  access->event = BcdEvent::kBackupComplete;  // The callback returned.
  EXPECT_EQ(view->SetBackupStamp(L"two"), VSS_E_BAD_STATE);
  EXPECT_EQ(component->backup_stamp, L"one");
}

}  // namespace
}  // namespace vssemu::metadata
