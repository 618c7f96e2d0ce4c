// Microsoft-style writer and requester code compiles unchanged against the
// SDK mirror and links against vssemu. Until the coordinator exists, the
// entry points that need it report E_NOTIMPL, and the code under test must
// see a clean failure rather than a crash.
#include <gtest/gtest.h>

#include "fixtures/samples/sample_requester.h"
#include "fixtures/samples/sample_writer.h"

namespace vssemu::samples {
namespace {

TEST(SamplePrograms, WriterInitializeReportsTheMissingCoordinator) {
  SampleWriter writer;
  EXPECT_EQ(writer.Initialize(), E_NOTIMPL);
  // A failed Initialize leaves the writer uninitialized, as in the SDK.
  EXPECT_EQ(writer.Subscribe(), E_FAIL);
}

TEST(SamplePrograms, RequesterDiscoveryReportsTheMissingCoordinator) {
  std::wstring out;
  EXPECT_EQ(DiscoverWriters(&out), E_NOTIMPL);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(DiscoverWriters(nullptr), E_INVALIDARG);
}

}  // namespace
}  // namespace vssemu::samples
