// The COM runtime calls a VSS program makes. Everything runs in the caller's
// threads, so the apartment calls only keep the per-thread count that decides
// between S_OK and S_FALSE. CoCreateGuid is deterministic: the emulator must
// give the same trace for the same seed, so it never reads an entropy source.
#include <vssemu/winshim/winshim.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cwctype>
#include <mutex>

namespace {

// The emulated process: winshim::StartComProcess begins a new one, in which
// no thread has entered COM and security is not yet initialized. A thread's
// count belongs to the process it was kept in, so threads need no visit.
std::atomic<uint64_t> g_com_process{0};
struct ThreadComState {
  uint64_t process = 0;
  int init_count = 0;
};
thread_local ThreadComState t_com;
std::atomic<bool> g_security_initialized{false};

// Returns the calling thread's CoInitializeEx count in the current process.
int& ThreadInitCount() {
  const uint64_t process = g_com_process.load();
  if (t_com.process != process) t_com = {process, 0};
  return t_com.init_count;
}

// SplitMix64: a tiny generator with a full 2^64 period, good enough to make
// distinct, well-spread GUIDs from a seed.
std::mutex g_guid_mutex;
uint64_t g_guid_state = 0x76737365'6d750001ull;  // "vssemu", 1

uint64_t NextGuidWord() {
  uint64_t z = (g_guid_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int HexValue(wchar_t c) {
  if (c >= L'0' && c <= L'9') return c - L'0';
  if (c >= L'a' && c <= L'f') return c - L'a' + 10;
  if (c >= L'A' && c <= L'F') return c - L'A' + 10;
  return -1;
}

}  // namespace

extern "C" {

HRESULT STDAPICALLTYPE CoInitializeEx(LPVOID, DWORD) {
  return ThreadInitCount()++ == 0 ? S_OK : S_FALSE;
}

HRESULT STDAPICALLTYPE CoInitialize(LPVOID reserved) {
  return CoInitializeEx(reserved, COINIT_APARTMENTTHREADED);
}

void STDAPICALLTYPE CoUninitialize(void) {
  int& count = ThreadInitCount();
  if (count > 0) --count;
}

HRESULT STDAPICALLTYPE CoInitializeSecurity(PSECURITY_DESCRIPTOR, LONG,
                                            SOLE_AUTHENTICATION_SERVICE*,
                                            void*, DWORD, DWORD, void*, DWORD,
                                            void*) {
  return g_security_initialized.exchange(true) ? RPC_E_TOO_LATE : S_OK;
}

HRESULT STDAPICALLTYPE CoCreateGuid(GUID* pguid) {
  if (pguid == nullptr) return E_INVALIDARG;
  uint64_t hi, lo;
  {
    std::lock_guard<std::mutex> lock(g_guid_mutex);
    hi = NextGuidWord();
    lo = NextGuidWord();
  }
  pguid->Data1 = static_cast<uint32_t>(hi >> 32);
  pguid->Data2 = static_cast<uint16_t>(hi >> 16);
  // Version 4 and RFC 4122 variant bits, as Windows' random GUIDs carry.
  pguid->Data3 = static_cast<uint16_t>((hi & 0x0FFF) | 0x4000);
  for (int i = 0; i < 8; ++i) {
    pguid->Data4[i] = static_cast<uint8_t>(lo >> (56 - 8 * i));
  }
  pguid->Data4[0] = static_cast<uint8_t>((pguid->Data4[0] & 0x3F) | 0x80);
  return S_OK;
}

int STDAPICALLTYPE StringFromGUID2(REFGUID g, LPOLESTR out, int cch_max) {
  constexpr int kChars = 39;  // 38 characters and the terminator.
  if (out == nullptr || cch_max < kChars) return 0;
  static const wchar_t kHex[] = L"0123456789ABCDEF";
  int pos = 0;
  auto put_hex = [&](uint64_t value, int digits) {
    for (int d = digits - 1; d >= 0; --d) out[pos++] = kHex[(value >> (4 * d)) & 0xF];
  };
  out[pos++] = L'{';
  put_hex(g.Data1, 8);
  out[pos++] = L'-';
  put_hex(g.Data2, 4);
  out[pos++] = L'-';
  put_hex(g.Data3, 4);
  out[pos++] = L'-';
  put_hex(g.Data4[0], 2);
  put_hex(g.Data4[1], 2);
  out[pos++] = L'-';
  for (int i = 2; i < 8; ++i) put_hex(g.Data4[i], 2);
  out[pos++] = L'}';
  out[pos++] = L'\0';
  return pos;
}

HRESULT STDAPICALLTYPE CLSIDFromString(LPCOLESTR s, LPCLSID pclsid) {
  if (s == nullptr || pclsid == nullptr) return E_INVALIDARG;
  // {8-4-4-4-12}: positions of the dashes inside the braces.
  if (wcslen(s) != 38 || s[0] != L'{' || s[37] != L'}') return E_INVALIDARG;
  uint8_t bytes[16];
  int nibble = 0;
  for (int i = 1; i < 37; ++i) {
    if (i == 9 || i == 14 || i == 19 || i == 24) {
      if (s[i] != L'-') return E_INVALIDARG;
      continue;
    }
    int v = HexValue(s[i]);
    if (v < 0) return E_INVALIDARG;
    if (nibble % 2 == 0) bytes[nibble / 2] = static_cast<uint8_t>(v << 4);
    else bytes[nibble / 2] |= static_cast<uint8_t>(v);
    ++nibble;
  }
  pclsid->Data1 = (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) |
                  (uint32_t{bytes[2]} << 8) | bytes[3];
  pclsid->Data2 = static_cast<uint16_t>((bytes[4] << 8) | bytes[5]);
  pclsid->Data3 = static_cast<uint16_t>((bytes[6] << 8) | bytes[7]);
  for (int i = 0; i < 8; ++i) pclsid->Data4[i] = bytes[8 + i];
  return S_OK;
}

LPVOID STDAPICALLTYPE CoTaskMemAlloc(SIZE_T cb) { return std::malloc(cb); }

void STDAPICALLTYPE CoTaskMemFree(LPVOID pv) { std::free(pv); }

// Kernel32 rather than COM, but the one other Win32 call vssemu makes (it
// names the emulator's temporary folders), so it lives with the others.
DWORD WINAPI GetCurrentProcessId(void) { return static_cast<DWORD>(getpid()); }

}  // extern "C"

namespace winshim {
void StartComProcess() {
  // Security first: a thread that enters COM between the two stores sees
  // the new process with its security not yet set, as a new process would.
  g_security_initialized.store(false);
  g_com_process.fetch_add(1);
}

void SetGuidSeed(uint64_t seed) {
  std::lock_guard<std::mutex> lock(g_guid_mutex);
  g_guid_state = seed;
}
}  // namespace winshim
