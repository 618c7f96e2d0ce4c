// Checkers that observe every run (docs/exploration.md, "Checkers"): the
// order of the events each writer receives in each session, the writer
// state transitions, and, when the code under test is done, the requester's
// obligations and liveness. Each problem is reported as a violation that
// names its rule and spec section.
//
// Contract: the service calls BeforeEvent for every delivery and OnState for
// every state change; CheckEndOfRun runs once, after the code under test has
// returned and the scheduler is idle. The monitor only reports: it never
// changes what the service does.
#ifndef VSSEMU_COORDINATOR_RUN_MONITOR_H_
#define VSSEMU_COORDINATOR_RUN_MONITOR_H_

#include <vss.h>
#include <vssemu/memory/block_cache.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "coordinator/writer_events.h"

namespace vssemu::coordinator {

class Service;
class BackupSession;
struct Participant;
struct WriterRecord;

// What must hold at the end of a run, as counted before it started.
struct RunBaseline {
  long live_objects = 0;
  std::optional<long> live_bstrs;
};

class RunMonitor {
 public:
  explicit RunMonitor(Service* service) : service_(service) {}

  // Checks that writer may receive event in session now (spec 2.2, 4.2,
  // 4.4, 6.1, 6.2), then records it.
  void BeforeEvent(const WriterRecord& writer, const BackupSession& session,
                   WriterEvent event);
  // Checks a state change of p caused by event (spec 3.2).
  void OnState(const Participant& p, WriterEvent event,
               VSS_WRITER_STATE before);
  // Checks what must hold when the code under test is done (spec 4.3, 7).
  void CheckEndOfRun(const RunBaseline& baseline);
  // Forgets what was recorded of session id once the requester's object is
  // gone, so that an emulator running many backups stays flat in memory. A
  // BackupShutdown delayed past that point is checked on its own.
  void SessionEnded(uint64_t session_id);

 private:
  // One writer's events in one session.
  struct Track {
    bool prepared_snapshot = false;
    bool frozen = false;
    bool aborted = false;
    bool post_snapshot = false;
    bool shut_down = false;
    std::string writer;  // Trace name.
  };
  void Report(const char* rule, const char* section, const Track& t,
              WriterEvent event, const char* why);

  Service* service_;
  // Every backup adds a node per writer and one for its Freeze rank, and
  // drops them when it ends: recycled blocks rather than the heap.
  template <typename Key, typename Value>
  using Map = std::map<Key, Value, std::less<Key>,
                       memory::BlockAllocator<std::pair<const Key, Value>>>;
  // By (session id, writer registration).
  Map<std::pair<uint64_t, uint64_t>, Track> tracks_;
  // The highest Freeze rank delivered so far, by session id (spec 6.1).
  Map<uint64_t, int> freeze_rank_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_RUN_MONITOR_H_
