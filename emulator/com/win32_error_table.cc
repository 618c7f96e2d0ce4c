#include "com/win32_error_table.h"

#include <algorithm>
#include <cctype>

namespace vssemu::com {
namespace {

constexpr Win32ErrorInfo kErrors[] = {
    {1, "ERROR_INVALID_FUNCTION", "the function is not valid for this object"},
    {2, "ERROR_FILE_NOT_FOUND", "the file does not exist"},
    {3, "ERROR_PATH_NOT_FOUND", "a folder of the path does not exist"},
    {5, "ERROR_ACCESS_DENIED", "access is denied (rights, or a file opened read-only)"},
    {6, "ERROR_INVALID_HANDLE", "the handle is not valid (closed, or never opened)"},
    {8, "ERROR_NOT_ENOUGH_MEMORY", "not enough memory to complete the call"},
    {14, "ERROR_OUTOFMEMORY", "not enough memory to complete the call"},
    {15, "ERROR_INVALID_DRIVE", "the drive does not exist"},
    {17, "ERROR_NOT_SAME_DEVICE", "the file cannot be moved to another volume"},
    {18, "ERROR_NO_MORE_FILES", "the enumeration is at its end"},
    {19, "ERROR_WRITE_PROTECT", "the medium is write-protected (a read-only shadow copy)"},
    {21, "ERROR_NOT_READY", "the device is not ready"},
    {32, "ERROR_SHARING_VIOLATION", "another process has the file open without sharing it"},
    {33, "ERROR_LOCK_VIOLATION", "another process has locked a part of the file"},
    {38, "ERROR_HANDLE_EOF", "the end of the file was reached"},
    {50, "ERROR_NOT_SUPPORTED", "the request is not supported"},
    {80, "ERROR_FILE_EXISTS", "the file exists"},
    {87, "ERROR_INVALID_PARAMETER", "a parameter is not valid"},
    {112, "ERROR_DISK_FULL", "the volume is full"},
    {122, "ERROR_INSUFFICIENT_BUFFER", "the buffer passed is too small"},
    {123, "ERROR_INVALID_NAME", "the file, folder or volume name is malformed"},
    {145, "ERROR_DIR_NOT_EMPTY", "the folder is not empty"},
    {170, "ERROR_BUSY", "the resource is in use"},
    {183, "ERROR_ALREADY_EXISTS", "the file or object exists"},
    {206, "ERROR_FILENAME_EXCED_RANGE", "the path is too long"},
    {234, "ERROR_MORE_DATA", "more data is available than the buffer holds"},
    {267, "ERROR_DIRECTORY", "the name is not a folder"},
    {1060, "ERROR_SERVICE_DOES_NOT_EXIST", "the service is not installed"},
    {1223, "ERROR_CANCELLED", "the operation was cancelled"},
    {1460, "ERROR_TIMEOUT", "the operation timed out"},
};

}  // namespace

std::span<const Win32ErrorInfo> AllWin32Errors() { return kErrors; }

const Win32ErrorInfo* FindWin32Error(uint32_t code) {
  for (const Win32ErrorInfo& e : kErrors) {
    if (e.value == code) return &e;
  }
  return nullptr;
}

std::optional<uint32_t> WrappedWin32Error(HRESULT hr) {
  const uint32_t value = static_cast<uint32_t>(hr);
  if ((value & 0xFFFF0000u) != 0x80070000u) return std::nullopt;
  return value & 0xFFFFu;
}

const Win32ErrorInfo* FindWin32ErrorByName(std::string_view name) {
  for (const Win32ErrorInfo& e : kErrors) {
    const std::string_view known = e.name;
    if (known.size() == name.size() &&
        std::equal(known.begin(), known.end(), name.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) ==
                 std::toupper(static_cast<unsigned char>(b));
        })) {
      return &e;
    }
  }
  return nullptr;
}

}  // namespace vssemu::com
