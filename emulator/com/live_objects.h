// Live-object and live-BSTR counters, so that a test can assert that the
// emulator and the code under test released everything they were given.
#ifndef VSSEMU_COM_LIVE_OBJECTS_H_
#define VSSEMU_COM_LIVE_OBJECTS_H_

#include <optional>

namespace vssemu::com {

// Returns how many COM objects made by the emulator are alive.
long LiveObjectCount();

// Returns how many BSTRs are allocated and not freed, where the platform lets
// vssemu see it (winshim); std::nullopt on Windows, where oleaut32 owns them.
std::optional<long> LiveBstrCount();

namespace internal {
// Called by ComObject's constructor and destructor only.
void AddLiveObject();
void RemoveLiveObject();
}  // namespace internal

}  // namespace vssemu::com

#endif  // VSSEMU_COM_LIVE_OBJECTS_H_
