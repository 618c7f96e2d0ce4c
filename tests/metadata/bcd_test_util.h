// Shared set-up of the BCD tests: writer and instance ids, a sample
// component and the writer-side view of a component during one event.
//
// Contract: helpers report problems with EXPECT_*, so a caller still gets a
// (possibly empty) result and keeps going; each call builds fresh objects.
#ifndef VSSEMU_TESTS_METADATA_BCD_TEST_UTIL_H_
#define VSSEMU_TESTS_METADATA_BCD_TEST_UTIL_H_

#include <memory>

#include "com/com_ptr.h"
#include "metadata/bcd_access.h"
#include "metadata/bcd_component.h"
#include "metadata/bcd_model.h"

namespace vssemu::metadata::bcd_test {

// Writer class and instance ids, each distinct from the others.
inline constexpr VSS_ID kWriter = {
    0x11111111, 0x1111, 0x1111, {1, 1, 1, 1, 1, 1, 1, 1}};
inline constexpr VSS_ID kOtherWriter = {
    0x22222222, 0x2222, 0x2222, {2, 2, 2, 2, 2, 2, 2, 2}};
inline constexpr VSS_ID kInstance = {
    0xAAAAAAAA, 0xAAAA, 0xAAAA, {0xA, 0xA, 0xA, 0xA, 0xA, 0xA, 0xA, 0xA}};
inline constexpr VSS_ID kInstance2 = {
    0xBBBBBBBB, 0xBBBB, 0xBBBB, {0xB, 0xB, 0xB, 0xB, 0xB, 0xB, 0xB, 0xB}};

// Returns a new database component "Main" at logical path "Instance\Db".
std::shared_ptr<BcdComponent> Sample();

// Makes a view of component for event and returns it as IVssComponentEx2.
com::ComPtr<IVssComponentEx2> View(std::shared_ptr<BcdComponent> component,
                                   BcdEvent event);

}  // namespace vssemu::metadata::bcd_test

#endif  // VSSEMU_TESTS_METADATA_BCD_TEST_UTIL_H_
