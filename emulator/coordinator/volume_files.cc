#include "coordinator/volume_files.h"

#include <vssemu/win32_base.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <utility>

#include "paths/host_mapping.h"

namespace vssemu::coordinator {
namespace {

namespace fs = std::filesystem;

// A path relative to the copied root, as the trace shows it: UTF-8 with
// backslashes, whatever the host's separator.
std::string TraceRelative(const fs::path& relative) {
  try {
    std::u8string text = relative.generic_u8string();
    std::string out(text.begin(), text.end());
    std::replace(out.begin(), out.end(), '/', '\\');
    return out;
  } catch (...) {
    return "?";  // A name the host cannot convert; the message still helps.
  }
}

// Walks one tree; stops at the first failure, which it records in result_.
class TreeCopier {
 public:
  TreeCopier(const std::vector<fs::path>& hollow, TreeCopy* result)
      : hollow_(hollow), result_(result) {}

  // Creates the folder to (relative to the root: relative), empty.
  bool CreateFolder(const fs::path& to, const fs::path& relative) {
    std::error_code ec;
    fs::create_directory(to, ec);
    if (ec) return Fail("create", relative, ec);
    return true;
  }

  // Copies the folder from (relative to the root: relative) to to.
  bool CopyFolder(const fs::path& from, const fs::path& to,
                  const fs::path& relative) {
    std::error_code ec;
    fs::create_directory(to, ec);
    if (ec) return Fail("create", relative, ec);
    const bool hollow =
        std::find(hollow_.begin(), hollow_.end(), from) != hollow_.end();
    if (!hollow) {
      std::vector<fs::directory_entry> entries;
      if (!List(from, relative, &entries)) return false;
      for (const fs::directory_entry& entry : entries) {
        fs::path name = entry.path().filename();
        if (!CopyEntry(entry, to / name, relative / name)) return false;
      }
    }
    // After the contents: creating them changed the folder's time. Best
    // effort only: a folder's time means nothing to VSS, and the Windows C
    // runtime cannot set it (it opens folders without backup semantics).
    std::error_code ignored;
    fs::file_time_type time = fs::last_write_time(from, ignored);
    if (!ignored) fs::last_write_time(to, time, ignored);
    return true;
  }

 private:
  // Reads the entries of folder, sorted by name.
  bool List(const fs::path& folder, const fs::path& relative,
            std::vector<fs::directory_entry>* entries) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      entries->push_back(*it);
    }
    if (ec) return Fail("read", relative, ec);
    std::sort(entries->begin(), entries->end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    return true;
  }

  bool CopyEntry(const fs::directory_entry& entry, const fs::path& to,
                 const fs::path& relative) {
    std::error_code ec;
    fs::file_status status = entry.symlink_status(ec);
    if (ec) return Fail("read", relative, ec);
    if (fs::is_symlink(status)) {
      fs::copy_symlink(entry.path(), to, ec);
      if (ec) return Fail("copy link", relative, ec);
      ++result_->links;
      return true;
    }
    if (fs::is_directory(status)) {
      ++result_->directories;
      return CopyFolder(entry.path(), to, relative);
    }
    if (!fs::is_regular_file(status)) return true;  // No Windows counterpart.
    uintmax_t size = fs::file_size(entry.path(), ec);
    if (ec) return Fail("read", relative, ec);
    fs::copy_file(entry.path(), to, fs::copy_options::none, ec);
    if (ec) return Fail("copy", relative, ec);
    ++result_->files;
    result_->bytes += size;
    return CopyTime(entry.path(), to, relative);
  }

  bool CopyTime(const fs::path& from, const fs::path& to,
                const fs::path& relative) {
    std::error_code ec;
    fs::file_time_type time = fs::last_write_time(from, ec);
    if (!ec) fs::last_write_time(to, time, ec);
    if (ec) return Fail("set time of", relative, ec);
    return true;
  }

  bool Fail(const char* operation, const fs::path& relative,
            std::error_code ec) {
    result_->error = ec;
    result_->operation = operation;
    result_->failed_at = TraceRelative(relative);
    return false;
  }

  const std::vector<fs::path>& hollow_;
  TreeCopy* result_;
};

// Gives write permission to everything below root (best effort).
void MakeWritable(const fs::path& root) {
  std::error_code ec;
  fs::permissions(root, fs::perms::owner_write, fs::perm_options::add, ec);
  fs::recursive_directory_iterator it(root, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code ignored;
    if (it->is_symlink(ignored)) continue;  // Never change a link's target.
    fs::permissions(it->path(), fs::perms::owner_write, fs::perm_options::add,
                    ignored);
  }
}

// Drops the trailing newline and spaces some platforms put in messages.
std::string Message(const std::error_code& ec) {
  std::string text = ec.message();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' ||
                           text.back() == ' ' || text.back() == '.')) {
    text.pop_back();
  }
  return text;
}

// Counts default storage folders within the process.
std::atomic<uint64_t> g_storage_counter{0};

}  // namespace

TreeCopy CopyTree(const fs::path& source, const fs::path& destination,
                  const std::vector<fs::path>& hollow) {
  TreeCopy result;
  try {
    TreeCopier(hollow, &result).CopyFolder(source, destination, fs::path());
  } catch (const std::exception&) {
    // Allocation or a name conversion; the copy is incomplete either way.
    result.error = std::make_error_code(std::errc::not_enough_memory);
    result.operation = "copy";
    result.failed_at.clear();
  }
  return result;
}

TreeCopy CopyScopedTree(const fs::path& source, const fs::path& destination,
                        const std::vector<std::wstring>& scope,
                        const std::vector<fs::path>& hollow) {
  if (scope.empty()) return CopyTree(source, destination, hollow);
  TreeCopy result;
  try {
    // The host spelling of each existing scope folder, relative to source;
    // shorter ones first, so a folder inside one already copied is skipped.
    std::vector<fs::path> folders;
    for (const std::wstring& entry : scope) {
      const fs::path host = paths::ResolveRelative(source, entry);
      std::error_code ec;
      if (!fs::is_directory(host, ec)) continue;  // Absent from the copy.
      fs::path relative = host.lexically_relative(source);
      if (relative.empty() || relative == ".") {
        return CopyTree(source, destination, hollow);  // The whole tree.
      }
      folders.push_back(std::move(relative));
    }
    std::sort(folders.begin(), folders.end(),
              [](const fs::path& a, const fs::path& b) {
                const auto length = [](const fs::path& p) {
                  return std::distance(p.begin(), p.end());
                };
                return length(a) != length(b) ? length(a) < length(b) : a < b;
              });
    std::vector<fs::path> copied;
    TreeCopier copier(hollow, &result);
    if (!copier.CreateFolder(destination, fs::path())) return result;
    for (const fs::path& relative : folders) {
      const bool inside = std::any_of(
          copied.begin(), copied.end(), [&](const fs::path& outer) {
            auto mismatch = std::mismatch(outer.begin(), outer.end(),
                                          relative.begin(), relative.end());
            return mismatch.first == outer.end();
          });
      if (inside) continue;
      // The folders on the way hold nothing but the way down.
      fs::path way;
      for (auto part = relative.begin(); part != relative.end(); ++part) {
        if (std::next(part) == relative.end()) break;
        way /= *part;
        std::error_code ec;
        if (fs::is_directory(destination / way, ec)) continue;
        if (!copier.CreateFolder(destination / way, way)) return result;
        ++result.directories;
      }
      ++result.directories;
      if (!copier.CopyFolder(source / relative, destination / relative,
                             relative)) {
        return result;
      }
      copied.push_back(relative);
    }
  } catch (const std::exception&) {
    result.error = std::make_error_code(std::errc::not_enough_memory);
    result.operation = "copy";
    result.failed_at.clear();
  }
  return result;
}

std::error_code RemoveTree(const fs::path& root) {
  std::error_code ec;
  fs::remove_all(root, ec);
  if (!ec) return ec;
  MakeWritable(root);
  ec.clear();
  fs::remove_all(root, ec);
  return ec;
}

std::string DescribeCopyFailure(const TreeCopy& copy,
                                std::string_view volume_name) {
  std::string text = copy.operation;
  text += ' ';
  text += volume_name;
  text += copy.failed_at;
  text += ": ";
  text += Message(copy.error);
  return text;
}

SnapshotStorage::SnapshotStorage(fs::path root) : root_(std::move(root)) {}

SnapshotStorage::~SnapshotStorage() {
  if (owns_root_) RemoveTree(root_);
}

std::error_code SnapshotStorage::EnsureRoot() {
  std::error_code ec;
  if (!root_.empty()) {
    fs::create_directories(root_, ec);
    return ec;
  }
  fs::path temp = fs::temp_directory_path(ec);
  if (ec) return ec;
  const std::string stem =
      "vssemu-snapshots-" + std::to_string(GetCurrentProcessId()) + "-";
  // create_directory claims a name atomically: false means another emulator
  // (or a run that crashed) has it, so take the next number.
  for (int attempt = 0; attempt < 1000; ++attempt) {
    fs::path candidate = temp / (stem + std::to_string(++g_storage_counter));
    if (fs::create_directory(candidate, ec)) {
      root_ = std::move(candidate);
      owns_root_ = true;
      return ec;
    }
    if (ec) return ec;
  }
  return std::make_error_code(std::errc::file_exists);
}

std::error_code SnapshotStorage::PrepareFolder(std::string_view name,
                                               fs::path* folder) {
  try {
    std::error_code ec = EnsureRoot();
    if (ec) return ec;
    fs::path path = root_ / fs::path(std::string(name));
    // A configured root keeps what an earlier run left; device numbers start
    // at 1 again, so a folder of that name is stale.
    ec = RemoveTree(path);
    if (ec) return ec;
    *folder = std::move(path);
    return ec;
  } catch (const std::exception&) {
    return std::make_error_code(std::errc::not_enough_memory);
  }
}

}  // namespace vssemu::coordinator
