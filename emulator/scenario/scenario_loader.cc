// The strict scenario reader: the scenario, its world and its writers. Each
// element is read by one function that declares the attributes and children
// it accepts (scenario_loader_internal.h); the requester's steps, faults and
// expectations are read in scenario_loader_requester.cc and
// scenario_loader_expect.cc.
#include "scenario/scenario_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "com/guid_format.h"
#include "metadata/wmd_express_rules.h"
#include "metadata/wmd_xml.h"
#include "metadata/xml_util.h"
#include "paths/path_text.h"
#include "scenario/scenario_loader_internal.h"
#include "scenario/scenario_limits.h"
#include "scenario/scenario_names.h"
#include "scenario/scenario_scratch.h"

namespace vssemu::scenario {
namespace {

using loader::Element;
using loader::LoadError;
using loader::Reader;
using loader::UnknownChild;

// Reads one <file> of the volume called volume.
VolumeFile ReadVolumeFile(Element& e, const std::wstring& volume) {
  VolumeFile f;
  f.where = e.where();
  f.volume = volume;
  f.path = metadata::FromUtf8(e.Required("path"));
  std::replace(f.path.begin(), f.path.end(), L'/', L'\\');
  f.generated = e.Has("bytes");
  f.bytes = static_cast<uint64_t>(e.Int("bytes", 0, limits::kFileBytes));
  if (e.Has("modified")) {
    f.modified = static_cast<uint64_t>(e.Int("modified", 0, limits::kFileTime));
    if (*f.modified < kEarliestFileTime || *f.modified > kLatestFileTime) {
      e.Fail("attribute modified: expected a FILETIME number (100 ns units "
             "since 1601) from " + std::to_string(kEarliestFileTime) +
             " (1970) to " + std::to_string(kLatestFileTime) + " (2200)");
    }
  }
  e.Finish();
  e.TextOnly();
  f.text = e.Content();
  if (f.generated && !f.text.empty()) {
    e.Fail("<file> takes bytes= (generated content) or text content, not "
           "both");
  }
  // The path must name a file below the volume root: a drive, a leading or
  // trailing backslash, "." or ".." would put it elsewhere.
  const bool relative_file = !f.path.empty() && f.path.front() != L'\\' &&
                             f.path.back() != L'\\' &&
                             f.path.find(L':') == std::wstring::npos;
  if (!relative_file) {
    e.Fail("attribute path: expected the path of a file below the volume "
           "root, such as Db\\orders.mdf");
  }
  Scenario one_volume;
  one_volume.options.volumes = {VolumeOptions{volume}};
  std::wstring whole = volume;
  if (whole.back() != L'\\') whole += L'\\';
  std::string problem = loader::BelowAVolume(one_volume, whole + f.path);
  if (!problem.empty()) e.Fail(problem);
  return f;
}

// What the <file> elements read so far hold, so that each new one is
// checked without walking them all again: where each (volume, path) came
// first, letter case folded, and their bytes in all.
struct FileIndex {
  std::map<std::pair<std::wstring, std::wstring>, SourceLocation> first;
  int64_t bytes = 0;
};

// Refuses file past the limits on the files of a scenario (their number,
// their bytes in all) or when its volume already has a file of that path;
// otherwise adds it to index.
void CheckFile(const Element& e, const Scenario& s, const VolumeFile& file, FileIndex* index) {
  if (static_cast<int64_t>(s.files.size()) >= limits::kFiles) {
    e.Fail("a scenario has at most " + std::to_string(limits::kFiles) +
           " <file> elements (docs/scenarios.md, \"Limits\")");
  }
  index->bytes += file.generated ? static_cast<int64_t>(file.bytes)
                                 : static_cast<int64_t>(file.text.size());
  if (index->bytes > limits::kAllFileBytes) {
    e.Fail("the files of a scenario hold at most " + std::to_string(limits::kAllFileBytes) +
           " bytes in all; with this one they hold " + std::to_string(index->bytes) +
           " (docs/scenarios.md, \"Limits\")");
  }
  auto [first, added] =
      index->first.emplace(std::make_pair(file.volume, paths::FoldCase(file.path)), file.where);
  if (!added) {
    e.Fail("a second <file path=\"" + metadata::ToUtf8(file.path) +
           "\"> on this volume; the first is at " + first->second.ToString());
  }
}

// Refuses a writer element past the limit on writers of every kind.
void CheckWriterCount(const Element& e, const Scenario& s) {
  const size_t writers =
      s.scripted_writers.size() + s.registered_writers.size() + s.program_writers.size() +
      s.express_writers.size();
  if (static_cast<int64_t>(writers) >= limits::kWriters) {
    e.Fail("a scenario has at most " + std::to_string(limits::kWriters) +
           " writers of every kind (docs/scenarios.md, \"Limits\")");
  }
}

// Reads one <volume> and its files.
void ReadVolume(const Reader& reader, Element& e, Scenario& s, FileIndex* files) {
  VolumeOptions v;
  v.name = e.Wide("name");
  v.supported = e.Bool("supported", true);
  e.Finish();
  if (v.name.empty()) e.Fail("<volume> needs a name");
  // What the emulator would refuse to run is refused here, at the name.
  RunOptions machine;
  machine.volumes = s.options.volumes;
  machine.volumes.push_back(v);
  if (std::string why = RunOptionsError(machine); !why.empty()) e.Fail("attribute name: " + why);
  for (pugi::xml_node node : e.Children()) {
    Element f(reader, node);
    if (std::string(node.name()) != "file") UnknownChild(e, f, "<file>");
    VolumeFile file = ReadVolumeFile(f, v.name);
    CheckFile(f, s, file, files);
    s.files.push_back(std::move(file));
  }
  s.options.volumes.push_back(std::move(v));
}

void ReadWorld(const Reader& reader, Element& world, Scenario& s) {
  s.options.seed = static_cast<uint64_t>(world.Int("seed", 0, limits::kSeed));
  s.options.strictness =
      world.Enum("strictness", StrictnessNames(), Strictness::kWarn);
  s.options.machine_name = world.Wide("machine", L"vssemu-host");
  world.Finish();
  bool volumes_given = false;
  FileIndex files;
  for (pugi::xml_node node : world.Children()) {
    Element e(reader, node);
    std::string tag = node.name();
    if (tag == "volume") {
      if (!volumes_given) s.options.volumes.clear();
      volumes_given = true;
      ReadVolume(reader, e, s, &files);
      continue;
    } else if (tag == "knob") {
      std::string name = e.Required("name");
      std::string value = e.Required("value");
      if (!SetKnob(&s.options.knobs, name, value)) {
        e.Fail("knob " + name + "=\"" + value + "\": expected one of " +
               KnobList() + " with a valid value");
      }
      // A Thaw order chosen on purpose is the scenario's premise: exploring
      // leaves it alone.
      if (name == "thaw-in-reverse-level-order") {
        s.options.exploration.thaw_level_order = false;
      }
    } else if (tag == "provider") {
      ProviderFault fault;
      fault.where = e.where();
      fault.step = e.Enum("step", ProviderStepNames(), fault.step);
      fault.hr = e.Has("result") ? e.Hresult("result") : S_OK;
      fault.take_ms = e.Int("take-ms", 0, limits::kTakeMs);
      s.provider_faults.push_back(fault);
    } else {
      UnknownChild(world, e, "<volume>, <knob> or <provider>");
    }
    e.Leaf();
    e.Finish();
  }
}

metadata::FileSpec ReadFiles(Element& e, bool recursive_allowed) {
  metadata::FileSpec spec;
  spec.path = e.Wide("path");
  spec.filespec = e.Wide("filespec", L"*");
  spec.recursive = recursive_allowed && e.Bool("recursive", false);
  if (recursive_allowed && e.Has("alternate")) spec.alternate_location = e.Wide("alternate");
  if (spec.path.empty()) e.Fail(std::string("<") + e.node().name() + "> needs a path");
  e.Leaf();
  e.Finish();
  return spec;
}

// A <dependency writer="id"> waiting for every writer to be read, since
// the writer it names may come later in the file.
struct PendingDependency {
  size_t writer = 0, component = 0, dependency = 0;
  std::string on_writer;
  SourceLocation where;
};

metadata::ComponentDependency ReadDependency(Element& e, std::string* on_writer) {
  metadata::ComponentDependency d;
  *on_writer = e.Text("writer");
  std::string class_text = e.Text("class");
  if (on_writer->empty() == class_text.empty()) {
    e.Fail("<dependency> names the other writer with writer= (its id in this "
           "scenario) or class= (a GUID), one of them");
  }
  if (!class_text.empty()) {
    std::optional<GUID> g = com::ParseGuid(std::string_view(class_text));
    if (!g) e.Fail("attribute class: \"" + class_text + "\" is not a GUID");
    d.writer_id = *g;
  }
  d.logical_path = e.Wide("path");
  d.component_name = e.Wide("name");
  if (d.component_name.empty()) e.Fail("<dependency> needs a name");
  e.Leaf();
  e.Finish();
  return d;
}

void ReadComponent(const Reader& reader, Element& c, ScriptedWriter& w,
                   size_t writer_index, std::vector<PendingDependency>* pending) {
  metadata::Component component;
  component.type = c.Enum("type", ComponentTypeNames(), VSS_CT_FILEGROUP);
  component.logical_path = c.Wide("path");
  component.name = c.Wide("name");
  if (c.Has("caption")) component.caption = c.Wide("caption");
  component.selectable = c.Bool("selectable", true);
  component.selectable_for_restore = c.Bool("selectable-for-restore", false);
  c.Finish();
  if (component.name.empty()) c.Fail("<component> needs a name");
  for (pugi::xml_node node : c.Children()) {
    Element f(reader, node);
    std::string tag = node.name();
    if (tag == "files" && component.type == VSS_CT_FILEGROUP) {
      component.files.push_back(ReadFiles(f, true));
    } else if (tag == "database-files" && component.type == VSS_CT_DATABASE) {
      component.database_files.push_back(ReadFiles(f, false));
    } else if (tag == "log-files" && component.type == VSS_CT_DATABASE) {
      component.database_log_files.push_back(ReadFiles(f, false));
    } else if (tag == "dependency") {
      std::string on_writer;
      component.dependencies.push_back(ReadDependency(f, &on_writer));
      if (!on_writer.empty()) {
        pending->push_back({writer_index, w.metadata.components.size(),
                            component.dependencies.size() - 1, on_writer,
                            f.where()});
      }
    } else {
      UnknownChild(c, f, component.type == VSS_CT_DATABASE
                             ? "<database-files>, <log-files> or <dependency> in a database"
                             : "<files> or <dependency> in a file group");
    }
  }
  if (static_cast<int64_t>(w.metadata.components.size()) >= limits::kComponents) {
    c.Fail("a writer has at most " + std::to_string(limits::kComponents) +
           " <component> elements (docs/scenarios.md, \"Limits\")");
  }
  w.metadata.components.push_back(std::move(component));
}

// Reads what an <on> does to the components its event hands over, and
// checks the event hands them over.
void ReadComponentChanges(Element& e, coordinator::WriterEvent event,
                          EventBehaviour& b) {
  using coordinator::WriterEvent;
  if (e.Has("backup-stamp")) b.backup_stamp = e.Wide("backup-stamp");
  if (e.Has("backup-metadata")) b.backup_metadata = e.Wide("backup-metadata");
  if (e.Has("differenced-since")) {
    b.differenced_since = static_cast<uint64_t>(e.Int("differenced-since", 0, limits::kFileTime));
  }
  if ((b.backup_stamp || b.backup_metadata || b.differenced_since) &&
      event != WriterEvent::kPrepareForBackup &&
      event != WriterEvent::kPostSnapshot) {
    e.Fail("backup-stamp, backup-metadata and differenced-since are set in "
           "PrepareForBackup or PostSnapshot, the events that hand over the "
           "components");
  }
  if (e.Has("restore-target")) {
    b.restore_target = e.Enum("restore-target", RestoreTargetNames(),
                              VSS_RT_ORIGINAL);
  }
  if (e.Has("pre-restore-failure-msg")) {
    b.pre_restore_failure_msg = e.Wide("pre-restore-failure-msg");
  }
  if ((b.restore_target || b.pre_restore_failure_msg) &&
      event != WriterEvent::kPreRestore) {
    e.Fail("restore-target and pre-restore-failure-msg are set in PreRestore "
           "(spec 11.3)");
  }
  if (e.Has("post-restore-failure-msg")) {
    b.post_restore_failure_msg = e.Wide("post-restore-failure-msg");
    if (event != WriterEvent::kPostRestore) {
      e.Fail("post-restore-failure-msg is set in PostRestore");
    }
  }
}

void ReadBehaviour(Element& e, ScriptedWriter& w) {
  coordinator::WriterEvent event =
      e.Enum("event", EventNames(), coordinator::WriterEvent::kNone);
  if (event == coordinator::WriterEvent::kNone) e.Fail("<on> needs an event");
  EventBehaviour b;
  b.outcome = e.Enum("return", OutcomeNames(), EventBehaviour::Outcome::kReturnTrue);
  if (e.Has("failure")) b.failure = e.Hresult("failure");
  b.extended = e.Has("app-hr") || e.Has("app-message");
  if (b.extended && !e.Has("failure")) {
    e.Fail("app-hr and app-message go with failure= (SetWriterFailureEx "
           "takes the writer failure and the application's details)");
  }
  if (e.Has("app-hr")) b.application_hr = e.Hresult("app-hr");
  if (e.Has("app-message")) b.application_message = e.Wide("app-message");
  b.take_ms = e.Int("take-ms", 0, limits::kTakeMs);
  b.first = static_cast<int>(e.Int("first", 0, limits::kCount));
  ReadComponentChanges(e, event, b);
  e.Leaf();
  e.Finish();
  if (!w.behaviour.emplace(event, b).second) {
    e.Fail(std::string("a second <on event=\"") + EventNames().Name(event) +
           "\"> for this writer; describe each event once");
  }
}

metadata::RestoreMethod ReadRestoreMethod(
    Element& e, VSS_WRITERRESTORE_ENUM writer_restore = VSS_WRE_ALWAYS) {
  metadata::RestoreMethod r;
  r.method = e.Enum("method", RestoreMethodNames(), VSS_RME_RESTORE_IF_CAN_REPLACE);
  r.writer_restore = e.Enum("writer-restore", WriterRestoreNames(), writer_restore);
  if (e.Has("service")) r.service = e.Wide("service");
  if (e.Has("user-procedure")) r.user_procedure = e.Wide("user-procedure");
  r.reboot_required = e.Bool("reboot-required", false);
  e.Leaf();
  e.Finish();
  return r;
}

metadata::FileSpec ReadAlternateMapping(Element& e) {
  metadata::FileSpec m;
  m.path = e.Wide("path");
  m.filespec = e.Wide("filespec", L"*");
  m.recursive = e.Bool("recursive", false);
  m.alternate_location = e.Wide("destination");
  if (m.path.empty() || m.alternate_location->empty()) {
    e.Fail("<alternate-location-mapping> needs a path and a destination");
  }
  e.Leaf();
  e.Finish();
  return m;
}

// Reads the class= of a writer element, or derives a stable one from its id.
GUID ReadClassId(Element& e, const std::string& id) {
  std::string class_text = e.Text("class");
  if (class_text.empty()) return StableClassId(id);
  std::optional<GUID> g = com::ParseGuid(std::string_view(class_text));
  if (!g) e.Fail("attribute class: \"" + class_text + "\" is not a GUID");
  return *g;
}

void ReadWriter(const Reader& reader, Element& e, Scenario& s,
                std::vector<PendingDependency>* pending) {
  ScriptedWriter w;
  w.where = e.where();
  w.id = e.Required("id");
  metadata::WriterIdentity& id = w.metadata.identity;
  id.writer_name = e.Wide("name", metadata::FromUtf8(w.id));
  id.writer_id = ReadClassId(e, w.id);
  if (e.Has("instance")) id.instance_name = e.Wide("instance");
  id.usage = e.Enum("usage", UsageNames(), VSS_UT_USERDATA);
  id.source = e.Enum("source", SourceNames(), VSS_ST_OTHER);
  w.level = e.Enum("level", LevelNames(), VSS_APP_FRONT_END);
  w.freeze_timeout_ms = static_cast<DWORD>(e.Int("freeze-timeout-ms", 60000, limits::kDword));
  w.subscribe = e.Bool("subscribe", true);
  w.extended = e.Bool("ex", false);
  w.metadata.backup_schema = static_cast<DWORD>(e.Int("backup-schema", 0, limits::kDword));
  w.metadata.restore_method.method = VSS_RME_RESTORE_IF_CAN_REPLACE;
  w.metadata.restore_method.writer_restore = VSS_WRE_ALWAYS;
  e.Finish();
  for (pugi::xml_node node : e.Children()) {
    Element c(reader, node);
    std::string tag = node.name();
    if (tag == "component") {
      ReadComponent(reader, c, w, s.scripted_writers.size(), pending);
    } else if (tag == "restore-method") {
      w.metadata.restore_method = ReadRestoreMethod(c);
    } else if (tag == "alternate-location-mapping") {
      w.metadata.alternate_location_mappings.push_back(ReadAlternateMapping(c));
    } else if (tag == "exclude") {
      w.metadata.exclude_files.push_back(ReadFiles(c, true));
    } else if (tag == "on") {
      ReadBehaviour(c, w);
    } else {
      UnknownChild(e, c, "<component>, <exclude>, <restore-method>, "
                         "<alternate-location-mapping> or <on>");
    }
  }
  s.scripted_writers.push_back(std::move(w));
}

// Reads the document of <express-writer metadata="FILE">: UTF-8, as
// SaveAsXML's text saved by the application, relative to the scenario.
metadata::WriterMetadata ReadSavedExpressMetadata(const Reader& reader, Element& e) {
  const std::string file = e.Text("metadata");
  const std::filesystem::path path =
      std::filesystem::path(reader.file()).parent_path() / file;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  if (!in && bytes.empty()) e.Fail("attribute metadata: cannot read \"" + file + "\"");
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  metadata::WmdParseResult parsed = metadata::ParseWriterMetadata(metadata::FromUtf8(bytes));
  if (!parsed) {
    e.Fail("attribute metadata: \"" + file + "\" is not a Writer Metadata Document: " +
           parsed.error);
  }
  return std::move(*parsed.metadata);
}

// Reads an <express-writer>: its metadata written out as a <writer>'s
// (with the express defaults: no source type, writer-restore never), or a
// document SaveAsXML wrote (metadata=). The machine stores it before the
// run starts (RunOptions::express_writers).
void ReadExpressWriter(const Reader& reader, Element& e, Scenario& s) {
  ExpressWriterSpec x;
  x.where = e.where();
  x.id = e.Required("id");
  if (e.Has("metadata")) {
    x.metadata = ReadSavedExpressMetadata(reader, e);
    e.Leaf();
    e.Finish();
  } else {
    ScriptedWriter w;  // Only its metadata: the <writer> readers fill it.
    metadata::WriterIdentity& id = w.metadata.identity;
    id.writer_name = e.Wide("name", metadata::FromUtf8(x.id));
    id.writer_id = ReadClassId(e, x.id);
    id.usage = e.Enum("usage", UsageNames(), VSS_UT_USERDATA);
    id.source = VSS_ST_OTHER;
    w.metadata.backup_schema = static_cast<DWORD>(e.Int("backup-schema", 0, limits::kDword));
    w.metadata.restore_method.method = VSS_RME_RESTORE_IF_CAN_REPLACE;
    w.metadata.restore_method.writer_restore = VSS_WRE_NEVER;
    e.Finish();
    std::vector<PendingDependency> pending;
    for (pugi::xml_node node : e.Children()) {
      Element c(reader, node);
      std::string tag = node.name();
      if (tag == "component") {
        ReadComponent(reader, c, w, 0, &pending);
      } else if (tag == "restore-method") {
        w.metadata.restore_method = ReadRestoreMethod(c, VSS_WRE_NEVER);
      } else if (tag == "exclude") {
        w.metadata.exclude_files.push_back(ReadFiles(c, true));
      } else {
        UnknownChild(e, c, "<component>, <exclude> or <restore-method>");
      }
    }
    if (!pending.empty()) {
      throw LoadError{pending.front().where,
                      "a dependency of an express writer names the other "
                      "writer with class="};
    }
    // Full backups only (the mask the express writer pages allow; a
    // <writer>'s files take the header default, 0xF0F).
    for (metadata::Component& c : w.metadata.components) {
      for (metadata::FileSpec& f : c.files) {
        f.backup_type_mask = VSS_FSBT_FULL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED;
      }
    }
    x.metadata = std::move(w.metadata);
  }
  if (std::string broken = metadata::ExpressRuleBroken(x.metadata); !broken.empty()) {
    e.Fail("<express-writer> breaks an express writer rule (docs/protocol.md 13.8): " +
           broken);
  }
  for (const ExpressWriterSpec& other : s.express_writers) {
    if (other.metadata.identity.writer_id == x.metadata.identity.writer_id) {
      e.Fail("a second express writer of the class of \"" + other.id +
             "\": the store keeps one per class");
    }
  }
  s.options.express_writers.push_back(metadata::SerializeWriterMetadata(x.metadata));
  s.express_writers.push_back(std::move(x));
}

// Checks references between elements once everything is read.
void CheckReferences(const Scenario& s) {
  std::set<std::string> ids;
  for (const ScriptedWriter& w : s.scripted_writers) {
    if (!ids.insert(w.id).second) {
      throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
    }
  }
  for (const RegisteredWriter& w : s.registered_writers) {
    if (!ids.insert(w.id).second) {
      throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
    }
  }
  for (const ExpressWriterSpec& w : s.express_writers) {
    if (!ids.insert(w.id).second) {
      throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
    }
  }
  for (const ProgramWriter& w : s.program_writers) {
    if (!ids.insert(w.id).second) {
      throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
    }
    if (s.requester.external) {
      throw LoadError{w.where,
                      "a program writer is backed up by the reference "
                      "requester; this scenario's requester is external"};
    }
  }
  loader::CheckExpectationReferences(s, ids);
  loader::CheckRequesterReferences(s, ids);
}

Scenario ReadScenario(const Reader& reader, pugi::xml_node root) {
  Element e(reader, root);
  if (std::string(root.name()) != "scenario") {
    e.Fail(std::string("the root element is <") + root.name() + ">; expected <scenario>");
  }
  Scenario s;
  std::vector<PendingDependency> pending;
  s.file = reader.file();
  s.name = e.Required("name");
  s.spec_section = e.Required("spec");
  s.requirement = e.Required("requirement");
  e.Finish();
  for (pugi::xml_node node : e.Children()) {
    Element c(reader, node);
    std::string tag = node.name();
    if (tag == "description") {
      s.description = node.child_value();
      c.TextOnly();
      c.Finish();
    } else if (tag == "world") {
      ReadWorld(reader, c, s);
    } else if (tag == "writer") {
      CheckWriterCount(c, s);
      ReadWriter(reader, c, s, &pending);
    } else if (tag == "registered-writer") {
      CheckWriterCount(c, s);
      RegisteredWriter r{c.Required("id"), c.Required("class"), c.where()};
      c.Leaf();
      c.Finish();
      s.registered_writers.push_back(r);
    } else if (tag == "express-writer") {
      CheckWriterCount(c, s);
      ReadExpressWriter(reader, c, s);
    } else if (tag == "program-writer") {
      CheckWriterCount(c, s);
      ProgramWriter w{c.Required("id"), c.Required("name"), c.where()};
      c.Leaf();
      c.Finish();
      s.program_writers.push_back(w);
    } else if (tag == "requester") {
      loader::ReadRequester(c, s);
    } else if (tag == "fault") {
      loader::ReadFault(c, s);
    } else if (tag == "expect") {
      loader::ReadExpectation(c, s);
    } else if (tag == "explore") {
      loader::ReadPinnedRun(c, s);
    } else {
      UnknownChild(e, c,
                   "<description>, <world>, <writer>, <registered-writer>, <express-writer>, "
                   "<program-writer>, <requester>, <fault>, <expect> or <explore>");
    }
  }
  for (const PendingDependency& d : pending) {
    auto on = std::find_if(s.scripted_writers.begin(), s.scripted_writers.end(),
                           [&](const ScriptedWriter& w) { return w.id == d.on_writer; });
    if (on == s.scripted_writers.end()) {
      throw LoadError{d.where, "no scripted writer with id \"" + d.on_writer +
                                   "\" is declared in this scenario (name a "
                                   "registered writer's class with class=)"};
    }
    s.scripted_writers[d.writer].metadata.components[d.component]
        .dependencies[d.dependency].writer_id = on->metadata.identity.writer_id;
  }
  CheckReferences(s);
  return s;
}

}  // namespace

std::string SourceLocation::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string LoadResult::ErrorText() const {
  return where.ToString() + ": " + message;
}

LoadResult LoadScenarioText(std::string_view xml, const std::string& file) {
  LoadResult result;
  Reader reader(xml, file);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default,
      pugi::encoding_utf8);
  if (!parsed) {
    result.where = reader.At(parsed.offset);
    result.message = std::string("not well-formed XML: ") + parsed.description();
    return result;
  }
  try {
    result.scenario = ReadScenario(reader, doc.document_element());
  } catch (const LoadError& error) {
    result.where = error.where;
    result.message = error.message;
  }
  return result;
}

LoadResult LoadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.where = SourceLocation{path, 0, 0};
    result.message = "cannot read the file";
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return LoadScenarioText(text.str(), path);
}

}  // namespace vssemu::scenario
