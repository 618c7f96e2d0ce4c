// The selectability rules of spec 9.2 and 9.5: which components a requester
// must, may and must not add explicitly. The service uses them to report
// violations; what the calls return is unchanged (the documentation calls
// the result of breaking them undefined).
#ifndef VSSEMU_COORDINATOR_SELECTION_RULES_H_
#define VSSEMU_COORDINATOR_SELECTION_RULES_H_

#include <string>
#include <vector>

#include "metadata/bcd_model.h"
#include "metadata/wmd_index.h"
#include "metadata/wmd_model.h"

namespace vssemu::coordinator {

// Returns whether ancestor is an ancestor of c by logical path (spec 9.2).
bool IsAncestor(const metadata::Component& ancestor,
                const metadata::Component& c);

// Returns why adding c (a component of the document index was built from)
// next to the components already in entry breaks a rule of spec 9.2, or ""
// when it does not. Without component sets in the document the answer is
// "" at once; with them, it takes time in the components already added.
std::string AddComponentProblem(const metadata::ComponentIndex& index,
                                const metadata::Component& c,
                                const metadata::BcdWriterComponents& entry);

// Returns the nonselectable components without a selectable ancestor that
// entry lacks: they must be added whenever any component of the writer is
// (spec 9.2, the four kinds).
std::vector<const metadata::Component*> MissingRequiredComponents(
    const metadata::WriterMetadata& wmd, const metadata::ComponentIndex& index,
    const metadata::BcdWriterComponents& entry);

}  // namespace vssemu::coordinator

#endif  // VSSEMU_COORDINATOR_SELECTION_RULES_H_
