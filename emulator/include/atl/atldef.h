// The base of vssemu's small ATL: the platform headers, ATLASSERT and
// ATLTRACE, namespace ATL, and the few platform-specific helpers that the
// smart pointers and the string conversions need.
//
// Contract: vssemu's <atlbase.h> and <atlcomcli.h> are on the include path
// only for compilers without ATL (GCC and Clang on Linux, MinGW-w64); MSVC
// builds use Microsoft's ATL. Including this header declares the Win32/COM
// base types (from <windows.h> on Windows, from winshim elsewhere). Nothing
// here is a real ATL version: _ATL_VER stays undefined, so code that tests
// it sees no ATL. ATL's names live in namespace ATL, which is brought into
// the global namespace unless _ATL_NO_AUTOMATIC_NAMESPACE is defined, as ATL
// does. This folder is one of vssemu's platform folders: the _WIN32 blocks
// below are the only platform switches of the ATL headers.
#ifndef VSSEMU_ATL_ATLDEF_H_
#define VSSEMU_ATL_ATLDEF_H_

#include <assert.h>
#include <vssemu/utf8.h>
#include <vssemu/win32_base.h>

#include <string>
#if defined(_WIN32)
#include <objbase.h>  // CoCreateInstance even under WIN32_LEAN_AND_MEAN.
#endif

// Checks expr in debug builds (NDEBUG unset) and does nothing in release
// builds, as ATL's assertion does; define ATLASSERT first to replace it.
#ifndef ATLASSERT
#define ATLASSERT(expr) assert(expr)
#endif

// Drops a trace message: ATL's debug-output tracing is not provided.
#ifndef ATLTRACE
#define ATLTRACE(...) ((void)0)
#endif

namespace ATL {}
#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif

namespace vssemu_atl {

// REGDB_E_CLASSNOTREG: the class is not registered. A constant rather than a
// macro, so that it never collides with a platform header's definition.
inline constexpr HRESULT kClassNotRegistered = static_cast<HRESULT>(0x80040154);

#if defined(_WIN32)

// CLSCTX_ALL, the default context of CComPtr::CoCreateInstance.
inline constexpr DWORD kClsctxAll = CLSCTX_ALL;

// Converts a NUL-terminated narrow string in the ANSI code page to UTF-16.
inline std::wstring Widen(const char* text) {
  int length = MultiByteToWideChar(CP_ACP, 0, text, -1, nullptr, 0);
  if (length <= 1) return std::wstring();
  std::wstring wide(static_cast<size_t>(length), L'\0');
  MultiByteToWideChar(CP_ACP, 0, text, -1, wide.data(), length);
  wide.resize(static_cast<size_t>(length - 1));  // Drops the terminator.
  return wide;
}

// Converts a NUL-terminated UTF-16 string to the ANSI code page.
inline std::string Narrow(const wchar_t* text) {
  int length =
      WideCharToMultiByte(CP_ACP, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (length <= 1) return std::string();
  std::string narrow(static_cast<size_t>(length), '\0');
  WideCharToMultiByte(CP_ACP, 0, text, -1, narrow.data(), length, nullptr,
                      nullptr);
  narrow.resize(static_cast<size_t>(length - 1));
  return narrow;
}

// Creates an instance of clsid through COM and asks it for iid.
inline HRESULT CreateInstance(REFCLSID clsid, IUnknown* outer, DWORD context,
                              REFIID iid, void** object) {
  return ::CoCreateInstance(clsid, outer, context, iid, object);
}

// Creates an instance of the class registered under prog_id.
inline HRESULT CreateInstance(LPCOLESTR prog_id, IUnknown* outer, DWORD context,
                              REFIID iid, void** object) {
  CLSID clsid;
  HRESULT hr = ::CLSIDFromProgID(prog_id, &clsid);
  if (FAILED(hr)) return hr;
  return ::CoCreateInstance(clsid, outer, context, iid, object);
}

#else  // !_WIN32

// CLSCTX_ALL's value (in-process server and handler, local and remote server).
inline constexpr DWORD kClsctxAll = 0x17;

// Converts a NUL-terminated UTF-8 string to wide characters (UTF-32 here);
// a malformed sequence becomes U+FFFD, one per offending byte.
inline std::wstring Widen(const char* text) {
  return vssemu::utf8::ToWide(text);
}

// Converts a NUL-terminated wide string (UTF-32 here) to UTF-8; a value that
// is no Unicode scalar value becomes U+FFFD.
inline std::string Narrow(const wchar_t* text) {
  return vssemu::utf8::FromWide(text);
}

// Reports that no class is registered: vssemu has no COM class registry off
// Windows, so every CoCreateInstance fails as for an unknown CLSID.
inline HRESULT CreateInstance(REFCLSID, IUnknown*, DWORD, REFIID,
                              void** object) {
  if (object == nullptr) return E_POINTER;
  *object = nullptr;
  return kClassNotRegistered;
}

// Reports that no class is registered under any ProgID (see above).
inline HRESULT CreateInstance(LPCOLESTR, IUnknown*, DWORD, REFIID,
                              void** object) {
  if (object == nullptr) return E_POINTER;
  *object = nullptr;
  return kClassNotRegistered;
}

#endif  // _WIN32

}  // namespace vssemu_atl

#endif  // VSSEMU_ATL_ATLDEF_H_
