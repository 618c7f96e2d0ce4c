// The names VSS and Win32 give files, folders, volumes and shadow copies,
// and the pure rules over them: drive letters, volume GUID names, mounted
// folders, the machine's environment variables, shadow-copy device names,
// "." and "..", comparison, and file specifications with wildcards.
//
// The forms (letter case never matters):
//   C:\dir\file   C:/dir/file   \\?\C:\dir\file      a drive-rooted path
//   \\?\Volume{guid}\dir\file                         below a volume GUID name
//   C:\Mount\X\file        below a mounted folder (which volume it is, the
//                          VolumeTable decides: the longest display name)
//   %SystemRoot%\file      the emulated machine's variables
//   \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\dir\file
//                          below a shadow copy's device (also "\\.\")
//
// Contract: pure functions of their arguments, with no state, no host file
// system and no locale; nothing throws except on allocation failure. Which
// volume or shadow copy a name designates is the VolumeTable's and the
// SystemProvider's business (coordinator/), not this file's.
#ifndef VSSEMU_PATHS_VSS_PATHS_H_
#define VSSEMU_PATHS_VSS_PATHS_H_

#include <vssemu/win32_base.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vssemu::paths {

// The prefix of long and volume GUID paths ("\\?\").
inline constexpr std::wstring_view kLongPathPrefix = L"\\\\?\\";

// The device names of shadow copies, before their number.
inline constexpr std::wstring_view kShadowCopyDevicePrefix =
    L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy";

// Returns the device name of shadow copy number n
// ("\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3").
std::wstring ShadowCopyDeviceName(uint64_t n);

// Returns the last component of a device name ("HarddiskVolumeShadowCopy3").
std::wstring_view DeviceObjectName(std::wstring_view device_name);

// Splits "\\?\GLOBALROOT\Device\NAME\rest" (or "\\.\GLOBALROOT\...", any
// letter case, backslashes only) into the device name, spelt
// "\\?\GLOBALROOT\Device\NAME", and the rest ("\rest", or "" when the path
// ends at the device). Returns false for any other path.
bool SplitDevicePath(std::wstring_view path, std::wstring* device,
                     std::wstring* rest);

// Returns path with every forward slash made a backslash.
std::wstring WithBackslashes(std::wstring_view path);

// Returns path without its trailing backslashes.
std::wstring_view WithoutTrailingBackslashes(std::wstring_view path);

// Returns "X:\..." with an upper-case drive letter and exactly one trailing
// backslash, or nothing when text is not rooted at a drive letter. "C:foo"
// (drive-relative) is refused: it names no fixed folder.
std::optional<std::wstring> DriveRootedFolder(std::wstring_view text);

// Formats the volume GUID name "\\?\Volume{guid}\" of a volume GUID.
std::wstring VolumeGuidName(const GUID& guid);

// Parses "\\?\Volume{guid}" at the start of text (letter case ignored);
// *rest receives what follows the closing brace.
std::optional<GUID> ParseVolumeGuidPrefix(std::wstring_view text,
                                          std::wstring_view* rest);

// Expands the environment variables the emulated machine defines, matching
// names case-insensitively as Windows does; unknown variables stay as they
// are, as ExpandEnvironmentStrings leaves them. The table:
//   %SystemDrive%                          C:
//   %SystemRoot%, %windir%                 C:\Windows
//   %ProgramFiles%                         C:\Program Files
//   %ProgramFiles(x86)%                    C:\Program Files (x86)
//   %CommonProgramFiles%                   C:\Program Files\Common Files
//   %ProgramData%, %ALLUSERSPROFILE%       C:\ProgramData
std::wstring ExpandMachineVariables(std::wstring_view text);

// Splits a backslash-separated path below a root into components, dropping
// empty ones and "." and applying ".." (never above the root, as Windows
// does for "C:\..\x").
std::vector<std::wstring> SplitBelowRoot(std::wstring_view relative);

// Splits a relative path (backslashes or forward slashes) into components
// as SplitBelowRoot does, or returns nothing when it is not relative (a
// leading separator, a drive letter, a "\\?\" or UNC prefix) or when a
// ".." would leave the root: for folders that must stay inside a volume,
// such as VolumeOptions::snapshot_scope. "" and "." give no components.
std::optional<std::vector<std::wstring>> SplitInsideRoot(
    std::wstring_view relative);

// Resolves "." and ".." in a drive-rooted path ("C:\..." or "\\?\C:\...")
// as GetFullPathName does, so "C:\Mount\E\..\x" becomes "C:\Mount\x\";
// the result ends with a backslash. Other forms come back unchanged.
std::wstring NormaliseDrivePath(std::wstring_view path);

// Returns the full path GetFullPathName gives for name in a process whose
// current directory is current_directory (drive-rooted, ending with a
// backslash, such as "C:\"): forward slashes become backslashes, a path
// relative to the current directory or drive is made absolute, "." and
// ".." are applied (never above the root: a drive, "\\server\share\" or a
// device "\\.\GLOBALROOT\Device\NAME\"), trailing dots and spaces of the
// last component are dropped and a trailing backslash is kept. A "\\?\"
// path comes back unchanged, as Windows does not parse it; an empty name
// gives an empty result.
std::wstring FullPathName(std::wstring_view name,
                          std::wstring_view current_directory);

// Returns whether two paths name the same folder, file or volume, as
// Windows compares them (letter case and trailing backslashes ignored).
bool SameFolder(std::wstring_view a, std::wstring_view b);

// Returns whether path is folder or lies below it, whole components only
// ("D:\Db\x" is below "D:\Db\", "D:\Dbx" is not), letter case ignored.
bool IsAtOrBelow(std::wstring_view path, std::wstring_view folder);

// Returns whether name matches a Windows file specification ("*", "*.db",
// "log?.txt", "*.*"; '*' any run, '?' one character), letter case ignored.
// "*.*" matches names without a dot too, as on Windows.
bool MatchesFilespec(std::wstring_view name, std::wstring_view filespec);

}  // namespace vssemu::paths

#endif  // VSSEMU_PATHS_VSS_PATHS_H_
