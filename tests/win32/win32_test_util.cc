#include "win32/win32_test_util.h"

#include "coordinator/service.h"

namespace vssemu::testing {

void Win32Machine::SetUp() {
  host_ = std::make_unique<TempFolder>("win32");
  ASSERT_FALSE(host_->path().empty());
  c_ = *host_ / "c";
  e_ = *host_ / "e";
  ASSERT_TRUE(WriteFile(c_ / "Data" / "orders.db", "orders"));
  ASSERT_TRUE(WriteFile(c_ / "Data" / "log1.txt", "one"));
  ASSERT_TRUE(WriteFile(e_ / "inner.txt", "inner"));
  RunOptions options;
  options.volumes = {
      VolumeOptions{.name = L"C:\\", .directory = c_},
      VolumeOptions{.name = L"D:\\"},
      VolumeOptions{.name = L"C:\\Mount\\E\\", .directory = e_},
  };
  emulator_ = std::make_unique<Emulator>(options);
}

void Win32Machine::TearDown() {
  emulator_.reset();
  host_.reset();
}

std::wstring Win32Machine::GuidPathOf(const std::wstring& mount_point) const {
  const coordinator::Volume* v =
      emulator_->service()->volumes().FindVolume(mount_point);
  return v != nullptr ? v->guid_name : L"";
}

}  // namespace vssemu::testing
