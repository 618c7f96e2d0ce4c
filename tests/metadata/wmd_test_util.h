// Shared set-up of the WMD tests: writer and instance ids, and what the
// requester-side getters of a Writer Metadata Document report, read in one
// call so that a test only states the values it expects.
//
// Contract: a Read* helper asserts that the getter returns S_OK with a fatal
// failure, so call it inside ASSERT_NO_FATAL_FAILURE; the fields of *out
// keep whatever the caller put there until the getter writes them, which
// lets a test use sentinels the getter must overwrite.
#ifndef VSSEMU_TESTS_METADATA_WMD_TEST_UTIL_H_
#define VSSEMU_TESTS_METADATA_WMD_TEST_UTIL_H_

#include <vsbackup.h>

#include "com/bstr.h"

namespace vssemu::metadata::wmd_test {

// The writer class id of the documents the tests build.
inline constexpr GUID kWriterId = {
    0xa65faa63,
    0x5ea8,
    0x4ebc,
    {0x9d, 0xbd, 0xa0, 0xc4, 0xdb, 0x26, 0x91, 0x2a}};
// The writer instance id of the documents the tests build.
inline constexpr GUID kInstanceId = {
    0x0c2bd3f4,
    0x7a11,
    0x4f5e,
    {0x8e, 0x01, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77}};
// Another writer, for dependencies. It differs from kWriterId in the last
// byte only, so code that compares part of a GUID cannot mistake the two.
inline constexpr GUID kOtherWriterId = {
    0xa65faa63,
    0x5ea8,
    0x4ebc,
    {0x9d, 0xbd, 0xa0, 0xc4, 0xdb, 0x26, 0x91, 0x2b}};

// What IVssExamineWriterMetadataEx::GetIdentityEx reports.
struct ReportedIdentity {
  VSS_ID instance{};
  VSS_ID writer{};
  com::Bstr name;
  com::Bstr instance_name;
  VSS_USAGE_TYPE usage{};
  VSS_SOURCE_TYPE source{};
};

// Reads the identity of md into *out.
void ReadIdentityEx(IVssExamineWriterMetadataEx* md, ReportedIdentity* out);

// What IVssExamineWriterMetadata::GetRestoreMethod reports.
struct ReportedRestoreMethod {
  VSS_RESTOREMETHOD_ENUM method{};
  com::Bstr service;
  com::Bstr user_procedure;
  VSS_WRITERRESTORE_ENUM writer_restore{};
  bool reboot_required = false;
  UINT mappings = 0;
};

// Reads the restore method of md into *out.
void ReadRestoreMethod(IVssExamineWriterMetadata* md,
                       ReportedRestoreMethod* out);

}  // namespace vssemu::metadata::wmd_test

#endif  // VSSEMU_TESTS_METADATA_WMD_TEST_UTIL_H_
