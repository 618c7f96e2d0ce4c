// vssemu's <atlbase.h>: the part of ATL that VSS requesters and writers use
// (Microsoft's vshadow sample, backup tools), for compilers without ATL.
// It brings CComPtr and CComQIPtr (<atlcomcli.h>), CComBSTR, ATLASSERT and
// the USES_CONVERSION macros, written from Microsoft's ATL documentation.
//
// Contract: a CComBSTR owns the BSTR in its public member m_str and frees it
// with SysFreeString; copies are full copies (embedded NULs kept), Attach and
// Detach move ownership without copying. Strings come from the SysAllocString
// family: winshim's off Windows, oleaut32's on Windows. Narrow strings are
// UTF-8 off Windows and in the ANSI code page on Windows, as in ATL.
// Differences from ATL:
// - Where ATL throws on allocation failure (constructors, operator=,
//   operator+=), this one leaves a null string; the HRESULT methods return
//   E_OUTOFMEMORY as ATL's do.
// - Comparisons are ordinal (by code unit), not locale-aware. Two CComBSTRs
//   compare their whole lengths with a null BSTR equal to an empty one;
//   against a C string, comparison stops at the terminator and a null
//   CComBSTR equals only a null pointer.
// - ToLower and ToUpper map case with towlower and towupper.
// - Not provided: the VARIANT, SAFEARRAY and IStream members, LoadString,
//   the T2W family (TCHAR), the CW2A conversion classes and CComVariant.
#ifndef VSSEMU_ATL_ATLBASE_H_
#define VSSEMU_ATL_ATLBASE_H_

#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <deque>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "atlcomcli.h"
#include "atldef.h"

namespace ATL {

// A BSTR that frees itself.
class CComBSTR {
 public:
  // Creates a null string.
  CComBSTR() noexcept : m_str(nullptr) {}
  // Allocates size characters, not initialised (null when size is 0).
  explicit CComBSTR(int size)
      : m_str(size > 0 ? ::SysAllocStringLen(nullptr, size) : nullptr) {}
  // Copies size characters of text, embedded NULs included (null when size
  // is 0; not initialised when text is null).
  CComBSTR(int size, LPCOLESTR text)
      : m_str(size > 0 ? ::SysAllocStringLen(text, size) : nullptr) {}
  // Copies text up to its terminator (null when text is null).
  CComBSTR(LPCOLESTR text)
      : m_str(text != nullptr ? ::SysAllocString(text) : nullptr) {}
  // Converts narrow text to wide characters (null when text is null).
  CComBSTR(LPCSTR text) : m_str(FromNarrow(text)) {}
  // Holds guid as "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}".
  CComBSTR(REFGUID guid) : m_str(nullptr) {
    OLECHAR text[64];
    if (::StringFromGUID2(guid, text, 64) > 0) m_str = ::SysAllocString(text);
  }
  // Copies other's whole string, embedded NULs included.
  CComBSTR(const CComBSTR& other) : m_str(other.Copy()) {}
  // Takes over other's string and leaves other null.
  CComBSTR(CComBSTR&& other) noexcept : m_str(other.m_str) {
    other.m_str = nullptr;
  }
  // Frees the string.
  ~CComBSTR() { ::SysFreeString(m_str); }

  // Replaces the string with a copy of other's.
  CComBSTR& operator=(const CComBSTR& other) {
    if (m_str != other.m_str) AssignBSTR(other.m_str);
    return *this;
  }
  // Takes over other's string and frees the old one.
  CComBSTR& operator=(CComBSTR&& other) noexcept {
    if (this != std::addressof(other)) Attach(other.Detach());
    return *this;
  }
  // Replaces the string with a copy of text (null when text is null).
  CComBSTR& operator=(LPCOLESTR text) {
    if (text != m_str) {
      ::SysFreeString(m_str);
      m_str = text != nullptr ? ::SysAllocString(text) : nullptr;
    }
    return *this;
  }
  // Replaces the string with narrow text converted to wide characters.
  CComBSTR& operator=(LPCSTR text) {
    ::SysFreeString(m_str);
    m_str = FromNarrow(text);
    return *this;
  }

  // Returns the length in characters (0 for a null string).
  unsigned int Length() const noexcept { return ::SysStringLen(m_str); }
  // Returns the length in bytes (0 for a null string).
  unsigned int ByteLength() const noexcept { return ::SysStringByteLen(m_str); }
  // Returns the BSTR (still owned by this object).
  operator BSTR() const noexcept { return m_str; }
  // Returns the address of m_str, for an out-parameter; the caller must
  // make sure the string is empty first, or the old one leaks (as in ATL).
  BSTR* operator&() noexcept { return &m_str; }
  // Returns whether the string is null (an empty string is not).
  bool operator!() const noexcept { return m_str == nullptr; }

  // Returns a new copy of the string, which the caller frees.
  BSTR Copy() const {
    if (m_str == nullptr) return nullptr;
    return ::SysAllocStringByteLen(reinterpret_cast<const char*>(m_str),
                                   ::SysStringByteLen(m_str));
  }
  // Stores a new copy of the string in *out; E_POINTER when out is null.
  HRESULT CopyTo(BSTR* out) const {
    ATLASSERT(out != nullptr);
    if (out == nullptr) return E_POINTER;
    *out = Copy();
    return (*out == nullptr && m_str != nullptr) ? E_OUTOFMEMORY : S_OK;
  }
  // Takes ownership of source (no copy) and frees the old string.
  void Attach(BSTR source) noexcept {
    if (m_str != source) {
      ::SysFreeString(m_str);
      m_str = source;
    }
  }
  // Returns the string and forgets it: the caller frees it.
  BSTR Detach() noexcept { return std::exchange(m_str, nullptr); }
  // Frees the string and leaves a null one.
  void Empty() noexcept {
    ::SysFreeString(m_str);
    m_str = nullptr;
  }
  // Replaces the string with a copy of source, embedded NULs included.
  HRESULT AssignBSTR(const BSTR source) {
    if (m_str == source) return S_OK;
    ::SysFreeString(m_str);
    m_str = nullptr;
    if (source == nullptr) return S_OK;
    m_str = ::SysAllocStringByteLen(reinterpret_cast<const char*>(source),
                                    ::SysStringByteLen(source));
    return m_str != nullptr ? S_OK : E_OUTOFMEMORY;
  }

  // Appends length characters of text (embedded NULs included).
  HRESULT Append(LPCOLESTR text, int length) {
    if (length < 0) return E_INVALIDARG;
    if (text == nullptr || (m_str != nullptr && length == 0)) return S_OK;
    const unsigned int old_length = Length();
    BSTR joined = ::SysAllocStringLen(nullptr, old_length + length);
    if (joined == nullptr) return E_OUTOFMEMORY;
    // Copied before the old string is freed: text may point into it.
    if (old_length > 0) wmemcpy(joined, m_str, old_length);
    if (length > 0) wmemcpy(joined + old_length, text, length);
    ::SysFreeString(m_str);
    m_str = joined;
    return S_OK;
  }
  // Appends text up to its terminator.
  HRESULT Append(LPCOLESTR text) {
    if (text == nullptr) return S_OK;
    return Append(text, static_cast<int>(wcslen(text)));
  }
  // Appends other's whole string.
  HRESULT Append(const CComBSTR& other) { return AppendBSTR(other.m_str); }
  // Appends one wide character.
  HRESULT Append(wchar_t ch) { return Append(&ch, 1); }
  // Appends one narrow character, widened.
  HRESULT Append(char ch) {
    const char text[2] = {ch, '\0'};
    return Append(text);
  }
  // Appends narrow text converted to wide characters.
  HRESULT Append(LPCSTR text) {
    if (text == nullptr) return S_OK;
    std::wstring wide = vssemu_atl::Widen(text);
    return Append(wide.c_str(), static_cast<int>(wide.size()));
  }
  // Appends a BSTR's whole length (a null BSTR appends nothing).
  HRESULT AppendBSTR(BSTR source) {
    if (source == nullptr) return S_OK;
    return Append(source, static_cast<int>(::SysStringLen(source)));
  }
  // Appends length raw bytes (the byte length may become odd).
  HRESULT AppendBytes(const char* bytes, int length) {
    if (bytes == nullptr || length == 0) return S_OK;
    if (length < 0) return E_INVALIDARG;
    const unsigned int old_bytes = ByteLength();
    BSTR joined = ::SysAllocStringByteLen(nullptr, old_bytes + length);
    if (joined == nullptr) return E_OUTOFMEMORY;
    if (old_bytes > 0) memcpy(joined, m_str, old_bytes);
    memcpy(reinterpret_cast<char*>(joined) + old_bytes, bytes, length);
    ::SysFreeString(m_str);
    m_str = joined;
    return S_OK;
  }
  // Appends other's string (an allocation failure is not reported).
  CComBSTR& operator+=(const CComBSTR& other) {
    AppendBSTR(other.m_str);
    return *this;
  }
  // Appends text (an allocation failure is not reported).
  CComBSTR& operator+=(LPCOLESTR text) {
    Append(text);
    return *this;
  }

  // Converts the string to lower case in place.
  HRESULT ToLower() noexcept {
    for (unsigned int i = 0, n = Length(); i < n; ++i) {
      m_str[i] = static_cast<wchar_t>(towlower(m_str[i]));
    }
    return S_OK;
  }
  // Converts the string to upper case in place.
  HRESULT ToUpper() noexcept {
    for (unsigned int i = 0, n = Length(); i < n; ++i) {
      m_str[i] = static_cast<wchar_t>(towupper(m_str[i]));
    }
    return S_OK;
  }

  // Returns whether both strings hold the same characters.
  bool operator==(const CComBSTR& other) const noexcept {
    return Compare(other.m_str) == 0;
  }
  // Returns whether the string equals text (see the header comment).
  bool operator==(LPCOLESTR text) const noexcept {
    if (m_str == nullptr || text == nullptr) return m_str == text;
    return wcscmp(m_str, text) == 0;
  }
  // Returns whether the string is null; null_value must be NULL or 0 (an
  // integer, as ATL's overload takes, so that `b == NULL` is unambiguous).
  template <class I>
    requires std::is_integral_v<I>
  bool operator==([[maybe_unused]] I null_value) const noexcept {
    ATLASSERT(null_value == 0);
    return m_str == nullptr;
  }
  // Returns the opposite of operator==.
  bool operator!=(const CComBSTR& other) const noexcept {
    return !(*this == other);
  }
  // Returns the opposite of operator==.
  bool operator!=(LPCOLESTR text) const noexcept { return !(*this == text); }
  // Returns whether the string is not null.
  template <class I>
    requires std::is_integral_v<I>
  bool operator!=(I null_value) const noexcept {
    return !(*this == null_value);
  }
  // Returns whether the string sorts before other's (ordinal order).
  bool operator<(const CComBSTR& other) const noexcept {
    return Compare(other.m_str) < 0;
  }
  // Returns whether the string sorts before text (ordinal order).
  bool operator<(LPCOLESTR text) const noexcept {
    if (text == nullptr) return false;
    if (m_str == nullptr) return true;
    return wcscmp(m_str, text) < 0;
  }

  BSTR m_str;  // Holds the string (public, as in ATL).

 private:
  // Returns a BSTR of narrow text converted (null for null text).
  static BSTR FromNarrow(LPCSTR text) {
    if (text == nullptr) return nullptr;
    std::wstring wide = vssemu_atl::Widen(text);
    return ::SysAllocStringLen(wide.c_str(), static_cast<UINT>(wide.size()));
  }
  // Compares whole lengths by code unit; a null BSTR is an empty one.
  int Compare(BSTR other) const noexcept {
    const unsigned int mine = Length();
    const unsigned int theirs = ::SysStringLen(other);
    const unsigned int common = mine < theirs ? mine : theirs;
    int order = common > 0 ? wmemcmp(m_str, other, common) : 0;
    if (order != 0) return order;
    return mine < theirs ? -1 : (mine > theirs ? 1 : 0);
  }
};

}  // namespace ATL

namespace vssemu_atl {

// The strings that the conversion macros return, kept until the end of the
// scope that declared USES_CONVERSION (ATL keeps them on the stack).
class ConversionScope {
 public:
  // Returns text converted to a narrow string that lives as long as this.
  LPSTR ToNarrow(LPCWSTR text) {
    if (text == nullptr) return nullptr;
    return narrow_.emplace_back(Narrow(text)).data();
  }
  // Returns text converted to a wide string that lives as long as this.
  LPWSTR ToWide(LPCSTR text) {
    if (text == nullptr) return nullptr;
    return wide_.emplace_back(Widen(text)).data();
  }

 private:
  // A deque never moves its elements, so the returned pointers stay valid.
  std::deque<std::string> narrow_;
  std::deque<std::wstring> wide_;
};

}  // namespace vssemu_atl

// Declares the storage of the conversion macros in the current scope.
#define USES_CONVERSION \
  ::vssemu_atl::ConversionScope vssemu_atl_conversion_scope_
// Converts a wide string to a narrow one (see the header comment).
#define W2A(text) (vssemu_atl_conversion_scope_.ToNarrow(text))
// Converts a narrow string to a wide one.
#define A2W(text) (vssemu_atl_conversion_scope_.ToWide(text))
// Converts as W2A, giving a const string.
#define W2CA(text) (static_cast<LPCSTR>(W2A(text)))
// Converts as A2W, giving a const string.
#define A2CW(text) (static_cast<LPCWSTR>(A2W(text)))
// Converts as the wide forms: OLECHAR is wchar_t wherever vssemu builds.
#define OLE2A(text) W2A(text)
#define A2OLE(text) A2W(text)
#define OLE2CA(text) W2CA(text)
#define A2COLE(text) A2CW(text)

#endif  // VSSEMU_ATL_ATLBASE_H_
