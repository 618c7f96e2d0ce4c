// A scripted writer reports the metadata its scenario describes: restore
// method, alternate location mappings, dependencies on other writers'
// components (resolved by writer id), read back through the requester's
// IVssExamineWriterMetadata.
#include "scenario/scripted_writer.h"

#include <gtest/gtest.h>

#include <string>

#include <vssemu/emulator.h>
#include <vsbackup.h>
#include <vsserror.h>

#include "scenario/scenario_loader.h"

namespace vssemu::scenario {
namespace {

const char* kScenario =
    "<scenario name=\"n\" spec=\"6\" requirement=\"r\">\n"
    "  <writer id=\"app\" name=\"App\">\n"
    "    <restore-method method=\"restore-to-alternate-location\" writer-restore=\"if-replace-fails\"\n"
    "                    service=\"AppSvc\" reboot-required=\"true\"/>\n"
    "    <alternate-location-mapping path=\"C:\\App\" filespec=\"*.dat\" recursive=\"true\"\n"
    "                                destination=\"D:\\Restore\"/>\n"
    "    <component name=\"Files\">\n"
    "      <files path=\"C:\\App\" filespec=\"*\"/>\n"
    "      <dependency writer=\"db\" path=\"Logs\" name=\"Current\"/>\n"
    "    </component>\n"
    "  </writer>\n"
    "  <writer id=\"db\" name=\"Db\" class=\"11111111-2222-3333-4444-555555555555\"/>\n"
    "</scenario>\n";

std::wstring Take(BSTR s) {
  std::wstring text = s != nullptr ? std::wstring(s) : std::wstring();
  SysFreeString(s);
  return text;
}

TEST(ScriptedWriter, ReportsRestoreMethodMappingsAndDependencies) {
  LoadResult loaded = LoadScenarioText(kScenario, "s.xml");
  ASSERT_TRUE(loaded) << loaded.ErrorText();
  Emulator emulator;
  ScriptedVssWriter writer(loaded.scenario->scripted_writers[0]);
  ASSERT_EQ(writer.Start(), S_OK);

  IVssBackupComponents* backup = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup->GatherWriterMetadata(&async), S_OK);
  ASSERT_EQ(async->Wait(), S_OK);
  async->Release();
  VSS_ID instance = GUID_NULL;
  IVssExamineWriterMetadata* md = nullptr;
  ASSERT_EQ(backup->GetWriterMetadata(0, &instance, &md), S_OK);

  VSS_RESTOREMETHOD_ENUM method = VSS_RME_UNDEFINED;
  VSS_WRITERRESTORE_ENUM writer_restore = VSS_WRE_UNDEFINED;
  BSTR service = nullptr, procedure = nullptr;
  bool reboot = false;
  UINT mappings = 0;
  ASSERT_EQ(md->GetRestoreMethod(&method, &service, &procedure, &writer_restore,
                                 &reboot, &mappings),
            S_OK);
  EXPECT_EQ(method, VSS_RME_RESTORE_TO_ALTERNATE_LOCATION);
  EXPECT_EQ(writer_restore, VSS_WRE_IF_REPLACE_FAILS);
  EXPECT_EQ(Take(service), L"AppSvc");
  EXPECT_EQ(Take(procedure), L"");
  EXPECT_TRUE(reboot);
  ASSERT_EQ(mappings, 1u);
  IVssWMFiledesc* mapping = nullptr;
  ASSERT_EQ(md->GetAlternateLocationMapping(0, &mapping), S_OK);
  BSTR destination = nullptr;
  ASSERT_EQ(mapping->GetAlternateLocation(&destination), S_OK);
  EXPECT_EQ(Take(destination), L"D:\\Restore");
  mapping->Release();

  IVssWMComponent* component = nullptr;
  ASSERT_EQ(md->GetComponent(0, &component), S_OK);
  IVssWMDependency* dependency = nullptr;
  ASSERT_EQ(component->GetDependency(0, &dependency), S_OK);
  VSS_ID on = GUID_NULL;
  ASSERT_EQ(dependency->GetWriterId(&on), S_OK);
  EXPECT_EQ(on, loaded.scenario->scripted_writers[1].metadata.identity.writer_id);
  BSTR name = nullptr;
  ASSERT_EQ(dependency->GetComponentName(&name), S_OK);
  EXPECT_EQ(Take(name), L"Current");
  dependency->Release();
  component->Release();
  md->Release();
  backup->Release();
}

TEST(ScriptedWriter, ADependencyOnAnUndeclaredWriterIsALoadError) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"n\" spec=\"6\" requirement=\"r\">\n"
      "  <writer id=\"app\">\n"
      "    <component name=\"F\"><dependency writer=\"ghost\" name=\"X\"/></component>\n"
      "  </writer>\n"
      "</scenario>\n",
      "s.xml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.where.line, 3);
  EXPECT_EQ(r.where.column, 25);
  EXPECT_NE(r.message.find("no scripted writer with id \"ghost\""), std::string::npos)
      << r.ErrorText();
}

}  // namespace
}  // namespace vssemu::scenario
