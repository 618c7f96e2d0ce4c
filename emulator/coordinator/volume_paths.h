// Where the files of the emulated machine are on the host: the mapping from
// a VSS path, such as D:\data\x.db or a shadow copy's
// \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\data\x.db, to a host path
// below the folder of a backed volume or in the copy a shadow copy holds.
//
// Contract: the path rules (forms, letter case, "." and "..", UTF-8) are
// those of paths/vss_paths.h and paths/host_mapping.h; this file only adds
// the machine's state: which volume or shadow copy a path is on. In a
// drive-rooted path "." and ".." are resolved before the volume is chosen,
// as GetFullPathName does, so "C:\Mount\E\..\x" is on C:. Nothing here
// throws; a path that cannot be mapped gives an empty path.
#ifndef VSSEMU_COORDINATOR_VOLUME_PATHS_H_
#define VSSEMU_COORDINATOR_VOLUME_PATHS_H_

#include <filesystem>
#include <string_view>

namespace vssemu::coordinator {

class SystemProvider;
class VolumeTable;

// Returns the host path of vss_path on the machine of volumes and provider,
// or an empty path when vss_path is on a volume without files, on no known
// volume, or on a shadow copy that does not exist (deleted, never made) or
// holds no files. Accepts every form of paths/vss_paths.h; a mounted
// folder belongs to the volume with the longest matching display name.
std::filesystem::path HostPathOf(const VolumeTable& volumes,
                                 const SystemProvider& provider,
                                 std::wstring_view vss_path);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_VOLUME_PATHS_H_
