// Injected E_ACCESSDENIED (RunOptions::access_denied): what a caller that is
// neither an administrator nor a backup operator sees (spec 8.3, 12.1).
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

RunOptions Denying(void (*set)(AccessDenied&)) {
  RunOptions options;
  set(options.access_denied);
  return options;
}

TEST(AccessDenied, CreateVssBackupComponentsFailsAndHandsBackNull) {
  Emulator emulator(Denying([](AccessDenied& d) {
    d.create_backup_components = true;
  }));
  IVssBackupComponents* backup = reinterpret_cast<IVssBackupComponents*>(1);
  EXPECT_EQ(CreateVssBackupComponents(&backup), E_ACCESSDENIED);
  EXPECT_EQ(backup, nullptr);
}

TEST(AccessDenied, InitializeForBackupFailsAndLeavesTheObjectUninitialized) {
  Emulator emulator(Denying([](AccessDenied& d) {
    d.initialize_for_backup = true;
  }));
  Requester r;
  EXPECT_EQ(r->InitializeForBackup(nullptr), E_ACCESSDENIED);
  IVssAsync* async = nullptr;
  EXPECT_EQ(r->GatherWriterMetadata(&async), VSS_E_BAD_STATE);
}

TEST(AccessDenied, WriterInitializeIsDeniedOnlyForTheNamedWriter) {
  Emulator emulator(Denying([](AccessDenied& d) {
    d.writer_initialize = {L"Denied"};
  }));
  TestWriter denied(L"Denied"), allowed(L"Allowed");
  EXPECT_EQ(denied.Start(), E_ACCESSDENIED);
  EXPECT_EQ(allowed.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(denied.Count("Identify"), 0);
  EXPECT_EQ(allowed.Count("Identify"), 1);
}

TEST(AccessDenied, SubscribeIsDeniedForEveryWriterWithAStar) {
  Emulator emulator(Denying([](AccessDenied& d) { d.subscribe = {L"*"}; }));
  TestWriter a(L"A"), b(L"B");
  EXPECT_EQ(a.Start(), E_ACCESSDENIED);
  EXPECT_EQ(b.Start(), E_ACCESSDENIED);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  UINT count = 99;
  ASSERT_EQ(r->GetWriterMetadataCount(&count), S_OK);
  EXPECT_EQ(count, 0u);
}

TEST(AccessDenied, NothingIsDeniedByDefault) {
  Emulator emulator;
  TestWriter a(L"A");
  EXPECT_EQ(a.Start(), S_OK);
  IVssBackupComponents* backup = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  EXPECT_EQ(backup->InitializeForBackup(nullptr), S_OK);
  backup->Release();
}

}  // namespace
}  // namespace vssemu::testing
