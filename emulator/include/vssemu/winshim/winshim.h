// winshim: the Win32/COM base types, macros and functions that the VSS SDK
// headers and typical writer/requester code need, for non-Windows builds.
//
// Contract: on Linux (and any non-Windows platform) this header stands in for
// <windows.h>, <objbase.h> and <oleauto.h>. Type sizes follow the Windows
// LLP64 data model (LONG and HRESULT are 32 bits, wide characters are
// wchar_t), and BSTRs are length-prefixed exactly as on Windows, so code that
// relies on SysStringLen or embedded NULs behaves the same. Never include this
// header on Windows: <vssemu/win32_base.h> picks the right one.
#ifndef VSSEMU_WINSHIM_WINSHIM_H_
#define VSSEMU_WINSHIM_WINSHIM_H_

#if defined(_WIN32)
#error "winshim is for non-Windows builds; include <windows.h> instead"
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

// ---------------------------------------------------------------------------
// Scalar types (LLP64 sizes).
typedef int32_t HRESULT;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef uint32_t DWORD;
typedef uint16_t WORD;
typedef uint8_t BYTE;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef char CHAR;
typedef int BOOL;
typedef unsigned char boolean;
typedef wchar_t WCHAR;
typedef WCHAR OLECHAR;
typedef WCHAR* LPWSTR;
typedef WCHAR* PWSTR;
typedef const WCHAR* LPCWSTR;
typedef const WCHAR* PCWSTR;
typedef OLECHAR* LPOLESTR;
typedef const OLECHAR* LPCOLESTR;
typedef char* LPSTR;
typedef const char* LPCSTR;
typedef OLECHAR* BSTR;
typedef void VOID;
typedef void* PVOID;
typedef void* LPVOID;
typedef void* HANDLE;
typedef size_t SIZE_T;
typedef intptr_t INT_PTR;
typedef uintptr_t UINT_PTR;
typedef intptr_t LONG_PTR;
typedef uintptr_t ULONG_PTR;
typedef BYTE* PBYTE;
typedef DWORD* LPDWORD;

typedef union _LARGE_INTEGER {
  struct {
    DWORD LowPart;
    LONG HighPart;
  } u;
  LONGLONG QuadPart;
} LARGE_INTEGER;

// FILETIME: 100-nanosecond intervals since 1601-01-01 (UTC), split in two.
typedef struct _FILETIME {
  DWORD dwLowDateTime;
  DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef NULL
#define NULL 0
#endif
#define INFINITE 0xFFFFFFFFu
#define MAX_PATH 260

// ---------------------------------------------------------------------------
// Calling conventions and declaration macros. x86-64 System V has a single
// calling convention, so these expand to nothing here.
#define WINAPI
#define APIENTRY
#define CALLBACK
#define STDMETHODCALLTYPE
#define STDAPICALLTYPE
#define STDMETHODVCALLTYPE
#define __RPC_FAR
#define IN
#define OUT
#define OPTIONAL
#define CONST const
#define interface struct
#define DECLSPEC_NOVTABLE
#define EXTERN_C extern "C"
#define STDAPI EXTERN_C HRESULT STDAPICALLTYPE
#define STDAPI_(type) EXTERN_C type STDAPICALLTYPE
#define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
#define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE
#define PURE = 0
#define THIS_
#define THIS void
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define ZeroMemory(dst, len) memset((dst), 0, (len))
#define SecureZeroMemory(dst, len) memset((dst), 0, (len))
#define CopyMemory(dst, src, len) memcpy((dst), (src), (len))
#define MIDL_INTERFACE(x) struct

// ---------------------------------------------------------------------------
// HRESULT helpers and the common codes (values as on Windows).
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1FFF)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define MAKE_HRESULT(sev, fac, code)                                  \
  ((HRESULT)(((uint32_t)(sev) << 31) | ((uint32_t)(fac) << 16) | \
             ((uint32_t)(code))))
#define FACILITY_WIN32 7
#define HRESULT_FROM_WIN32(x)                                        \
  ((HRESULT)(x) <= 0 ? ((HRESULT)(x))                                \
                     : ((HRESULT)(((uint32_t)(x) & 0x0000FFFFu) |    \
                                  (FACILITY_WIN32 << 16) | 0x80000000u)))

#define S_OK ((HRESULT)0x00000000)
#define S_FALSE ((HRESULT)0x00000001)
#define E_NOTIMPL ((HRESULT)0x80004001)
#define E_NOINTERFACE ((HRESULT)0x80004002)
#define E_POINTER ((HRESULT)0x80004003)
#define E_ABORT ((HRESULT)0x80004004)
#define E_FAIL ((HRESULT)0x80004005)
#define E_UNEXPECTED ((HRESULT)0x8000FFFF)
#define E_ACCESSDENIED ((HRESULT)0x80070005)
#define E_HANDLE ((HRESULT)0x80070006)
#define E_OUTOFMEMORY ((HRESULT)0x8007000E)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define RPC_E_CHANGED_MODE ((HRESULT)0x80010106)
#define RPC_E_TOO_LATE ((HRESULT)0x80010119)
#define CLASS_E_NOAGGREGATION ((HRESULT)0x80040110)
#define ERROR_SUCCESS 0L

// ---------------------------------------------------------------------------
// GUIDs.
typedef struct _GUID {
  uint32_t Data1;
  uint16_t Data2;
  uint16_t Data3;
  uint8_t Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;
typedef GUID UUID;
typedef GUID* LPGUID;
typedef IID* LPIID;
typedef CLSID* LPCLSID;
#define REFGUID const GUID&
#define REFIID const IID&
#define REFCLSID const CLSID&

inline bool IsEqualGUID(REFGUID a, REFGUID b) {
  return memcmp(&a, &b, sizeof(GUID)) == 0;
}
#define IsEqualIID(a, b) IsEqualGUID((a), (b))
#define IsEqualCLSID(a, b) IsEqualGUID((a), (b))
inline bool operator==(REFGUID a, REFGUID b) { return IsEqualGUID(a, b); }
inline bool operator!=(REFGUID a, REFGUID b) { return !IsEqualGUID(a, b); }

inline constexpr GUID GUID_NULL = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
#define IID_NULL GUID_NULL
#define CLSID_NULL GUID_NULL

// __uuidof: a per-type trait, specialised by VSSEMU_DECLARE_IID (see
// <vssemu/win32_base.h>). __typeof__ accepts a type or an expression, which
// is what __uuidof accepts on Windows compilers.
namespace winshim {
template <typename T>
struct IidOf;  // No IID known for T: __uuidof(T) does not compile.
template <typename T>
struct StripForUuid {
  using type = T;
};
template <typename T>
struct StripForUuid<T*> : StripForUuid<T> {};
template <typename T>
struct StripForUuid<T&> : StripForUuid<T> {};
template <typename T>
struct StripForUuid<const T> : StripForUuid<T> {};
template <typename T>
struct StripForUuid<volatile T> : StripForUuid<T> {};
}  // namespace winshim
#define __uuidof(x) \
  (::winshim::IidOf<typename ::winshim::StripForUuid<__typeof__(x)>::type>::value)

// ---------------------------------------------------------------------------
// IUnknown.
struct IUnknown {
  virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid,
                                                   void** ppvObject) = 0;
  virtual ULONG STDMETHODCALLTYPE AddRef() = 0;
  virtual ULONG STDMETHODCALLTYPE Release() = 0;

  // Queries for Q by its IID, as the Windows SDK's template overload does.
  template <typename Q>
  HRESULT STDMETHODCALLTYPE QueryInterface(Q** pp) {
    return QueryInterface(__uuidof(Q), reinterpret_cast<void**>(pp));
  }
};
typedef IUnknown* LPUNKNOWN;
inline constexpr IID IID_IUnknown = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
namespace winshim {
template <>
struct IidOf<IUnknown> {
  static constexpr const IID& value = IID_IUnknown;
};
}  // namespace winshim

// Only named in signatures (GetDocument); MSXML is not part of this shim.
struct IXMLDOMDocument;

// ---------------------------------------------------------------------------
// COM runtime. The apartment calls only count, since everything runs on the
// caller's threads; CoCreateGuid draws from a seeded, deterministic sequence.
typedef enum tagCOINIT {
  COINIT_APARTMENTTHREADED = 0x2,
  COINIT_MULTITHREADED = 0x0,
  COINIT_DISABLE_OLE1DDE = 0x4,
  COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

#define RPC_C_AUTHN_LEVEL_DEFAULT 0
#define RPC_C_AUTHN_LEVEL_NONE 1
#define RPC_C_AUTHN_LEVEL_CONNECT 2
#define RPC_C_AUTHN_LEVEL_CALL 3
#define RPC_C_AUTHN_LEVEL_PKT 4
#define RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 5
#define RPC_C_AUTHN_LEVEL_PKT_PRIVACY 6
#define RPC_C_IMP_LEVEL_DEFAULT 0
#define RPC_C_IMP_LEVEL_ANONYMOUS 1
#define RPC_C_IMP_LEVEL_IDENTIFY 2
#define RPC_C_IMP_LEVEL_IMPERSONATE 3
#define RPC_C_IMP_LEVEL_DELEGATE 4
#define EOAC_NONE 0x0
#define EOAC_STATIC_CLOAKING 0x20
#define EOAC_DYNAMIC_CLOAKING 0x40
#define EOAC_DISABLE_AAA 0x1000
#define EOAC_NO_CUSTOM_MARSHAL 0x2000

typedef void* PSECURITY_DESCRIPTOR;
typedef struct tagSOLE_AUTHENTICATION_SERVICE SOLE_AUTHENTICATION_SERVICE;

extern "C" {
// Enters the calling thread into COM: S_OK the first time, S_FALSE after.
HRESULT STDAPICALLTYPE CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit);
// Same as CoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED).
HRESULT STDAPICALLTYPE CoInitialize(LPVOID pvReserved);
// Leaves COM on the calling thread (balances one CoInitializeEx).
void STDAPICALLTYPE CoUninitialize(void);
// Accepts the process security settings: S_OK once per emulated process
// (see winshim::StartComProcess), RPC_E_TOO_LATE after.
HRESULT STDAPICALLTYPE CoInitializeSecurity(
    PSECURITY_DESCRIPTOR pSecDesc, LONG cAuthSvc,
    SOLE_AUTHENTICATION_SERVICE* asAuthSvc, void* pReserved1,
    DWORD dwAuthnLevel, DWORD dwImpLevel, void* pAuthList,
    DWORD dwCapabilities, void* pReserved3);
// Fills *pguid with the next GUID of a deterministic (seeded) sequence.
HRESULT STDAPICALLTYPE CoCreateGuid(GUID* pguid);
// Writes "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}"; returns chars written
// including the terminator, or 0 when cchMax is too small.
int STDAPICALLTYPE StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax);
// Parses a braced GUID string; E_INVALIDARG on malformed input.
HRESULT STDAPICALLTYPE CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid);
// Allocates task memory (malloc semantics).
LPVOID STDAPICALLTYPE CoTaskMemAlloc(SIZE_T cb);
// Frees task memory; NULL is ignored.
void STDAPICALLTYPE CoTaskMemFree(LPVOID pv);

// Allocates a length-prefixed copy of the NUL-terminated string psz.
BSTR STDAPICALLTYPE SysAllocString(const OLECHAR* psz);
// Allocates a BSTR of ui characters copied from strIn (or uninitialised when
// strIn is NULL), always followed by a NUL.
BSTR STDAPICALLTYPE SysAllocStringLen(const OLECHAR* strIn, UINT ui);
// Allocates a BSTR holding len bytes copied from psz.
BSTR STDAPICALLTYPE SysAllocStringByteLen(LPCSTR psz, UINT len);
// Returns the length in characters (0 for NULL).
UINT STDAPICALLTYPE SysStringLen(BSTR bstr);
// Returns the length in bytes (0 for NULL).
UINT STDAPICALLTYPE SysStringByteLen(BSTR bstr);
// Frees a BSTR; NULL is ignored.
void STDAPICALLTYPE SysFreeString(BSTR bstrString);
// Replaces *pbstr with a copy of psz; FALSE when out of memory.
INT STDAPICALLTYPE SysReAllocString(BSTR* pbstr, const OLECHAR* psz);

// Returns the id of the calling process.
DWORD WINAPI GetCurrentProcessId(void);
}

namespace winshim {
// Returns how many BSTRs are allocated and not yet freed in this process.
long LiveBstrCount();
// Begins a new emulated process as far as COM is concerned: no thread has
// entered COM (CoInitializeEx returns S_OK again) and CoInitializeSecurity
// may be called once more.
void StartComProcess();
// Restarts CoCreateGuid's deterministic sequence from seed.
void SetGuidSeed(uint64_t seed);
}  // namespace winshim

#endif  // VSSEMU_WINSHIM_WINSHIM_H_
