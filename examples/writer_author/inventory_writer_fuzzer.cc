// Coverage-guided exploration of the inventory writer: each fuzzer input is
// one run's decisions (writer orders, async timing, faults), judged like
// every exploring run. Built as a libFuzzer program with clang and
// VSSEMU_LIBFUZZER, otherwise with a main that replays saved inputs.
#include <cstddef>
#include <cstdint>

#include <vssemu/fixtures/samples/reference_requester.h>
#include <vssemu/explore.h>

#include "inventory_writer.h"

namespace {

HRESULT BackUpWithTheInventoryWriter() {
  InventoryWriter writer;
  HRESULT hr = writer.Start();
  return FAILED(hr) ? hr : vssemu::samples::RunBackup({}).hr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vssemu::ExploreFuzzer fuzzer(vssemu::ExploreOptions(),
                                      [] { return BackUpWithTheInventoryWriter(); });
  return fuzzer.Run(data, size);  // ExploreFuzzer::Check returns the failure instead.
}
