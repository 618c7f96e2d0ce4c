// RunOptionsError: what the emulator cannot run is said in a sentence, and
// vssemu::Emulator refuses it with InvalidRunOptions rather than stopping
// the process; options it can run pass.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vssemu/emulator.h>
#include <vssemu/run_options.h>

namespace vssemu {
namespace {

using ::testing::HasSubstr;

RunOptions WithVolumes(std::vector<std::wstring> names) {
  RunOptions options;
  options.volumes.clear();
  for (std::wstring& name : names) options.volumes.push_back(VolumeOptions{.name = std::move(name)});
  return options;
}

TEST(RunOptionsError, AcceptsWhatTheMachineCanBe) {
  EXPECT_EQ(RunOptionsError(RunOptions()), "");
  EXPECT_EQ(RunOptionsError(WithVolumes({L"C:\\", L"D:", L"C:\\Mount\\E\\"})), "");
}

TEST(RunOptionsError, NamesAVolumeThatIsNoDriveOrMountedFolder) {
  for (const wchar_t* name : {L"C_:\\", L"", L"Data", L"\\\\server\\share\\", L"1:\\"}) {
    EXPECT_THAT(RunOptionsError(WithVolumes({name})),
                HasSubstr("is not a drive letter root"))
        << "name: " << testing::PrintToString(std::wstring(name));
  }
}

TEST(RunOptionsError, NamesAVolumeDeclaredTwice) {
  EXPECT_EQ(RunOptionsError(WithVolumes({L"C:\\", L"D:\\", L"d:"})),
            "volume \"d:\" is declared twice (letter case and the trailing backslash do not make "
            "another volume)");
}

TEST(RunOptionsError, ChecksTheOtherFields) {
  RunOptions options;
  options.machine_name = L"host\\x";
  EXPECT_THAT(RunOptionsError(options), HasSubstr("machine_name \"host\\x\" is not a computer name"));
  options = RunOptions();
  options.exploration.faults = {"provider", "meteor"};
  EXPECT_THAT(RunOptionsError(options), HasSubstr("\"meteor\", which is not a fault kind"));
  options = RunOptions();
  options.exploration.max_pending_answers = -1;
  EXPECT_THAT(RunOptionsError(options), HasSubstr("max_pending_answers is -1"));
}

// A test gets an exception it can assert on; the process goes on, and the
// next emulator is fine.
TEST(RunOptionsError, TheEmulatorThrowsInsteadOfStopping) {
  try {
    Emulator emulator(WithVolumes({L"C_:\\"}));
    ADD_FAILURE() << "the emulator took an invalid volume";
  } catch (const InvalidRunOptions& e) {
    EXPECT_THAT(e.what(), HasSubstr("invalid RunOptions: volume \"C_:\\\""));
  }
  Emulator fine(WithVolumes({L"C:\\"}));
  EXPECT_EQ(&Emulator::Current(), &fine);
}

}  // namespace
}  // namespace vssemu
