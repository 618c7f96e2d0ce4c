#include "coordinator/backup_session.h"

#include <vss.h>

namespace vssemu::coordinator {

Participant* BackupSession::Find(const WriterRecord* writer) {
  for (auto& p : participants) {
    if (p->writer.get() == writer) return p.get();
  }
  return nullptr;
}

Participant* BackupSession::FindInstance(const VSS_ID& instance_id) {
  for (auto& p : participants) {
    if (p->writer->identity.instance_id == instance_id) return p.get();
  }
  return nullptr;
}

std::vector<Participant*> BackupSession::Identified() {
  std::vector<Participant*> result;
  for (auto& p : participants) {
    if (p->identified) result.push_back(p.get());
  }
  return result;
}

bool BackupSession::ContextUsesWriters() const {
  // The context's low bits carry the VSS_VOLSNAP_ATTR_NO_WRITERS flag.
  return (context & VSS_VOLSNAP_ATTR_NO_WRITERS) == 0;
}

}  // namespace vssemu::coordinator
