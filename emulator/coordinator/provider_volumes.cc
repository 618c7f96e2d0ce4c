#include "coordinator/provider_volumes.h"

#include <vsserror.h>

#include <array>
#include <utility>

#include "com/guid_format.h"

namespace vssemu::coordinator {
namespace {

constexpr std::wstring_view kLongPathPrefix = L"\\\\?\\";
constexpr std::wstring_view kVolumeWord = L"VOLUME{";

// ASCII-only case folding: towupper depends on the C locale, and a lookup
// must give the same answer on every machine.
wchar_t FoldChar(wchar_t c) {
  return (c >= L'a' && c <= L'z') ? static_cast<wchar_t>(c - L'a' + L'A') : c;
}

std::wstring Fold(std::wstring_view text) {
  std::wstring folded(text);
  for (wchar_t& c : folded) c = FoldChar(c);
  return folded;
}

bool StartsWithFolded(std::wstring_view text, std::wstring_view folded_prefix) {
  if (text.size() < folded_prefix.size()) return false;
  for (size_t i = 0; i < folded_prefix.size(); ++i) {
    if (FoldChar(text[i]) != folded_prefix[i]) return false;
  }
  return true;
}

bool IsAsciiLetter(wchar_t c) {
  return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z');
}

// Returns "X:\..." with an upper-case drive letter and exactly one trailing
// backslash, or nothing when text is not rooted at a drive letter.
// "C:foo" (drive-relative) is refused: it names no fixed folder.
std::optional<std::wstring> DriveRootedFolder(std::wstring_view text) {
  if (text.size() < 2 || !IsAsciiLetter(text[0]) || text[1] != L':') {
    return std::nullopt;
  }
  if (text.size() > 2 && text[2] != L'\\') return std::nullopt;
  std::wstring result(text);
  result[0] = FoldChar(result[0]);
  if (result.back() != L'\\') result.push_back(L'\\');
  return result;
}

// Parses "\\?\Volume{guid}" at the start of text; *rest receives what
// follows the closing brace.
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

struct MachineVariable {
  std::wstring_view folded_name;
  std::wstring_view value;
};

// The emulated machine is a default Windows installation on C:.
constexpr std::array<MachineVariable, 8> kMachineVariables = {{
    {L"SYSTEMDRIVE", L"C:"},
    {L"SYSTEMROOT", L"C:\\Windows"},
    {L"WINDIR", L"C:\\Windows"},
    {L"PROGRAMFILES", L"C:\\Program Files"},
    {L"PROGRAMFILES(X86)", L"C:\\Program Files (x86)"},
    {L"COMMONPROGRAMFILES", L"C:\\Program Files\\Common Files"},
    {L"PROGRAMDATA", L"C:\\ProgramData"},
    {L"ALLUSERSPROFILE", L"C:\\ProgramData"},
}};

}  // namespace

GUID GuidFromPrng(sim::Prng& prng) {
  uint64_t high = prng.Next();
  uint64_t low = prng.Next();
  GUID g;
  g.Data1 = static_cast<uint32_t>(high >> 32);
  g.Data2 = static_cast<uint16_t>(high >> 16);
  // Version 4 and the RFC 4122 variant, so generated ids look like the
  // random GUIDs Windows hands out.
  g.Data3 = static_cast<uint16_t>((high & 0x0FFF) | 0x4000);
  for (int i = 0; i < 8; ++i) {
    g.Data4[i] = static_cast<unsigned char>(low >> (8 * (7 - i)));
  }
  g.Data4[0] = static_cast<unsigned char>((g.Data4[0] & 0x3F) | 0x80);
  return g;
}

std::wstring VolumeGuidName(const GUID& guid) {
  return L"\\\\?\\Volume{" +
         com::FormatGuidW(guid, com::GuidStyle::kBareLower) + L"}\\";
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
    std::wstring name = Fold(text.substr(open + 1, close - open - 1));
    const MachineVariable* found = nullptr;
    for (const MachineVariable& v : kMachineVariables) {
      if (v.folded_name == name) found = &v;
    }
    if (found != nullptr) {
      out.append(found->value);
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  return out;
}

VolumeTable::VolumeTable(uint64_t guid_seed) : prng_(guid_seed) {}

VolumeTable VolumeTable::WithDefaultVolumes(uint64_t guid_seed) {
  VolumeTable table(guid_seed);
  table.Add(VolumeSpec{.display_name = L"C:\\"});
  return table;
}

HRESULT VolumeTable::Add(const VolumeSpec& spec, const Volume** added) {
  std::optional<std::wstring> display = DriveRootedFolder(spec.display_name);
  if (!display) return E_INVALIDARG;
  if (spec.guid && IsEqualGUID(*spec.guid, GUID_NULL)) return E_INVALIDARG;
  if (FindByDisplayName(Fold(*display)) != nullptr) {
    return VSS_E_OBJECT_ALREADY_EXISTS;
  }
  // Draw the GUID only after validating, so a refused Add does not shift
  // the GUIDs of the volumes added after it.
  GUID guid = spec.guid ? *spec.guid : GuidFromPrng(prng_);
  for (const Volume& v : volumes_) {
    if (IsEqualGUID(v.guid, guid)) return VSS_E_OBJECT_ALREADY_EXISTS;
  }
  volumes_.push_back(
      Volume{.display_name = std::move(*display),
             .guid = guid,
             .guid_name = VolumeGuidName(guid),
             .supported_by_system_provider = spec.supported_by_system_provider,
             .ntfs = spec.ntfs,
             .directory = spec.directory});
  if (added != nullptr) *added = &volumes_.back();
  return S_OK;
}

const Volume* VolumeTable::FindVolume(std::wstring_view name) const {
  if (name.starts_with(kLongPathPrefix)) return FindByGuidName(name);
  std::optional<std::wstring> folder = DriveRootedFolder(name);
  if (!folder) return nullptr;
  return FindByDisplayName(Fold(*folder));
}

const Volume* VolumeTable::FindByGuidName(std::wstring_view name) const {
  std::wstring_view rest;
  std::optional<GUID> guid = ParseVolumeGuidPrefix(name, &rest);
  if (!guid || !(rest.empty() || rest == L"\\")) return nullptr;
  for (const Volume& v : volumes_) {
    if (IsEqualGUID(v.guid, *guid)) return &v;
  }
  return nullptr;
}

const Volume* VolumeTable::FindByDisplayName(std::wstring_view folded) const {
  for (const Volume& v : volumes_) {
    if (Fold(v.display_name) == folded) return &v;
  }
  return nullptr;
}

const Volume* VolumeTable::FindVolumeForPath(std::wstring_view path,
                                             std::wstring* rest) const {
  std::wstring expanded = ExpandMachineVariables(path);
  for (wchar_t& c : expanded) {
    if (c == L'/') c = L'\\';
  }
  std::wstring_view view = expanded;
  if (view.starts_with(kLongPathPrefix)) {
    std::wstring_view below;
    std::optional<GUID> guid = ParseVolumeGuidPrefix(view, &below);
    if (guid) {
      if (!(below.empty() || below.starts_with(L'\\'))) return nullptr;
      for (const Volume& v : volumes_) {
        if (!IsEqualGUID(v.guid, *guid)) continue;
        if (rest != nullptr) *rest = below.empty() ? below : below.substr(1);
        return &v;
      }
      return nullptr;
    }
    view.remove_prefix(kLongPathPrefix.size());  // "\\?\C:\..." is "C:\...".
  }
  std::optional<std::wstring> folder = DriveRootedFolder(view);
  if (!folder) return nullptr;
  std::wstring folded = Fold(*folder);
  // The trailing backslash on both sides makes "C:\Mount\D\" a prefix of
  // "C:\MOUNT\D\X\" but not of "C:\MOUNT\DX\".
  const Volume* best = nullptr;
  size_t best_length = 0;
  for (const Volume& v : volumes_) {
    std::wstring display = Fold(v.display_name);
    if (folded.starts_with(display) && display.size() > best_length) {
      best = &v;
      best_length = display.size();
    }
  }
  // Folding keeps lengths, so the unfolded folder splits at the same place
  // and the rest keeps the caller's spelling.
  if (best != nullptr && rest != nullptr) *rest = folder->substr(best_length);
  return best;
}

}  // namespace vssemu::coordinator
