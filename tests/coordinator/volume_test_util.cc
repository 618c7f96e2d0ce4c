#include "coordinator/volume_test_util.h"

#include <vsserror.h>

#include <fstream>
#include <iterator>
#include <system_error>

namespace vssemu::testing {
namespace {

namespace fs = std::filesystem;

int g_folders = 0;

std::string Narrow(const std::u8string& text) {
  return std::string(text.begin(), text.end());
}

}  // namespace

TempFolder::TempFolder(std::string_view tag) {
  std::error_code ec;
  fs::path temp = fs::temp_directory_path(ec);
  if (ec) return;
  const std::string stem = "vssemu-" + std::string(tag) + "-" +
                           std::to_string(GetCurrentProcessId()) + "-";
  // create_directory claims a name atomically; a leftover from a run that
  // crashed only moves us to the next number.
  for (int attempt = 0; attempt < 1000; ++attempt) {
    fs::path candidate = temp / (stem + std::to_string(++g_folders));
    if (fs::create_directory(candidate, ec)) {
      path_ = candidate;
      return;
    }
    if (ec) return;
  }
}

TempFolder::~TempFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  // A test may leave read-only files behind; Windows refuses to delete
  // those until they are writable again.
  for (fs::recursive_directory_iterator it(path_, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code ignored;
    if (!it->is_symlink(ignored)) {
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add,
                      ignored);
    }
  }
  fs::remove_all(path_, ec);
}

bool WriteFile(const fs::path& path, std::string_view text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "<missing>";
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

HRESULT SnapshotVolumes(Requester& requester,
                        const std::vector<std::wstring>& volumes,
                        std::vector<VSS_ID>* ids, LONG context) {
  HRESULT hr = requester->InitializeForBackup(nullptr);
  if (SUCCEEDED(hr) && context != VSS_CTX_BACKUP) {
    hr = requester->SetContext(context);
  }
  if (SUCCEEDED(hr)) {
    hr = requester->SetBackupState(true, false, VSS_BT_FULL, false);
  }
  if (SUCCEEDED(hr)) hr = requester.Gather();
  if (SUCCEEDED(hr)) hr = requester.AddAllComponents();
  if (SUCCEEDED(hr)) hr = requester->StartSnapshotSet(&requester.set_id);
  for (const std::wstring& volume : volumes) {
    if (FAILED(hr)) return hr;
    VSS_ID id = GUID_NULL;
    hr = requester->AddToSnapshotSet(const_cast<VSS_PWSZ>(volume.c_str()),
                                     GUID_NULL, &id);
    ids->push_back(id);
  }
  if (FAILED(hr)) return hr;
  hr = requester.Run(&IVssBackupComponents::PrepareForBackup);
  if (hr != VSS_S_ASYNC_FINISHED) return hr;
  return requester.Snapshot();
}

std::wstring DeviceOf(Requester& requester, const VSS_ID& snapshot_id) {
  VSS_SNAPSHOT_PROP prop{};
  if (FAILED(requester->GetSnapshotProperties(snapshot_id, &prop))) return L"";
  std::wstring device = prop.m_pwszSnapshotDeviceObject != nullptr
                            ? prop.m_pwszSnapshotDeviceObject
                            : L"";
  VssFreeSnapshotProperties(&prop);
  return device;
}

bool MentionsHostPath(std::string_view text, const fs::path& folder) {
  // The folder's own name is unique to this run, so it alone gives away a
  // host path, whatever the separators.
  for (std::string spelling :
       {Narrow(folder.filename().u8string()), Narrow(folder.u8string()),
        Narrow(folder.generic_u8string())}) {
    if (text.find(spelling) != std::string_view::npos) return true;
    // The trace escapes backslashes, so look for the escaped form too.
    std::string escaped;
    for (char c : spelling) {
      if (c == '\\') escaped += '\\';
      escaped += c;
    }
    if (text.find(escaped) != std::string_view::npos) return true;
  }
  return false;
}

bool SameFolder(const std::filesystem::path& a,
                const std::filesystem::path& b) {
  return (a / "").lexically_normal() == (b / "").lexically_normal();
}

}  // namespace vssemu::testing
