// A writer whose identity, metadata and behaviour come from a scenario:
// every event, the restore events included, can succeed, fail with an
// HRESULT, return false with or without SetWriterFailure(Ex), take virtual
// time, throw, or do so only the first N times; the events that hand over
// components can also change them (backup stamp and metadata, differenced
// files, restore target, restore failure messages).
//
// Contract: a component change that the SDK refuses makes the callback
// return false, as a writer that checks its HRESULTs would.
#ifndef VSSEMU_SCENARIO_SCRIPTED_WRITER_H_
#define VSSEMU_SCENARIO_SCRIPTED_WRITER_H_

#include <map>

#include <vswriter.h>

#include <vssemu/scenario/scenario_model.h>

namespace vssemu::scenario {

class ScriptedVssWriter : public CVssWriterEx2 {
 public:
  explicit ScriptedVssWriter(const ScriptedWriter& spec) : spec_(spec) {}

  // Initializes (through CreateWriterEx when the spec says ex="true") and
  // subscribes unless the spec says subscribe="false".
  HRESULT Start();

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override;
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx* metadata) override;
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents*) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents*) override;
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents*) override;
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID) override;
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents*) override;
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents*) override;

 private:
  // Describes the spec's metadata through the SDK interface.
  bool Describe(IVssCreateWriterMetadata* metadata);
  // Returns whether an exploring run makes this delivery of event fail
  // (fault kind "writer"): the writer then sets VSS_E_WRITERERROR_RETRYABLE
  // and returns false instead of its scripted behaviour.
  bool InjectedFailure(coordinator::WriterEvent event);
  // Applies the behaviour scripted for event; components is what the
  // event hands over (NULL for events without components).
  bool Behave(coordinator::WriterEvent event,
              IVssWriterComponents* components = nullptr);
  // Makes the scripted changes to every component handed over; delivery
  // counts the event's deliveries (for "{n}" in stamps and metadata).
  bool ChangeComponents(const EventBehaviour& b,
                        IVssWriterComponents* components, int delivery);
  bool ChangeComponent(const EventBehaviour& b, IVssComponent* component,
                       int delivery);
  // Names every file set of the component as differenced since since (a
  // FILETIME number).
  bool AddDifferenced(IVssComponent* component, uint64_t since);
  // Returns the spec's component that component is, or NULL.
  const metadata::Component* FindComponent(IVssComponent* component) const;

  const ScriptedWriter& spec_;
  std::map<coordinator::WriterEvent, int> deliveries_;
};

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCRIPTED_WRITER_H_
