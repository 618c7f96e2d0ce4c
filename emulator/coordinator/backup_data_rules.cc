// Checks of the incremental/differential data a writer records (spec 12).
#include "coordinator/backup_data_rules.h"

#include <cwctype>
#include <string>

#include "metadata/xml_util.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

// Returns whether text is a 64-bit unsigned number, decimal or 0x hex.
bool IsNumber(std::wstring_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == L'0' && (text[1] == L'x' || text[1] == L'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty() || text.size() > (base == 16 ? 16u : 20u)) return false;
  for (wchar_t c : text) {
    if (base == 10 ? !std::iswdigit(c) : !std::iswxdigit(c)) return false;
  }
  // 20 decimal digits may still exceed 2^64 - 1.
  return base == 16 || text.size() < 20 || text <= L"18446744073709551615";
}

// Returns whether text is a full path: "C:\..." or "\\...".
bool IsFullPath(std::wstring_view text) {
  return (text.size() >= 3 && std::iswalpha(text[0]) && text[1] == L':' &&
          text[2] == L'\\') ||
         text.starts_with(L"\\\\");
}

// Returns whether two file names match, as Windows compares them.
bool SameFile(std::wstring_view folder_a, std::wstring_view name_a,
              std::wstring_view folder_b, std::wstring_view name_b) {
  return paths::SameFolder(folder_a, folder_b) &&
         paths::SameFolder(name_a, name_b);
}

// Returns whether the differenced file set covers the file folder\name:
// an exact file set naming it (no wildcards are expanded here).
bool Covers(const metadata::BcdDifferencedFile& d, std::wstring_view folder,
            std::wstring_view name) {
  return SameFile(d.path, d.filespec, folder, name);
}

void Report(Service& service, const Participant& p, const char* rule,
            const char* section, const metadata::BcdComponent& c,
            const std::string& what) {
  service.Violate(rule, section,
                  p.writer->TraceName() + ", component " +
                      metadata::ToUtf8(c.name) + ": " + what);
}

void CheckDifferenced(Service& service, const BackupSession& session,
                      const Participant& p, DWORD schema,
                      const metadata::BcdComponent& c) {
  if (c.differenced_files.empty()) return;
  const VSS_BACKUP_TYPE type = session.bcd.backup_type;
  if (type != VSS_BT_INCREMENTAL && type != VSS_BT_DIFFERENTIAL) {
    Report(service, p, "writer.differenced-files-wrong-backup", "12.5", c,
           "differenced files belong to incremental and differential "
           "backups only");
    return;
  }
  const DWORD needed =
      type == VSS_BT_INCREMENTAL ? VSS_BS_INCREMENTAL : VSS_BS_DIFFERENTIAL;
  bool by_time = false;
  for (const auto& d : c.differenced_files) {
    by_time = by_time || d.last_modify_time != 0;
  }
  if ((schema & needed) == 0 || (by_time && (schema & VSS_BS_LAST_MODIFY) == 0)) {
    Report(service, p, "writer.differenced-files-unsupported", "12.5", c,
           "the backup schema does not advertise this kind of differenced "
           "file");
  }
}

void CheckPartial(Service& service, const BackupSession& session,
                  const Participant& p, const metadata::BcdComponent& c) {
  if (c.partial_files.empty()) return;
  if (!session.bcd.partial_file_support) {
    Report(service, p, "writer.partial-file-without-support", "12.6", c,
           "the requester did not enable partial file support");
  }
  for (const auto& f : c.partial_files) {
    if (!IsValidRanges(f.ranges)) {
      Report(service, p, "writer.partial-file-bad-ranges", "12.6", c,
             "ranges \"" + metadata::ToUtf8(f.ranges) +
                 "\" are neither offset:length pairs nor a ranges file path");
    }
    for (const auto& d : c.differenced_files) {
      if (Covers(d, f.path, f.filename)) {
        Report(service, p, "writer.file-differenced-and-partial", "12.5", c,
               metadata::ToUtf8(f.filename) +
                   " is both a differenced and a partial file");
      }
    }
  }
}

}  // namespace

bool IsValidRanges(std::wstring_view ranges) {
  if (IsFullPath(ranges)) return true;
  if (ranges.empty()) return false;
  while (true) {
    const size_t comma = ranges.find(L',');
    std::wstring_view pair = ranges.substr(0, comma);
    const size_t colon = pair.find(L':');
    if (colon == std::wstring_view::npos || !IsNumber(pair.substr(0, colon)) ||
        !IsNumber(pair.substr(colon + 1))) {
      return false;
    }
    if (comma == std::wstring_view::npos) return true;
    ranges.remove_prefix(comma + 1);
  }
}

void CheckWriterBackupData(Service& service, const BackupSession& session,
                           const Participant& p) {
  if (p.bcd_entry == nullptr) return;
  const DWORD schema = p.bcd_entry->backup_schema;
  for (const auto& c : p.bcd_entry->components) {
    if (c->backup_stamp && (schema & VSS_BS_TIMESTAMPED) == 0) {
      Report(service, p, "writer.stamp-without-timestamped-schema", "12.4",
             *c, "SetBackupStamp needs VSS_BS_TIMESTAMPED in the schema");
    }
    CheckDifferenced(service, session, p, schema, *c);
    CheckPartial(service, session, p, *c);
  }
}

}  // namespace vssemu::coordinator
