// The shared set-up of the WMD tests (wmd_test_util.h).
#include "wmd_test_util.h"

#include <gtest/gtest.h>

namespace vssemu::metadata::wmd_test {

void ReadIdentityEx(IVssExamineWriterMetadataEx* md, ReportedIdentity* out) {
  ASSERT_EQ(
      md->GetIdentityEx(&out->instance, &out->writer, out->name.put(),
                        out->instance_name.put(), &out->usage, &out->source),
      S_OK);
}

void ReadRestoreMethod(IVssExamineWriterMetadata* md,
                       ReportedRestoreMethod* out) {
  ASSERT_EQ(md->GetRestoreMethod(
                &out->method, out->service.put(), out->user_procedure.put(),
                &out->writer_restore, &out->reboot_required, &out->mappings),
            S_OK);
}

}  // namespace vssemu::metadata::wmd_test
