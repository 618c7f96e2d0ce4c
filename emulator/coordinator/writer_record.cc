#include "coordinator/writer_record.h"

#include "metadata/xml_util.h"

namespace vssemu::coordinator {

std::string WriterRecord::TraceName() const {
  std::string name = metadata::ToUtf8(identity.writer_name);
  if (identity.instance_name && !identity.instance_name->empty()) {
    name += "/" + metadata::ToUtf8(*identity.instance_name);
  }
  return name;
}

}  // namespace vssemu::coordinator
