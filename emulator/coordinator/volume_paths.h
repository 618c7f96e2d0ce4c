// Where the files of the emulated machine are on the host: the mapping from
// a VSS path, such as D:\data\x.db or a shadow copy's
// \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\data\x.db, to a host path
// below the folder of a backed volume or in the copy a shadow copy holds.
//
// Contract:
// - Windows paths are case-insensitive and host file systems may not be:
//   each component is looked up case-insensitively (ASCII letters only, the
//   same on every host) among what exists, and the result spells it as the
//   host does; the first component that exists in no spelling, and every
//   one after it, keep the caller's spelling, so the result also names a
//   file that is yet to be created. When host names differ only in case,
//   the one spelt exactly as given wins, else the smallest (by code units).
// - "." and ".." are resolved by name, and ".." at the root stays at the
//   root, as Windows does for "C:\..\x": a result never leaves the folder
//   of its volume or shadow copy. In a drive-rooted path they are resolved
//   before the volume is chosen, as GetFullPathName does, so
//   "C:\Mount\E\..\x" is on C:. Links inside the folder are the host's.
// - Wide strings become host paths through UTF-8, never through the C
//   locale, so non-ASCII names work on every host.
// - Nothing here throws; a path that cannot be mapped gives an empty path.
#ifndef VSSEMU_COORDINATOR_VOLUME_PATHS_H_
#define VSSEMU_COORDINATOR_VOLUME_PATHS_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::coordinator {

class SystemProvider;
class VolumeTable;

// Converts a wide string (UTF-16 or UTF-32) to UTF-8; an invalid code unit
// becomes U+FFFD.
std::string WideToUtf8(std::wstring_view text);

// Converts a wide string to a host path through UTF-8.
std::filesystem::path PathFromWide(std::wstring_view text);

// Splits a backslash-separated path below a root into components, dropping
// empty ones and "." and applying ".." (never above the root).
std::vector<std::wstring> SplitBelowRoot(std::wstring_view relative);

// Returns root / components, resolved case-insensitively against the host
// file system as the header comment describes.
std::filesystem::path ResolveBelow(const std::filesystem::path& root,
                                   const std::vector<std::wstring>& components);

// Returns the host path of vss_path on the machine of volumes and provider,
// or an empty path when vss_path is on a volume without files, on no known
// volume, or on a shadow copy that does not exist (deleted, never made) or
// holds no files. Accepts "C:\dir", "C:/dir", "\\?\C:\dir",
// "\\?\Volume{guid}\dir", mounted folders (the longest volume display
// name wins), the variables of ExpandMachineVariables, and
// "\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\dir" (also with
// "\\.\" in front); letter case never matters.
std::filesystem::path HostPathOf(const VolumeTable& volumes,
                                 const SystemProvider& provider,
                                 std::wstring_view vss_path);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_VOLUME_PATHS_H_
