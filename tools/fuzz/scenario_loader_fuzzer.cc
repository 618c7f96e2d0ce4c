// vssemu_scenario_loader_fuzzer: a scenario file from any bytes. Each input
// is given to the scenario loader, which either loads it or says where and
// why not; a scenario that loads is run (the reference requester with its
// scripted writers, in virtual time) unless its requester is the test's
// own code or a program, it names writer classes this program does not
// have, or its files hold more than 64 KiB. A crash, a hang (libFuzzer's
// -timeout), a load error without a place, or a COM object or BSTR left
// alive aborts, so that libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_support.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_runner.h"

namespace {

constexpr uint64_t kMostFileBytes = 64 * 1024;

bool Runnable(const vssemu::scenario::Scenario& s) {
  if (s.requester.external || s.pinned || !s.program_writers.empty()) return false;
  if (!vssemu::scenario::UnregisteredWriterClass(s).empty()) return false;
  uint64_t bytes = 0;
  for (const vssemu::scenario::VolumeFile& f : s.files) bytes += f.generated ? f.bytes : f.text.size();
  return bytes <= kMostFileBytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Scenario files are small.
  return vssemu::fuzz::RunInput("vssemu_scenario_loader_fuzzer", size, 1 << 18, [&] {
    vssemu::scenario::LoadResult loaded = vssemu::scenario::LoadScenarioText(
        std::string(reinterpret_cast<const char*>(data), size), "fuzz.xml");
    if (!loaded) {
      if (loaded.message.empty() || loaded.where.line < 1) {
        std::fprintf(stderr, "vssemu_scenario_loader_fuzzer: a load error without a place: %s\n",
                     loaded.ErrorText().c_str());
        std::abort();
      }
    } else if (Runnable(*loaded.scenario)) {
      vssemu::scenario::RunScenario(*loaded.scenario);
    }
  });
}
