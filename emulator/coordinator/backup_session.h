// One IVssBackupComponents object's view of the world: its phase, its
// Backup Components Document, the snapshot set it builds and, per writer,
// how far that writer got in this backup (its participant record).
//
// Contract: the requester adapter changes the session only through its
// calls; the backup sequence (backup_sequence.h) moves participants through
// the writer state machine of spec 3. Participants are kept in writer
// registration order, which is also the order of metadata and status lists
// (spec Q38 default).
#ifndef VSSEMU_COORDINATOR_BACKUP_SESSION_H_
#define VSSEMU_COORDINATOR_BACKUP_SESSION_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <vsbackup.h>

#include "com/com_ptr.h"
#include "coordinator/provider_system.h"
#include "coordinator/writer_record.h"
#include "metadata/bcd_access.h"
#include "metadata/bcd_model.h"
#include "metadata/bcd_writer_components.h"
#include "metadata/wmd_index.h"
#include "metadata/wmd_model.h"
#include "sim/scheduler.h"

namespace vssemu::coordinator {

// One writer's part in one backup.
struct Participant {
  std::shared_ptr<WriterRecord> writer;
  VSS_WRITER_STATE state = VSS_WS_STABLE;
  WriterFailure failure;  // hr S_OK when the writer has not failed.
  bool identified = false;            // Identify succeeded in this session.
  // The writer's entry in the session's BCD (component mode), set when
  // PrepareForBackup selects the participants.
  std::shared_ptr<metadata::BcdWriterComponents> bcd_entry;
  std::shared_ptr<const metadata::WriterMetadata> metadata;
  // Returns the index of metadata (which must be set), built on first use.
  const metadata::ComponentIndex& MetadataIndex();
  bool selected = false;              // Takes part after PrepareForBackup
                                      // (restore: after PreRestore starts).
  bool got_pre_restore = false;
  bool got_prepare_backup = false;
  bool got_prepare_snapshot = false;
  bool frozen = false;                // Between Freeze and Thaw/Abort.
  bool post_snapshot_done = false;
  bool aborted = false;               // Received Abort in this session.
  bool failed = false;                // Failed an event of this session.
  bool gone = false;                  // Unsubscribed or destroyed mid-session.
  std::optional<sim::TaskId> freeze_timer;
  // The event the writer is handling, for its IVssComponent views; one per
  // participant so a view kept past its callback never sees another
  // writer's event.
  std::shared_ptr<metadata::BcdAccess> access =
      metadata::MakeBcdAccess(metadata::BcdEvent::kNone);

 private:
  // The index and the document it was built for (held, so that the index
  // never points into a freed document).
  std::shared_ptr<const metadata::ComponentIndex> index_;
  std::shared_ptr<const metadata::WriterMetadata> indexed_;
};

// One row of GetWriterStatus, frozen at the last GatherWriterStatus.
struct StatusEntry {
  VSS_ID instance_id;
  VSS_ID writer_id;
  std::wstring writer_name;
  VSS_WRITER_STATE state;
  WriterFailure failure;
};

// A volume added to the snapshot set.
struct SetVolume {
  std::wstring name;  // As normalised by the provider, e.g. "C:\\".
  VSS_ID snapshot_id;
  std::wstring device_name;  // Once committed: \\?\GLOBALROOT\Device\...
};

class BackupSession {
 public:
  enum class Kind { kNone, kBackup, kRestore };

  BackupSession(uint64_t id, VSS_ID session_id)
      : id(id), session_id(session_id) {}

  // Adds a participant for writer (at GatherWriterMetadata).
  Participant* AddParticipant(std::shared_ptr<WriterRecord> writer);
  // Records that p answered Identify (keeps registration order, since the
  // Identify events are delivered in that order).
  void MarkIdentified(Participant* p);
  // Returns the participant for writer, or NULL.
  Participant* Find(const WriterRecord* writer);
  // Returns the participant with this instance id, or NULL.
  Participant* FindInstance(const VSS_ID& instance_id);
  // Returns the participants that Identify succeeded for, in order.
  const std::vector<Participant*>& Identified() const { return identified_; }

  // Returns whether the context involves writers (spec 8.3, 14.1).
  bool ContextUsesWriters() const;

  const uint64_t id;        // Trace name: requester#<id>.
  const VSS_ID session_id;  // IVssBackupComponentsEx3::GetSessionId.

  Kind kind = Kind::kNone;
  LONG context = 0;  // VSS_CTX_BACKUP.
  bool context_set = false;
  bool backup_state_set = false;
  bool gather_started = false;
  bool gathered = false;
  bool metadata_freed = false;
  bool set_started = false;
  bool prepare_started = false;
  bool prepared = false;
  bool snapshot_started = false;
  bool snapshot_done = false;
  bool snapshot_failed = false;
  // Spec 14.4: AbortSnapshots follows EndPrepareSnapshots, once.
  bool provider_prepared = false;
  bool provider_aborted = false;
  bool complete_started = false;
  bool completed = false;
  bool aborted = false;
  bool status_gathered = false;
  bool status_gather_started = false;
  bool shut_down = false;
  // The object was released (BackupShutdown may be delivered; spec 4.4).
  bool released = false;
  // Restore phases (spec 8.2: R-Init, R-Gathered, R-PreRestored,
  // R-PostRestored); R-Gathered is `gathered` above.
  bool pre_restore_started = false;
  bool pre_restored = false;
  bool post_restore_started = false;
  bool post_restored = false;

  // Writer class/instance filters (spec 15.1).
  bool class_whitelist = false;  // After the first EnableWriterClasses.
  std::set<std::string> enabled_classes, disabled_classes, disabled_instances;
  // Returns whether the filters above keep writer out of the session.
  bool FiltersOut(const WriterRecord& writer) const;

  metadata::BackupComponentsDocument bcd;
  VSS_ID snapshot_set_id = GUID_NULL;
  SnapshotSetPlan plan;            // What the provider will shadow-copy.
  std::vector<SetVolume> volumes;  // The same volumes, as writers see them.
  std::vector<std::unique_ptr<Participant>> participants;
  std::vector<StatusEntry> status;

 private:
  // Hashes a GUID by its first 8 bytes (already random for instance ids).
  struct GuidHash {
    size_t operator()(const GUID& g) const;
  };
  // Indexes keep lookups O(1) from kIndexFrom participants on: backups with
  // a thousand writers stay linear, and small ones allocate no index nodes.
  static constexpr size_t kIndexFrom = 16;
  void Index(Participant* p);
  std::vector<Participant*> identified_;
  std::unordered_map<GUID, Participant*, GuidHash> by_instance_;
  std::unordered_map<const WriterRecord*, Participant*> by_writer_;
};

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_BACKUP_SESSION_H_
