// Reads <requester> with its <backup> and <restore> steps, and <fault>.
// A <backup> starts from the requester's own attributes, so a chain such as
// full-then-incremental only says what changes.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "metadata/xml_util.h"
#include "paths/path_text.h"
#include "scenario/scenario_loader_internal.h"
#include "scenario/scenario_limits.h"

namespace vssemu::scenario::loader {
namespace {

// The reference requester's steps a fault can follow (BackupPlan::after_step).
const std::vector<std::string>& RequesterSteps() {
  static const std::vector<std::string> steps = {
      "InitializeForBackup", "SetBackupState",   "GatherWriterMetadata",
      "AddComponent",        "StartSnapshotSet", "AddToSnapshotSet",
      "PrepareForBackup",    "DoSnapshotSet",    "GetSnapshotProperties",
      "SetBackupSucceeded",  "BackupComplete",   "SaveAsXML"};
  return steps;
}

BackupPlan::WaitStyle ReadWait(Element& e, BackupPlan::WaitStyle fallback) {
  if (!e.Has("wait")) return fallback;
  return Choice(e, "wait", {"wait", "poll"}) == "poll"
             ? BackupPlan::WaitStyle::kPoll
             : BackupPlan::WaitStyle::kWait;
}

// Reads the attributes of one backup; those absent keep defaults' values.
BackupStep ReadBackupAttributes(Element& e, const BackupStep& defaults) {
  BackupStep step = defaults;
  step.where = e.where();
  BackupPlan& plan = step.plan;
  plan.type = e.Enum("type", BackupTypeNames(), plan.type);
  if (e.Has("mode")) {
    plan.component_mode =
        Choice(e, "mode", {"component", "volume"}) == "component";
  }
  plan.context = e.Enum("context", ContextNames(), plan.context);
  plan.wait = ReadWait(e, plan.wait);
  plan.abort_after_prepare =
      e.Bool("abort-after-prepare", plan.abort_after_prepare);
  plan.bootable_system_state =
      e.Bool("bootable-system-state", plan.bootable_system_state);
  plan.select_optional_components =
      e.Bool("select-optional", plan.select_optional_components);
  plan.fail_on_writer_error =
      e.Bool("fail-on-writer-error", plan.fail_on_writer_error);
  plan.backup_complete = e.Bool("backup-complete", plan.backup_complete);
  plan.save_as_xml = e.Bool("save-xml", plan.save_as_xml);
  plan.abort_on_early_end = e.Bool("abort-backup", plan.abort_on_early_end);
  if (e.Has("disable-writers"))
    step.disable_writers = e.Words("disable-writers");
  if (e.Has("enable-writers")) step.enable_writers = e.Words("enable-writers");
  if (e.Has("disable-instances")) {
    step.disable_instances = e.Words("disable-instances");
  }
  if (e.Has("components")) plan.components = WideWords(e, "components");
  if (e.Has("volumes")) plan.volumes = WideWords(e, "volumes");
  return step;
}

NewTarget ReadNewTarget(Element& e) {
  NewTarget t;
  t.component = metadata::FromUtf8(e.Required("component"));
  t.file_set.path = metadata::FromUtf8(e.Required("path"));
  t.file_set.filespec = e.Wide("filespec", L"*");
  t.file_set.recursive = e.Bool("recursive", false);
  t.destination = metadata::FromUtf8(e.Required("destination"));
  if (t.component.empty() || t.file_set.path.empty() || t.destination.empty()) {
    e.Fail("<new-target> needs a component, a path and a destination");
  }
  e.Leaf();
  e.Finish();
  return t;
}

// Reads one <restore>; backups is how many backups run before it.
RestoreStep ReadRestore(Element& e, int backups) {
  RestoreStep r;
  r.where = e.where();
  RestorePlan& plan = r.plan;
  if (e.Has("components")) plan.components = WideWords(e, "components");
  plan.type = e.Enum("restore-type", RestoreTypeNames(), VSS_RTYPE_BY_COPY);
  plan.additional_restores = e.Bool("additional-restores", false);
  plan.wait = ReadWait(e, BackupPlan::WaitStyle::kWait);
  plan.fail_on_writer_error = e.Bool("fail-on-writer-error", true);
  if (e.Has("delete-before")) r.delete_before = WideWords(e, "delete-before");
  if (e.Has("stopped-writers")) r.stopped_writers = e.Words("stopped-writers");
  if (e.Has("backup")) {
    const int64_t backup = e.Int("backup", 0, limits::kCount);
    if (backup < 1 || backup > backups) {
      e.Fail("attribute backup: found " + std::to_string(backup) +
             "; this restore can restore backup 1" +
             (backups > 1 ? " to " + std::to_string(backups) : "") +
             " (the backups that run before it)");
    }
    r.backup = static_cast<int>(backup);
  }
  e.Finish();
  for (pugi::xml_node node : e.Children()) {
    Element c(e.reader(), node);
    if (std::string(node.name()) != "new-target") {
      UnknownChild(e, c, "<new-target>");
    }
    plan.new_targets.push_back(ReadNewTarget(c));
  }
  return r;
}

void CheckWriterIds(const std::vector<std::string>& ids,
                    const std::set<std::string>& writer_ids,
                    const SourceLocation& where) {
  for (const std::string& id : ids) {
    if (writer_ids.count(id) == 0) {
      throw LoadError{where, "no writer with id \"" + id +
                                 "\" is declared in this scenario"};
    }
  }
}

void CheckBackupStep(const BackupStep& b,
                     const std::set<std::string>& writer_ids) {
  for (const auto* list :
       {&b.disable_writers, &b.enable_writers, &b.disable_instances}) {
    CheckWriterIds(*list, writer_ids, b.where);
  }
}

}  // namespace

std::string BelowAVolume(const Scenario& s, const std::wstring& path) {
  const std::string text = metadata::ToUtf8(path);
  for (const VolumeOptions& v : s.options.volumes) {
    std::wstring root = v.name;
    if (!root.empty() && root.back() != L'\\') root += L'\\';
    if (path.size() <= root.size() || !paths::StartsWithFolded(path, root)) {
      continue;
    }
    // "." and ".." would let a scenario reach outside the volume's folder.
    std::wstring part;
    for (size_t i = root.size(); i <= path.size(); ++i) {
      if (i < path.size() && path[i] != L'\\' && path[i] != L'/') {
        part += path[i];
        continue;
      }
      if (part == L"." || part == L"..") {
        return text + ": \".\" and \"..\" are not allowed in a path";
      }
      part.clear();
    }
    return "";
  }
  return text + " is not below a volume of this scenario (<world><volume>)";
}

// A program path as written: relative paths are resolved against the
// scenario's folder; a bare name is looked up on PATH when the run starts.
std::string ProgramPath(const std::string& program, const std::string& file) {
  const std::filesystem::path path(program);
  if (!path.has_parent_path() || path.is_absolute()) return program;
  return (std::filesystem::path(file).parent_path() / path)
      .lexically_normal()
      .string();
}

// Splits args= at spaces; "double quotes" keep spaces in an argument.
std::vector<std::string> SplitArguments(Element& e, const std::string& text) {
  std::vector<std::string> args;
  std::string current;
  bool quoted = false, any = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if ((c == ' ' || c == '\t') && !quoted) {
      if (any) args.push_back(current);
      current.clear();
      any = false;
    } else {
      current += c;
      any = true;
    }
  }
  if (quoted) e.Fail("attribute args: a double quote is not closed");
  if (any) args.push_back(current);
  return args;
}

void ReadRequester(Element& e, Scenario& s) {
  RequesterWorkload& r = s.requester;
  if (r.where.line != 0) {
    e.Fail("a second <requester>; the first is at " + r.where.ToString());
  }
  const std::string workload =
      e.Has("workload") ? Choice(e, "workload", {"reference", "external", "exec"})
                        : "reference";
  r.external = workload != "reference";
  r.exec = workload == "exec";
  if (r.exec) {
    r.program = ProgramPath(e.Required("program"), s.file);
    if (e.Has("args")) r.args = SplitArguments(e, e.Text("args"));
  } else if (e.Has("program") || e.Has("args")) {
    e.Fail("program= and args= name the requester program of "
           "workload=\"exec\"");
  }
  static_cast<BackupStep&>(r) = ReadBackupAttributes(e, BackupStep{});
  e.Finish();
  int backups = 1;
  for (pugi::xml_node node : e.Children()) {
    Element c(e.reader(), node);
    const std::string tag = node.name();
    if (tag != "backup" && tag != "restore") {
      UnknownChild(e, c, "<backup> or <restore>");
    }
    if (r.external) {
      c.Fail("<" + tag +
             "> is a step of the reference requester; this "
             "scenario's requester is external");
    }
    if (static_cast<int64_t>(r.steps.size()) >= limits::kSteps) {
      c.Fail("a requester has at most " + std::to_string(limits::kSteps) +
             " <backup> and <restore> steps (docs/scenarios.md, \"Limits\")");
    }
    RequesterStep step;
    if (tag == "backup") {
      step.kind = RequesterStep::Kind::kBackup;
      step.backup = ReadBackupAttributes(c, r);
      c.Leaf();
      c.Finish();
      ++backups;
    } else {
      step.kind = RequesterStep::Kind::kRestore;
      step.restore = ReadRestore(c, backups);
    }
    r.steps.push_back(std::move(step));
  }
}

void ReadFault(Element& e, Scenario& s) {
  Fault f;
  f.where = e.where();
  std::string kind =
      Choice(e, "kind",
             {"access-denied", "foreign-snapshot-set",
              "second-requester-identify", "unsubscribe", "flush-writes-fail"});
  if (kind == "access-denied") {
    f.kind = Fault::Kind::kAccessDenied;
    f.at = Choice(e, "at",
                  {"create", "initialize", "writer-initialize", "subscribe"});
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

void CheckRequesterReferences(const Scenario& s,
                              const std::set<std::string>& writer_ids) {
  CheckBackupStep(s.requester, writer_ids);
  for (const RequesterStep& step : s.requester.steps) {
    if (step.kind == RequesterStep::Kind::kBackup) {
      CheckBackupStep(step.backup, writer_ids);
      continue;
    }
    const RestoreStep& r = step.restore;
    CheckWriterIds(r.stopped_writers, writer_ids, r.where);
    for (const ExpressWriterSpec& w : s.express_writers) {
      if (std::find(r.stopped_writers.begin(), r.stopped_writers.end(), w.id) !=
          r.stopped_writers.end()) {
        throw LoadError{r.where, "stopped-writers: \"" + w.id +
                                     "\" is an express writer, which VSS "
                                     "answers for; it cannot stop"};
      }
    }
    for (const ProgramWriter& w : s.program_writers) {
      if (std::find(r.stopped_writers.begin(), r.stopped_writers.end(), w.id) !=
          r.stopped_writers.end()) {
        throw LoadError{r.where, "stopped-writers: \"" + w.id +
                                     "\" is a program writer; the program "
                                     "decides when it stops"};
      }
    }
    for (const std::wstring& path : r.delete_before) {
      std::string problem = BelowAVolume(s, path);
      if (!problem.empty())
        throw LoadError{r.where, "delete-before: " + problem};
    }
  }
  for (const Fault& f : s.faults) {
    if (!f.writer.empty() && writer_ids.count(f.writer) == 0) {
      throw LoadError{f.where, "no writer with id \"" + f.writer +
                                   "\" is declared in this scenario"};
    }
    bool registered = false;
    for (const RegisteredWriter& w : s.registered_writers) {
      registered = registered || w.id == f.writer;
    }
    for (const ExpressWriterSpec& w : s.express_writers) {
      if (w.id == f.writer) {
        throw LoadError{f.where, "writer=\"" + f.writer +
                                     "\" is an express writer, which VSS "
                                     "answers for; no fault reaches it"};
      }
    }
    for (const ProgramWriter& w : s.program_writers) {
      if (w.id == f.writer) {
        throw LoadError{f.where, "writer=\"" + f.writer +
                                     "\" is a program writer, which this fault "
                                     "cannot reach; name a scripted writer"};
      }
    }
    if (f.kind == Fault::Kind::kAccessDenied && registered) {
      // Its name is known only once its own code calls Initialize.
      throw LoadError{f.where,
                      "access-denied names scripted writers only; "
                      "leave writer= out to deny every writer"};
    }
    if (!f.after.empty() && s.requester.external) {
      throw LoadError{f.where,
                      "after= needs the reference requester; this "
                      "scenario's requester is external"};
    }
  }
}

}  // namespace vssemu::scenario::loader
