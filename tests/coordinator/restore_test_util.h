// Shared steps of the restore tests: a backup whose saved document a
// restore then loads, and the first restore calls.
#ifndef VSSEMU_TESTS_COORDINATOR_RESTORE_TEST_UTIL_H_
#define VSSEMU_TESTS_COORDINATOR_RESTORE_TEST_UTIL_H_

#include <string>

#include "coordinator/coordinator_test_util.h"

namespace vssemu::testing {

// Runs a full component-mode backup of every running writer and returns
// the document SaveAsXML gave.
std::wstring BackUp();

// Calls InitializeForRestore with xml; returns its HRESULT.
HRESULT InitRestore(Requester& r, const std::wstring& xml);

// Selects writer's "Data" component for restore.
HRESULT SelectData(Requester& r, const TestWriter& writer);

// Backs up every running writer, then starts a restore of the saved
// document up to a completed gather.
void StartRestore(Requester& r);

}  // namespace vssemu::testing

#endif  // VSSEMU_TESTS_COORDINATOR_RESTORE_TEST_UTIL_H_
