// Live-object and live-BSTR counters, so that a test can assert that the
// emulator and the code under test released everything they were given.
#ifndef VSSEMU_COM_LIVE_OBJECTS_H_
#define VSSEMU_COM_LIVE_OBJECTS_H_

#include <vssemu/memory/live_counter.h>

#include <map>
#include <optional>
#include <string>
#include <typeinfo>

namespace vssemu::com {

// Returns how many COM objects made by the emulator are alive.
long LiveObjectCount();

// Returns the live objects by the first interface of each one's ComObject
// list, its most derived ("IVssAsync" -> 2, "IVssBackupComponentsEx4" -> 1),
// for reports that say what leaked.
std::map<std::string, long> LiveObjectsByInterface();

// Returns how many BSTRs are allocated and not freed, where the platform lets
// vssemu see it (winshim); std::nullopt on Windows, where oleaut32 owns them.
std::optional<long> LiveBstrCount();

namespace internal {
// The counter of live objects whose first interface is first: made once
// per kind, never moved (ComObject keeps a reference to it per class, so
// making and destroying an object costs one update of it:
// memory/live_counter.h).
memory::LiveCounter& KindCounter(const std::type_info& first);
}  // namespace internal

}  // namespace vssemu::com

#endif  // VSSEMU_COM_LIVE_OBJECTS_H_
