// BSTR allocation with the Windows memory layout: a 32-bit byte count
// immediately before the characters, and a terminating NUL after them. Code
// under test may read the prefix (SysStringLen) or keep embedded NULs, so the
// layout matters; the live counter lets tests prove nothing leaked.
#include <vssemu/memory/block_cache.h>
#include <vssemu/memory/live_counter.h>
#include <vssemu/winshim/winshim.h>

#include <cstring>

namespace {

// Constant-initialized and trivially destroyed, so that BSTRs made and
// freed by other statics' constructors and destructors are counted too.
constinit vssemu::memory::LiveCounter g_live_bstrs;

// The prefix is a DWORD, but the characters must stay aligned for WCHAR, so
// the header occupies max(sizeof(DWORD), alignof(WCHAR)) bytes.
constexpr size_t kHeaderBytes =
    sizeof(DWORD) > alignof(WCHAR) ? sizeof(DWORD) : alignof(WCHAR);

// The size of the block that holds a BSTR of byte_len bytes. Blocks come
// from the per-thread block cache, as OLE caches BSTRs: a requester reads
// and frees a name per component.
size_t BlockBytes(UINT byte_len) {
  return kHeaderBytes + static_cast<size_t>(byte_len) + sizeof(WCHAR);
}

BSTR AllocateBytes(const void* src, UINT byte_len) {
  char* block =
      static_cast<char*>(vssemu::memory::Allocate(BlockBytes(byte_len)));
  if (block == nullptr) return nullptr;
  DWORD prefix = byte_len;
  std::memcpy(block + kHeaderBytes - sizeof(DWORD), &prefix, sizeof(DWORD));
  char* chars = block + kHeaderBytes;
  if (src != nullptr) {
    std::memcpy(chars, src, byte_len);
  } else {
    std::memset(chars, 0, byte_len);
  }
  std::memset(chars + byte_len, 0, sizeof(WCHAR));
  g_live_bstrs.Add();
  return reinterpret_cast<BSTR>(chars);
}

char* BlockOf(BSTR bstr) { return reinterpret_cast<char*>(bstr) - kHeaderBytes; }

}  // namespace

extern "C" {

BSTR STDAPICALLTYPE SysAllocString(const OLECHAR* psz) {
  if (psz == nullptr) return nullptr;
  return SysAllocStringLen(psz, static_cast<UINT>(wcslen(psz)));
}

BSTR STDAPICALLTYPE SysAllocStringLen(const OLECHAR* str_in, UINT ui) {
  return AllocateBytes(str_in, ui * static_cast<UINT>(sizeof(OLECHAR)));
}

BSTR STDAPICALLTYPE SysAllocStringByteLen(LPCSTR psz, UINT len) {
  return AllocateBytes(psz, len);
}

UINT STDAPICALLTYPE SysStringByteLen(BSTR bstr) {
  if (bstr == nullptr) return 0;
  DWORD prefix;
  std::memcpy(&prefix, BlockOf(bstr) + kHeaderBytes - sizeof(DWORD),
              sizeof(DWORD));
  return prefix;
}

UINT STDAPICALLTYPE SysStringLen(BSTR bstr) {
  return SysStringByteLen(bstr) / static_cast<UINT>(sizeof(OLECHAR));
}

void STDAPICALLTYPE SysFreeString(BSTR bstr) {
  if (bstr == nullptr) return;
  g_live_bstrs.Remove();
  vssemu::memory::Free(BlockOf(bstr), BlockBytes(SysStringByteLen(bstr)));
}

INT STDAPICALLTYPE SysReAllocString(BSTR* pbstr, const OLECHAR* psz) {
  if (pbstr == nullptr) return FALSE;
  BSTR fresh = SysAllocString(psz);
  if (fresh == nullptr && psz != nullptr) return FALSE;
  SysFreeString(*pbstr);
  *pbstr = fresh;
  return TRUE;
}

}  // extern "C"

namespace winshim {
long LiveBstrCount() { return g_live_bstrs.Total(); }
}  // namespace winshim
