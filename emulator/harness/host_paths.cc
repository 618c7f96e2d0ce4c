#include <vssemu/host_paths.h>

#include <vssemu/emulator.h>

#include "coordinator/service.h"
#include "coordinator/volume_paths.h"

namespace vssemu {

std::filesystem::path HostPath(const Emulator& emulator,
                               std::wstring_view vss_path) {
  coordinator::Service& service = *emulator.service();
  return coordinator::HostPathOf(service.volumes(), service.provider(),
                                 vss_path);
}

std::filesystem::path HostPath(std::wstring_view vss_path) {
  return HostPath(Emulator::Current(), vss_path);
}

}  // namespace vssemu
