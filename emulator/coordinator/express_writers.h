// The machine's express writer metadata store. An express writer is a
// Writer Metadata Document an application registered with
// IVssExpressWriter::Register; from then on VSS itself answers for the
// writer in every backup and restore, and no application code runs.
//
// Contract: the store is the emulated machine's, so it lives in the
// service: a registered express writer is a WriterRecord whose `express`
// holds its metadata, subscribed from registration to unregistration, and
// it takes part in sessions like any other writer (docs/protocol.md 13.8,
// Q40 to Q46). Express writers are keyed by writer class id.
#ifndef VSSEMU_COORDINATOR_EXPRESS_WRITERS_H_
#define VSSEMU_COORDINATOR_EXPRESS_WRITERS_H_

#include <vswriter.h>

#include "metadata/wmd_model.h"

namespace vssemu::coordinator {

class Service;

// Stores metadata as an express writer; VSS_E_OBJECT_ALREADY_EXISTS when an
// express writer of the same class id is stored already (nothing changes).
HRESULT RegisterExpressWriter(Service& service,
                              const metadata::WriterMetadata& metadata);

// Deletes the express writer of class writer_id; VSS_E_OBJECT_NOT_FOUND
// when there is none (ordinary writers of that class are not touched).
HRESULT UnregisterExpressWriter(Service& service, const VSS_ID& writer_id);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_EXPRESS_WRITERS_H_
