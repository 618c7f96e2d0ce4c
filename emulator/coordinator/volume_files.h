// The files of volumes backed by host folders: a point-in-time copy of a
// folder tree (what a shadow copy of a backed volume holds), its removal,
// and the storage folder where the copies live.
//
// Contract:
// - Nothing here throws: every std::filesystem call uses its error_code
//   overload, and anything else that could throw (allocation, path
//   conversion) is caught and reported as a failure. Errors come back as
//   values (TreeCopy, std::error_code).
// - CopyTree copies directories and regular files, keeping last-write times,
//   and copies symbolic links as links (never following them). Other kinds
//   of file (sockets, FIFOs, devices) have no Windows counterpart and are
//   skipped. Entries are visited in name order, so the first failure of a
//   tree is the same on every run.
// - Failure texts (TreeCopy::operation, failed_at) never hold a host path:
//   the trace that carries them must be the same on every machine.
// - No clock, no randomness; the only process-dependent value is the name
//   of the default storage folder, which never reaches the trace.
#ifndef VSSEMU_COORDINATOR_VOLUME_FILES_H_
#define VSSEMU_COORDINATOR_VOLUME_FILES_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace vssemu::coordinator {

// Reports what one CopyTree did, or where it stopped.
struct TreeCopy {
  uint64_t files = 0;        // Regular files copied.
  uint64_t links = 0;        // Symbolic links copied as links.
  uint64_t directories = 0;  // Folders created below the destination.
  uint64_t bytes = 0;        // Bytes of the regular files copied.
  // The first failure; the copy stops there.
  std::error_code error;
  // What failed ("read", "copy", "create", "set time of", ...), empty on
  // success.
  std::string operation;
  // Where it failed, relative to the copied root: UTF-8, backslash-
  // separated ("data\\orders.db"); empty for the root itself.
  std::string failed_at;

  // Returns whether the copy completed.
  bool ok() const { return !error; }
};

// Copies the tree below source into destination, which must not exist yet
// (its parent must). The folders of hollow (paths below source, spelt as
// source / ...) are created empty and not descended into: a volume mounted
// on a folder hides what the folder holds on the outer volume.
TreeCopy CopyTree(const std::filesystem::path& source,
                  const std::filesystem::path& destination,
                  const std::vector<std::filesystem::path>& hollow = {});

// Copies as CopyTree, but (scope not empty) only the folders scope names,
// relative to source (backslash-separated, matched case-insensitively as
// paths::ResolveRelative does; "" or "." is the whole tree): destination
// then holds those subtrees and the folders on the way to them, nothing
// else. A scope folder that does not exist on the host is absent from the
// copy; one inside another scope folder is copied once.
TreeCopy CopyScopedTree(const std::filesystem::path& source,
                        const std::filesystem::path& destination,
                        const std::vector<std::wstring>& scope,
                        const std::vector<std::filesystem::path>& hollow = {});

// Removes root and everything below it; a missing root is success. Clears
// read-only attributes and retries once, since Windows refuses to delete
// read-only files that a copy may have kept.
std::error_code RemoveTree(const std::filesystem::path& root);

// Formats a failed copy for the trace: "copy D:\\data\\x.db: <message>",
// with volume_name (UTF-8, "D:\\") in front of the failed path. Never holds
// a host path.
std::string DescribeCopyFailure(const TreeCopy& copy,
                                std::string_view volume_name);

// Owns the folder where shadow copies of backed volumes live.
class SnapshotStorage {
 public:
  // Uses root, or (root empty) a folder of its own under the system's
  // temporary folder, named after the process id and a counter. Nothing is
  // created until the first MakeFolder.
  explicit SnapshotStorage(std::filesystem::path root = {});
  // Removes the folder of its own, if it made one (a configured root stays).
  ~SnapshotStorage();
  SnapshotStorage(const SnapshotStorage&) = delete;
  SnapshotStorage& operator=(const SnapshotStorage&) = delete;

  // Creates the storage root when needed and returns in *folder the path of
  // name below it, which does not exist on success (a stale copy left by an
  // earlier run is removed). The caller creates the folder itself.
  std::error_code PrepareFolder(std::string_view name,
                                std::filesystem::path* folder);

  // Returns the storage root; empty while the default root is not created.
  const std::filesystem::path& root() const { return root_; }

 private:
  std::error_code EnsureRoot();

  std::filesystem::path root_;
  bool owns_root_ = false;  // Made by us under the temporary folder.
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_VOLUME_FILES_H_
