// The Win32 error codes VSS code meets most, wrapped in HRESULTs by
// HRESULT_FROM_WIN32 (0x8007xxxx) when a writer, a provider or the file
// system reports them: their names and what they mean, for
// `vssemu explain`. Values as in the SDK's winerror.h (checked against
// MinGW-w64's by com_tests).
#ifndef VSSEMU_COM_WIN32_ERROR_TABLE_H_
#define VSSEMU_COM_WIN32_ERROR_TABLE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <vssemu/win32_base.h>

namespace vssemu::com {

struct Win32ErrorInfo {
  uint32_t value;
  const char* name;     // e.g. "ERROR_SHARING_VIOLATION".
  const char* meaning;  // One line of plain English.
};

// Every known code, in ascending order of value.
std::span<const Win32ErrorInfo> AllWin32Errors();

// The code's entry, or nullptr.
const Win32ErrorInfo* FindWin32Error(uint32_t code);

// The Win32 error an HRESULT wraps (facility 7 with the failure bit, as
// HRESULT_FROM_WIN32 makes it), or nullopt.
std::optional<uint32_t> WrappedWin32Error(HRESULT hr);

// The entry named name (any case), or nullptr.
const Win32ErrorInfo* FindWin32ErrorByName(std::string_view name);

}  // namespace vssemu::com

#endif  // VSSEMU_COM_WIN32_ERROR_TABLE_H_
