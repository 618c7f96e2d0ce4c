// Reads <expect>: the attribute that names the form decides which other
// attributes the element takes, and what each form refers to (writers,
// backups, restores, files) is checked once the whole scenario is read.
#include <string>

#include "metadata/xml_util.h"
#include "scenario/scenario_loader_internal.h"
#include "scenario/scenario_limits.h"

namespace vssemu::scenario::loader {
namespace {

using Kind = Expectation::Kind;

void ReadEvents(Element& e, Expectation& x) {
  x.kind = Kind::kWriterEvents;
  x.writer = e.Required("writer");
  x.events = e.Words("events");
  std::string order = e.Text("order", "sequence");
  if (order == "exact") {
    x.order = Expectation::Order::kExact;
  } else if (order == "set") {
    x.order = Expectation::Order::kSet;
  } else if (order != "sequence") {
    e.Fail("attribute order: found \"" + order +
           "\", expected sequence, exact or set");
  }
}

void ReadState(Element& e, Expectation& x) {
  x.kind = Kind::kWriterState;
  x.writer = e.Required("writer");
  x.state = e.Enum("state", WriterStateNames(), VSS_WS_UNKNOWN);
  if (e.Has("failure")) x.failure = e.Hresult("failure");
  if (e.Has("app-hr")) x.application_hr = e.Hresult("app-hr");
  if (e.Has("app-message")) x.application_message = e.Wide("app-message");
}

void ReadCall(Element& e, Expectation& x) {
  x.kind = Kind::kCallResult;
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
}

// Reads the optional backup="K" that picks one backup of the run.
void ReadBackupSelector(Element& e, Expectation& x) {
  if (!e.Has("backup")) return;
  const int64_t k = e.Int("backup", 0, limits::kCount);
  if (k < 1) {
    e.Fail("attribute backup: found " + std::to_string(k) +
           ", expected the number of a backup (1 is the first)");
  }
  x.backup_index = static_cast<int>(k);
}

void ReadBcdComponent(Element& e, Expectation& x) {
  x.kind = Kind::kBcdComponent;
  x.component = e.Wide("bcd-component");
  x.writer = e.Required("writer");
  if (e.Has("backup-succeeded")) {
    x.backup_succeeded = e.Bool("backup-succeeded", true);
  }
  if (e.Has("stamp")) x.stamp = e.Wide("stamp");
  if (e.Has("metadata")) x.metadata = e.Wide("metadata");
  if (e.Has("previous-stamp")) x.previous_stamp = e.Wide("previous-stamp");
  ReadBackupSelector(e, x);
}

void ReadFile(Element& e, Expectation& x) {
  x.kind = Kind::kFile;
  x.file = e.Wide("file");
  if (e.Has("content")) x.content = e.Text("content");
  if (e.Has("exists")) x.exists = e.Bool("exists", true);
  if (x.content.has_value() == x.exists.has_value()) {
    e.Fail(
        "<expect file=...> takes content= (the file holds exactly that "
        "text) or exists= (true or false), one of them");
  }
}

// Reads the forms about files, backups and restores; false if none fits.
bool ReadRunForm(Element& e, Expectation& x) {
  if (e.Has("copied-files")) {
    x.kind = Kind::kCopiedFiles;
    x.count = e.Int("copied-files", 0, limits::kCount);
    ReadBackupSelector(e, x);
  } else if (e.Has("bcd")) {
    x.kind = Kind::kBcdSaved;
    x.bcd_saved = Choice(e, "bcd", {"saved", "none"}) == "saved";
    ReadBackupSelector(e, x);
  } else if (e.Has("bcd-component")) {
    ReadBcdComponent(e, x);
  } else if (e.Has("restore")) {
    x.kind = Kind::kRestore;
    x.restore_succeeded =
        Choice(e, "restore", {"succeeded", "failed"}) == "succeeded";
    if (e.Has("result")) x.results.push_back(e.Hresult("result"));
  } else if (e.Has("restore-verified")) {
    x.kind = Kind::kRestoreVerified;
    Choice(e, "restore-verified", {"true"});
  } else if (e.Has("restored-files")) {
    x.kind = Kind::kRestoredFiles;
    x.count = e.Int("restored-files", 0, limits::kCount);
  } else if (e.Has("file")) {
    ReadFile(e, x);
  } else if (e.Has("backup")) {
    x.kind = Kind::kBackup;
    x.backup_outcome = Choice(e, "backup", {"succeeded", "failed", "aborted"});
    if (e.Has("result")) x.results.push_back(e.Hresult("result"));
  } else {
    return false;
  }
  return true;
}

// Reads the forms about the emulator's own reports; false if none fits.
bool ReadReportForm(Element& e, Expectation& x) {
  if (e.Has("violation")) {
    x.kind = Kind::kViolation;
    x.violation = e.Required("violation");
  } else if (e.Has("no-violations")) {
    x.kind = Kind::kNoViolation;
    Choice(e, "no-violations", {"true"});
  } else if (e.Has("start")) {
    x.kind = Kind::kWriterStart;
    x.writer = e.Required("writer");
    x.results.push_back(e.Hresult("start"));
  } else if (e.Has("provider")) {
    x.kind = Kind::kProviderCalls;
    x.provider_step = Choice(
        e, "provider",
        {"BeginPrepareSnapshot", "EndPrepareSnapshots", "PreCommitSnapshots",
         "CommitSnapshots", "PostCommitSnapshots", "PreFinalCommitSnapshots",
         "PostFinalCommitSnapshots", "AbortSnapshots", "DeleteSnapshots"});
    x.calls = e.Int("calls", 1, limits::kCount);
  } else if (e.Has("exit-code")) {
    x.kind = Kind::kExitCode;
    x.exit_code = e.Int("exit-code", 0, limits::kDword);
  } else {
    return false;
  }
  return true;
}

bool ReadsReferenceRequester(const Expectation& x) {
  switch (x.kind) {
    case Kind::kBackup:
    case Kind::kBcdSaved:
    case Kind::kBcdComponent:
    case Kind::kCopiedFiles:
    case Kind::kRestore:
    case Kind::kRestoreVerified:
    case Kind::kRestoredFiles:
      return true;
    default:
      return x.application_hr.has_value() || x.application_message.has_value();
  }
}

bool ReadsRestore(const Expectation& x) {
  return x.kind == Kind::kRestore || x.kind == Kind::kRestoreVerified ||
         x.kind == Kind::kRestoredFiles;
}

}  // namespace

void ReadExpectation(Element& e, Scenario& s) {
  Expectation x;
  x.where = e.where();
  // The first attribute found in this order picks the form.
  if (e.Has("events")) {
    ReadEvents(e, x);
  } else if (e.Has("state")) {
    ReadState(e, x);
  } else if (e.Has("call")) {
    ReadCall(e, x);
  } else if (!ReadRunForm(e, x) && !ReadReportForm(e, x)) {
    e.Fail(
        "<expect> needs one of events=, state=, call=, copied-files=, "
        "bcd=, bcd-component=, restore=, restore-verified=, "
        "restored-files=, file=, backup=, violation=, no-violations=, "
        "start=, provider= or exit-code=");
  }
  e.Leaf();
  e.Finish();
  s.expectations.push_back(std::move(x));
}

void CheckExpectationReferences(const Scenario& s,
                                const std::set<std::string>& writer_ids) {
  const int backups = s.requester.BackupCount();
  for (const Expectation& x : s.expectations) {
    if (!x.writer.empty() && writer_ids.count(x.writer) == 0) {
      throw LoadError{x.where, "no writer with id \"" + x.writer +
                                   "\" is declared in this scenario"};
    }
    if (ReadsReferenceRequester(x) && s.requester.external) {
      throw LoadError{x.where,
                      "this expectation reads the reference "
                      "requester's results; this scenario's "
                      "requester is external"};
    }
    if (x.kind == Kind::kExitCode && !s.requester.external) {
      throw LoadError{x.where,
                      "exit-code= reads the exit status of the requester "
                      "program; this scenario's requester is the reference "
                      "requester (use workload=\"exec\" or \"external\")"};
    }
    if (x.backup_index > backups) {
      throw LoadError{x.where, "backup=" + std::to_string(x.backup_index) +
                                   ": the requester runs " +
                                   std::to_string(backups) + " backup(s)"};
    }
    if (ReadsRestore(x) && !s.requester.HasRestore()) {
      throw LoadError{x.where,
                      "this expectation reads a restore; the "
                      "requester has no <restore>"};
    }
    if ((x.kind == Kind::kCopiedFiles || x.kind == Kind::kFile) &&
        !s.UsesFiles()) {
      throw LoadError{x.where,
                      "this expectation reads files; this scenario "
                      "has none (give a <volume> a <file>, or the "
                      "requester a <restore>)"};
    }
    if (x.kind == Kind::kFile) {
      std::string problem = BelowAVolume(s, x.file);
      if (!problem.empty()) throw LoadError{x.where, "file: " + problem};
    }
  }
}

}  // namespace vssemu::scenario::loader
