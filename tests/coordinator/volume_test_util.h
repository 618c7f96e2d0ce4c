// Helpers for tests of volumes backed by host folders: a temporary folder
// that removes itself, small file helpers, and a requester driver that
// snapshots chosen volumes and names their shadow-copy devices. Free of
// GoogleTest, so the benchmarks share it.
#ifndef VSSEMU_TESTS_COORDINATOR_VOLUME_TEST_UTIL_H_
#define VSSEMU_TESTS_COORDINATOR_VOLUME_TEST_UTIL_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {

// Owns a fresh folder under the system's temporary folder, removed (with
// everything in it) on destruction.
class TempFolder {
 public:
  // Creates the folder; its name holds tag, the process id and a counter,
  // so parallel test processes never share one.
  explicit TempFolder(std::string_view tag = "test");
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Returns the folder (empty if it could not be created).
  const std::filesystem::path& path() const { return path_; }
  // Returns path() / relative.
  std::filesystem::path operator/(const std::filesystem::path& relative) const {
    return path_ / relative;
  }

 private:
  std::filesystem::path path_;
};

// Writes text to path, creating its parent folders; false on failure.
bool WriteFile(const std::filesystem::path& path, std::string_view text);

// Returns the contents of path, or "<missing>" when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

// Returns whether two paths name the same folder, lexically (a trailing
// separator ignored); std::filesystem::equivalent cannot open folders
// under Wine.
bool SameFolder(const std::filesystem::path& a, const std::filesystem::path& b);

// Runs a component-mode backup in context up to DoSnapshotSet with volumes
// in the set (in order); their snapshot ids go to *ids. Returns the first
// failure, or DoSnapshotSet's result (S_OK on success).
HRESULT SnapshotVolumes(Requester& requester,
                        const std::vector<std::wstring>& volumes,
                        std::vector<VSS_ID>* ids,
                        LONG context = VSS_CTX_BACKUP);

// Returns the device object of shadow copy snapshot_id ("" if unknown).
std::wstring DeviceOf(Requester& requester, const VSS_ID& snapshot_id);

// Returns whether text contains the host path folder in any of its usual
// spellings (native, generic, either separator).
bool MentionsHostPath(std::string_view text,
                      const std::filesystem::path& folder);

}  // namespace vssemu::testing

#endif  // VSSEMU_TESTS_COORDINATOR_VOLUME_TEST_UTIL_H_
