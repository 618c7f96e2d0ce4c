#include "com/bstr.h"

namespace vssemu::com {

Bstr::Bstr(std::wstring_view text)
    : b_(SysAllocStringLen(text.data(), static_cast<UINT>(text.size()))) {}

Bstr& Bstr::operator=(Bstr&& other) noexcept {
  if (this != &other) {
    reset();
    b_ = std::exchange(other.b_, nullptr);
  }
  return *this;
}

void Bstr::reset() {
  if (BSTR b = std::exchange(b_, nullptr)) SysFreeString(b);
}

std::wstring_view Bstr::view() const { return BstrView(b_); }

HRESULT ReturnBstr(std::wstring_view value, BSTR* out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = SysAllocStringLen(value.data(), static_cast<UINT>(value.size()));
  return *out != nullptr ? S_OK : E_OUTOFMEMORY;
}

HRESULT ReturnOptionalBstr(const std::optional<std::wstring>& value,
                           BSTR* out) {
  if (out == nullptr) return E_INVALIDARG;
  if (!value) {
    *out = nullptr;
    return S_OK;
  }
  return ReturnBstr(*value, out);
}

std::optional<std::wstring> OptionalText(LPCWSTR text) {
  if (text == nullptr) return std::nullopt;
  return std::wstring(text);
}

std::wstring TextOrEmpty(LPCWSTR text) {
  return text == nullptr ? std::wstring() : std::wstring(text);
}

std::wstring_view BstrView(BSTR text) {
  if (text == nullptr) return {};
  return std::wstring_view(text, SysStringLen(text));
}

}  // namespace vssemu::com
