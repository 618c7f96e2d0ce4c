#include "paths/vss_paths.h"

#include <array>

#include "com/guid_format.h"
#include "paths/path_text.h"

namespace vssemu::paths {
namespace {

constexpr std::wstring_view kVolumeWord = L"Volume{";
constexpr std::wstring_view kDeviceRoot = L"GLOBALROOT\\Device\\";

bool IsAsciiLetter(wchar_t c) {
  return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z');
}

struct MachineVariable {
  std::wstring_view name;
  std::wstring_view value;
};

// The emulated machine is a default Windows installation on C:.
constexpr std::array<MachineVariable, 8> kMachineVariables = {{
    {L"SystemDrive", L"C:"},
    {L"SystemRoot", L"C:\\Windows"},
    {L"windir", L"C:\\Windows"},
    {L"ProgramFiles", L"C:\\Program Files"},
    {L"ProgramFiles(x86)", L"C:\\Program Files (x86)"},
    {L"CommonProgramFiles", L"C:\\Program Files\\Common Files"},
    {L"ProgramData", L"C:\\ProgramData"},
    {L"ALLUSERSPROFILE", L"C:\\ProgramData"},
}};

const MachineVariable* FindVariable(std::wstring_view name) {
  for (const MachineVariable& v : kMachineVariables) {
    if (EqualsFolded(v.name, name)) return &v;
  }
  return nullptr;
}

// Matches name against pattern ('*' any run, '?' one character), ignoring
// case; on a mismatch after a '*' the star takes one more character.
bool Match(std::wstring_view name, std::wstring_view pattern) {
  size_t n = 0, p = 0, star = std::wstring_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() &&
        (pattern[p] == L'?' || FoldCase(pattern[p]) == FoldCase(name[n]))) {
      ++n;
      ++p;
    } else if (p < pattern.size() && pattern[p] == L'*') {
      star = p++;
      resume = n;
    } else if (star != std::wstring_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == L'*') ++p;
  return p == pattern.size();
}

}  // namespace

std::wstring ShadowCopyDeviceName(uint64_t n) {
  return std::wstring(kShadowCopyDevicePrefix) + std::to_wstring(n);
}

std::wstring_view DeviceObjectName(std::wstring_view device_name) {
  const size_t slash = device_name.rfind(L'\\');
  return slash == std::wstring_view::npos ? device_name
                                          : device_name.substr(slash + 1);
}

bool SplitDevicePath(std::wstring_view path, std::wstring* device,
                     std::wstring* rest) {
  for (std::wstring_view prefix : {L"\\\\?\\", L"\\\\.\\"}) {
    if (!path.starts_with(prefix)) continue;
    std::wstring_view tail = path.substr(prefix.size());
    if (!StartsWithFolded(tail, kDeviceRoot)) return false;
    tail.remove_prefix(kDeviceRoot.size());
    size_t end = tail.find(L'\\');
    if (end == std::wstring_view::npos) end = tail.size();
    *device = std::wstring(kLongPathPrefix) + std::wstring(kDeviceRoot) +
              std::wstring(tail.substr(0, end));
    *rest = std::wstring(tail.substr(end));
    return true;
  }
  return false;
}

std::wstring WithBackslashes(std::wstring_view path) {
  std::wstring out(path);
  for (wchar_t& c : out) {
    if (c == L'/') c = L'\\';
  }
  return out;
}

std::wstring_view WithoutTrailingBackslashes(std::wstring_view path) {
  while (!path.empty() && path.back() == L'\\') path.remove_suffix(1);
  return path;
}

std::optional<std::wstring> DriveRootedFolder(std::wstring_view text) {
  if (text.size() < 2 || !IsAsciiLetter(text[0]) || text[1] != L':') {
    return std::nullopt;
  }
  if (text.size() > 2 && text[2] != L'\\') return std::nullopt;
  std::wstring result(text);
  result[0] = FoldCase(result[0]);
  if (result.back() != L'\\') result.push_back(L'\\');
  return result;
}

std::wstring VolumeGuidName(const GUID& guid) {
  return L"\\\\?\\Volume{" +
         com::FormatGuidW(guid, com::GuidStyle::kBareLower) + L"}\\";
}

std::optional<GUID> ParseVolumeGuidPrefix(std::wstring_view text,
                                          std::wstring_view* rest) {
  if (!text.starts_with(kLongPathPrefix)) return std::nullopt;
  std::wstring_view tail = text.substr(kLongPathPrefix.size());
  if (!StartsWithFolded(tail, kVolumeWord)) return std::nullopt;
  size_t open = kVolumeWord.size() - 1;  // Keep the brace for ParseGuid.
  size_t close = tail.find(L'}', open);
  if (close == std::wstring_view::npos) return std::nullopt;
  std::optional<GUID> guid =
      com::ParseGuid(tail.substr(open, close - open + 1));
  if (guid) *rest = tail.substr(close + 1);
  return guid;
}

std::wstring ExpandMachineVariables(std::wstring_view text) {
  std::wstring out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find(L'%', pos);
    size_t close = open == std::wstring_view::npos ? std::wstring_view::npos
                                                   : text.find(L'%', open + 1);
    if (close == std::wstring_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    const MachineVariable* found =
        FindVariable(text.substr(open + 1, close - open - 1));
    if (found != nullptr) {
      out.append(found->value);
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  return out;
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

std::optional<std::vector<std::wstring>> SplitInsideRoot(
    std::wstring_view relative) {
  const std::wstring path = WithBackslashes(relative);
  if (path.starts_with(L'\\') ||
      (path.size() >= 2 && IsAsciiLetter(path[0]) && path[1] == L':')) {
    return std::nullopt;
  }
  // Walk the components once more than SplitBelowRoot does, so a ".." at
  // the root is refused rather than silently kept there.
  size_t depth = 0;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find(L'\\', pos);
    if (end == std::wstring::npos) end = path.size();
    std::wstring_view part = std::wstring_view(path).substr(pos, end - pos);
    if (part == L"..") {
      if (depth == 0) return std::nullopt;
      --depth;
    } else if (!part.empty() && part != L".") {
      ++depth;
    }
    pos = end + 1;
  }
  return SplitBelowRoot(path);
}

std::wstring NormaliseDrivePath(std::wstring_view path) {
  std::wstring_view view = path;
  std::wstring out;
  if (view.starts_with(kLongPathPrefix)) {
    out = kLongPathPrefix;
    view.remove_prefix(out.size());
  }
  if (view.size() < 3 || view[1] != L':' || view[2] != L'\\') {
    return std::wstring(path);
  }
  out.append(view.substr(0, 3));
  for (const std::wstring& part : SplitBelowRoot(view.substr(3))) {
    out += part;
    out += L'\\';
  }
  return out;
}

namespace {

// Splits a full, backslash-separated path into its root (kept as given,
// without a trailing backslash) and the part below it, for FullPathName.
void SplitRoot(const std::wstring& path, std::wstring_view current_directory,
               std::wstring* root, std::wstring* below) {
  std::wstring device, rest;
  if (path.starts_with(L"\\\\.\\") && SplitDevicePath(path, &device, &rest)) {
    *root = path.substr(0, path.size() - rest.size());
    *below = rest;
  } else if (path.starts_with(L"\\\\")) {  // UNC: \\server\share.
    size_t server_end = path.find(L'\\', 2);
    size_t share_end = server_end == std::wstring::npos
                           ? std::wstring::npos
                           : path.find(L'\\', server_end + 1);
    if (share_end == std::wstring::npos) share_end = path.size();
    *root = path.substr(0, share_end);
    *below = path.substr(share_end);
  } else if (path.size() >= 2 && IsAsciiLetter(path[0]) && path[1] == L':') {
    *root = path.substr(0, 2);
    const bool relative = path.size() == 2 || path[2] != L'\\';
    const bool current_drive =
        !current_directory.empty() &&
        FoldCase(current_directory[0]) == FoldCase(path[0]);
    // "C:x" is relative to the current directory when C: is its drive.
    *below = relative && current_drive
                 ? std::wstring(current_directory.substr(2)) + L"\\" +
                       path.substr(2)
                 : path.substr(2);
  } else {
    *root = std::wstring(current_directory.substr(0, 2));
    *below = path.starts_with(L'\\')
                 ? path
                 : std::wstring(current_directory.substr(2)) + L"\\" + path;
  }
}

}  // namespace

std::wstring FullPathName(std::wstring_view name,
                          std::wstring_view current_directory) {
  if (name.empty() || name.starts_with(kLongPathPrefix)) {
    return std::wstring(name);
  }
  const std::wstring path = WithBackslashes(name);
  std::wstring root, below;
  SplitRoot(path, current_directory, &root, &below);
  std::vector<std::wstring> parts = SplitBelowRoot(below);
  if (!parts.empty()) {
    std::wstring& last = parts.back();
    while (!last.empty() && (last.back() == L'.' || last.back() == L' ')) {
      last.pop_back();
    }
    if (last.empty()) parts.pop_back();
  }
  std::wstring out = root + L"\\";
  for (size_t i = 0; i < parts.size(); ++i) {
    out += parts[i];
    if (i + 1 < parts.size() || path.back() == L'\\') out += L'\\';
  }
  return out;
}

bool SameFolder(std::wstring_view a, std::wstring_view b) {
  return EqualsFolded(WithoutTrailingBackslashes(a),
                      WithoutTrailingBackslashes(b));
}

bool IsAtOrBelow(std::wstring_view path, std::wstring_view folder) {
  folder = WithoutTrailingBackslashes(folder);
  return StartsWithFolded(path, folder) &&
         (path.size() == folder.size() || path[folder.size()] == L'\\');
}

bool MatchesFilespec(std::wstring_view name, std::wstring_view filespec) {
  if (filespec == L"*.*") return true;
  return Match(name, filespec);
}

}  // namespace vssemu::paths
