// What the fuzz targets over vssemu's inputs share (docs/exploration.md,
// "Fuzzing the inputs"): the input as text, and a check that an input left
// no COM object or BSTR alive.
#ifndef VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_
#define VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <vssemu/emulator.h>

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

// An input read as a program, a byte at a time; 0 once it runs out.
class ByteProgram {
 public:
  ByteProgram(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool More() const { return at_ < size_; }
  uint8_t Next() { return at_ < size_ ? data_[at_++] : 0; }
  bool Flag() { return Next() % 2 == 1; }
  uint32_t Next32() {
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value = (value << 8) | Next();
    return value;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

// The frame of every target's LLVMFuzzerTestOneInput: an input longer than
// most is refused (-1: libFuzzer does not keep it); otherwise body runs
// with a fresh emulator current, and what it left alive is checked once
// everything it made is gone.
template <typename Body>
int RunInput(const char* target, size_t size, size_t most, Body body) {
  if (size > most) return -1;
  Emulator emulator;
  const LiveCountGuard live;
  body();
  live.Check(target);
  return 0;
}

}  // namespace vssemu::fuzz

#endif  // VSSEMU_TOOLS_FUZZ_FUZZ_SUPPORT_H_
