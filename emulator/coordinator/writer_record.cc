#include "coordinator/writer_record.h"

#include "metadata/xml_util.h"

namespace vssemu::coordinator {

std::string WriterRecord::TraceName() const {
  std::string name = metadata::ToUtf8(identity.writer_name);
  if (identity.instance_name && !identity.instance_name->empty()) {
    // append(), not operator+: GCC 12 at -O3 misreports the temporary
    // string as an overlapping copy (-Wrestrict).
    name.append("/").append(metadata::ToUtf8(*identity.instance_name));
  }
  return name;
}

}  // namespace vssemu::coordinator
