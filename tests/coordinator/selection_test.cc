// The selectability rules of spec 9.2 and 18.7, with the documentation's
// own example writer (logical-pathing page): which components must, may and
// must not be added explicitly.
#include <gtest/gtest.h>

#include <vsserror.h>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {
namespace {

// The example of spec 9.2 (a subset): Executables and ConfigFiles are
// required, writerData is a selectable set holding Set1 (nonselectable) and
// Usage (selectable).
class ExampleWriter : public TestWriter {
 public:
  ExampleWriter() : TestWriter(L"Example") {}
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* m) override {
    struct Def {
      const wchar_t* path;
      const wchar_t* name;
      bool selectable;
    };
    const Def defs[] = {{nullptr, L"Executables", false},
                        {L"Executables", L"ConfigFiles", false},
                        {nullptr, L"writerData", true},
                        {L"writerData", L"Set1", false},
                        {L"writerData", L"Usage", true}};
    m->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, NULL, NULL,
                        VSS_WRE_ALWAYS, false);
    for (const Def& d : defs) {
      m->AddComponent(VSS_CT_FILEGROUP, d.path, d.name, NULL, NULL, 0, false,
                      false, d.selectable);
    }
    return true;
  }
};

struct Fixture {
  Fixture() {
    EXPECT_EQ(writer.Start(), S_OK);
    EXPECT_EQ(r.Init(), S_OK);
    EXPECT_EQ(r.Gather(), S_OK);
    IVssExamineWriterMetadata* metadata = nullptr;
    EXPECT_EQ(r->GetWriterMetadata(0, &instance, &metadata), S_OK);
    metadata->Release();
  }
  HRESULT Add(const wchar_t* path, const wchar_t* name) {
    return r->AddComponent(instance, writer.class_id(), VSS_CT_FILEGROUP,
                           path, name);
  }
  HRESULT Prepare() {
    EXPECT_EQ(r.StartSet(), S_OK);
    return r.Run(&IVssBackupComponents::PrepareForBackup);
  }
  size_t Violations(const std::string& rule) const {
    size_t n = 0;
    for (const Violation& v : emulator.violations()) n += v.rule == rule;
    return n;
  }
  Emulator emulator;
  ExampleWriter writer;
  Requester r;
  VSS_ID instance = GUID_NULL;
};

TEST(Selection, TheDocumentedSelectionIsClean) {
  Fixture f;
  EXPECT_EQ(f.Add(nullptr, L"Executables"), S_OK);
  EXPECT_EQ(f.Add(L"Executables", L"ConfigFiles"), S_OK);  // Q25: explicit.
  EXPECT_EQ(f.Add(nullptr, L"writerData"), S_OK);
  EXPECT_EQ(f.Prepare(), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(f.emulator.violations().empty());
}

TEST(Selection, AddingANonselectableSubcomponentIsAViolation) {
  Fixture f;
  EXPECT_EQ(f.Add(L"writerData", L"Set1"), S_OK);  // Undefined, not an error.
  EXPECT_EQ(f.Violations("requester.add-implicit-component"), 1u);
}

TEST(Selection, AddingASelectableSubcomponentOfAnAddedSetIsAViolation) {
  Fixture f;
  EXPECT_EQ(f.Add(nullptr, L"writerData"), S_OK);
  EXPECT_EQ(f.Add(L"writerData", L"Usage"), S_OK);
  EXPECT_EQ(f.Violations("requester.add-implicit-component"), 1u);
}

TEST(Selection, ASelectableSubcomponentAloneDefinesItsOwnSet) {
  Fixture f;
  EXPECT_EQ(f.Add(nullptr, L"Executables"), S_OK);
  EXPECT_EQ(f.Add(L"Executables", L"ConfigFiles"), S_OK);
  EXPECT_EQ(f.Add(L"writerData", L"Usage"), S_OK);
  EXPECT_EQ(f.Prepare(), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(f.emulator.violations().empty());
}

TEST(Selection, LeavingOutARequiredComponentIsAViolation) {
  Fixture f;
  EXPECT_EQ(f.Add(nullptr, L"writerData"), S_OK);
  EXPECT_EQ(f.Prepare(), VSS_S_ASYNC_FINISHED);
  // Executables and ConfigFiles are both required.
  EXPECT_EQ(f.Violations("requester.missing-required-component"), 2u);
}

}  // namespace
}  // namespace vssemu::testing
