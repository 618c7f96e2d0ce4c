#include "paths/host_mapping.h"

#include <exception>
#include <optional>
#include <system_error>

#include "paths/path_text.h"
#include "paths/vss_paths.h"

namespace vssemu::paths {
namespace {

namespace fs = std::filesystem;

bool Exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// Returns the entry of folder whose name equals name but for ASCII case:
// the one spelt exactly as name when there is one, else the smallest.
std::optional<fs::path> MatchFolded(const fs::path& folder,
                                    const fs::path& name) {
  const std::u8string exact = name.u8string();
  const std::u8string wanted = FoldCase(exact);
  std::optional<fs::path> best;
  std::u8string best_name;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::u8string candidate;
    try {
      candidate = it->path().filename().u8string();
    } catch (const std::exception&) {
      continue;  // A host name with no UTF-8 form cannot match a VSS name.
    }
    if (FoldCase(candidate) != wanted) continue;
    if (candidate == exact) return it->path();  // The spelling as given.
    if (!best || candidate < best_name) {
      best = it->path();
      best_name = std::move(candidate);
    }
  }
  return best;
}

}  // namespace

fs::path ResolveBelow(const fs::path& root,
                      const std::vector<std::wstring>& components) {
  // Every existing component is looked up by listing its folder, even when
  // the path as given exists: on a case-insensitive host (Windows) it
  // exists in any spelling, and the result must name the host's spelling
  // on every host alike.
  fs::path current = root;
  bool existing = Exists(root);  // Whether current exists on the host.
  for (const std::wstring& part : components) {
    fs::path name = PathFromWide(part);
    fs::path next = current / name;
    if (existing) {
      std::optional<fs::path> match = MatchFolded(current, name);
      if (match) {
        next = std::move(*match);
      } else {
        existing = false;  // From here on the caller's spelling stands.
      }
    }
    current = std::move(next);
  }
  return current;
}

fs::path ResolveRelative(const fs::path& root, std::wstring_view relative) {
  return ResolveBelow(root, SplitBelowRoot(relative));
}

fs::path HostPathBelow(const fs::path& root, std::wstring_view relative) {
  fs::path out = root;
  for (const std::wstring& part : SplitBelowRoot(relative)) {
    out /= PathFromWide(part);
  }
  return out;
}

}  // namespace vssemu::paths
