// Backup media: the media layout, the manifest, and host file copies.
#include "reference_requester/backup_media.h"

#include <pugixml.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <system_error>

#include <vsserror.h>

#include "com/guid_format.h"
#include "metadata/xml_util.h"
#include "paths/host_mapping.h"

namespace vssemu::scenario {
namespace {

namespace fs = std::filesystem;

// FILETIME of 1970-01-01 (100 ns units since 1601).
constexpr int64_t kUnixEpochFiletime = 116444736000000000LL;

}  // namespace

std::wstring MediaPathFor(std::wstring_view original) {
  std::wstring out = L"files";
  for (wchar_t c : original) {
    if (c == L':') continue;  // "D:\Db" -> "D\Db".
    if (c == L'/') c = L'\\';
    if (c == L'\\' && !out.empty() && out.back() == L'\\') continue;
    if (out.size() == 5 && c != L'\\') out += L'\\';
    out += c;
  }
  return out;
}

HRESULT WriteManifest(const fs::path& root, const std::vector<MediaFile>& files,
                      std::string* error) {
  pugi::xml_document doc;
  pugi::xml_node top = doc.append_child("MEDIA");
  for (const MediaFile& f : files) {
    pugi::xml_node n = top.append_child("FILE");
    metadata::SetGuid(n, "writerId", f.writer_id);
    metadata::SetGuid(n, "instanceId", f.instance_id);
    metadata::SetText(n, "component", f.component);
    metadata::SetText(n, "path", f.file_set.path);
    metadata::SetText(n, "filespec", f.file_set.filespec);
    metadata::SetYesNo(n, "recursive", f.file_set.recursive);
    metadata::SetText(n, "original", f.original);
    metadata::SetText(n, "media", f.media_path);
    metadata::SetNumber(n, "bytes", f.bytes);
  }
  HRESULT hr = WriteText(root, L"manifest.xml", metadata::SaveDocument(doc));
  if (FAILED(hr)) *error = "cannot write the media manifest";
  return hr;
}

HRESULT ReadManifest(const fs::path& root, std::vector<MediaFile>* files,
                     std::string* error) {
  std::wstring text;
  if (FAILED(ReadText(root, L"manifest.xml", &text))) {
    *error = "the media has no manifest.xml";
    return VSS_E_OBJECT_NOT_FOUND;
  }
  pugi::xml_document doc;
  std::string utf8 = metadata::ToUtf8(text);
  if (!doc.load_buffer(utf8.data(), utf8.size())) {
    *error = "the media manifest does not parse";
    return VSS_E_INVALID_XML_DOCUMENT;
  }
  for (pugi::xml_node n : doc.child("MEDIA").children("FILE")) {
    MediaFile f;
    auto text_of = [&](const char* name) {
      return metadata::FromUtf8(n.attribute(name).as_string());
    };
    auto writer = com::ParseGuid(std::string_view(n.attribute("writerId").as_string()));
    auto instance =
        com::ParseGuid(std::string_view(n.attribute("instanceId").as_string()));
    if (!writer || !instance) {
      *error = "the media manifest has a bad writer id";
      return VSS_E_INVALID_XML_DOCUMENT;
    }
    f.writer_id = *writer;
    f.instance_id = *instance;
    f.component = text_of("component");
    f.file_set = {text_of("path"), text_of("filespec"),
                  std::string_view(n.attribute("recursive").as_string()) ==
                      "yes"};
    f.original = text_of("original");
    f.media_path = text_of("media");
    f.bytes = n.attribute("bytes").as_ullong();
    files->push_back(std::move(f));
  }
  return S_OK;
}

HRESULT WriteText(const fs::path& root, std::wstring_view relative,
                  std::wstring_view text) {
  const fs::path target = paths::HostPathBelow(root, relative);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  const std::string utf8 = metadata::ToUtf8(text);
  out.write(utf8.data(), static_cast<std::streamsize>(utf8.size()));
  return out.good() ? S_OK : E_FAIL;
}

HRESULT ReadText(const fs::path& root, std::wstring_view relative,
                 std::wstring* text) {
  std::ifstream in(paths::HostPathBelow(root, relative), std::ios::binary);
  if (!in) return VSS_E_OBJECT_NOT_FOUND;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *text = metadata::FromUtf8(bytes.str());
  return S_OK;
}

uint64_t FiletimeFromHost(fs::file_time_type time) {
  const auto since_unix = std::chrono::duration_cast<std::chrono::nanoseconds>(
      fs::file_time_type::clock::to_sys(time).time_since_epoch());
  return static_cast<uint64_t>(since_unix.count() / 100 + kUnixEpochFiletime);
}

fs::file_time_type HostFromFiletime(uint64_t filetime) {
  using Ticks = std::chrono::duration<int64_t, std::ratio<1, 10000000>>;
  const Ticks since_unix(static_cast<int64_t>(filetime) - kUnixEpochFiletime);
  const std::chrono::sys_time<std::chrono::nanoseconds> sys(
      std::chrono::duration_cast<std::chrono::nanoseconds>(since_unix));
  return std::chrono::time_point_cast<fs::file_time_type::duration>(
      fs::file_time_type::clock::from_sys(sys));
}

int64_t CopyHostFile(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (ec) return -1;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return -1;
  const auto when = fs::last_write_time(from, ec);
  if (!ec) fs::last_write_time(to, when, ec);
  const auto size = fs::file_size(to, ec);
  return ec ? -1 : static_cast<int64_t>(size);
}

}  // namespace vssemu::scenario
