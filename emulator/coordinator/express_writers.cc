#include "coordinator/express_writers.h"

#include <vsserror.h>

#include <memory>
#include <string>
#include <utility>

#include "coordinator/service.h"

namespace vssemu::coordinator {

namespace {

// Returns the stored express writer of class writer_id, or NULL.
std::shared_ptr<WriterRecord> FindExpressWriter(const Service& service,
                                                const VSS_ID& writer_id) {
  for (const auto& writer : service.writers()) {
    if (writer->express && writer->identity.writer_id == writer_id) return writer;
  }
  return nullptr;
}

}  // namespace

HRESULT RegisterExpressWriter(Service& service,
                              const metadata::WriterMetadata& metadata) {
  const VSS_ID& writer_id = metadata.identity.writer_id;
  if (const auto stored = FindExpressWriter(service, writer_id)) {
    service.Record("writer", {{"name", "Register"},
                              {"writer", stored->TraceName()},
                              {"express", "true"},
                              {"result", TraceHr(VSS_E_OBJECT_ALREADY_EXISTS)}});
    return VSS_E_OBJECT_ALREADY_EXISTS;
  }
  auto record = std::make_shared<WriterRecord>();
  record->registration = service.NextRegistration();
  record->identity = metadata.identity;
  // Q41: VSS gives the stored writer one instance id for as long as it is
  // registered; the document requesters examine carries it.
  record->identity.instance_id = service.ids().Next();
  auto stored = std::make_shared<metadata::WriterMetadata>(metadata);
  stored->identity.instance_id = record->identity.instance_id;
  record->express = std::move(stored);
  record->subscribed = true;
  record->event_flags = VSS_SM_BACKUP_EVENTS_FLAG | VSS_SM_RESTORE_EVENTS_FLAG;
  service.AddWriter(record);
  service.Record("writer",
                 {{"name", "Register"},
                  {"writer", record->TraceName()},
                  {"class", TraceGuid(writer_id)},
                  {"instance", record->TraceInstance()},
                  {"express", "true"}});
  return S_OK;
}

HRESULT UnregisterExpressWriter(Service& service, const VSS_ID& writer_id) {
  const std::shared_ptr<WriterRecord> record = FindExpressWriter(service, writer_id);
  if (record == nullptr) {
    service.Record("writer", {{"name", "Unregister"},
                              {"class", TraceGuid(writer_id)},
                              {"express", "true"},
                              {"result", TraceHr(VSS_E_OBJECT_NOT_FOUND)}});
    return VSS_E_OBJECT_NOT_FOUND;
  }
  // Sessions that already gathered it keep their participant, which from
  // now on does not respond (as a writer that left, Q3).
  record->subscribed = false;
  record->express.reset();
  service.Record("writer", {{"name", "Unregister"},
                            {"writer", record->TraceName()},
                            {"express", "true"}});
  service.RemoveWriter(record.get());
  return S_OK;
}

}  // namespace vssemu::coordinator
