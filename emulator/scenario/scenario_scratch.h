// The scratch folder of a scenario run that has files: the host folders
// behind its volumes, the storage of its shadow copies and the media of its
// backups, created before the emulator and removed when the run ends.
//
// Layout below a folder unique to the run (under the system's temporary
// folder or a parent the caller names, named after the process id and a counter):
//   volumes/volume-<i>    the files of volume i of RunOptions::volumes
//   snapshots/            RunOptions::snapshot_storage
//   media/backup-<k>/     the media of the run's k-th backup (1-based)
//
// Contract: host paths never leave this module and the runner (not in the
// trace, not in messages), so a run is the same on every machine. The
// destructor removes the whole folder, whatever happened in the run; errors
// while removing are ignored. Never throws.
#ifndef VSSEMU_SCENARIO_SCENARIO_SCRATCH_H_
#define VSSEMU_SCENARIO_SCENARIO_SCRATCH_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <vssemu/run_options.h>

#include <vssemu/scenario/scenario_model.h>

namespace vssemu::scenario {

// The earliest and latest last-write times a <file modified=...> may give,
// as FILETIME numbers (1970-01-01 and 2200-01-01): host clocks count
// nanoseconds in 64 bits around 1970, so times far from it do not fit.
inline constexpr uint64_t kEarliestFileTime = 116444736000000000ull;
inline constexpr uint64_t kLatestFileTime = 189025920000000000ull;

// Returns `bytes` bytes of printable text derived from path alone: the same
// on every machine and run, and different for different paths.
std::string GeneratedContent(std::wstring_view path, uint64_t bytes);

// Creates a folder of its own below parent, named stem-<process id>-<n>:
// create_directory claims a name atomically, so a name another process (or
// one that crashed) holds is skipped. Returns its path, or an empty path
// with *why set.
std::filesystem::path CreateUniqueFolder(const std::filesystem::path& parent,
                                         const std::string& stem, std::string* why);

class ScratchFolder {
 public:
  ScratchFolder() = default;
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  // Removes the folder and everything in it.
  ~ScratchFolder();

  // Creates the folder (in parent, else in the temporary folder) and a
  // subfolder per volume of *options (setting each volume's directory and
  // options->snapshot_storage), then writes files. Returns "" or what
  // failed (without host paths).
  std::string Create(const std::vector<VolumeFile>& files, RunOptions* options,
                     const std::filesystem::path& parent = {});

  // Returns the media folder of the k-th backup (1-based) of the run.
  std::filesystem::path Media(int backup) const;

 private:
  // Writes one file into the folder of its volume; "" or what failed.
  std::string Write(const VolumeFile& file, const RunOptions& options);

  std::filesystem::path root_;
};

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_SCRATCH_H_
