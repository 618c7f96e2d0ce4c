// The emulated machine's volumes: what AddToSnapshotSet, IsVolumeSupported
// and the path-to-volume lookups of the coordinator resolve names against.
//
// Contract: a VolumeTable holds volumes in the order they were added and
// never moves them, so a `const Volume*` it hands out stays valid for the
// table's lifetime. Every name a caller passes goes through one
// normalisation (FindVolume); every file path through one lookup
// (FindVolumeForPath). Volume GUIDs that the configuration does not give are
// drawn from a PRNG seeded at construction, so the same seed and the same
// sequence of Add calls give the same volume GUID names on every run; on
// Windows a drive root added with VolumeSpec::host_guid takes the host's
// GUID instead (the PRNG is drawn from all the same).
//
// Names accepted by FindVolume (letter case never matters):
//   "C:\"  "C:"  "c:\"                         a drive letter root
//   "C:\Mount\X\"  "C:\Mount\X"               a mounted folder that IS a
//                                               volume's display name
//   "\\?\Volume{guid}\"  "\\?\Volume{guid}"    the volume GUID name
// Anything else, including a path below a volume root such as
// "C:\some\path", a relative name or a UNC share, is not a volume name and
// is not found (the caller answers VSS_E_OBJECT_NOT_FOUND). The
// documentation asks for a trailing backslash; the emulator also accepts the
// name without it, so a requester that gets this slightly wrong is not
// punished more than a volume-name lookup on Windows would.
#ifndef VSSEMU_COORDINATOR_PROVIDER_VOLUMES_H_
#define VSSEMU_COORDINATOR_PROVIDER_VOLUMES_H_

#include <vssemu/win32_base.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <vssemu/sim/prng.h>

namespace vssemu::coordinator {

// Seeds the volume GUIDs of a VolumeTable whose caller gives no seed.
inline constexpr uint64_t kDefaultVolumeGuidSeed = 0x766f6c756d65ull;

// Describes one volume as a configuration gives it.
struct VolumeSpec {
  // "D:\", "D:" or a mounted folder "C:\Mount\X\"; stored with a trailing
  // backslash and an upper-case drive letter.
  std::wstring display_name;
  // The volume GUID; drawn from the table's PRNG when absent.
  std::optional<GUID> guid = std::nullopt;
  // Without a guid: a drive root that the host has as a volume takes the
  // host's GUID (platform/host_volumes.h; Windows only), so the name the
  // host's GetVolumeNameForVolumeMountPointW gives is this volume's. The
  // PRNG is drawn from all the same, so the other volumes keep their GUIDs.
  bool host_guid = false;
  // Whether the system provider can shadow-copy the volume at all.
  bool supported_by_system_provider = true;
  // Whether the volume is NTFS; persistent contexts require it (spec 14.1).
  bool ntfs = true;
  // The host folder holding the volume's files; empty: no files. Stored as
  // given (the service makes it absolute and checks that it exists).
  std::filesystem::path directory = {};
  // The folders, relative to the volume root, that a shadow copy of a
  // backed volume holds; empty: the whole tree (see VolumeOptions).
  std::vector<std::wstring> snapshot_scope = {};
};

// Describes one volume of the emulated machine.
struct Volume {
  std::wstring display_name;  // "C:\"
  GUID guid = GUID_NULL;
  std::wstring guid_name;  // "\\?\Volume{lower-case guid}\"
  bool supported_by_system_provider = true;
  bool ntfs = true;
  std::filesystem::path directory;  // The backing host folder, or empty.
  std::vector<std::wstring> snapshot_scope;  // Empty: the whole tree.

  // Returns whether the volume's files live in a host folder.
  bool backed() const { return !directory.empty(); }
};

// Draws a version-4-shaped GUID from prng (deterministic for a seed).
GUID GuidFromPrng(sim::Prng& prng);

// Holds the volumes of the emulated machine.
class VolumeTable {
 public:
  // Creates an empty table whose generated GUIDs come from guid_seed.
  explicit VolumeTable(uint64_t guid_seed = kDefaultVolumeGuidSeed);

  // Creates the default machine: one NTFS volume C:\ that the system
  // provider supports.
  static VolumeTable WithDefaultVolumes(
      uint64_t guid_seed = kDefaultVolumeGuidSeed);

  // Adds a volume. E_INVALIDARG if the display name is not a drive-rooted
  // folder or the GUID is GUID_NULL; VSS_E_OBJECT_ALREADY_EXISTS if another
  // volume has the same display name or GUID. On success stores the new
  // volume in *added when added is not NULL.
  HRESULT Add(const VolumeSpec& spec, const Volume** added = nullptr);

  // Returns the volume a volume name designates (see the header comment for
  // the accepted forms), or nullptr.
  const Volume* FindVolume(std::wstring_view name) const;

  // Returns the volume a file or folder path lives on, or nullptr. The path
  // may use the variables of paths::ExpandMachineVariables, forward slashes, a
  // "\\?\" prefix or a volume GUID name as its root; the volume whose
  // display name is the longest matching prefix wins, so a file below a
  // mounted folder belongs to the mounted volume. When rest is not NULL and
  // a volume is found, *rest receives the part of the (expanded) path below
  // the volume root, backslash-separated, without a leading backslash and
  // possibly with a trailing one: "C:\Mount\D\x\y.txt" gives "x\y.txt\"
  // on the volume mounted at "C:\Mount\D\".
  const Volume* FindVolumeForPath(std::wstring_view path,
                                  std::wstring* rest = nullptr) const;

  // Returns every volume, in the order they were added.
  const std::deque<Volume>& volumes() const { return volumes_; }

 private:
  const Volume* FindByGuidName(std::wstring_view name) const;
  const Volume* FindByDisplayName(std::wstring_view folded) const;

  sim::Prng prng_;
  std::deque<Volume> volumes_;  // A deque: Add never moves earlier volumes.
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_PROVIDER_VOLUMES_H_
