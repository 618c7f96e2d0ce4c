// Every enumerator, HRESULT, interface IID and CLSID of our SDK mirror
// headers, written out name by name, so that tests can compare them with what
// header text (ours or MinGW-w64's) declares.
//
// Contract: the list is compiled against our headers, so each name in it
// exists there and each value is the compiled one. SdkMirror tests keep it
// complete: a name our headers declare but the list lacks fails them.
#ifndef VSSEMU_TESTS_SDK_SDK_VALUES_LIST_H_
#define VSSEMU_TESTS_SDK_SDK_VALUES_LIST_H_

#include "support/header_scan.h"

namespace vssemu::sdk_test {

// Returns the name and compiled value of every enumerator and HRESULT of
// vss.h, vswriter.h, vsbackup.h, vsmgmt.h and vsserror.h (kOurValues).
test_support::ValueMap OurValues();

// Returns the name and __uuidof of every interface our headers give an IID
// (kOurIids).
test_support::IidMap OurIids();

// Returns the name and value of every CLSID_ constant our headers declare
// (kOurClsids).
test_support::IidMap OurClsids();

}  // namespace vssemu::sdk_test

#endif  // VSSEMU_TESTS_SDK_SDK_VALUES_LIST_H_
