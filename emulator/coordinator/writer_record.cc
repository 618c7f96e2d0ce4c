#include "coordinator/writer_record.h"

#include "com/guid_format.h"
#include "metadata/xml_util.h"

namespace vssemu::coordinator {

const std::string& WriterRecord::TraceName() const {
  if (!trace_name_.empty() || identity.writer_name.empty()) return trace_name_;
  trace_name_ = metadata::ToUtf8(identity.writer_name);
  if (identity.instance_name && !identity.instance_name->empty()) {
    // append(), not operator+: GCC 12 at -O3 misreports the temporary
    // string as an overlapping copy (-Wrestrict).
    trace_name_.append("/").append(metadata::ToUtf8(*identity.instance_name));
  }
  return trace_name_;
}

const std::string& WriterRecord::TraceInstance() const {
  if (trace_instance_.empty()) trace_instance_ = com::FormatGuid(identity.instance_id);
  return trace_instance_;
}

}  // namespace vssemu::coordinator
