// vssemu's <atlbase.h> for compilers without ATL: CComPtr and CComQIPtr keep
// reference counts balanced (checked on a counting object of our own and on
// the emulator's backup components), CComBSTR keeps lengths, embedded NULs
// and ownership right, and the conversion macros' strings live to the end of
// their scope.
#include <atlbase.h>  // First: it must stand alone.
#include <gtest/gtest.h>
#include <string.h>
#include <vsbackup.h>
#include <vsserror.h>

#include <optional>

#include "com/live_objects.h"
#include "vssemu/emulator.h"

struct IAtlTestWidget : public IUnknown {
  virtual int STDMETHODCALLTYPE Value() = 0;
};
VSSEMU_DECLARE_IID(IAtlTestWidget, 0x6a0c2f4e, 0x1b7d, 0x4c35, 0x9e, 0x21, 0x3d,
                   0x54, 0x7a, 0x88, 0x0b, 0x11)

struct IAtlTestGadget : public IUnknown {
  virtual int STDMETHODCALLTYPE Size() = 0;
};
VSSEMU_DECLARE_IID(IAtlTestGadget, 0x6a0c2f4e, 0x1b7d, 0x4c35, 0x9e, 0x21, 0x3d,
                   0x54, 0x7a, 0x88, 0x0b, 0x12)

namespace {

// A COM object on the stack that counts its references and never deletes
// itself; it is a gadget only when asked to be.
class CountingObject : public IAtlTestWidget, public IAtlTestGadget {
 public:
  explicit CountingObject(bool is_gadget = true) : is_gadget_(is_gadget) {}

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** out) override {
    if (out == nullptr) return E_POINTER;
    *out = nullptr;
    if (IsEqualGUID(iid, IID_IUnknown) ||
        IsEqualGUID(iid, IID_IAtlTestWidget)) {
      *out = static_cast<IAtlTestWidget*>(this);
    } else if (is_gadget_ && IsEqualGUID(iid, IID_IAtlTestGadget)) {
      *out = static_cast<IAtlTestGadget*>(this);
    } else {
      return E_NOINTERFACE;
    }
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs_; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs_; }
  int STDMETHODCALLTYPE Value() override { return 42; }
  int STDMETHODCALLTYPE Size() override { return 7; }

  // Returns the references held now.
  ULONG refs() const { return refs_; }
  // Returns the pointer that IUnknown queries answer (the identity).
  IUnknown* identity() { return static_cast<IAtlTestWidget*>(this); }

 private:
  bool is_gadget_;
  ULONG refs_ = 0;
};

// Hands out a new reference to object, as a factory's out-parameter does.
HRESULT GetWidget(CountingObject* object, IAtlTestWidget** out) {
  *out = object;
  object->AddRef();
  return S_OK;
}

TEST(AtlCComPtr, HoldsOneReferenceFromConstructionToDestruction) {
  CountingObject object;
  {
    CComPtr<IAtlTestWidget> p(&object);
    EXPECT_EQ(object.refs(), 1u);
    EXPECT_EQ(p->Value(), 42);
    EXPECT_EQ(p.p, static_cast<IAtlTestWidget*>(&object));
  }
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlCComPtr, CopiesAndAssignmentsKeepTheCountBalanced) {
  CountingObject a, b;
  {
    CComPtr<IAtlTestWidget> p(&a);
    CComPtr<IAtlTestWidget> copy(p);
    EXPECT_EQ(a.refs(), 2u);
    copy = &b;  // AddRef b, Release a.
    EXPECT_EQ(a.refs(), 1u);
    EXPECT_EQ(b.refs(), 1u);
    copy = p;
    EXPECT_EQ(a.refs(), 2u);
    EXPECT_EQ(b.refs(), 0u);
    CComPtr<IAtlTestWidget>& same = copy;
    copy = same;  // Self-assignment changes nothing.
    EXPECT_EQ(a.refs(), 2u);
    CComPtr<IAtlTestWidget> moved(std::move(copy));
    EXPECT_EQ(a.refs(), 2u);
    EXPECT_EQ(copy.p, nullptr);
    CComPtr<IAtlTestWidget> target(&b);
    target = std::move(moved);  // Releases b, takes over a's reference.
    EXPECT_EQ(b.refs(), 0u);
    EXPECT_EQ(a.refs(), 2u);
    target = nullptr;
    EXPECT_EQ(a.refs(), 1u);
    CComPtr<IUnknown> unknown(p);  // A derived interface converts.
    EXPECT_EQ(a.refs(), 2u);
  }
  EXPECT_EQ(a.refs(), 0u);
  EXPECT_EQ(b.refs(), 0u);
}

TEST(AtlCComPtr, ReleaseDropsTheReferenceAndLeavesNull) {
  CountingObject object;
  CComPtr<IAtlTestWidget> p(&object);
  p.Release();
  EXPECT_EQ(object.refs(), 0u);
  EXPECT_TRUE(!p);
  p.Release();  // Releasing a null pointer does nothing.
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlCComPtr, AttachTakesOverAReferenceAndDetachHandsItBack) {
  CountingObject a, b;
  a.AddRef();  // The reference Attach takes over.
  CComPtr<IAtlTestWidget> p;
  p.Attach(&a);
  EXPECT_EQ(a.refs(), 1u);
  b.AddRef();
  p.Attach(&b);  // Releases a.
  EXPECT_EQ(a.refs(), 0u);
  EXPECT_EQ(b.refs(), 1u);
  IAtlTestWidget* raw = p.Detach();
  EXPECT_EQ(raw, static_cast<IAtlTestWidget*>(&b));
  EXPECT_EQ(p.p, nullptr);
  EXPECT_EQ(b.refs(), 1u);  // Now the caller's.
  raw->Release();
}

TEST(AtlCComPtr, CopyToAddsAReferenceAndRejectsANullOutParameter) {
  CountingObject object;
  CComPtr<IAtlTestWidget> p(&object);
  IAtlTestWidget* out = nullptr;
  EXPECT_EQ(p.CopyTo(&out), S_OK);
  EXPECT_EQ(out, p.p);
  EXPECT_EQ(object.refs(), 2u);
  out->Release();
  // (CopyTo(nullptr) returns E_POINTER in release builds; ATLASSERT stops a
  // debug build first, as ATL's does.)
}

TEST(AtlCComPtr, AddressOfFillsAnOutParameter) {
  CountingObject object;
  {
    CComPtr<IAtlTestWidget> p;
    ASSERT_EQ(GetWidget(&object, &p), S_OK);
    EXPECT_EQ(object.refs(), 1u);
    EXPECT_EQ(p->Value(), 42);
  }
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlCComPtr, ComparesWithPointersAndNull) {
  CountingObject a, b;
  CComPtr<IAtlTestWidget> p(&a), q(&a), empty;
  EXPECT_TRUE(p == static_cast<IAtlTestWidget*>(&a));
  EXPECT_TRUE(p != static_cast<IAtlTestWidget*>(&b));
  EXPECT_TRUE(p == q);
  EXPECT_TRUE(empty == nullptr);
  EXPECT_TRUE(nullptr == empty);
  EXPECT_TRUE(p != nullptr);
  EXPECT_TRUE(empty == NULL);
  EXPECT_FALSE(!p);
  EXPECT_TRUE(!empty);
}

TEST(AtlCComPtr, QueriesAndComparesObjectsThroughIUnknown) {
  CountingObject object;
  {
    CComPtr<IAtlTestWidget> widget(&object);
    IAtlTestGadget* raw = nullptr;
    ASSERT_EQ(widget.QueryInterface(&raw), S_OK);
    EXPECT_EQ(raw->Size(), 7);
    CComPtr<IAtlTestGadget> gadget;
    gadget.Attach(raw);
    // Two interfaces of one object: different pointers, same object.
    EXPECT_NE(static_cast<void*>(widget.p), static_cast<void*>(gadget.p));
    EXPECT_TRUE(widget.IsEqualObject(gadget));
    CountingObject other;
    EXPECT_FALSE(widget.IsEqualObject(other.identity()));
    EXPECT_EQ(object.refs(), 2u);
  }
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlCComPtr, AssigningAnotherInterfaceQueriesForIt) {
  CountingObject gadget_too, widget_only(false);
  {
    CComPtr<IAtlTestWidget> widget(&gadget_too);
    CComPtr<IAtlTestGadget> gadget;
    gadget = widget;
    ASSERT_NE(gadget.p, nullptr);
    EXPECT_EQ(gadget->Size(), 7);
    EXPECT_EQ(gadget_too.refs(), 2u);
    widget = &widget_only;
    gadget = widget;  // Unsupported: null, and the old one is released.
    EXPECT_EQ(gadget.p, nullptr);
    EXPECT_EQ(gadget_too.refs(), 0u);
  }
  EXPECT_EQ(widget_only.refs(), 0u);
}

TEST(AtlCComPtr, CoCreateInstanceFailsForAClassThatIsNotRegistered) {
  CComPtr<IAtlTestWidget> p;
  const CLSID unknown = IID_IAtlTestGadget;  // No class has this id.
  EXPECT_TRUE(FAILED(p.CoCreateInstance(unknown)));
  EXPECT_EQ(p.p, nullptr);
}

TEST(AtlCComQIPtr, QueriesForItsInterface) {
  CountingObject object;
  {
    CComPtr<IAtlTestWidget> widget(&object);
    CComQIPtr<IAtlTestGadget> gadget(widget);
    ASSERT_NE(gadget.p, nullptr);
    EXPECT_EQ(gadget->Size(), 7);
    CComQIPtr<IAtlTestGadget> from_raw(widget.p);
    EXPECT_EQ(from_raw.p, gadget.p);
    EXPECT_EQ(object.refs(), 3u);
    CComQIPtr<IAtlTestGadget> assigned;
    assigned = widget.p;
    EXPECT_EQ(assigned.p, gadget.p);
    EXPECT_EQ(object.refs(), 4u);
  }
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlCComQIPtr, IsNullWhenTheObjectLacksTheInterface) {
  CountingObject widget_only(false);
  {
    CComPtr<IAtlTestWidget> widget(&widget_only);
    CComQIPtr<IAtlTestGadget> gadget(widget);
    EXPECT_EQ(gadget.p, nullptr);
    EXPECT_TRUE(!gadget);
  }
  EXPECT_EQ(widget_only.refs(), 0u);
}

TEST(AtlCComQIPtr, OfIUnknownHoldsTheIdentityPointer) {
  CountingObject object;
  {
    CComPtr<IAtlTestWidget> widget(&object);
    CComQIPtr<IAtlTestGadget> gadget(widget);
    CComQIPtr<IUnknown> unknown(gadget.p);
    EXPECT_EQ(unknown.p, object.identity());
    EXPECT_NE(static_cast<void*>(unknown.p), static_cast<void*>(gadget.p));
    // Given the gadget's own IUnknown pointer, it still queries.
    CComQIPtr<IUnknown> from_unknown(static_cast<IUnknown*>(gadget.p));
    EXPECT_EQ(from_unknown.p, object.identity());
  }
  EXPECT_EQ(object.refs(), 0u);
}

TEST(AtlVss, SmartPointersCarryABackupAndReleaseEverything) {
  const long objects_before = vssemu::com::LiveObjectCount();
  {
    vssemu::Emulator emulator;
    CComPtr<IVssBackupComponents> components;
    ASSERT_EQ(CreateVssBackupComponents(&components), S_OK);
    ASSERT_EQ(components->InitializeForBackup(), S_OK);
    ASSERT_EQ(components->SetBackupState(true, false, VSS_BT_FULL), S_OK);
    CComPtr<IVssAsync> async;
    ASSERT_EQ(components->GatherWriterMetadata(&async), S_OK);
    ASSERT_EQ(async->Wait(), S_OK);
    HRESULT status = E_FAIL;
    ASSERT_EQ(async->QueryStatus(&status, nullptr), S_OK);
    EXPECT_EQ(status, VSS_S_ASYNC_FINISHED);

    CComQIPtr<IVssBackupComponentsEx> ex(components);
    EXPECT_NE(ex.p, nullptr);
    CComQIPtr<IVssAsync> not_async(components);
    EXPECT_EQ(not_async.p, nullptr);
    EXPECT_TRUE(ex.IsEqualObject(components));
  }
  EXPECT_EQ(vssemu::com::LiveObjectCount(), objects_before);
}

// Returns how many BSTRs are alive where vssemu can count them (winshim);
// std::nullopt under oleaut32.
std::optional<long> LiveBstrs() { return vssemu::com::LiveBstrCount(); }

// Hands out a new BSTR, as an SDK getter's out-parameter does.
HRESULT GetName(BSTR* out) {
  *out = SysAllocString(L"writer");
  return S_OK;
}

TEST(AtlCComBSTR, CountsCharactersAndBytes) {
  CComBSTR empty;
  EXPECT_EQ(empty.m_str, nullptr);
  EXPECT_EQ(empty.Length(), 0u);
  CComBSTR text(L"abc");
  EXPECT_EQ(text.Length(), 3u);
  EXPECT_EQ(text.ByteLength(), 3 * sizeof(OLECHAR));
  EXPECT_EQ(wcscmp(text, L"abc"), 0);  // operator BSTR.
  CComBSTR sized(5);
  EXPECT_EQ(sized.Length(), 5u);
  EXPECT_EQ(CComBSTR(static_cast<LPCOLESTR>(nullptr)).m_str, nullptr);
}

TEST(AtlCComBSTR, TheLengthConstructorKeepsEmbeddedNuls) {
  CComBSTR text(3, L"a\0b");
  ASSERT_EQ(text.Length(), 3u);
  EXPECT_EQ(text.m_str[1], L'\0');
  EXPECT_EQ(text.m_str[2], L'b');
  CComBSTR copy(text);
  EXPECT_EQ(copy.Length(), 3u);
  EXPECT_EQ(copy.m_str[2], L'b');
  EXPECT_NE(copy.m_str, text.m_str);
  EXPECT_TRUE(copy == text);
  EXPECT_FALSE(copy == CComBSTR(L"a"));  // Whole lengths are compared.
  BSTR raw = text.Copy();
  EXPECT_EQ(SysStringLen(raw), 3u);
  SysFreeString(raw);
}

TEST(AtlCComBSTR, WidensNarrowStrings) {
  CComBSTR ascii("writer");
  EXPECT_TRUE(ascii == L"writer");
  EXPECT_EQ(ascii.Length(), 6u);
  EXPECT_EQ(CComBSTR(static_cast<LPCSTR>(nullptr)).m_str, nullptr);
  if constexpr (sizeof(wchar_t) == 4) {  // Off Windows: UTF-8 to UTF-32.
    CComBSTR utf8("caf\xC3\xA9 \xF0\x9F\x93\x80 \xFF");
    EXPECT_TRUE(utf8 == L"caf\u00E9 \U0001F4C0 \uFFFD");
  }
}

TEST(AtlCComBSTR, HoldsAGuidInBracedForm) {
  CComBSTR id(IID_IAtlTestWidget);
  EXPECT_TRUE(id == L"{6A0C2F4E-1B7D-4C35-9E21-3D547A880B11}");
}

TEST(AtlCComBSTR, AppendJoinsStrings) {
  CComBSTR text;
  EXPECT_EQ(text.Append(L"ab"), S_OK);
  EXPECT_EQ(text.Append(CComBSTR(L"cd")), S_OK);
  EXPECT_EQ(text.Append(L'e'), S_OK);
  EXPECT_EQ(text.Append('f'), S_OK);
  EXPECT_EQ(text.Append("gh"), S_OK);
  CComBSTR nul(2, L"\0i");
  EXPECT_EQ(text.AppendBSTR(nul), S_OK);  // Its whole length.
  text += L"j";
  text += CComBSTR(L"k");
  ASSERT_EQ(text.Length(), 12u);
  EXPECT_EQ(text.m_str[8], L'\0');
  EXPECT_EQ(wcscmp(text.m_str + 9, L"ijk"), 0);
  EXPECT_EQ(text.Append(static_cast<LPCOLESTR>(nullptr)), S_OK);
  EXPECT_EQ(text.AppendBSTR(nullptr), S_OK);
  EXPECT_EQ(text.Length(), 12u);
  text.Append(text);  // Appending itself reads before it frees.
  EXPECT_EQ(text.Length(), 24u);
}

TEST(AtlCComBSTR, OwnershipMovesWithoutLeaks) {
  const std::optional<long> before = LiveBstrs();
  {
    CComBSTR text(L"abc");
    BSTR copy = text.Copy();
    SysFreeString(copy);
    BSTR out = nullptr;
    EXPECT_EQ(text.CopyTo(&out), S_OK);
    EXPECT_EQ(wcscmp(out, L"abc"), 0);
    SysFreeString(out);
    BSTR detached = text.Detach();
    EXPECT_EQ(text.m_str, nullptr);
    text.Attach(detached);
    EXPECT_EQ(text.m_str, detached);
    text.Attach(SysAllocString(L"new"));  // Frees the old one.
    EXPECT_EQ(text.AssignBSTR(CComBSTR(L"assigned")), S_OK);
    EXPECT_TRUE(text == L"assigned");
    CComBSTR moved(std::move(text));
    EXPECT_EQ(text.m_str, nullptr);
    text = moved;
    text = L"other";
    text = "narrow";
    moved.Empty();
    EXPECT_TRUE(!moved);
    CComBSTR name;
    ASSERT_EQ(GetName(&name), S_OK);  // operator& as an out-parameter.
    EXPECT_TRUE(name == L"writer");
  }
  if (before) {
    EXPECT_EQ(LiveBstrs(), before);
  }
}

TEST(AtlCComBSTR, ComparesByCodeUnit) {
  CComBSTR null_string, empty(L""), abc(L"abc"), abd(L"abd");
  EXPECT_TRUE(null_string == empty);  // As VarBstrCmp treats NULL.
  EXPECT_TRUE(null_string == NULL);
  EXPECT_FALSE(empty == NULL);
  EXPECT_TRUE(empty != NULL);
  EXPECT_TRUE(!null_string);
  EXPECT_FALSE(!empty);
  EXPECT_TRUE(abc == L"abc");
  EXPECT_TRUE(abc != L"abd");
  EXPECT_TRUE(abc != abd);
  EXPECT_TRUE(abc < abd);
  EXPECT_FALSE(abd < abc);
  EXPECT_TRUE(abc < L"abd");
  EXPECT_TRUE(empty < abc);
  EXPECT_FALSE(null_string == L"");  // A C string: NULL equals only NULL.
}

TEST(AtlCComBSTR, ChangesCaseInPlace) {
  CComBSTR text(L"Writer 7");
  BSTR before = text.m_str;
  EXPECT_EQ(text.ToUpper(), S_OK);
  EXPECT_TRUE(text == L"WRITER 7");
  EXPECT_EQ(text.ToLower(), S_OK);
  EXPECT_TRUE(text == L"writer 7");
  EXPECT_EQ(text.m_str, before);
  CComBSTR null_string;
  EXPECT_EQ(null_string.ToLower(), S_OK);
}

TEST(AtlConversion, StringsLiveUntilTheEndOfTheScope) {
  USES_CONVERSION;
  LPSTR narrow = W2A(L"volume");
  LPWSTR wide = A2W("writer");
  LPCSTR second = W2CA(L"C:\\");  // Earlier results stay valid.
  EXPECT_STREQ(narrow, "volume");
  EXPECT_STREQ(wide, L"writer");
  EXPECT_STREQ(second, "C:\\");
  EXPECT_EQ(A2W(static_cast<LPCSTR>(nullptr)), nullptr);
}

}  // namespace
