// main() for fuzz targets built without libFuzzer (gcc, MinGW-w64, or
// clang without -fsanitize=fuzzer): runs LLVMFuzzerTestOneInput once per
// input named on the command line (a file, or every file of a folder, in
// name order), so that a saved corpus or a crashing input from a libFuzzer
// run can be replayed anywhere. LLVMFuzzerInitialize, when the target
// defines it, sees the command line first, as under libFuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

constexpr const char* kHelp =
    "usage: %s [target options] [input files or folders]...\n"
    "\n"
    "Runs the fuzz target once per input: a file, or every file in a folder\n"
    "(name order). Without inputs, runs the empty input (every decision\n"
    "takes the documented default). Options starting with -- belong to the\n"
    "target; this build has no libFuzzer, so libFuzzer's -flag=value options\n"
    "are ignored. Exit code 0 when every input passes; a failing input\n"
    "aborts the program after the target's report.\n";

bool ReadFile(const std::filesystem::path& path, std::vector<uint8_t>* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::printf(kHelp, argv[0]);
      // The target's own options, when it has any.
      if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
      return 0;
    }
  }
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-') continue;
    std::error_code error;
    if (fs::is_directory(argv[i], error)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(argv[i], error)) {
        if (entry.is_regular_file()) found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(argv[i], error)) {
      inputs.emplace_back(argv[i]);
    } else {
      std::fprintf(stderr, "%s: %s: no such file or folder\n", argv[0], argv[i]);
      return 2;
    }
  }
  if (inputs.empty()) {
    LLVMFuzzerTestOneInput(nullptr, 0);
    std::fprintf(stderr, "ran the empty input: it passes\n");
    return 0;
  }
  for (const fs::path& path : inputs) {
    std::vector<uint8_t> bytes;
    if (!ReadFile(path, &bytes)) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], path.string().c_str());
      return 2;
    }
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  }
  std::fprintf(stderr, "ran %llu input(s): every one passes\n",
               static_cast<unsigned long long>(inputs.size()));
  return 0;
}
