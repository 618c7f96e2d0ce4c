#include "coordinator/service.h"

#include <vsserror.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <system_error>

#include "com/guid_format.h"
#include "com/hresult_table.h"
#include "coordinator/backup_session.h"
#include "coordinator/express_writers.h"
#include "metadata/wmd_xml.h"
#include "paths/path_text.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {

namespace {
thread_local CallbackContext* t_running = nullptr;
}  // namespace

CallbackContext* RunningCallback() { return t_running; }

std::string TraceGuid(const GUID& id) { return com::FormatGuid(id); }

namespace {

// A bad volume list is a harness configuration error, not a protocol
// outcome: stop with a message rather than run a different machine.
[[noreturn]] void ConfigurationError(const std::string& message) {
  std::fprintf(stderr, "vssemu: %s\n", message.c_str());
  std::abort();
}

// The backing folder of v as an absolute path, so that a later change of
// the working directory does not move the volume (RunOptionsError has
// checked that it is a folder).
std::filesystem::path BackingFolder(const VolumeOptions& v) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::absolute(v.directory, ec);
  return ec ? v.directory : folder;
}

VolumeTable MakeVolumes(const RunOptions& options) {
  // vssemu::Emulator, the service's one maker, has refused options that
  // RunOptionsError finds wrong; what is left to fail here is a bug.
  VolumeTable table(options.seed);
  for (const VolumeOptions& v : options.volumes) {
    VolumeSpec spec;
    spec.display_name = v.name;
    spec.supported_by_system_provider = v.supported;
    // The machine of RunOptions meets the host's volumes (on Windows the
    // requester asks the real OS for volume names).
    spec.host_guid = true;
    if (!v.directory.empty()) spec.directory = BackingFolder(v);
    spec.snapshot_scope = v.snapshot_scope;
    if (FAILED(table.Add(spec))) {
      ConfigurationError("invalid RunOptions: volume \"" + paths::WideToUtf8(v.name) + "\"");
    }
  }
  return table;
}

// The source of an emulator that neither explores nor replays: the
// documented defaults, with no log (nobody reads it, and a run of a million
// backups would keep every decision). Exploration installs its own source.
std::unique_ptr<sim::ChoiceSource> UnloggedDefaultChoices() {
  auto defaults = std::make_unique<sim::DefaultChoices>();
  defaults->set_logging(false);
  return defaults;
}

SystemProviderOptions MakeProviderOptions(const RunOptions& options) {
  SystemProviderOptions provider;
  provider.machine_name = options.machine_name;
  provider.snapshot_storage = options.snapshot_storage;
  return provider;
}

}  // namespace

Service::Service(RunOptions options)
    : options_(std::move(options)),
      choices_(UnloggedDefaultChoices()),
      ids_(options_.seed),
      volumes_(MakeVolumes(options_)),
      provider_(&volumes_, MakeProviderOptions(options_)) {
  provider_.set_fault_hook([this](const StepCall& call, StepResult* result) {
    if (call.step == ProviderStep::kAbortSnapshots ||
        call.step == ProviderStep::kDeleteSnapshot) {
      return;
    }
    // Spec 5, Q18: a commit that outlasts the 10 s flush-and-hold.
    if (call.step == ProviderStep::kCommitSnapshots &&
        choice_points_.FaultFires(FaultKind::kHold, "CommitSnapshots")) {
      result->took += std::chrono::seconds(10) + std::chrono::milliseconds(1);
      return;
    }
    if (choice_points_.FaultFires(FaultKind::kProvider,
                                  ProviderStepName(call.step))) {
      result->hr = VSS_E_PROVIDER_VETO;
    }
  });
  // The machine's express writer metadata store as the options describe
  // it (RunOptionsError has checked every document).
  for (const std::wstring& document : options_.express_writers) {
    metadata::WmdParseResult parsed = metadata::ParseWriterMetadata(document);
    if (parsed) RegisterExpressWriter(*this, *parsed.metadata);
  }
}

void Service::Record(std::string_view kind,
                     std::span<const TraceField> fields) {
  if (!options_.record_trace) return;
  trace_.Add(clock_.now().since_start.count(), kind, fields);
}

void Service::Record(std::string_view kind, const TraceFields& fields) {
  if (!options_.record_trace) return;
  std::vector<TraceField> views;
  views.reserve(fields.size());
  for (const auto& [name, value] : fields) views.push_back({name, value});
  Record(kind, std::span<const TraceField>(views));
}

void Service::Violate(std::string_view rule, std::string_view section,
                      std::string message) {
  if (options_.strictness == Strictness::kWindows) return;
  Violation violation{std::string(rule), std::string(section),
                      std::move(message),
                      options_.strictness == Strictness::kStrict};
  Record("violation", {{"rule", violation.rule},
                       {"section", violation.section},
                       {"message", violation.message}});
  violations_.push_back(violation);
  if (sink_ != nullptr) sink_->OnViolation(violation);
}

void Service::AddWriter(std::shared_ptr<WriterRecord> writer) {
  writers_.push_back(std::move(writer));
}

void Service::WriterLeft(WriterRecord* writer) {
  for (BackupSession* session : sessions_) {
    if (Participant* p = session->Find(writer)) p->gone = true;
  }
}

void Service::RemoveWriter(WriterRecord* writer) {
  WriterLeft(writer);
  writers_.erase(std::remove_if(writers_.begin(), writers_.end(),
                                [&](const auto& w) { return w.get() == writer; }),
                 writers_.end());
}

void Service::RemoveSession(BackupSession* session) {
  // A freeze window still running refers to the session's participants;
  // it ends with them.
  for (const auto& p : session->participants) {
    if (p->freeze_timer) {
      scheduler_.Cancel(*p->freeze_timer);
      p->freeze_timer.reset();
    }
  }
  UnlockSnapshotSet(session);
  monitor_.SessionEnded(session->id);
  sessions_.erase(std::remove(sessions_.begin(), sessions_.end(), session),
                  sessions_.end());
}

bool Service::LockSnapshotSet(const BackupSession* session) {
  if (snapshot_set_owner_ != nullptr && snapshot_set_owner_ != session) {
    return false;
  }
  snapshot_set_owner_ = session;
  return true;
}

void Service::UnlockSnapshotSet(const BackupSession* session) {
  if (snapshot_set_owner_ == session) snapshot_set_owner_ = nullptr;
}

CallbackOutcome Service::RunCallback(WriterRecord& writer,
                                     BackupSession* session,
                                     Participant* participant,
                                     WriterEvent event,
                                     sim::FunctionRef<bool()> call) {
  if (session != nullptr) monitor_.BeforeEvent(writer, *session, event);
  CallbackContext context;
  context.event = event;
  context.session = session;
  context.participant = participant;
  // VSS answers an express writer's events itself; the trace says so.
  const TraceField event_fields[] = {{"name", EventName(event)},
                                     {"writer", writer.TraceName()},
                                     {"instance", writer.TraceInstance()},
                                     {"express", "true"}};
  Record("event", std::span<const TraceField>(event_fields,
                                              writer.express ? 4 : 3));
  CallbackContext* outer = current_;
  CallbackContext* outer_running = t_running;
  writer.current = &context;
  current_ = &context;
  t_running = &context;
  if (participant != nullptr) participant->access->event = event;
  CallbackOutcome outcome;
  try {
    outcome.returned = call();
  } catch (...) {
    // The contract forbids exceptions out of On* methods (spec 3.4 rule 6);
    // the real service would see a failed event, so treat it as false.
    outcome.threw = true;
    outcome.returned = false;
  }
  if (participant != nullptr) participant->access->event = WriterEvent::kNone;
  writer.current = nullptr;
  current_ = outer;
  t_running = outer_running;
  outcome.failure = context.failure;
  outcome.spent = context.spent;
  if (tracing()) {
    TraceField fields[5] = {
        {"name", EventName(event)},
        {"writer", writer.TraceName()},
        {"returned", outcome.returned ? std::string_view("true")
                                      : std::string_view("false")}};
    size_t n = 3;
    const com::HresultText failure(outcome.failure ? outcome.failure->hr : S_OK);
    if (outcome.failure) fields[n++] = {"failure", failure};
    const std::string took = outcome.spent.count() != 0
                                 ? std::to_string(outcome.spent.count())
                                 : std::string();
    if (!took.empty()) fields[n++] = {"took_us", took};
    Record("callback", std::span<const TraceField>(fields, n));
  }
  if (outcome.threw) {
    Violate("writer.callback-threw", "3.4",
            writer.TraceName() + " let an exception escape On" +
                std::string(EventName(event)));
  }
  return outcome;
}

}  // namespace vssemu::coordinator
