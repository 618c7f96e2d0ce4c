// Writer class and instance filters (spec 15.1, 18.9) and component mode
// versus non-component mode (spec 9.2, Q2, Q39, 18.7).
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

TEST(WriterFilters, DisabledClassesReceiveNoEventAtAll) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r->DisableWriterClasses(&a.class_id(), 1), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(a.Count("Identify"), 0);
  EXPECT_EQ(b.Count("Identify"), 1);
}

TEST(WriterFilters, TheFirstEnableSwitchesToAWhiteListAndDropsDisables) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B"), c(L"C");
  for (TestWriter* w : {&a, &b, &c}) ASSERT_EQ(w->Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r->DisableWriterClasses(&a.class_id(), 1), S_OK);
  ASSERT_EQ(r->EnableWriterClasses(&a.class_id(), 1), S_OK);
  ASSERT_EQ(r->EnableWriterClasses(&b.class_id(), 1), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(a.Count("Identify"), 1);
  EXPECT_EQ(b.Count("Identify"), 1);
  EXPECT_EQ(c.Count("Identify"), 0);
}

TEST(WriterFilters, DisableAfterEnableRemovesFromTheWhiteList) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  const VSS_ID both[] = {a.class_id(), b.class_id()};
  ASSERT_EQ(r->EnableWriterClasses(both, 2), S_OK);
  ASSERT_EQ(r->DisableWriterClasses(&b.class_id(), 1), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(a.Count("Identify"), 1);
  EXPECT_EQ(b.Count("Identify"), 0);
}

TEST(WriterFilters, DisableWriterInstancesHitsExactlyThatInstance) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  // Learn the instance ids with a throw-away object (spec 15.1 rule 7).
  VSS_ID instance_of_a = GUID_NULL;
  {
    Requester scout;
    ASSERT_EQ(scout.Init(), S_OK);
    ASSERT_EQ(scout.Gather(), S_OK);
    IVssExamineWriterMetadata* metadata = nullptr;
    ASSERT_EQ(scout->GetWriterMetadata(0, &instance_of_a, &metadata), S_OK);
    metadata->Release();
  }
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r->DisableWriterInstances(&instance_of_a, 1), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(a.Count("Identify"), 1);  // Only from the scout.
  EXPECT_EQ(b.Count("Identify"), 2);
}

TEST(WriterFilters, FiltersAfterTheGatherHaveNoEffect) {
  Emulator emulator;
  TestWriter a(L"A");
  ASSERT_EQ(a.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  EXPECT_EQ(r->DisableWriterClasses(&a.class_id(), 1), S_OK);
  EXPECT_EQ(emulator.violations().back().rule, "requester.filter-after-gather");
  ASSERT_EQ(r.AddAllComponents(), S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(a.Count("PrepareForBackup"), 1);
  EXPECT_EQ(r->DisableWriterClasses(nullptr, 1), E_INVALIDARG);
}

TEST(ComponentMode, AWriterWithNoSelectedComponentTakesNoFurtherPart) {
  Emulator emulator;
  TestWriter chosen(L"Chosen"), ignored(L"Ignored");
  ASSERT_EQ(chosen.Start(), S_OK);
  ASSERT_EQ(ignored.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Init(), S_OK);
  ASSERT_EQ(r.Gather(), S_OK);
  VSS_ID instance;
  IVssExamineWriterMetadata* metadata = nullptr;
  ASSERT_EQ(r->GetWriterMetadata(0, &instance, &metadata), S_OK);
  metadata->Release();
  ASSERT_EQ(r->AddComponent(instance, chosen.class_id(), VSS_CT_FILEGROUP,
                            nullptr, L"Data"),
            S_OK);
  ASSERT_EQ(r.StartSet(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::PrepareForBackup),
            VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r.Snapshot(), S_OK);
  ASSERT_EQ(r.Run(&IVssBackupComponents::BackupComplete), VSS_S_ASYNC_FINISHED);
  r.Release();
  EXPECT_EQ(chosen.Count("BackupShutdown"), 1);
  EXPECT_EQ(ignored.events(), std::vector<std::string>{"Identify"});
}

TEST(ComponentMode, NonComponentModeInvolvesEveryWriterWithNoComponents) {
  Emulator emulator;
  TestWriter a(L"A"), b(L"B");
  bool a_got_null = false;
  a.scripts["PrepareForBackup"].action = [&] {
    a_got_null = a.last_components == nullptr;
  };
  ASSERT_EQ(a.Start(), S_OK);
  ASSERT_EQ(b.Start(), S_OK);
  Requester r;
  ASSERT_EQ(r.Prepare(/*component_mode=*/false), S_OK);
  ASSERT_EQ(r.Snapshot(), S_OK);
  EXPECT_TRUE(a_got_null);
  EXPECT_EQ(a.Count("PostSnapshot"), 1);
  EXPECT_EQ(b.Count("PostSnapshot"), 1);
}

}  // namespace
}  // namespace vssemu::testing
