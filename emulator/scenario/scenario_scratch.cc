#include "scenario/scenario_scratch.h"

#include <atomic>
#include <chrono>
#include <cwctype>
#include <fstream>
#include <system_error>

#include <windows.h>

#include "metadata/xml_util.h"
#include "paths/host_mapping.h"
#include "paths/vss_paths.h"
#include "reference_requester/backup_media.h"
#include "reference_requester/writer_files.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// Numbers the scratch folders of this process; create_directory decides
// between processes.
std::atomic<unsigned> g_scratch_counter{0};


}  // namespace

fs::path CreateUniqueFolder(const fs::path& parent, const std::string& stem,
                            std::string* why) {
  std::string prefix = stem;
  prefix += '-';
  prefix += std::to_string(GetCurrentProcessId());
  prefix += '-';
  std::error_code ec;
  for (int attempt = 0; attempt < 1000; ++attempt) {
    fs::path candidate = parent / (prefix + std::to_string(++g_scratch_counter));
    if (fs::create_directory(candidate, ec)) return candidate;
    if (ec) {
      *why = "cannot create a folder for the run: " + ec.message();
      return {};
    }
  }
  *why = "cannot find a free folder name for the run";
  return {};
}

std::string GeneratedContent(std::wstring_view path, uint64_t bytes) {
  // FNV-1a over the path seeds an xorshift stream; lines of 63 letters.
  uint64_t state = 0xcbf29ce484222325ull;
  for (wchar_t c : path) {
    state =
        (state ^ static_cast<uint64_t>(std::towlower(c))) * 0x100000001b3ull;
  }
  if (state == 0) state = 1;
  std::string text;
  text.reserve(bytes);
  for (uint64_t i = 0; i < bytes; ++i) {
    if (i % 64 == 63) {
      text += '\n';
      continue;
    }
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    text += static_cast<char>('a' + state % 26);
  }
  return text;
}

ScratchFolder::~ScratchFolder() {
  if (root_.empty()) return;
  std::error_code ec;
  fs::remove_all(root_, ec);
}

std::string ScratchFolder::Create(const std::vector<VolumeFile>& files,
                                  RunOptions* options,
                                  const fs::path& parent) {
  std::error_code ec;
  const fs::path temp = parent.empty() ? fs::temp_directory_path(ec) : parent;
  if (ec) return "there is no temporary folder: " + ec.message();
  std::string problem;
  root_ = CreateUniqueFolder(temp, "vssemu-scenario", &problem);
  if (root_.empty()) return problem;
  for (size_t i = 0; i < options->volumes.size(); ++i) {
    fs::path folder = root_ / "volumes" / ("volume-" + std::to_string(i));
    fs::create_directories(folder, ec);
    if (ec) return "cannot create a volume's folder: " + ec.message();
    options->volumes[i].directory = folder;
  }
  options->snapshot_storage = root_ / "snapshots";
  for (const VolumeFile& file : files) {
    std::string why = Write(file, *options);
    if (!why.empty()) return file.where.ToString() + ": " + why;
  }
  return "";
}

std::string ScratchFolder::Write(const VolumeFile& file,
                                 const RunOptions& options) {
  const std::string name =
      metadata::ToUtf8(file.volume) + metadata::ToUtf8(file.path);
  const VolumeOptions* volume = nullptr;
  for (const VolumeOptions& v : options.volumes) {
    if (paths::SameFolder(v.name, file.volume)) volume = &v;
  }
  if (volume == nullptr) return "no volume " + metadata::ToUtf8(file.volume);
  const fs::path host = paths::HostPathBelow(volume->directory, file.path);
  std::error_code ec;
  fs::create_directories(host.parent_path(), ec);
  if (ec) return "cannot create the folder of " + name + ": " + ec.message();
  {
    std::ofstream out(host, std::ios::binary | std::ios::trunc);
    const std::string bytes =
        file.generated ? GeneratedContent(file.volume + file.path, file.bytes)
                       : file.text;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return "cannot write " + name;
  }
  if (file.modified) {
    fs::last_write_time(host, HostFromFiletime(*file.modified), ec);
    if (ec) return "cannot set the time of " + name + ": " + ec.message();
  }
  return "";
}

std::filesystem::path ScratchFolder::Media(int backup) const {
  return root_ / "media" / ("backup-" + std::to_string(backup));
}

}  // namespace vssemu::scenario
