// Real writer classes in scenarios, registered with the start sequence the
// product itself uses: Start() (the short form), the product's own
// Initialize + Subscribe, or a factory for classes that take constructor
// arguments. None of them needs an adapter class.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <vswriter.h>

#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"
#include "scenario/writer_registry.h"

namespace {

// A writer in the style of Microsoft's samples: its own Initialize() calls
// CVssWriter::Initialize, and the service calls Subscribe separately.
class ProductWriter : public CVssWriter {
 public:
  explicit ProductWriter(const wchar_t* name = L"Product Writer",
                         uint8_t id = 1)
      : name_(name), id_{0x5e1f0000u + id, 0x1, 0x2,
                          {3, 4, 5, 6, 7, 8, 9, 10}} {}
  HRESULT Initialize() {
    return CVssWriter::Initialize(id_, name_.c_str(), VSS_UT_USERDATA,
                                  VSS_ST_OTHER);
  }
  HRESULT Start() { return E_UNEXPECTED; }  // Never the product's sequence.
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override {
    return SUCCEEDED(metadata->AddComponent(VSS_CT_FILEGROUP, nullptr, L"Data",
                                            nullptr, nullptr, 0, false, true,
                                            true, false)) &&
           SUCCEEDED(metadata->AddFilesToFileGroup(nullptr, L"Data", L"C:\\Data",
                                                   L"*", false, nullptr));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

 private:
  std::wstring name_;
  VSS_ID id_;
};

// The short form's class: Start() initializes and subscribes.
class StartingWriter : public ProductWriter {
 public:
  StartingWriter() : ProductWriter(L"Starting Writer", 2) {}
  HRESULT Start() {
    HRESULT hr = Initialize();
    return FAILED(hr) ? hr : Subscribe();
  }
};

VSSEMU_REGISTER_WRITER(RegistryTestStarting, StartingWriter);
VSSEMU_REGISTER_WRITER(RegistryTestProduct, ProductWriter,
                       [](ProductWriter& w) {
                         HRESULT hr = w.Initialize();  // the product's own Initialize
                         return FAILED(hr) ? hr : w.Subscribe();
                       });
VSSEMU_REGISTER_WRITER_FACTORY(RegistryTestFactory, [](HRESULT* started) {
  auto writer = std::make_unique<ProductWriter>(L"Factory Writer", 3);  // constructor arguments
  *started = writer->Initialize();
  if (SUCCEEDED(*started)) *started = writer->Subscribe();
  return std::unique_ptr<CVssWriter>(std::move(writer));
});
VSSEMU_REGISTER_WRITER_FACTORY(RegistryTestNull, [](HRESULT* started) {
  *started = S_OK;
  return std::unique_ptr<CVssWriter>();
});

vssemu::scenario::Scenario Load(const std::string& xml) {
  vssemu::scenario::LoadResult r =
      vssemu::scenario::LoadScenarioText(xml, "registry.xml");
  EXPECT_TRUE(r) << r.ErrorText();
  return r ? *r.scenario : vssemu::scenario::Scenario{};
}

std::string BackupOf(const std::string& id, const std::string& cls) {
  return "<scenario name=\"n\" spec=\"5\" requirement=\"r\">\n"
         "  <registered-writer id=\"" + id + "\" class=\"" + cls + "\"/>\n"
         "  <expect writer=\"" + id + "\" state=\"STABLE\"/>\n"
         "  <expect writer=\"" + id + "\" events=\"Identify PrepareForBackup "
         "PrepareForSnapshot Freeze Thaw PostSnapshot BackupComplete\"/>\n"
         "</scenario>\n";
}

class WriterRegistry : public ::testing::TestWithParam<const char*> {};

TEST_P(WriterRegistry, EachFormStartsTheWriterTheWayTheProductDoes) {
  vssemu::scenario::RunResult run =
      vssemu::scenario::RunScenario(Load(BackupOf("w", GetParam())));
  EXPECT_FALSE(run.setup_failed);
  EXPECT_TRUE(run.passed) << ::testing::PrintToString(run.failures);
}

INSTANTIATE_TEST_SUITE_P(Forms, WriterRegistry,
                         ::testing::Values("RegistryTestStarting",
                                           "RegistryTestProduct",
                                           "RegistryTestFactory"));

TEST(WriterRegistryFactory, AFactoryThatMakesNoWriterIsAWriterThatDidNotStart) {
  vssemu::scenario::RunResult run = vssemu::scenario::RunScenario(
      Load(BackupOf("w", "RegistryTestNull")));
  EXPECT_TRUE(run.setup_failed);
  ASSERT_FALSE(run.failures.empty());
  EXPECT_NE(run.failures.front().find("did not start: E_POINTER"),
            std::string::npos)
      << run.failures.front();
}

}  // namespace
