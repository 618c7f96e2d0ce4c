// A reference-counted base that implements IUnknown for emulator objects.
//
// Contract: a class derives from ComObject<Self, Interfaces...> (the
// interfaces it implements) and declares
//   using Queryable = vssemu::com::InterfaceList<I1, I2, ...>;
// naming every interface QueryInterface answers besides IUnknown (usually
// the implemented interface and its bases). Objects are created with
// MakeComObject, start with one reference, and delete themselves on the last
// Release. Every live object is counted (live_objects.h).
#ifndef VSSEMU_COM_COM_OBJECT_H_
#define VSSEMU_COM_COM_OBJECT_H_

#include <vssemu/com/com_ptr.h>
#include <vssemu/com/live_objects.h>
#include <vssemu/memory/block_cache.h>
#include <vssemu/memory/live_counter.h>
#include <vssemu/memory/single_threaded.h>
#include <vssemu/win32_base.h>

#include <atomic>
#include <new>
#include <typeinfo>
#include <utility>

namespace vssemu::com {

// The interfaces QueryInterface answers, in lookup order.
template <typename... Interfaces>
struct InterfaceList {};

template <typename Self, typename First, typename... Rest>
class ComObject : public First, public Rest... {
 public:
  ComObject() { LiveCount().Add(); }
  ComObject(const ComObject&) = delete;
  ComObject& operator=(const ComObject&) = delete;

  // Objects live in the thread's block cache (memory/block_cache.h): a
  // requester gets and releases a view per component it looks at.
  static void* operator new(size_t size) {
    if (void* block = memory::Allocate(size)) return block;
    throw std::bad_alloc();
  }
  static void operator delete(void* block, size_t size) noexcept {
    memory::Free(block, size);
  }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppv) override {
    if (ppv == nullptr) return E_POINTER;
    *ppv = nullptr;
    if (IsEqualGUID(riid, IID_IUnknown)) {
      *ppv = static_cast<IUnknown*>(static_cast<First*>(self()));
    } else {
      *ppv = Find(riid, typename Self::Queryable{});
    }
    if (*ppv == nullptr) return E_NOINTERFACE;
    AddRef();
    return S_OK;
  }

  // Atomic as COM requires, except while the process has one thread
  // (memory/single_threaded.h): a requester gets and releases a view per
  // component it looks at.
  ULONG STDMETHODCALLTYPE AddRef() override { return memory::Increment(refs_); }

  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = memory::Decrement(refs_);
    if (left == 0) delete self();
    return left;
  }

 protected:
  // Virtual so that Release may delete through Self even when Self is not
  // final; the slot follows the interface methods, so the COM vtable
  // layout that callers see is unchanged.
  virtual ~ComObject() { LiveCount().Remove(); }

 private:
  Self* self() { return static_cast<Self*>(this); }

  // This kind's live-object counter (com/live_objects.h), found once.
  static memory::LiveCounter& LiveCount() {
    static memory::LiveCounter& count = internal::KindCounter(typeid(First));
    return count;
  }

  template <typename... Is>
  void* Find(REFIID riid, InterfaceList<Is...>) {
    void* found = nullptr;
    ((found == nullptr && IsEqualGUID(riid, __uuidof(Is))
          ? void(found = static_cast<Is*>(self()))
          : void()),
     ...);
    return found;
  }

  std::atomic<ULONG> refs_{1};
};

// Creates a ComObject-derived T holding one reference.
template <typename T, typename... Args>
ComPtr<T> MakeComObject(Args&&... args) {
  return ComPtr<T>::Adopt(new T(std::forward<Args>(args)...));
}

}  // namespace vssemu::com

#endif  // VSSEMU_COM_COM_OBJECT_H_
