// IVssComponentEx2 over a BCD component: getters, setters, argument checks
// and the per-event access table (protocol.md 10.3, 13.7, 15.3).
#include "metadata/bcd_component.h"

#include <gtest/gtest.h>

#include "bcd_test_util.h"
#include "com/bstr.h"
#include "com/com_ptr.h"
#include "metadata/bcd_access.h"

namespace vssemu::metadata {
namespace {

using bcd_test::Sample;
using bcd_test::View;
using com::Bstr;
using com::ComPtr;

TEST(BcdComponent, QueryInterfaceAnswersAllThreeComponentInterfaces) {
  ComPtr<IVssComponentEx2> view = View(Sample(), BcdEvent::kNone);
  ComPtr<IVssComponent> base;
  ComPtr<IVssComponentEx> ex;
  ComPtr<IUnknown> unknown;
  EXPECT_EQ(view.As(&base), S_OK);
  EXPECT_EQ(view.As(&ex), S_OK);
  EXPECT_EQ(view.As(&unknown), S_OK);
  constexpr IID kUnrelated = {
      0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
  void* wrong = &wrong;
  EXPECT_EQ(view->QueryInterface(kUnrelated, &wrong), E_NOINTERFACE);
  EXPECT_EQ(wrong, nullptr);
}

TEST(BcdComponent, IdentityGettersReportTypePathAndName) {
  ComPtr<IVssComponentEx2> view = View(Sample(), BcdEvent::kNone);
  VSS_COMPONENT_TYPE type = VSS_CT_UNDEFINED;
  Bstr path, name;
  EXPECT_EQ(view->GetComponentType(&type), S_OK);
  EXPECT_EQ(view->GetLogicalPath(path.put()), S_OK);
  EXPECT_EQ(view->GetComponentName(name.put()), S_OK);
  EXPECT_EQ(type, VSS_CT_DATABASE);
  EXPECT_EQ(path.view(), L"Instance\\Db");
  EXPECT_EQ(name.view(), L"Main");
}

TEST(BcdComponent, RootLogicalPathAndAbsentStringsAreNullBstrs) {
  auto c = Sample();
  c->logical_path.clear();
  ComPtr<IVssComponentEx2> view = View(c, BcdEvent::kNone);
  Bstr s(L"sentinel");
  EXPECT_EQ(view->GetLogicalPath(s.put()), S_OK);
  EXPECT_EQ(s.get(), nullptr);
  using Getter = HRESULT (IVssComponentEx2::*)(BSTR*);
  const Getter getters[] = {&IVssComponentEx2::GetBackupMetadata,
                            &IVssComponentEx2::GetRestoreMetadata,
                            &IVssComponentEx2::GetBackupStamp,
                            &IVssComponentEx2::GetPreviousBackupStamp,
                            &IVssComponentEx2::GetBackupOptions,
                            &IVssComponentEx2::GetRestoreOptions,
                            &IVssComponentEx2::GetPreRestoreFailureMsg,
                            &IVssComponentEx2::GetPostRestoreFailureMsg,
                            &IVssComponentEx2::GetPrepareForBackupFailureMsg,
                            &IVssComponentEx2::GetPostSnapshotFailureMsg,
                            &IVssComponentEx2::GetRestoreName};
  for (Getter getter : getters) {
    Bstr value(L"sentinel");
    EXPECT_EQ((view.get()->*getter)(value.put()), S_OK);
    EXPECT_EQ(value.get(), nullptr);
    EXPECT_EQ((view.get()->*getter)(nullptr), E_INVALIDARG);
  }
}

TEST(BcdComponent, DefaultsAreOriginalTargetUndefinedStatusAndNoFailure) {
  ComPtr<IVssComponentEx2> view = View(Sample(), BcdEvent::kNone);
  bool flag = true;
  EXPECT_EQ(view->GetBackupSucceeded(&flag), S_OK);
  EXPECT_FALSE(flag);
  flag = true;
  EXPECT_EQ(view->IsSelectedForRestore(&flag), S_OK);
  EXPECT_FALSE(flag);
  flag = true;
  EXPECT_EQ(view->GetAdditionalRestores(&flag), S_OK);
  EXPECT_FALSE(flag);
  flag = true;
  EXPECT_EQ(view->GetAuthoritativeRestore(&flag), S_OK);
  EXPECT_FALSE(flag);
  VSS_RESTORE_TARGET target = VSS_RT_UNDEFINED;
  EXPECT_EQ(view->GetRestoreTarget(&target), S_OK);
  EXPECT_EQ(target, VSS_RT_ORIGINAL);
  VSS_FILE_RESTORE_STATUS status = VSS_RS_ALL;
  EXPECT_EQ(view->GetFileRestoreStatus(&status), S_OK);
  EXPECT_EQ(status, VSS_RS_UNDEFINED);
  VSS_ROLLFORWARD_TYPE roll = VSS_RF_ALL;
  Bstr point(L"x");
  EXPECT_EQ(view->GetRollForward(&roll, point.put()), S_OK);
  EXPECT_EQ(roll, VSS_RF_UNDEFINED);
  EXPECT_EQ(point.get(), nullptr);
  HRESULT hr = E_FAIL, hr_app = E_FAIL;
  DWORD reserved = 9;
  Bstr message(L"x");
  EXPECT_EQ(view->GetFailure(&hr, &hr_app, message.put(), &reserved), S_OK);
  EXPECT_EQ(hr, S_OK);
  EXPECT_EQ(hr_app, S_OK);
  EXPECT_EQ(message.get(), nullptr);
  EXPECT_EQ(reserved, 0u);
}

TEST(BcdComponent, NullOutPointersAreRejected) {
  ComPtr<IVssComponentEx2> view = View(Sample(), BcdEvent::kNone);
  Bstr a, b, c, d;
  UINT count = 0;
  EXPECT_EQ(view->GetComponentType(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetComponentName(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetLogicalPath(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetBackupSucceeded(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->IsSelectedForRestore(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetAdditionalRestores(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetAuthoritativeRestore(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetRestoreTarget(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetFileRestoreStatus(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetAlternateLocationMappingCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetPartialFileCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetNewTargetCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetDirectedTargetCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetRestoreSubcomponentCount(nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetDifferencedFilesCount(nullptr), E_INVALIDARG);
  VSS_ROLLFORWARD_TYPE roll;
  EXPECT_EQ(view->GetRollForward(nullptr, a.put()), E_INVALIDARG);
  EXPECT_EQ(view->GetRollForward(&roll, nullptr), E_INVALIDARG);
  HRESULT hr;
  DWORD reserved;
  EXPECT_EQ(view->GetFailure(nullptr, &hr, a.put(), &reserved), E_INVALIDARG);
  EXPECT_EQ(view->GetFailure(&hr, nullptr, a.put(), &reserved), E_INVALIDARG);
  EXPECT_EQ(view->GetFailure(&hr, &hr, nullptr, &reserved), E_INVALIDARG);
  EXPECT_EQ(view->GetFailure(&hr, &hr, a.put(), nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetPartialFileCount(&count), S_OK);
  EXPECT_EQ(count, 0u);
}

// Fills one item of every list so index checks have something to pass.
std::shared_ptr<BcdComponent> WithLists() {
  auto c = Sample();
  c->partial_files.push_back({L"C:\\p", L"f.db", L"0:10", L"meta", {}});
  c->differenced_files.push_back(
      {L"C:\\d", L"*.log", true, std::nullopt, 0x0123456789ABCDEFull});
  c->restore_subcomponents.push_back({L"", L"Sub", true});
  c->directed_targets.push_back(
      {L"C:\\s", L"a", L"0:5", L"D:\\t", L"b", std::nullopt});
  c->new_targets.push_back({L"C:\\n", L"*", true, L"E:\\n", 0xF0F});
  c->alternate_location_mappings.push_back(
      {L"C:\\m", L"*.x", false, L"F:\\m", 0xF0F});
  return c;
}

TEST(BcdComponent, ListGettersReturnEachField) {
  ComPtr<IVssComponentEx2> view = View(WithLists(), BcdEvent::kNone);
  Bstr p, f, r, m, p2, f2;
  ASSERT_EQ(view->GetPartialFile(0, p.put(), f.put(), r.put(), m.put()), S_OK);
  EXPECT_EQ(p.view(), L"C:\\p");
  EXPECT_EQ(f.view(), L"f.db");
  EXPECT_EQ(r.view(), L"0:10");
  EXPECT_EQ(m.view(), L"meta");
  BOOL recursive = FALSE;
  FILETIME time{};
  Bstr lsn(L"x");
  ASSERT_EQ(view->GetDifferencedFile(0, p.put(), f.put(), &recursive, lsn.put(),
                                     &time),
            S_OK);
  EXPECT_EQ(p.view(), L"C:\\d");
  EXPECT_EQ(f.view(), L"*.log");
  EXPECT_EQ(recursive, TRUE);
  EXPECT_EQ(lsn.get(), nullptr);
  EXPECT_EQ(time.dwHighDateTime, 0x01234567u);
  EXPECT_EQ(time.dwLowDateTime, 0x89ABCDEFu);
  bool repair = false;
  Bstr sub_path(L"x");
  ASSERT_EQ(view->GetRestoreSubcomponent(0, sub_path.put(), f.put(), &repair),
            S_OK);
  EXPECT_EQ(sub_path.get(), nullptr);
  EXPECT_EQ(f.view(), L"Sub");
  EXPECT_TRUE(repair);
  ASSERT_EQ(view->GetDirectedTarget(0, p.put(), f.put(), r.put(), p2.put(),
                                    f2.put(), m.put()),
            S_OK);
  EXPECT_EQ(p.view(), L"C:\\s");
  EXPECT_EQ(f.view(), L"a");
  EXPECT_EQ(r.view(), L"0:5");
  EXPECT_EQ(p2.view(), L"D:\\t");
  EXPECT_EQ(f2.view(), L"b");
  EXPECT_EQ(m.get(), nullptr);
  ComPtr<IVssWMFiledesc> desc;
  ASSERT_EQ(view->GetNewTarget(0, desc.put()), S_OK);
  ASSERT_EQ(desc->GetAlternateLocation(p.put()), S_OK);
  EXPECT_EQ(p.view(), L"E:\\n");
  ASSERT_EQ(view->GetAlternateLocationMapping(0, desc.put()), S_OK);
  ASSERT_EQ(desc->GetAlternateLocation(p.put()), S_OK);
  EXPECT_EQ(p.view(), L"F:\\m");
  ASSERT_EQ(desc->GetFilespec(p.put()), S_OK);
  EXPECT_EQ(p.view(), L"*.x");
}

TEST(BcdComponent, OutOfRangeIndexesAndNullOutPointersAreInvalid) {
  ComPtr<IVssComponentEx2> view = View(WithLists(), BcdEvent::kNone);
  Bstr a, b, c, d, e, f;
  BOOL recursive;
  FILETIME time;
  bool repair;
  ComPtr<IVssWMFiledesc> desc;
  EXPECT_EQ(view->GetPartialFile(1, a.put(), b.put(), c.put(), d.put()),
            E_INVALIDARG);
  EXPECT_EQ(view->GetPartialFile(0, a.put(), b.put(), c.put(), nullptr),
            E_INVALIDARG);
  EXPECT_EQ(a.get(), nullptr);  // Nothing allocated on failure.
  EXPECT_EQ(
      view->GetDifferencedFile(1, a.put(), b.put(), &recursive, c.put(), &time),
      E_INVALIDARG);
  EXPECT_EQ(view->GetDifferencedFile(0, a.put(), b.put(), &recursive, c.put(),
                                     nullptr),
            E_INVALIDARG);
  EXPECT_EQ(view->GetRestoreSubcomponent(1, a.put(), b.put(), &repair),
            E_INVALIDARG);
  EXPECT_EQ(view->GetRestoreSubcomponent(0, a.put(), b.put(), nullptr),
            E_INVALIDARG);
  EXPECT_EQ(view->GetDirectedTarget(1, a.put(), b.put(), c.put(), d.put(),
                                    e.put(), f.put()),
            E_INVALIDARG);
  EXPECT_EQ(view->GetDirectedTarget(0, a.put(), b.put(), c.put(), d.put(),
                                    e.put(), nullptr),
            E_INVALIDARG);
  EXPECT_EQ(view->GetNewTarget(1, desc.put()), E_INVALIDARG);
  EXPECT_EQ(view->GetNewTarget(0, nullptr), E_INVALIDARG);
  EXPECT_EQ(view->GetAlternateLocationMapping(1, desc.put()), E_INVALIDARG);
  EXPECT_EQ(view->GetAlternateLocationMapping(0, nullptr), E_INVALIDARG);
}

TEST(BcdComponent, GetPartialFileReportsTheRelocatedRangesFile) {
  auto c = WithLists();
  c->partial_files[0].relocated_ranges = L"D:\\moved.rng";
  ComPtr<IVssComponentEx2> view = View(c, BcdEvent::kNone);
  Bstr p, f, r, m;
  ASSERT_EQ(view->GetPartialFile(0, p.put(), f.put(), r.put(), m.put()), S_OK);
  EXPECT_EQ(r.view(), L"D:\\moved.rng");
}

TEST(BcdComponent, BackupDataSettersRecordEveryArgument) {
  auto c = Sample();
  ComPtr<IVssComponentEx2> v = View(c, BcdEvent::kPostSnapshot);
  FILETIME time{0x89ABCDEF, 0x01234567};
  Bstr lsn(L"00000022:000000f0:0001");
  EXPECT_EQ(v->SetBackupMetadata(L"meta"), S_OK);
  EXPECT_EQ(v->AddPartialFile(L"C:\\p", L"a.db", L"0:512", nullptr), S_OK);
  EXPECT_EQ(v->AddDifferencedFilesByLastModifyTime(L"C:\\d", L"*", TRUE, time),
            S_OK);
  EXPECT_EQ(v->AddDifferencedFilesByLastModifyLSN(L"C:\\l", L"*.ldf", FALSE,
                                                  lsn.get()),
            S_OK);
  EXPECT_EQ(c->backup_metadata, L"meta");
  EXPECT_EQ(c->partial_files,
            (std::vector<BcdPartialFile>{
                {L"C:\\p", L"a.db", L"0:512", std::nullopt, std::nullopt}}));
  EXPECT_EQ(c->differenced_files,
            (std::vector<BcdDifferencedFile>{
                {L"C:\\d", L"*", true, std::nullopt, 0x0123456789ABCDEFull},
                {L"C:\\l", L"*.ldf", false, L"00000022:000000f0:0001", 0}}));
  // NULL clears a single-value string.
  EXPECT_EQ(v->SetBackupMetadata(nullptr), S_OK);
  EXPECT_FALSE(c->backup_metadata.has_value());
}

TEST(BcdComponent, SettersRejectMissingRequiredArguments) {
  auto c = Sample();
  ComPtr<IVssComponentEx2> backup = View(c, BcdEvent::kPrepareForBackup);
  ComPtr<IVssComponentEx2> restore = View(c, BcdEvent::kPreRestore);
  FILETIME time{};
  EXPECT_EQ(backup->AddPartialFile(nullptr, L"f", L"0:1", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(backup->AddPartialFile(L"p", nullptr, L"0:1", nullptr),
            E_INVALIDARG);
  EXPECT_EQ(backup->AddPartialFile(L"p", L"f", nullptr, nullptr), E_INVALIDARG);
  EXPECT_EQ(backup->AddDifferencedFilesByLastModifyTime(nullptr, L"*", 0, time),
            E_INVALIDARG);
  EXPECT_EQ(backup->AddDifferencedFilesByLastModifyLSN(L"p", L"*", 0, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(
      restore->AddDirectedTarget(L"a", nullptr, nullptr, L"c", L"d", nullptr),
      E_INVALIDARG);
  EXPECT_EQ(
      restore->AddDirectedTarget(L"a", L"b", nullptr, L"c", nullptr, nullptr),
      E_INVALIDARG);
  EXPECT_EQ(restore->SetRestoreTarget(VSS_RT_UNDEFINED), E_INVALIDARG);
  EXPECT_EQ(restore->SetRestoreTarget(static_cast<VSS_RESTORE_TARGET>(5)),
            E_INVALIDARG);
  EXPECT_TRUE(c->partial_files.empty());
  EXPECT_TRUE(c->differenced_files.empty());
  EXPECT_TRUE(c->directed_targets.empty());
  EXPECT_EQ(c->restore_target, VSS_RT_ORIGINAL);
}

TEST(BcdComponent, PreRestoreSettersRecordTargetsAndMetadata) {
  auto c = Sample();
  ComPtr<IVssComponentEx2> v = View(c, BcdEvent::kPreRestore);
  EXPECT_EQ(v->SetRestoreTarget(VSS_RT_DIRECTED), S_OK);
  EXPECT_EQ(v->AddDirectedTarget(L"C:\\s", L"a.db", L"0:100", L"D:\\t", L"b.db",
                                 nullptr),
            S_OK);
  EXPECT_EQ(v->SetRestoreMetadata(L"rmeta"), S_OK);
  EXPECT_EQ(v->SetPreRestoreFailureMsg(L"busy"), S_OK);
  EXPECT_EQ(c->restore_target, VSS_RT_DIRECTED);
  EXPECT_EQ(
      c->directed_targets,
      (std::vector<BcdDirectedTarget>{
          {L"C:\\s", L"a.db", L"0:100", L"D:\\t", L"b.db", std::nullopt}}));
  EXPECT_EQ(c->restore_metadata, L"rmeta");
  EXPECT_EQ(c->pre_restore_failure_msg, L"busy");
  EXPECT_EQ(View(c, BcdEvent::kPostRestore)->SetPostRestoreFailureMsg(L"late"),
            S_OK);
  EXPECT_EQ(c->post_restore_failure_msg, L"late");
}

TEST(BcdComponent, SetFailureAcceptsOnlySuccessAndTheFiveWriterErrors) {
  auto c = Sample();
  ComPtr<IVssComponentEx2> v = View(c, BcdEvent::kPostSnapshot);
  for (HRESULT bad :
       {VSS_E_WRITERERROR_PARTIAL_FAILURE, VSS_E_WRITERERROR_RECOVERY_FAILED,
        VSS_E_WRITER_NOT_RESPONDING, E_FAIL, S_FALSE}) {
    EXPECT_EQ(v->SetFailure(bad, S_OK, L"m", 0), E_INVALIDARG) << bad;
  }
  EXPECT_EQ(c->failure, BcdComponentFailure{});
  for (HRESULT good :
       {S_OK, VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT,
        VSS_E_WRITERERROR_OUTOFRESOURCES, VSS_E_WRITERERROR_TIMEOUT,
        VSS_E_WRITERERROR_RETRYABLE, VSS_E_WRITERERROR_NONRETRYABLE}) {
    EXPECT_EQ(v->SetFailure(good, E_ACCESSDENIED, L"why", 7), S_OK) << good;
  }
  HRESULT hr = S_OK, hr_app = S_OK;
  DWORD reserved = 0;
  Bstr message;
  ASSERT_EQ(v->GetFailure(&hr, &hr_app, message.put(), &reserved), S_OK);
  EXPECT_EQ(hr, VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(hr_app, E_ACCESSDENIED);
  EXPECT_EQ(message.view(), L"why");
  EXPECT_EQ(reserved, 7u);
}

TEST(BcdComponent, RequesterViewSeesWhatTheWriterSet) {
  auto c = Sample();
  ComPtr<IVssComponentEx2> writer = View(c, BcdEvent::kPrepareForBackup);
  ComPtr<IVssComponentEx2> requester = View(c, BcdEvent::kNone);
  ASSERT_EQ(writer->SetPrepareForBackupFailureMsg(L"no space"), S_OK);
  Bstr msg;
  ASSERT_EQ(requester->GetPrepareForBackupFailureMsg(msg.put()), S_OK);
  EXPECT_EQ(msg.view(), L"no space");
}

TEST(BcdComponent, ViewOutlivesTheDocumentThatHeldTheComponent) {
  ComPtr<IVssComponentEx2> view;
  {
    BackupComponentsDocument doc;
    auto writer = std::make_shared<BcdWriterComponents>();
    writer->components.push_back(Sample());
    doc.writers.push_back(writer);
    view = View(writer->components[0], BcdEvent::kNone);
  }
  Bstr name;
  ASSERT_EQ(view->GetComponentName(name.put()), S_OK);
  EXPECT_EQ(name.view(), L"Main");
}

TEST(BcdComponent, ReturnViewRejectsNullArguments) {
  ComPtr<IVssComponent> view;
  EXPECT_EQ(ReturnBcdComponentView(Sample(), nullptr, nullptr), E_INVALIDARG);
  EXPECT_EQ(ReturnBcdComponentView(nullptr, nullptr, view.put()), E_INVALIDARG);
  EXPECT_EQ(view.get(), nullptr);
  // A null access handle is read-only.
  ASSERT_EQ(ReturnBcdComponentView(Sample(), nullptr, view.put()), S_OK);
  EXPECT_EQ(view->SetBackupStamp(L"x"), VSS_E_BAD_STATE);
}

}  // namespace
}  // namespace vssemu::metadata
