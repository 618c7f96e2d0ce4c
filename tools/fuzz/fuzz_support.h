// What the fuzz targets over vssemu's inputs share (docs/exploration.md,
// "Fuzzing the inputs"): the input as text, and a check that an input left
// no COM object or BSTR alive.
#ifndef VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_
#define VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace vssemu::fuzz {

// The input's bytes as a wide string, read as UTF-8 (invalid sequences
// become U+FFFD, as the XML loaders see them).
std::wstring WideText(const uint8_t* data, size_t size);

// Counts the live COM objects and BSTRs when made; Check aborts, naming
// what grew, when the input left more alive than it found (a leak the
// emulator or a reader made, not the fuzzer's).
class LiveCountGuard {
 public:
  LiveCountGuard();
  void Check(const char* target) const;

 private:
  long objects_;
  std::optional<long> bstrs_;
};

}  // namespace vssemu::fuzz

#endif  // VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_
