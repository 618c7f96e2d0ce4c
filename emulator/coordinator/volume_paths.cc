#include "coordinator/volume_paths.h"

#include <exception>
#include <optional>
#include <system_error>

#include "coordinator/provider_system.h"
#include "coordinator/provider_volumes.h"

namespace vssemu::coordinator {
namespace {

namespace fs = std::filesystem;

constexpr wchar_t kReplacement = 0xFFFD;

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// ASCII-only folding, as provider_volumes.cc does: a lookup must give the
// same answer on every host, whatever its locale. UTF-8 continuation bytes
// are never ASCII, so folding bytes folds exactly the ASCII letters.
template <typename Char>
std::basic_string<Char> FoldAscii(std::basic_string_view<Char> text) {
  std::basic_string<Char> out(text);
  for (Char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<Char>(c - 'a' + 'A');
  }
  return out;
}

bool Exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// Returns the entry of folder whose name equals name but for ASCII case:
// the one spelt exactly as name when there is one, else the smallest.
std::optional<fs::path> MatchFolded(const fs::path& folder,
                                    const fs::path& name) {
  const std::u8string exact = name.u8string();
  const std::u8string wanted = FoldAscii<char8_t>(exact);
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
    if (FoldAscii<char8_t>(candidate) != wanted) continue;
    if (candidate == exact) return it->path();  // The spelling as given.
    if (!best || candidate < best_name) {
      best = it->path();
      best_name = std::move(candidate);
    }
  }
  return best;
}

// Resolves "." and ".." in a drive-rooted path ("C:\..." or "\\?\C:\...")
// before the volume is chosen, as GetFullPathName does: "C:\Mount\E\..\x"
// is on C:, not on the volume mounted at C:\Mount\E\. Other forms are
// returned unchanged; their ".." stop at their own root later.
std::wstring NormaliseDrivePath(const std::wstring& path) {
  std::wstring_view view = path;
  std::wstring out;
  if (view.starts_with(L"\\\\?\\")) {
    out = L"\\\\?\\";
    view.remove_prefix(out.size());
  }
  if (view.size() < 3 || view[1] != L':' || view[2] != L'\\') return path;
  out.append(view.substr(0, 3));
  for (const std::wstring& part : SplitBelowRoot(view.substr(3))) {
    out += part;
    out += L'\\';
  }
  return out;
}

// Finds the host folder and the part below it that vss_path names.
bool FindRoot(const VolumeTable& volumes, const SystemProvider& provider,
              std::wstring_view vss_path, fs::path* root, std::wstring* rest) {
  std::wstring path = ExpandMachineVariables(vss_path);
  for (wchar_t& c : path) {
    if (c == L'/') c = L'\\';
  }
  const std::wstring folded = FoldAscii<wchar_t>(path);
  for (std::wstring_view prefix : {L"\\\\?\\", L"\\\\.\\"}) {
    const std::wstring device_root = std::wstring(prefix) + L"GLOBALROOT\\DEVICE\\";
    if (!folded.starts_with(device_root)) continue;
    size_t end = path.find(L'\\', device_root.size());
    if (end == std::wstring::npos) end = path.size();
    const SnapshotRecord* record = provider.FindSnapshotByDevice(
        L"\\\\?\\GLOBALROOT\\Device\\" +
        path.substr(device_root.size(), end - device_root.size()));
    if (record == nullptr || record->storage.empty()) return false;
    *root = record->storage;
    *rest = path.substr(end);
    return true;
  }
  const Volume* volume =
      volumes.FindVolumeForPath(NormaliseDrivePath(path), rest);
  if (volume == nullptr || !volume->backed()) return false;
  *root = volume->directory;
  return true;
}

}  // namespace

std::string WideToUtf8(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = static_cast<char32_t>(text[i]);
    if constexpr (sizeof(wchar_t) == 2) {
      const bool high = c >= 0xD800 && c <= 0xDBFF;
      const bool low_next = i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
                            text[i + 1] <= 0xDFFF;
      if (high && low_next) {
        c = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        c = kReplacement;
      }
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    AppendUtf8(c, &out);
  }
  return out;
}

fs::path PathFromWide(std::wstring_view text) {
  std::string utf8 = WideToUtf8(text);
  return fs::path(std::u8string(utf8.begin(), utf8.end()));
}

std::vector<std::wstring> SplitBelowRoot(std::wstring_view relative) {
  std::vector<std::wstring> parts;
  size_t pos = 0;
  while (pos <= relative.size()) {
    size_t end = relative.find(L'\\', pos);
    if (end == std::wstring_view::npos) end = relative.size();
    std::wstring_view part = relative.substr(pos, end - pos);
    if (part == L"..") {
      if (!parts.empty()) parts.pop_back();  // At the root, stay there.
    } else if (!part.empty() && part != L".") {
      parts.emplace_back(part);
    }
    pos = end + 1;
  }
  return parts;
}

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

fs::path HostPathOf(const VolumeTable& volumes, const SystemProvider& provider,
                    std::wstring_view vss_path) {
  try {
    fs::path root;
    std::wstring rest;
    if (!FindRoot(volumes, provider, vss_path, &root, &rest)) return {};
    return ResolveBelow(root, SplitBelowRoot(rest));
  } catch (const std::exception&) {
    return {};  // Nothing may escape to code under test.
  }
}

}  // namespace vssemu::coordinator
