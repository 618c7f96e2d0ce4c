// The strict scenario reader. Each element is read by one function that
// declares the attributes and children it accepts; Element records which
// attributes were consumed, so that anything left over is reported as
// unknown with the list of what was expected.
#include "scenario/scenario_loader.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "com/guid_format.h"
#include "com/hresult_table.h"
#include "metadata/xml_util.h"
#include "scenario/scenario_names.h"

namespace vssemu::scenario {
namespace {

// Thrown inside the loader only, caught by LoadScenarioText: the first error
// ends the load, and nothing half-built escapes.
struct LoadError {
  SourceLocation where;
  std::string message;
};

class Reader;

// One element being read: typed attribute access with precise errors.
class Element {
 public:
  Element(const Reader& reader, pugi::xml_node node) : reader_(reader), node_(node) {}

  pugi::xml_node node() const { return node_; }
  SourceLocation where() const;
  [[noreturn]] void Fail(const std::string& message) const {
    throw LoadError{where(), message};
  }

  // Also notes name as one this element knows, for the error listing.
  bool Has(const char* name) const {
    known_.insert(name);
    return node_.attribute(name);
  }
  std::string Text(const char* name, const std::string& fallback = "");
  std::string Required(const char* name);
  std::wstring Wide(const char* name, const std::wstring& fallback = L"");
  bool Bool(const char* name, bool fallback);
  int64_t Int(const char* name, int64_t fallback);
  HRESULT Hresult(const char* name);
  std::vector<std::string> Words(const char* name);
  template <typename T>
  T Enum(const char* name, const NameTable<T>& table, T fallback);
  // Reports attributes that no accessor consumed.
  void Finish();
  // Rejects child elements and text (elements that take attributes only).
  void Leaf() const;
  // Rejects child elements (elements whose content is text).
  void TextOnly() const;
  // Returns the element children, rejecting text content.
  std::vector<pugi::xml_node> Children() const;

 private:
  std::string Take(const char* name) {
    used_.insert(name);
    return node_.attribute(name).value();
  }

  const Reader& reader_;
  pugi::xml_node node_;
  std::set<std::string> used_;
  mutable std::set<std::string> known_;
};

// Maps pugixml offsets to lines and columns of the source text.
class Reader {
 public:
  Reader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}
  SourceLocation At(ptrdiff_t offset) const {
    SourceLocation where{file_, 1, 1};
    for (ptrdiff_t i = 0; i < offset && i < static_cast<ptrdiff_t>(text_.size()); ++i) {
      if (text_[i] == '\n') {
        ++where.line;
        where.column = 1;
      } else {
        ++where.column;
      }
    }
    return where;
  }
  const std::string& file() const { return file_; }

 private:
  std::string_view text_;
  std::string file_;
};

// pugixml points at the element name; editors and people point at its "<".
SourceLocation Element::where() const {
  return reader_.At(node_.offset_debug() - 1);
}

std::string Element::Text(const char* name, const std::string& fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  return Take(name);
}

std::string Element::Required(const char* name) {
  if (!Has(name)) {
    Fail(std::string("<") + node_.name() + "> needs the attribute " + name);
  }
  return Take(name);
}

std::wstring Element::Wide(const char* name, const std::wstring& fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  return metadata::FromUtf8(Take(name));
}

bool Element::Bool(const char* name, bool fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  if (value == "true" || value == "yes") return true;
  if (value == "false" || value == "no") return false;
  Fail(std::string("attribute ") + name + ": found \"" + value +
       "\", expected true or false");
}

int64_t Element::Int(const char* name, int64_t fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  // Decimal, or hex after 0x; a leading zero does not mean octal (010 is
  // ten milliseconds, not eight).
  const bool hex = value.size() > 2 && value[0] == '0' &&
                   (value[1] == 'x' || value[1] == 'X');
  const char* digits = value.c_str() + (hex ? 2 : 0);
  char* end = nullptr;
  errno = 0;
  long long parsed = std::strtoll(digits, &end, hex ? 16 : 10);
  if (value.empty() || *digits == '-' || *digits == '+' || *digits == ' ' ||
      end == digits || *end != '\0' || parsed < 0 || errno == ERANGE) {
    Fail(std::string("attribute ") + name + ": found \"" + value +
         "\", expected a non-negative number");
  }
  return parsed;
}

HRESULT Element::Hresult(const char* name) {
  std::string value = Required(name);
  std::optional<HRESULT> hr = ParseHresult(value);
  if (!hr) {
    Fail(std::string("attribute ") + name + ": \"" + value +
         "\" is not an HRESULT (a name such as VSS_E_BAD_STATE, or hex such "
         "as 0x80042301)");
  }
  return *hr;
}

std::vector<std::string> Element::Words(const char* name) {
  std::istringstream in(Required(name));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

template <typename T>
T Element::Enum(const char* name, const NameTable<T>& table, T fallback) {
  if (!Has(name)) {
    used_.insert(name);
    return fallback;
  }
  std::string value = Take(name);
  if (std::optional<T> parsed = table.Find(value)) return *parsed;
  Fail(std::string("attribute ") + name + ": found \"" + value +
       "\", expected one of " + table.List());
}

void Element::Finish() {
  for (pugi::xml_attribute a : node_.attributes()) {
    if (used_.count(a.name()) == 0) {
      std::set<std::string> names = used_;
      names.insert(known_.begin(), known_.end());
      std::string expected;
      for (const std::string& u : names) expected += (expected.empty() ? "" : ", ") + u;
      Fail(std::string("unknown attribute ") + a.name() + " on <" +
           node_.name() + ">; expected " +
           (expected.empty() ? "no attributes" : "one of " + expected));
    }
  }
}

void Element::Leaf() const {
  TextOnly();
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      Fail(std::string("unexpected text inside <") + node_.name() + ">");
    }
  }
}

void Element::TextOnly() const {
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_element) {
      Element(reader_, child).Fail(std::string("<") + node_.name() +
                                   "> takes no child elements; found <" +
                                   child.name() + ">");
    }
  }
}

std::vector<pugi::xml_node> Element::Children() const {
  std::vector<pugi::xml_node> children;
  for (pugi::xml_node child : node_.children()) {
    if (child.type() == pugi::node_element) {
      children.push_back(child);
    } else if (child.type() == pugi::node_pcdata ||
               child.type() == pugi::node_cdata) {
      Fail(std::string("unexpected text inside <") + node_.name() + ">");
    }
  }
  return children;
}

// The reference requester's steps a fault can follow (BackupPlan::after_step).
const std::vector<std::string>& RequesterSteps() {
  static const std::vector<std::string> steps = {
      "InitializeForBackup", "SetBackupState",   "GatherWriterMetadata",
      "AddComponent",        "StartSnapshotSet", "AddToSnapshotSet",
      "PrepareForBackup",    "DoSnapshotSet",    "GetSnapshotProperties",
      "SetBackupSucceeded",  "BackupComplete",   "SaveAsXML"};
  return steps;
}

std::string OneOf(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

// Reads a required attribute whose value is one of names.
std::string Choice(Element& e, const char* attribute,
                   const std::vector<std::string>& names) {
  std::string value = e.Required(attribute);
  if (std::find(names.begin(), names.end(), value) == names.end()) {
    e.Fail(std::string("attribute ") + attribute + ": found \"" + value +
           "\", expected " + OneOf(names));
  }
  return value;
}

[[noreturn]] void UnknownChild(const Element& parent, const Element& child,
                               const char* expected) {
  child.Fail(std::string("unknown element <") + child.node().name() +
             "> inside <" + parent.node().name() + ">; expected " + expected);
}

void ReadWorld(const Reader& reader, Element& world, Scenario& s) {
  s.options.seed = static_cast<uint64_t>(world.Int("seed", 0));
  s.options.strictness =
      world.Enum("strictness", StrictnessNames(), Strictness::kWarn);
  s.options.machine_name = world.Wide("machine", L"vssemu-host");
  world.Finish();
  bool volumes_given = false;
  for (pugi::xml_node node : world.Children()) {
    Element e(reader, node);
    std::string tag = node.name();
    if (tag == "volume") {
      if (!volumes_given) s.options.volumes.clear();
      volumes_given = true;
      s.options.volumes.push_back(
          VolumeOptions{e.Wide("name"), e.Bool("supported", true)});
      if (s.options.volumes.back().name.empty()) e.Fail("<volume> needs a name");
    } else if (tag == "knob") {
      std::string name = e.Required("name");
      std::string value = e.Required("value");
      if (!SetKnob(&s.options.knobs, name, value)) {
        e.Fail("knob " + name + "=\"" + value + "\": expected one of " +
               KnobList() + " with a valid value");
      }
    } else if (tag == "provider") {
      ProviderFault fault;
      fault.where = e.where();
      fault.step = e.Enum("step", ProviderStepNames(), fault.step);
      fault.hr = e.Has("result") ? e.Hresult("result") : S_OK;
      fault.take_ms = e.Int("take-ms", 0);
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
  w.metadata.components.push_back(std::move(component));
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
  b.take_ms = e.Int("take-ms", 0);
  b.first = static_cast<int>(e.Int("first", 0));
  if (e.Has("backup-stamp")) b.backup_stamp = e.Wide("backup-stamp");
  if (e.Has("backup-metadata")) b.backup_metadata = e.Wide("backup-metadata");
  if ((b.backup_stamp || b.backup_metadata) &&
      event != coordinator::WriterEvent::kPrepareForBackup &&
      event != coordinator::WriterEvent::kPostSnapshot) {
    e.Fail("backup-stamp and backup-metadata are set in PrepareForBackup or "
           "PostSnapshot, the events that hand over the components");
  }
  e.Leaf();
  e.Finish();
  if (!w.behaviour.emplace(event, b).second) {
    e.Fail(std::string("a second <on event=\"") + EventNames().Name(event) +
           "\"> for this writer; describe each event once");
  }
}

metadata::RestoreMethod ReadRestoreMethod(Element& e) {
  metadata::RestoreMethod r;
  r.method = e.Enum("method", RestoreMethodNames(), VSS_RME_RESTORE_IF_CAN_REPLACE);
  r.writer_restore = e.Enum("writer-restore", WriterRestoreNames(), VSS_WRE_ALWAYS);
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

void ReadWriter(const Reader& reader, Element& e, Scenario& s,
                std::vector<PendingDependency>* pending) {
  ScriptedWriter w;
  w.where = e.where();
  w.id = e.Required("id");
  metadata::WriterIdentity& id = w.metadata.identity;
  id.writer_name = e.Wide("name", metadata::FromUtf8(w.id));
  std::string class_text = e.Text("class");
  if (class_text.empty()) {
    id.writer_id = StableClassId(w.id);
  } else if (std::optional<GUID> g = com::ParseGuid(std::string_view(class_text))) {
    id.writer_id = *g;
  } else {
    e.Fail("attribute class: \"" + class_text + "\" is not a GUID");
  }
  if (e.Has("instance")) id.instance_name = e.Wide("instance");
  id.usage = e.Enum("usage", UsageNames(), VSS_UT_USERDATA);
  id.source = e.Enum("source", SourceNames(), VSS_ST_OTHER);
  w.level = e.Enum("level", LevelNames(), VSS_APP_FRONT_END);
  w.freeze_timeout_ms = static_cast<DWORD>(e.Int("freeze-timeout-ms", 60000));
  w.subscribe = e.Bool("subscribe", true);
  w.extended = e.Bool("ex", false);
  w.metadata.backup_schema = static_cast<DWORD>(e.Int("backup-schema", 0));
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

void ReadRequester(Element& e, Scenario& s) {
  RequesterWorkload& r = s.requester;
  if (r.where.line != 0) {
    e.Fail("a second <requester>; the first is at " + r.where.ToString());
  }
  r.where = e.where();
  r.external = e.Has("workload") &&
               Choice(e, "workload", {"reference", "external"}) == "external";
  BackupPlan& plan = r.plan;
  plan.type = e.Enum("type", BackupTypeNames(), VSS_BT_FULL);
  plan.component_mode = !e.Has("mode") ||
                        Choice(e, "mode", {"component", "volume"}) == "component";
  plan.context = e.Enum("context", ContextNames(), static_cast<LONG>(VSS_CTX_BACKUP));
  plan.wait = e.Has("wait") && Choice(e, "wait", {"wait", "poll"}) == "poll"
                  ? BackupPlan::WaitStyle::kPoll
                  : BackupPlan::WaitStyle::kWait;
  plan.abort_after_prepare = e.Bool("abort-after-prepare", false);
  plan.bootable_system_state = e.Bool("bootable-system-state", false);
  plan.select_optional_components = e.Bool("select-optional", true);
  plan.fail_on_writer_error = e.Bool("fail-on-writer-error", true);
  plan.backup_complete = e.Bool("backup-complete", true);
  plan.save_as_xml = e.Bool("save-xml", true);
  plan.abort_on_early_end = e.Bool("abort-backup", true);
  if (e.Has("disable-writers")) r.disable_writers = e.Words("disable-writers");
  if (e.Has("enable-writers")) r.enable_writers = e.Words("enable-writers");
  if (e.Has("disable-instances")) r.disable_instances = e.Words("disable-instances");
  if (e.Has("components")) {
    for (const std::string& c : e.Words("components")) {
      plan.components.push_back(metadata::FromUtf8(c));
    }
  }
  if (e.Has("volumes")) {
    plan.volumes.clear();
    for (const std::string& v : e.Words("volumes")) {
      plan.volumes.push_back(metadata::FromUtf8(v));
    }
  }
  e.Leaf();
  e.Finish();
}

void ReadFault(Element& e, Scenario& s) {
  Fault f;
  f.where = e.where();
  std::string kind = Choice(e, "kind",
                            {"access-denied", "foreign-snapshot-set",
                             "second-requester-identify", "unsubscribe",
                             "flush-writes-fail"});
  if (kind == "access-denied") {
    f.kind = Fault::Kind::kAccessDenied;
    f.at = Choice(e, "at", {"create", "initialize", "writer-initialize",
                            "subscribe"});
    if (f.at == "writer-initialize" || f.at == "subscribe") {
      f.writer = e.Text("writer");
    }
  } else if (kind == "foreign-snapshot-set") {
    f.kind = Fault::Kind::kForeignSnapshotSet;
  } else if (kind == "flush-writes-fail") {
    f.kind = Fault::Kind::kFlushWritesFail;
  } else if (kind == "second-requester-identify") {
    f.kind = Fault::Kind::kSecondRequesterIdentify;
    f.after = Choice(e, "after", RequesterSteps());
  } else {
    f.kind = Fault::Kind::kUnsubscribe;
    f.writer = e.Required("writer");
    f.after = Choice(e, "after", RequesterSteps());
  }
  e.Leaf();
  e.Finish();
  s.faults.push_back(std::move(f));
}

void ReadExpectation(Element& e, Scenario& s) {
  Expectation x;
  x.where = e.where();
  if (e.Has("events")) {
    x.kind = Expectation::Kind::kWriterEvents;
    x.writer = e.Required("writer");
    x.events = e.Words("events");
    std::string order = e.Text("order", "sequence");
    if (order == "exact") x.order = Expectation::Order::kExact;
    else if (order == "set") x.order = Expectation::Order::kSet;
    else if (order != "sequence") e.Fail("attribute order: found \"" + order + "\", expected sequence, exact or set");
  } else if (e.Has("state")) {
    x.kind = Expectation::Kind::kWriterState;
    x.writer = e.Required("writer");
    x.state = e.Enum("state", WriterStateNames(), VSS_WS_UNKNOWN);
    if (e.Has("failure")) x.failure = e.Hresult("failure");
    if (e.Has("app-hr")) x.application_hr = e.Hresult("app-hr");
    if (e.Has("app-message")) x.application_message = e.Wide("app-message");
  } else if (e.Has("call")) {
    x.kind = Expectation::Kind::kCallResult;
    x.call = e.Required("call");
    if (e.Has("result")) x.results.push_back(e.Hresult("result"));
    if (e.Has("either")) {
      for (const std::string& w : e.Words("either")) {
        std::optional<HRESULT> hr = ParseHresult(w);
        if (!hr) e.Fail("attribute either: \"" + w + "\" is not an HRESULT");
        x.results.push_back(*hr);
      }
    }
    if (x.results.empty()) e.Fail("<expect call=...> needs result= or either=");
  } else if (e.Has("backup")) {
    x.kind = Expectation::Kind::kBackup;
    x.backup_outcome = Choice(e, "backup", {"succeeded", "failed", "aborted"});
    if (e.Has("result")) x.results.push_back(e.Hresult("result"));
  } else if (e.Has("violation")) {
    x.kind = Expectation::Kind::kViolation;
    x.violation = e.Required("violation");
  } else if (e.Has("no-violations")) {
    x.kind = Expectation::Kind::kNoViolation;
    Choice(e, "no-violations", {"true"});
  } else if (e.Has("start")) {
    x.kind = Expectation::Kind::kWriterStart;
    x.writer = e.Required("writer");
    x.results.push_back(e.Hresult("start"));
  } else if (e.Has("provider")) {
    x.kind = Expectation::Kind::kProviderCalls;
    x.provider_step = Choice(
        e, "provider",
        {"BeginPrepareSnapshot", "EndPrepareSnapshots", "PreCommitSnapshots",
         "CommitSnapshots", "PostCommitSnapshots", "PreFinalCommitSnapshots",
         "PostFinalCommitSnapshots", "AbortSnapshots", "DeleteSnapshots"});
    x.calls = e.Int("calls", 1);
  } else if (e.Has("bcd")) {
    x.kind = Expectation::Kind::kBcdSaved;
    x.bcd_saved = Choice(e, "bcd", {"saved", "none"}) == "saved";
  } else if (e.Has("bcd-component")) {
    x.kind = Expectation::Kind::kBcdComponent;
    x.component = e.Wide("bcd-component");
    x.writer = e.Required("writer");
    if (e.Has("backup-succeeded")) {
      x.backup_succeeded = e.Bool("backup-succeeded", true);
    }
    if (e.Has("stamp")) x.stamp = e.Wide("stamp");
    if (e.Has("metadata")) x.metadata = e.Wide("metadata");
  } else {
    e.Fail("<expect> needs one of events=, state=, call=, backup=, violation=, "
           "no-violations=, start=, provider=, bcd= or bcd-component=");
  }
  e.Leaf();
  e.Finish();
  s.expectations.push_back(std::move(x));
}

// Checks references between elements once everything is read.
void CheckReferences(const Reader& reader, const Scenario& s) {
  std::set<std::string> ids;
  for (const ScriptedWriter& w : s.scripted_writers) {
    if (!ids.insert(w.id).second) throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
  }
  for (const RegisteredWriter& w : s.registered_writers) {
    if (!ids.insert(w.id).second) throw LoadError{w.where, "writer id \"" + w.id + "\" is used twice"};
  }
  for (const Expectation& x : s.expectations) {
    if (!x.writer.empty() && ids.count(x.writer) == 0) {
      throw LoadError{x.where, "no writer with id \"" + x.writer +
                                   "\" is declared in this scenario"};
    }
  }
  for (const Expectation& x : s.expectations) {
    bool needs_reference = x.kind == Expectation::Kind::kBackup ||
                           x.kind == Expectation::Kind::kBcdSaved ||
                           x.kind == Expectation::Kind::kBcdComponent ||
                           x.application_hr || x.application_message;
    if (needs_reference && s.requester.external) {
      throw LoadError{x.where, "this expectation reads the reference "
                               "requester's results; this scenario's "
                               "requester is external"};
    }
  }
  for (const auto* list : {&s.requester.disable_writers, &s.requester.enable_writers,
                           &s.requester.disable_instances}) {
    for (const std::string& id : *list) {
      if (ids.count(id) == 0) {
        throw LoadError{s.requester.where, "no writer with id \"" + id +
                                               "\" is declared in this scenario"};
      }
    }
  }
  for (const Fault& f : s.faults) {
    if (!f.writer.empty() && ids.count(f.writer) == 0) {
      throw LoadError{f.where, "no writer with id \"" + f.writer +
                                   "\" is declared in this scenario"};
    }
    bool registered = false;
    for (const RegisteredWriter& w : s.registered_writers) {
      registered = registered || w.id == f.writer;
    }
    if (f.kind == Fault::Kind::kAccessDenied && registered) {
      // Its name is known only once its own code calls Initialize.
      throw LoadError{f.where, "access-denied names scripted writers only; "
                               "leave writer= out to deny every writer"};
    }
    if (!f.after.empty() && s.requester.external) {
      throw LoadError{f.where, "after= needs the reference requester; this "
                               "scenario's requester is external"};
    }
  }
  (void)reader;
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
      ReadWriter(reader, c, s, &pending);
    } else if (tag == "registered-writer") {
      RegisteredWriter r{c.Required("id"), c.Required("class"), c.where()};
      c.Leaf();
      c.Finish();
      s.registered_writers.push_back(r);
    } else if (tag == "requester") {
      ReadRequester(c, s);
    } else if (tag == "fault") {
      ReadFault(c, s);
    } else if (tag == "expect") {
      ReadExpectation(c, s);
    } else {
      UnknownChild(e, c,
                   "<description>, <world>, <writer>, <registered-writer>, "
                   "<requester>, <fault> or <expect>");
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
  CheckReferences(reader, s);
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
