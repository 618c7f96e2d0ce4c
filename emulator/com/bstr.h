// BSTR helpers: an owning Bstr and the out-parameter conventions VSS getters
// follow (E_INVALIDARG for a NULL out-pointer, a NULL BSTR for "no value").
#ifndef VSSEMU_COM_BSTR_H_
#define VSSEMU_COM_BSTR_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <vssemu/win32_base.h>

namespace vssemu::com {

// Owns one BSTR; frees it with SysFreeString.
class Bstr {
 public:
  Bstr() = default;
  explicit Bstr(std::wstring_view text);
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  Bstr(Bstr&& other) noexcept : b_(std::exchange(other.b_, nullptr)) {}
  Bstr& operator=(Bstr&& other) noexcept;
  ~Bstr() { reset(); }

  BSTR get() const { return b_; }
  // Frees the current string and returns the slot for an out-parameter.
  BSTR* put() {
    reset();
    return &b_;
  }
  // Gives up ownership.
  BSTR detach() { return std::exchange(b_, nullptr); }
  void reset();
  // Returns the characters (the BSTR's own length, embedded NULs included).
  std::wstring_view view() const;
  std::wstring str() const { return std::wstring(view()); }

 private:
  BSTR b_ = nullptr;
};

// Stores a fresh BSTR copy of value in *out. E_INVALIDARG if out is NULL,
// E_OUTOFMEMORY if the allocation fails.
HRESULT ReturnBstr(std::wstring_view value, BSTR* out);

// As ReturnBstr, but stores NULL when value is absent.
HRESULT ReturnOptionalBstr(const std::optional<std::wstring>& value, BSTR* out);

// Converts an LPCWSTR argument to a string; NULL gives std::nullopt.
std::optional<std::wstring> OptionalText(LPCWSTR text);

// Converts an LPCWSTR argument to a string; NULL gives "".
std::wstring TextOrEmpty(LPCWSTR text);

// Returns the characters of a BSTR argument (NULL is the empty string).
std::wstring_view BstrView(BSTR text);

}  // namespace vssemu::com

#endif  // VSSEMU_COM_BSTR_H_
