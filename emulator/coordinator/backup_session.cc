#include "coordinator/backup_session.h"

#include <vss.h>

#include <cstring>
#include <functional>

namespace vssemu::coordinator {

size_t BackupSession::GuidHash::operator()(const GUID& g) const {
  uint64_t bits;
  std::memcpy(&bits, &g, sizeof(bits));
  return std::hash<uint64_t>()(bits);
}

Participant* BackupSession::AddParticipant(std::shared_ptr<WriterRecord> writer) {
  auto participant = std::make_unique<Participant>();
  participant->writer = std::move(writer);
  Participant* p = participant.get();
  participants.push_back(std::move(participant));
  by_instance_[p->writer->identity.instance_id] = p;
  by_writer_[p->writer.get()] = p;
  return p;
}

void BackupSession::MarkIdentified(Participant* p) {
  p->identified = true;
  identified_.push_back(p);
}

Participant* BackupSession::Find(const WriterRecord* writer) {
  auto it = by_writer_.find(writer);
  return it == by_writer_.end() ? nullptr : it->second;
}

Participant* BackupSession::FindInstance(const VSS_ID& instance_id) {
  auto it = by_instance_.find(instance_id);
  return it == by_instance_.end() ? nullptr : it->second;
}

bool BackupSession::ContextUsesWriters() const {
  // The context's low bits carry the VSS_VOLSNAP_ATTR_NO_WRITERS flag.
  return (context & VSS_VOLSNAP_ATTR_NO_WRITERS) == 0;
}

}  // namespace vssemu::coordinator
