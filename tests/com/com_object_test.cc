// ComObject implements IUnknown: reference counting, QueryInterface over the
// declared interface list, and the live-object counter.
#include "com/com_object.h"

#include <gtest/gtest.h>
#include <vss.h>
#include <vsserror.h>

#include <thread>
#include <vector>

#include "com/com_ptr.h"
#include "com/live_objects.h"

namespace vssemu::com {
namespace {

class FakeAsync : public ComObject<FakeAsync, IVssAsync> {
 public:
  using Queryable = InterfaceList<IVssAsync>;
  explicit FakeAsync(bool* destroyed) : destroyed_(destroyed) {}
  ~FakeAsync() { *destroyed_ = true; }
  HRESULT STDMETHODCALLTYPE Cancel() override { return S_OK; }
  HRESULT STDMETHODCALLTYPE Wait(DWORD) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* hr, INT*) override {
    *hr = VSS_S_ASYNC_FINISHED;
    return S_OK;
  }

 private:
  bool* destroyed_;
};

TEST(ComObject, StartsWithOneReferenceAndDeletesOnLastRelease) {
  bool destroyed = false;
  long before = LiveObjectCount();
  IVssAsync* raw = MakeComObject<FakeAsync>(&destroyed).detach();
  EXPECT_EQ(LiveObjectCount(), before + 1);
  EXPECT_EQ(raw->AddRef(), 2u);
  EXPECT_EQ(raw->Release(), 1u);
  EXPECT_FALSE(destroyed);
  EXPECT_EQ(raw->Release(), 0u);
  EXPECT_TRUE(destroyed);
  EXPECT_EQ(LiveObjectCount(), before);
}

TEST(ComObject, CountsStayRightOnceThreadsShareAnObject) {
  // References taken while the process has one thread are plain updates;
  // once a second thread exists every update is atomic, and the count
  // made before carries on.
  bool destroyed = false;
  long before = LiveObjectCount();
  IVssAsync* raw = MakeComObject<FakeAsync>(&destroyed).detach();
  for (int i = 0; i < 10; ++i) raw->AddRef();  // 11 references.
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([raw] {
      for (int i = 0; i < 20000; ++i) {
        raw->AddRef();
        raw->Release();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_FALSE(memory::SingleThreaded());
  for (int i = 0; i < 10; ++i) raw->Release();
  EXPECT_FALSE(destroyed);
  EXPECT_EQ(LiveObjectCount(), before + 1);
  EXPECT_EQ(raw->Release(), 0u);
  EXPECT_TRUE(destroyed);
  EXPECT_EQ(LiveObjectCount(), before);
}

TEST(ComObject, QueryInterfaceAnswersDeclaredInterfacesAndIUnknown) {
  bool destroyed = false;
  ComPtr<FakeAsync> obj = MakeComObject<FakeAsync>(&destroyed);
  ComPtr<IVssAsync> async;
  ASSERT_EQ(obj.As(&async), S_OK);
  EXPECT_EQ(async.get(), static_cast<IVssAsync*>(obj.get()));
  IUnknown* unknown = nullptr;
  ASSERT_EQ(obj->QueryInterface(IID_IUnknown, reinterpret_cast<void**>(&unknown)),
            S_OK);
  unknown->Release();
  void* other = reinterpret_cast<void*>(1);
  EXPECT_EQ(obj->QueryInterface(IID_IVssEnumObject, &other), E_NOINTERFACE);
  EXPECT_EQ(other, nullptr);
  EXPECT_EQ(obj->QueryInterface(IID_IVssAsync, nullptr), E_POINTER);
}

TEST(ComObject, TemplateQueryInterfaceUsesUuidOf) {
  bool destroyed = false;
  ComPtr<FakeAsync> obj = MakeComObject<FakeAsync>(&destroyed);
  IVssAsync* async = nullptr;
  ASSERT_EQ(static_cast<IUnknown*>(obj.get())->QueryInterface(&async), S_OK);
  EXPECT_TRUE(IsEqualGUID(__uuidof(IVssAsync), IID_IVssAsync));
  EXPECT_TRUE(IsEqualGUID(__uuidof(async), IID_IVssAsync));
  async->Release();
}

TEST(ComPtr, CopiesShareAndMovesTransferOwnership) {
  bool destroyed = false;
  {
    ComPtr<FakeAsync> a = MakeComObject<FakeAsync>(&destroyed);
    ComPtr<FakeAsync> b = a;
    ComPtr<FakeAsync> c = std::move(a);
    EXPECT_FALSE(a);
    EXPECT_EQ(b.get(), c.get());
    b.reset();
    EXPECT_FALSE(destroyed);
  }
  EXPECT_TRUE(destroyed);
}

}  // namespace
}  // namespace vssemu::com
