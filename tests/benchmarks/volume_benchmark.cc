// Cost of the copy a shadow copy of a backed volume takes (Google Benchmark;
// run the release build). The volume holds 100 files of 1 MB in 4 folders.
//   BM_SnapshotOfBackedVolume: DoSnapshotSet of the volume (with the whole
//     requester sequence around it), which copies its files;
//   BM_PlainRecursiveCopy: one std::filesystem::copy(recursive) of the same
//     folder;
//   BM_PlainCopyFilePerFile: one copy_file per file, folders made as met.
// Target: the snapshot costs no more than one plain copy of its files.
// Removing the copies is outside the timed part in all three.
#include <benchmark/benchmark.h>

#include <vsserror.h>
#include <vssemu/host_paths.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "coordinator/coordinator_test_util.h"
#include "coordinator/volume_test_util.h"

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 100;
constexpr int kFolders = 4;
constexpr size_t kFileBytes = 1 << 20;
constexpr int64_t kVolumeBytes = int64_t{kFiles} * int64_t{kFileBytes};

// Fills folder with the volume's files.
bool FillVolume(const TempFolder& folder) {
  std::string content(kFileBytes, '\0');
  for (size_t i = 0; i < content.size(); ++i) {
    content[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
  }
  for (int i = 0; i < kFiles; ++i) {
    if (!WriteFile(folder / ("folder" + std::to_string(i % kFolders)) /
                       ("file" + std::to_string(i) + ".bin"),
                   content)) {
      return false;
    }
  }
  return true;
}

// The source volume, made once for every benchmark of the run and removed
// at exit.
const TempFolder& Volume() {
  static TempFolder volume("bench-volume");
  static bool filled = FillVolume(volume);
  (void)filled;
  return volume;
}

RunOptions BackedOptions() {
  RunOptions options;
  options.record_trace = false;
  options.strictness = Strictness::kWindows;
  options.volumes = {VolumeOptions{.name = L"C:\\", .directory = Volume().path()}};
  return options;
}

void BM_SnapshotOfBackedVolume(benchmark::State& state) {
  Emulator emulator(BackedOptions());
  for (auto _ : state) {
    auto requester = std::make_unique<Requester>();
    std::vector<VSS_ID> ids;
    if (FAILED(SnapshotVolumes(*requester, {L"C:\\"}, &ids))) {
      state.SkipWithError("snapshot failed");
      break;
    }
    state.PauseTiming();
    requester.reset();  // Auto-release: removes the copy.
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * kVolumeBytes);
}
BENCHMARK(BM_SnapshotOfBackedVolume)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PlainRecursiveCopy(benchmark::State& state) {
  TempFolder target("bench-copy");
  const fs::path destination = target / "copy";
  for (auto _ : state) {
    std::error_code ec;
    fs::copy(Volume().path(), destination, fs::copy_options::recursive, ec);
    if (ec) {
      state.SkipWithError("copy failed");
      break;
    }
    state.PauseTiming();
    fs::remove_all(destination, ec);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * kVolumeBytes);
}
BENCHMARK(BM_PlainRecursiveCopy)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PlainCopyFilePerFile(benchmark::State& state) {
  TempFolder target("bench-files");
  const fs::path destination = target / "copy";
  for (auto _ : state) {
    std::error_code ec;
    fs::create_directory(destination, ec);
    for (fs::recursive_directory_iterator it(Volume().path(), ec), end;
         !ec && it != end; it.increment(ec)) {
      const fs::path to =
          destination / fs::relative(it->path(), Volume().path(), ec);
      if (it->is_directory(ec)) {
        fs::create_directory(to, ec);
      } else {
        fs::copy_file(it->path(), to, ec);
      }
    }
    if (ec) {
      state.SkipWithError("copy failed");
      break;
    }
    state.PauseTiming();
    fs::remove_all(destination, ec);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * kVolumeBytes);
}
BENCHMARK(BM_PlainCopyFilePerFile)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace vssemu::testing

BENCHMARK_MAIN();
