// Test doubles for the coordinator tests: a writer whose every callback is
// scripted (return value, SetWriterFailure(Ex), virtual time spent, an
// action), recording what it received; and a thin requester driver that
// runs the backup calls and hands back their HRESULTs.
#ifndef VSSEMU_TESTS_COORDINATOR_COORDINATOR_TEST_UTIL_H_
#define VSSEMU_TESTS_COORDINATOR_COORDINATOR_TEST_UTIL_H_

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <windows.h>
#include <vsbackup.h>
#include <vss.h>
#include <vswriter.h>
#include <vssemu/emulator.h>

namespace vssemu::testing {

// What a scripted callback does.
struct Script {
  bool returns = true;
  std::optional<HRESULT> failure;           // SetWriterFailure(Ex) value.
  HRESULT app_hr = S_FALSE;                 // hrApplication for ...Ex.
  const wchar_t* app_message = nullptr;     // Message for ...Ex.
  std::chrono::microseconds spend{0};       // Virtual time the callback takes.
  std::function<void()> action;             // Runs inside the callback.
};

// A CVssWriterEx2 whose callbacks follow scripts keyed by event name
// ("Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze", "Thaw",
// "PostSnapshot", "Abort", "BackupComplete", "BackupShutdown", "PreRestore",
// "PostRestore").
class TestWriter : public CVssWriterEx2 {
 public:
  // Names the writer; its class id is derived from the name.
  explicit TestWriter(std::wstring name,
                      VSS_APPLICATION_LEVEL level = VSS_APP_FRONT_END,
                      DWORD freeze_timeout_ms = 60000, bool use_ex = false);

  // Initializes and subscribes; returns the first failure.
  HRESULT Start();

  // Returns the writer class id.
  const VSS_ID& class_id() const { return class_id_; }
  // Returns the events received, in order.
  const std::vector<std::string>& events() const { return events_; }
  // Returns how many times event was received.
  int Count(const std::string& event) const;

  // Sets what a callback does.
  std::map<std::string, Script> scripts;
  // Whether events() records what was received (a soak of a million
  // backups turns it off, so that only the emulator's memory is measured).
  bool record_events = true;
  // Selectable components the writer declares (a file group each).
  std::vector<std::wstring> components = {L"Data"};
  // The restore method and writer-restore setting OnIdentify reports.
  VSS_RESTOREMETHOD_ENUM restore_method = VSS_RME_RESTORE_IF_CAN_REPLACE;
  VSS_WRITERRESTORE_ENUM writer_restore = VSS_WRE_ALWAYS;
  // The backup schema OnIdentify reports (SetBackupSchema when not 0).
  DWORD backup_schema = 0;
  // Runs in OnIdentify after the components above are described, to add
  // more metadata; its false fails Identify.
  std::function<bool(IVssCreateWriterMetadata*)> describe_more;

  // Helpers the tests call from actions (protected in CVssWriter).
  using CVssWriter::AreComponentsSelected;
  using CVssWriter::GetBackupType;
  using CVssWriter::GetContext;
  using CVssWriter::GetCurrentLevel;
  using CVssWriter::GetCurrentSnapshotSetId;
  using CVssWriter::GetCurrentVolumeArray;
  using CVssWriter::GetCurrentVolumeCount;
  using CVssWriter::GetRestoreType;
  using CVssWriter::GetSnapshotDeviceName;
  using CVssWriter::IsBootableSystemStateBackedUp;
  using CVssWriter::IsPartialFileSupportEnabled;
  using CVssWriter::IsPathAffected;
  using CVssWriter::SetWriterFailure;
  using CVssWriterEx::GetIdentifyInformation;

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override;
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx* metadata) override;
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* components) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* components) override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* components) override;
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID snapshot_set_id) override;
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents* components) override;
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents* components) override;

  // The components argument of the last callback that takes one.
  IVssWriterComponents* last_components = nullptr;
  // The argument of the last OnBackupShutdown.
  VSS_ID shutdown_set_id = GUID_NULL;

 private:
  bool Run(const std::string& event);
  bool Describe(IVssCreateWriterMetadata* metadata);

  std::wstring name_;
  VSS_ID class_id_;
  VSS_APPLICATION_LEVEL level_;
  DWORD freeze_timeout_ms_;
  bool use_ex_;
  std::vector<std::string> events_;
};

// Makes writer append name to *order when it receives event.
void RecordOrder(TestWriter& writer, const std::string& event,
                 std::vector<std::string>* order, const std::string& name);

// Drives one IVssBackupComponents through a backup, call by call.
class Requester {
 public:
  Requester();
  ~Requester();
  Requester(const Requester&) = delete;
  Requester& operator=(const Requester&) = delete;

  IVssBackupComponents* operator->() const { return backup_; }
  IVssBackupComponents* get() const { return backup_; }

  // Runs an async call to its end; returns the call's HRESULT if it failed,
  // else the operation's status (VSS_S_ASYNC_FINISHED or its failure).
  HRESULT Run(HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*call)(IVssAsync**));

  // SetBackupSucceeded(true) for every added component, then
  // BackupComplete run to its end (as Run reports it).
  HRESULT Complete();
  // InitializeForBackup + SetBackupState(component mode, full).
  HRESULT Init(bool component_mode = true, VSS_BACKUP_TYPE type = VSS_BT_FULL);
  // GatherWriterMetadata, run to its end.
  HRESULT Gather();
  // Adds every component of every gathered writer, except nonselectable
  // ones below another component (they come with their component set).
  HRESULT AddAllComponents();
  // StartSnapshotSet + AddToSnapshotSet(C:\).
  HRESULT StartSet();
  // Init, Gather, AddAllComponents, StartSet, PrepareForBackup.
  HRESULT Prepare(bool component_mode = true);
  // DoSnapshotSet, run to its end.
  HRESULT Snapshot();
  // GatherWriterStatus, run to its end; then the state and failure of the
  // writer named name (VSS_WS_UNKNOWN if not listed).
  VSS_WRITER_STATE StateOf(const std::wstring& name, HRESULT* failure = nullptr);
  // Releases the object (raising BackupShutdown); idempotent.
  void Release();

  VSS_ID set_id = GUID_NULL;

 private:
  IVssBackupComponents* backup_ = nullptr;
};

// Returns the events of the trace whose kind is kind, as lines.
std::vector<std::string> TraceLines(const Trace& trace, const std::string& kind);

// Returns the rule of the last violation, or "".
std::string LastRule(const Emulator& emulator);

}  // namespace vssemu::testing

#endif  // VSSEMU_TESTS_COORDINATOR_COORDINATOR_TEST_UTIL_H_
