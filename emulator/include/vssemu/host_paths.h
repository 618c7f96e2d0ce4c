// Where the files of the emulated machine are on the host. A volume whose
// VolumeOptions::directory is set ("backed") keeps its files in that host
// folder, and each shadow copy of it holds a copy of the folder taken when
// the snapshot set committed. HostPath turns the paths a writer or
// requester uses into host paths, so a test can create the files a writer
// backs up, read what a shadow copy holds, or restore files.
//
// Accepted forms (letter case never matters):
//   C:\dir\file   C:/dir/file   \\?\C:\dir\file     on a volume's live files
//   \\?\Volume{guid}\dir\file                        the same, by volume GUID
//   C:\Mount\D\file     a mounted folder: the volume with the longest
//                       matching display name wins
//   %SystemRoot%\file   the machine's variables (%SystemDrive%,
//                       %ProgramFiles%, %ProgramData%, ...)
//   \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\dir\file
//                       in the copy shadow copy N holds (while it exists)
//
// Contract:
// - Windows compares names without regard to case and host file systems
//   may not: each component is matched case-insensitively (ASCII letters)
//   against what exists and spelt as the host spells it; components that
//   exist in no spelling keep the given one, so the result can name a file
//   that is still to be created.
// - "." and ".." are resolved by name and ".." stops at the root: the result
//   is always inside the volume's folder or the shadow copy's copy.
// - An empty path means there is no host path: the volume has no directory,
//   no volume matches, or the shadow copy does not exist (never made,
//   deleted, released) or is of a volume without a directory.
// - Never throws; does not touch the trace.
#ifndef VSSEMU_HOST_PATHS_H_
#define VSSEMU_HOST_PATHS_H_

#include <filesystem>
#include <string_view>

namespace vssemu {

class Emulator;

// Returns the host path of vss_path on emulator's machine, or an empty path
// when there is none (see the header comment).
std::filesystem::path HostPath(const Emulator& emulator,
                               std::wstring_view vss_path);

// Returns the host path of vss_path on the current emulator's machine (see
// Emulator::Current), or an empty path when there is none.
std::filesystem::path HostPath(std::wstring_view vss_path);

}  // namespace vssemu

#endif  // VSSEMU_HOST_PATHS_H_
