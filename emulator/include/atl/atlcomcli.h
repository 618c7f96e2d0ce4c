// ATL's COM client smart pointers, CComPtr<T> and CComQIPtr<T, piid>, for
// compilers without ATL, written from Microsoft's ATL documentation.
//
// Contract: a CComPtr owns one reference to the object in its public member
// p: construction from a pointer and copying AddRef, assignment AddRefs the
// new pointer before it Releases the old one, destruction and Release()
// Release; Attach and Detach move a reference in and out without counting.
// CComQIPtr adds QueryInterface on construction and assignment from a
// pointer of another interface (null when the object does not support it).
// Differences from ATL, each because the ATL way is undefined behaviour or
// needs Windows:
// - operator-> returns T*, so p->Release() compiles. ATL returns T* cast to
//   a class that hides AddRef and Release; that cast names a type the object
//   does not have, which UBSan's vptr check reports on every call.
// - operator& asserts that p is null in debug builds, as ATL does; in release
//   builds it returns &p without releasing, so an overwritten reference leaks
//   (and vssemu's leak check reports the emulator object) instead of
//   crashing.
// - CoCreateInstance off Windows returns REGDB_E_CLASSNOTREG: there is no
//   class registry.
// - Advise and SetSite are not provided.
// CComBSTR is in <atlbase.h>, with the string conversions it uses.
#ifndef VSSEMU_ATL_ATLCOMCLI_H_
#define VSSEMU_ATL_ATLCOMCLI_H_

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

#include "atldef.h"

namespace ATL {

namespace internal {

// Makes *slot hold a new reference to source and releases what it held.
template <class T>
T* AssignAddRef(T** slot, T* source) noexcept {
  if (source != nullptr) source->AddRef();  // First: source may be *slot.
  T* old = *slot;
  *slot = source;
  if (old != nullptr) old->Release();
  return source;
}

// Makes *slot hold source's iid interface (null when unsupported) and
// releases what it held.
template <class T>
T* AssignQueryInterface(T** slot, IUnknown* source, REFIID iid) noexcept {
  T* found = nullptr;
  // Queried first: the old pointer may hold the last reference to source.
  if (source != nullptr) {
    if (FAILED(source->QueryInterface(iid, reinterpret_cast<void**>(&found)))) {
      found = nullptr;
    }
  }
  T* old = *slot;
  *slot = found;
  if (old != nullptr) old->Release();
  return found;
}

}  // namespace internal

// The operations every ATL smart pointer shares; use CComPtr or CComQIPtr.
template <class T>
class CComPtrBase {
 public:
  // Releases the reference held, if any.
  ~CComPtrBase() {
    if (p != nullptr) p->Release();
  }
  // Forbids plain copies: the derived classes copy and count references.
  CComPtrBase(const CComPtrBase&) = delete;
  CComPtrBase& operator=(const CComPtrBase&) = delete;

  // Returns the raw pointer (no AddRef).
  operator T*() const noexcept { return p; }
  // Returns the object; asserts that there is one.
  T& operator*() const {
    ATLASSERT(p != nullptr);
    return *p;
  }
  // Returns the address of p for an out-parameter; asserts p is null (see
  // the header comment for release builds).
  T** operator&() noexcept {
    ATLASSERT(p == nullptr);
    return &p;
  }
  // Returns p for a member call; asserts that p is not null.
  T* operator->() const noexcept {
    ATLASSERT(p != nullptr);
    return p;
  }
  // Returns whether p is null.
  bool operator!() const noexcept { return p == nullptr; }
  // Orders by pointer value, so that CComPtrs can key ordered containers.
  bool operator<(T* other) const noexcept { return p < other; }
  // Returns whether p is other (pointer identity, no QueryInterface).
  bool operator==(T* other) const noexcept { return p == other; }
  // Returns whether p is not other.
  bool operator!=(T* other) const noexcept { return p != other; }
  // Returns whether both hold the same pointer (without this overload C++20
  // finds p == q ambiguous with its reversed form).
  bool operator==(const CComPtrBase& other) const noexcept {
    return p == other.p;
  }
  // Returns whether the two hold different pointers.
  bool operator!=(const CComPtrBase& other) const noexcept {
    return p != other.p;
  }

  // Releases the reference and sets p to null.
  void Release() noexcept {
    T* old = p;
    if (old != nullptr) {
      p = nullptr;  // First: Release may reenter this pointer.
      old->Release();
    }
  }
  // Returns whether other is the same COM object, comparing IUnknown
  // identities (two interfaces of one object are equal).
  bool IsEqualObject(IUnknown* other) noexcept {
    if (p == nullptr || other == nullptr) {
      return p == nullptr && other == nullptr;
    }
    IUnknown* mine = nullptr;
    IUnknown* theirs = nullptr;
    p->QueryInterface(__uuidof(IUnknown), reinterpret_cast<void**>(&mine));
    other->QueryInterface(__uuidof(IUnknown),
                          reinterpret_cast<void**>(&theirs));
    bool same = mine != nullptr && mine == theirs;
    if (mine != nullptr) mine->Release();
    if (theirs != nullptr) theirs->Release();
    return same;
  }
  // Takes over the caller's reference to other (no AddRef) and releases the
  // reference held before.
  void Attach(T* other) noexcept {
    T* old = p;
    p = other;
    if (old != nullptr) old->Release();
  }
  // Returns p and forgets it (no Release): the caller owns the reference.
  T* Detach() noexcept {
    T* result = p;
    p = nullptr;
    return result;
  }
  // Stores p in *out with a new reference; E_POINTER when out is null.
  HRESULT CopyTo(T** out) noexcept {
    ATLASSERT(out != nullptr);
    if (out == nullptr) return E_POINTER;
    *out = p;
    if (p != nullptr) p->AddRef();
    return S_OK;
  }
  // Queries p for Q and stores the result in *out.
  template <class Q>
  HRESULT QueryInterface(Q** out) const noexcept {
    ATLASSERT(out != nullptr && *out == nullptr);
    if (out == nullptr) return E_POINTER;
    if (p == nullptr) return E_POINTER;
    return p->QueryInterface(__uuidof(Q), reinterpret_cast<void**>(out));
  }
  // Creates an object of class clsid and holds its T interface; p must be
  // null. Off Windows this returns REGDB_E_CLASSNOTREG (no registry).
  HRESULT CoCreateInstance(REFCLSID clsid, LPUNKNOWN outer = nullptr,
                           DWORD context = vssemu_atl::kClsctxAll) noexcept {
    ATLASSERT(p == nullptr);
    return vssemu_atl::CreateInstance(clsid, outer, context, __uuidof(T),
                                      reinterpret_cast<void**>(&p));
  }
  // Creates an object of the class registered as prog_id (see above).
  HRESULT CoCreateInstance(LPCOLESTR prog_id, LPUNKNOWN outer = nullptr,
                           DWORD context = vssemu_atl::kClsctxAll) noexcept {
    ATLASSERT(p == nullptr);
    return vssemu_atl::CreateInstance(prog_id, outer, context, __uuidof(T),
                                      reinterpret_cast<void**>(&p));
  }

  T* p;  // Holds the interface pointer (public, as in ATL).

 protected:
  CComPtrBase() noexcept : p(nullptr) {}
  CComPtrBase(T* source) noexcept : p(source) {
    if (p != nullptr) p->AddRef();
  }
};

// A smart pointer that holds one reference to a T interface.
template <class T>
class CComPtr : public CComPtrBase<T> {
 public:
  // Creates a null pointer.
  CComPtr() noexcept = default;
  CComPtr(std::nullptr_t) noexcept {}
  // Holds source with a new reference (AddRef).
  CComPtr(T* source) noexcept : CComPtrBase<T>(source) {}
  // Holds other's pointer with a new reference.
  CComPtr(const CComPtr& other) noexcept : CComPtrBase<T>(other.p) {}
  // Takes over other's reference and leaves other null.
  CComPtr(CComPtr&& other) noexcept { this->p = other.Detach(); }
  // Converts from a pointer to a derived interface (AddRef, no query).
  template <class U>
    requires(!std::is_same_v<U, T> && std::is_convertible_v<U*, T*>)
  CComPtr(const CComPtr<U>& other) noexcept : CComPtrBase<T>(other.p) {}
  // Takes over a pointer to a derived interface.
  template <class U>
    requires(!std::is_same_v<U, T> && std::is_convertible_v<U*, T*>)
  CComPtr(CComPtr<U>&& other) noexcept {
    this->p = other.Detach();
  }

  // Holds source (AddRef) instead of the old pointer (Release).
  T* operator=(T* source) noexcept {
    if (this->p != source) internal::AssignAddRef(&this->p, source);
    return this->p;
  }
  // Holds other's pointer (AddRef) instead of the old one (Release).
  T* operator=(const CComPtr& other) noexcept {
    if (this->p != other.p) internal::AssignAddRef(&this->p, other.p);
    return this->p;
  }
  // Takes over other's reference and releases the old one.
  CComPtr& operator=(CComPtr&& other) noexcept {
    if (this != std::addressof(other)) this->Attach(other.Detach());
    return *this;
  }
  // Holds other's object as T: a plain AddRef for a derived interface,
  // QueryInterface for any other (null when unsupported), as ATL does.
  template <class U>
    requires(!std::is_same_v<U, T>)
  T* operator=(const CComPtr<U>& other) noexcept {
    if constexpr (std::is_convertible_v<U*, T*>) {
      return *this = static_cast<T*>(other.p);
    } else {
      if (this->IsEqualObject(other.p)) return this->p;
      return internal::AssignQueryInterface(&this->p, other.p, __uuidof(T));
    }
  }
  // Takes over a pointer to a derived interface.
  template <class U>
    requires(!std::is_same_v<U, T> && std::is_convertible_v<U*, T*>)
  CComPtr& operator=(CComPtr<U>&& other) noexcept {
    this->Attach(other.Detach());
    return *this;
  }
};

// A CComPtr that queries for *piid when it receives another interface.
// CComQIPtr<IUnknown> always queries, so that it holds the object's identity
// pointer, as ATL's specialisation for IUnknown does.
template <class T, const IID* piid = &__uuidof(T)>
class CComQIPtr : public CComPtr<T> {
 public:
  // Creates a null pointer.
  CComQIPtr() noexcept = default;
  CComQIPtr(std::nullptr_t) noexcept {}
  // Holds source with a new reference (queried when T is IUnknown).
  CComQIPtr(T* source) noexcept { *this = source; }
  // Holds other's pointer with a new reference.
  CComQIPtr(const CComQIPtr& other) noexcept : CComPtr<T>(other.p) {}
  // Takes over other's reference and leaves other null.
  CComQIPtr(CComQIPtr&& other) noexcept : CComPtr<T>(std::move(other)) {}
  // Holds source's *piid interface: AddRef for a derived interface, else
  // QueryInterface (null when unsupported).
  template <class U>
    requires(!std::is_same_v<U, T> && std::is_base_of_v<IUnknown, U>)
  CComQIPtr(U* source) noexcept {
    *this = source;
  }
  // Holds the *piid interface of other's object (see above).
  template <class U>
    requires(!std::is_same_v<U, T>)
  CComQIPtr(const CComPtr<U>& other) noexcept {
    *this = other.p;
  }

  // Holds source (AddRef) instead of the old pointer (Release).
  T* operator=(T* source) noexcept {
    if constexpr (std::is_same_v<T, IUnknown>) {
      return internal::AssignQueryInterface(&this->p, source, *piid);
    } else {
      if (this->p != source) internal::AssignAddRef(&this->p, source);
      return this->p;
    }
  }
  // Holds other's pointer (AddRef) instead of the old one (Release).
  T* operator=(const CComQIPtr& other) noexcept {
    if (this->p != other.p) internal::AssignAddRef(&this->p, other.p);
    return this->p;
  }
  // Takes over other's reference and releases the old one.
  CComQIPtr& operator=(CComQIPtr&& other) noexcept {
    if (this != std::addressof(other)) this->Attach(other.Detach());
    return *this;
  }
  // Holds source's *piid interface (see the converting constructor).
  template <class U>
    requires(!std::is_same_v<U, T> && std::is_base_of_v<IUnknown, U>)
  T* operator=(U* source) noexcept {
    if constexpr (std::is_convertible_v<U*, T*> &&
                  !std::is_same_v<T, IUnknown>) {
      return *this = static_cast<T*>(source);
    } else {
      return internal::AssignQueryInterface(&this->p, source, *piid);
    }
  }
  // Holds the *piid interface of other's object.
  template <class U>
    requires(!std::is_same_v<U, T>)
  T* operator=(const CComPtr<U>& other) noexcept {
    return *this = other.p;
  }
};

}  // namespace ATL

#endif  // VSSEMU_ATL_ATLCOMCLI_H_
