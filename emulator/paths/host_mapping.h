// How a path below the root of an emulated volume or shadow copy becomes a
// path of the host file system, below the host folder that holds it.
//
// Contract:
// - Windows paths are case-insensitive and host file systems may not be:
//   ResolveBelow looks each component up case-insensitively (ASCII letters
//   only, the same on every host) among what exists, and the result spells
//   it as the host does; the first component that exists in no spelling,
//   and every one after it, keep the caller's spelling, so the result also
//   names a file that is yet to be created. When host names differ only in
//   case, the one spelt exactly as given wins, else the smallest (by code
//   units).
// - "." and ".." are resolved by name (SplitBelowRoot) and ".." at the root
//   stays at the root: a result never leaves the host folder. Links inside
//   the folder are the host's.
// - Names go to the host through UTF-8 (path_text.h).
// - ResolveBelow reads folders of the host; nothing here writes. Nothing
//   throws except on allocation failure or a host name that has no UTF-8
//   form in a component that is given.
#ifndef VSSEMU_PATHS_HOST_MAPPING_H_
#define VSSEMU_PATHS_HOST_MAPPING_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::paths {

// Returns root / components, each component matched case-insensitively
// against the host file system as the header comment describes.
std::filesystem::path ResolveBelow(const std::filesystem::path& root,
                                   const std::vector<std::wstring>& components);

// Returns ResolveBelow(root, SplitBelowRoot(relative)) for a
// backslash-separated relative path.
std::filesystem::path ResolveRelative(const std::filesystem::path& root,
                                      std::wstring_view relative);

// Returns root / the components of a backslash-separated relative path,
// spelt as given (no lookup on the host), "." and ".." applied below root:
// for folders vssemu lays out itself, such as backup media.
std::filesystem::path HostPathBelow(const std::filesystem::path& root,
                                    std::wstring_view relative);

}  // namespace vssemu::paths

#endif  // VSSEMU_PATHS_HOST_MAPPING_H_
