#include "coordinator/backup_session.h"

#include <vss.h>
#include <vssemu/memory/block_cache.h>

#include <cstring>
#include <functional>

#include "com/guid_format.h"

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
  // A few participants are scanned; the indexes start at kIndexFrom.
  if (participants.size() == kIndexFrom) {
    for (const auto& q : participants) Index(q.get());
  } else if (participants.size() > kIndexFrom) {
    Index(p);
  }
  return p;
}

void BackupSession::Index(Participant* p) {
  by_instance_[p->writer->identity.instance_id] = p;
  by_writer_[p->writer.get()] = p;
}

void BackupSession::MarkIdentified(Participant* p) {
  p->identified = true;
  if (identified_.empty()) identified_.reserve(participants.size());
  identified_.push_back(p);
}

Participant* BackupSession::Find(const WriterRecord* writer) {
  if (participants.size() < kIndexFrom) {
    // The last participant of the writer, as the index keeps it.
    for (auto it = participants.rbegin(); it != participants.rend(); ++it) {
      if ((*it)->writer.get() == writer) return it->get();
    }
    return nullptr;
  }
  auto it = by_writer_.find(writer);
  return it == by_writer_.end() ? nullptr : it->second;
}

Participant* BackupSession::FindInstance(const VSS_ID& instance_id) {
  if (participants.size() < kIndexFrom) {
    // The last participant with the id, as the index keeps it.
    for (auto it = participants.rbegin(); it != participants.rend(); ++it) {
      if ((*it)->writer->identity.instance_id == instance_id) return it->get();
    }
    return nullptr;
  }
  auto it = by_instance_.find(instance_id);
  return it == by_instance_.end() ? nullptr : it->second;
}

const metadata::ComponentIndex& Participant::MetadataIndex() {
  if (index_ == nullptr || indexed_ != metadata) {
    // One per writer in every backup, dropped with the session.
    index_ = std::allocate_shared<const metadata::ComponentIndex>(
        memory::BlockAllocator<metadata::ComponentIndex>(), *metadata);
    indexed_ = metadata;
  }
  return *index_;
}

bool BackupSession::FiltersOut(const WriterRecord& writer) const {
  // The filters hold GUID texts; most sessions set none, and then no id
  // needs formatting.
  if (!class_whitelist && disabled_classes.empty() && disabled_instances.empty()) {
    return false;
  }
  if (disabled_instances.count(writer.TraceInstance()) != 0) return true;
  const std::string class_id = com::FormatGuid(writer.identity.writer_id);
  return class_whitelist ? enabled_classes.count(class_id) == 0
                         : disabled_classes.count(class_id) != 0;
}

bool BackupSession::ContextUsesWriters() const {
  // The context's low bits carry the VSS_VOLSNAP_ATTR_NO_WRITERS flag.
  return (context & VSS_VOLSNAP_ATTR_NO_WRITERS) == 0;
}

}  // namespace vssemu::coordinator
