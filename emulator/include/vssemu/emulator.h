// vssemu::Emulator: one emulated VSS service, with its virtual clock, trace
// and violation reports.
//
// Contract: constructing an Emulator makes it current for the process;
// CVssWriter::Initialize and CreateVssBackupComponents bind to the current
// emulator. Destroying it makes the previous one current again. With no
// emulator constructed, a default one is created on first use, so an
// unmodified program linked with vssemu just works. Writers and backup
// objects keep their emulator's service alive until they are released.
#ifndef VSSEMU_EMULATOR_H_
#define VSSEMU_EMULATOR_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <vssemu/run_options.h>
#include <vssemu/trace.h>
#include <vssemu/violation.h>

namespace vssemu {

namespace coordinator {
class Service;
}

class Emulator {
 public:
  explicit Emulator(RunOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Returns the current emulator, creating the process default if none.
  static Emulator& Current();

  // Returns the options this emulator runs with.
  const RunOptions& options() const;
  // Returns the trace so far.
  const Trace& trace() const;
  // Returns the violations reported so far.
  const std::vector<Violation>& violations() const;
  // Sends violations to sink as they happen (NULL to stop).
  void set_violation_sink(ViolationSink* sink);
  // Returns the current virtual time, in microseconds since the start.
  int64_t now_us() const;
  // Runs every queued piece of work (async operations, timers).
  void RunUntilIdle();

  // Returns whether writes through device, a shadow copy's device object as
  // GetSnapshotDeviceName and GetSnapshotProperties name it, reach the
  // shadow copy now: only an auto-recovered one, until its writers'
  // PostSnapshot ends (docs/coordinator.md, "Auto-recovered shadow copies").
  bool ShadowCopyWritable(std::wstring_view device) const;

  // Returns the service behind this emulator (for vssemu's own layers).
  const std::shared_ptr<coordinator::Service>& service() const {
    return service_;
  }

 private:
  std::shared_ptr<coordinator::Service> service_;
  Emulator* previous_ = nullptr;
};

// Models the time the writer callback that is running takes, in virtual
// time: the next step of the protocol happens that much later, and timers
// that expire meanwhile (a freeze window) fire first. Outside a callback it
// does nothing.
void SpendVirtualTime(std::chrono::microseconds duration);

// A fault site in code under test: returns true when an exploring run
// (vssemu::Explore, `vssemu fuzz`) decides that the fault called name fires
// here (fault kind "user", choice site fault.user), false otherwise and
// always outside exploration. Put it where your code can fail (a write, a
// lock) so that exploration drives your error paths along with the
// protocol's.
bool FaultPoint(std::string_view name);

}  // namespace vssemu

#endif  // VSSEMU_EMULATOR_H_
