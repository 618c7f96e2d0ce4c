// RunOptionsError (vssemu/run_options.h): the one place that says whether
// a RunOptions describes a machine the emulator can run. The emulator
// refuses what it says at construction; the scenario loader asks it about
// each <volume> so that a scenario that loads also runs.
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include <vsserror.h>
#include <vssemu/run_options.h>

#include "coordinator/choice_points.h"
#include "coordinator/provider_volumes.h"
#include "metadata/wmd_express_rules.h"
#include "metadata/wmd_xml.h"
#include "paths/path_text.h"
#include "paths/vss_paths.h"

namespace vssemu {
namespace {

// Messages are built piece by piece: GCC 12 at -O3 warns (-Wrestrict,
// wrongly) about "literal" + std::string.
std::string Quoted(const std::wstring& name) {
  std::string quoted = "\"";
  quoted += paths::WideToUtf8(name);
  quoted += '"';
  return quoted;
}

// Joins the pieces of a message.
std::string Text(std::initializer_list<std::string_view> pieces) {
  std::string text;
  for (std::string_view piece : pieces) text += piece;
  return text;
}

std::string PathText(const std::filesystem::path& path) {
  const std::u8string text = path.u8string();
  return std::string(text.begin(), text.end());
}

std::string VolumesError(const std::vector<VolumeOptions>& volumes) {
  // The names as the machine's volume table takes them (no host lookups).
  coordinator::VolumeTable table(0);
  for (const VolumeOptions& v : volumes) {
    coordinator::VolumeSpec spec;
    spec.display_name = v.name;
    const HRESULT added = table.Add(spec);
    if (added == VSS_E_OBJECT_ALREADY_EXISTS) {
      return Text({"volume ", Quoted(v.name),
                   " is declared twice (letter case and the trailing backslash do not make "
                   "another volume)"});
    }
    if (FAILED(added)) {
      return Text({"volume ", Quoted(v.name),
                   " is not a drive letter root (\"D:\\\") or a folder on another volume "
                   "(\"C:\\Mount\\X\\\")"});
    }
    if (!v.directory.empty()) {
      std::error_code ec;
      const std::filesystem::path folder = std::filesystem::absolute(v.directory, ec);
      if (ec || !std::filesystem::is_directory(folder, ec)) {
        return Text({"volume ", Quoted(v.name), " has directory \"", PathText(v.directory),
                     "\", which does not exist or is not a folder"});
      }
    }
    for (const std::wstring& entry : v.snapshot_scope) {
      if (!paths::SplitInsideRoot(entry)) {
        return Text({"volume ", Quoted(v.name), " has snapshot_scope ", Quoted(entry),
                     ", which is not a folder relative to the volume root"});
      }
    }
  }
  return "";
}

std::string ExpressWritersError(const std::vector<std::wstring>& documents) {
  std::vector<GUID> classes;
  for (size_t i = 0; i < documents.size(); ++i) {
    std::string which = "express_writers[";
    which += std::to_string(i);
    which += ']';
    metadata::WmdParseResult parsed = metadata::ParseWriterMetadata(documents[i]);
    if (!parsed) {
      return Text({which, " is not a Writer Metadata Document: ", parsed.error});
    }
    if (std::string broken = metadata::ExpressRuleBroken(*parsed.metadata);
        !broken.empty()) {
      return Text({which, " breaks an express writer rule: ", broken});
    }
    for (const GUID& seen : classes) {
      if (seen == parsed.metadata->identity.writer_id) {
        return Text({which, " repeats the class id of an earlier express writer"});
      }
    }
    classes.push_back(parsed.metadata->identity.writer_id);
  }
  return "";
}

}  // namespace

std::string RunOptionsError(const RunOptions& options) {
  if (std::string volumes = VolumesError(options.volumes); !volumes.empty()) return volumes;
  if (options.machine_name.empty() ||
      options.machine_name.find_first_of(L"\\/") != std::wstring::npos) {
    return Text({"machine_name ", Quoted(options.machine_name),
                 " is not a computer name (not empty, no slash or backslash)"});
  }
  for (const std::string& kind : options.exploration.faults) {
    if (!coordinator::FaultKindFromName(kind)) {
      return Text({"exploration.faults has \"", kind,
                   "\", which is not a fault kind (provider, flush, hold, freeze-timeout, writer, "
                   "user)"});
    }
  }
  if (std::string express = ExpressWritersError(options.express_writers); !express.empty()) {
    return express;
  }
  if (options.exploration.max_pending_answers < 0) {
    return Text({"exploration.max_pending_answers is ",
                 std::to_string(options.exploration.max_pending_answers), ", below 0"});
  }
  return "";
}

}  // namespace vssemu
