// The one place where the SDK mirror headers learn about the platform.
//
// Contract: after including this header, the Win32/COM base types (HRESULT,
// GUID, BSTR, IUnknown, ...) are declared, from <windows.h> on Windows and
// from winshim elsewhere, and VSSEMU_DECLARE_IID(Interface, ...) declares
// IID_<Interface> and makes __uuidof(Interface) work on every compiler.
#ifndef VSSEMU_WIN32_BASE_H_
#define VSSEMU_WIN32_BASE_H_

#if defined(_WIN32)
#include <windows.h>
#include <oleauto.h>
#include <unknwn.h>
#else
#include <vssemu/winshim/winshim.h>
#endif

#if !defined(_WIN32)
// winshim: a trait specialisation backs __uuidof.
#define VSSEMU_DECLARE_IID(itf, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
  inline constexpr IID IID_##itf = {l, w1, w2,                            \
                                    {b1, b2, b3, b4, b5, b6, b7, b8}};    \
  namespace winshim {                                                     \
  template <>                                                             \
  struct IidOf<itf> {                                                     \
    static constexpr const IID& value = IID_##itf;                        \
  };                                                                      \
  }
#elif defined(__MINGW32__)
// MinGW: __uuidof is backed by __CRT_UUID_DECL, which covers T and T*; the
// const forms are added so that __uuidof(p) works for a const pointer, as it
// does with MSVC.
#define VSSEMU_DECLARE_IID(itf, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
  inline const IID IID_##itf = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}; \
  __CRT_UUID_DECL(itf, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
  extern "C++" {                                                          \
  template <>                                                             \
  inline const GUID& __mingw_uuidof<const itf>() {                        \
    return IID_##itf;                                                     \
  }                                                                       \
  template <>                                                             \
  inline const GUID& __mingw_uuidof<const itf*>() {                       \
    return IID_##itf;                                                     \
  }                                                                       \
  }
#else
// MSVC: MIDL_INTERFACE attaches __declspec(uuid) to the declaration itself.
#define VSSEMU_DECLARE_IID(itf, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
  inline const IID IID_##itf = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}};
#endif

#endif  // VSSEMU_WIN32_BASE_H_
