// ComPtr: an owning smart pointer for COM interfaces (AddRef on copy,
// Release on destruction), in the spirit of Microsoft::WRL::ComPtr.
#ifndef VSSEMU_COM_COM_PTR_H_
#define VSSEMU_COM_COM_PTR_H_

#include <cstddef>
#include <type_traits>
#include <utility>

#include <vssemu/win32_base.h>

namespace vssemu::com {

template <typename T>
class ComPtr {
 public:
  ComPtr() = default;
  ComPtr(std::nullptr_t) {}  // NOLINT: implicit, like a raw pointer.
  // Shares p: takes a new reference.
  explicit ComPtr(T* p) : p_(p) {
    if (p_ != nullptr) p_->AddRef();
  }
  ComPtr(const ComPtr& other) : ComPtr(other.p_) {}
  ComPtr(ComPtr&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
  // Takes over a pointer to a derived class (an implementation to its
  // interface), keeping its reference.
  template <typename U, typename = std::enable_if_t<
                            std::is_convertible_v<U*, T*> && !std::is_same_v<U, T>>>
  ComPtr(ComPtr<U> other) : p_(other.detach()) {}  // NOLINT: implicit.
  ComPtr& operator=(ComPtr other) noexcept {
    std::swap(p_, other.p_);
    return *this;
  }
  ~ComPtr() { reset(); }

  // Takes over p's existing reference.
  static ComPtr Adopt(T* p) {
    ComPtr result;
    result.p_ = p;
    return result;
  }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }

  // Releases the current pointer and returns the slot for an out-parameter.
  T** put() {
    reset();
    return &p_;
  }
  // Gives up ownership without releasing.
  T* detach() { return std::exchange(p_, nullptr); }
  void reset() {
    if (T* p = std::exchange(p_, nullptr)) p->Release();
  }

  // Hands out a new reference through an out-parameter.
  HRESULT CopyTo(T** out) const {
    if (out == nullptr) return E_POINTER;
    *out = p_;
    if (p_ != nullptr) p_->AddRef();
    return S_OK;
  }

  // QueryInterface for U.
  template <typename U>
  HRESULT As(ComPtr<U>* out) const {
    if (p_ == nullptr) return E_POINTER;
    return p_->QueryInterface(__uuidof(U),
                              reinterpret_cast<void**>(out->put()));
  }

 private:
  T* p_ = nullptr;
};

}  // namespace vssemu::com

#endif  // VSSEMU_COM_COM_PTR_H_
