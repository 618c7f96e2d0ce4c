#include <vssemu/emulator.h>

#include "com/com_process.h"
#include "coordinator/service.h"
#include "harness/current_emulator.h"

namespace vssemu {
namespace {

Emulator* g_current = nullptr;

Emulator* MakeDefault() {
  // Never destroyed: writers in static objects may outlive main().
  return new Emulator();
}

harness::ProcessDefaultMaker g_default_maker = &MakeDefault;

bool g_explored_code_running = false;

}  // namespace

namespace {

// The service of options, after RunOptionsError has accepted them.
std::shared_ptr<coordinator::Service> MakeService(RunOptions options) {
  if (std::string why = RunOptionsError(options); !why.empty()) {
    throw InvalidRunOptions("invalid RunOptions: " + why);
  }
  return std::make_shared<coordinator::Service>(std::move(options));
}

}  // namespace

Emulator::Emulator(RunOptions options)
    : service_(MakeService(std::move(options))),
      previous_(g_current) {
  g_current = this;
  // A new machine runs a new process: COM start-up calls succeed again.
  com::StartComProcess();
}

Emulator::~Emulator() {
  if (g_current == this) g_current = previous_;
}

Emulator& Emulator::Current() {
  Emulator* current = harness::CurrentOrProcessDefault();
  if (current == nullptr) {
    // Only the drop-in library's maker fails, and its entry points check
    // first; code that asks anyway gets a machine with default options.
    static Emulator* fallback = new Emulator();
    g_current = current = fallback;
  }
  return *current;
}

namespace harness {

Emulator* CurrentEmulatorIfAny() { return g_current; }

void SetProcessDefaultMaker(ProcessDefaultMaker maker) {
  g_default_maker = maker != nullptr ? maker : &MakeDefault;
}

ExploredCodeScope::ExploredCodeScope() : previous_(g_explored_code_running) {
  g_explored_code_running = true;
}

ExploredCodeScope::~ExploredCodeScope() { g_explored_code_running = previous_; }

bool ExploredCodeScope::Active() { return g_explored_code_running; }

Emulator* CurrentOrProcessDefault() {
  if (g_current != nullptr) return g_current;
  // The process default, for programs that never construct an emulator:
  // made once, whether or not it could be.
  static Emulator* const made = g_default_maker();
  if (made != nullptr && g_current == nullptr) g_current = made;
  return made == nullptr ? nullptr : g_current;
}

}  // namespace harness

const RunOptions& Emulator::options() const { return service_->options(); }

bool Emulator::ShadowCopyWritable(std::wstring_view device) const {
  const coordinator::SystemProvider& provider = service_->provider();
  const coordinator::SnapshotRecord* record =
      provider.FindSnapshotByDevice(device);
  return record != nullptr && provider.IsShadowCopyWritable(*record);
}

const Trace& Emulator::trace() const { return service_->trace(); }

const std::vector<Violation>& Emulator::violations() const {
  return service_->violations();
}

void Emulator::set_violation_sink(ViolationSink* sink) {
  service_->set_violation_sink(sink);
}

int64_t Emulator::now_us() const { return service_->now().since_start.count(); }

void Emulator::RunUntilIdle() { service_->scheduler().RunUntilIdle(); }

void SpendVirtualTime(std::chrono::microseconds duration) {
  coordinator::CallbackContext* context = coordinator::RunningCallback();
  if (context != nullptr && duration.count() > 0) context->spent += duration;
}

bool FaultPoint(std::string_view name) {
  return Emulator::Current().service()->choice_points().FaultFires(
      coordinator::FaultKind::kUser, name);
}

}  // namespace vssemu
