// The one table of HRESULTs vssemu knows: every VSS code of vsserror.h and
// the common COM codes, with the name of each and three one-line texts: what
// it means, who raises it, and what a requester should do about it. The
// trace, the violation reports and `vssemu explain` read them from here.
#ifndef VSSEMU_COM_HRESULT_TABLE_H_
#define VSSEMU_COM_HRESULT_TABLE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <vssemu/win32_base.h>

namespace vssemu::com {

// Every text is one line of plain English, never empty.
struct HresultInfo {
  HRESULT value;
  const char* name;     // The SDK's macro name, e.g. "VSS_E_BAD_STATE".
  const char* meaning;  // What went wrong (or right).
  // Who returns or reports the code: a writer (SetWriterFailure), the VSS
  // service, a provider, the COM runtime, and at which calls.
  const char* raised_by;
  // What a requester should do when it sees the code: fix the call, retry
  // (and how), or give up.
  const char* requester_action;
  // The length of name: trace lines carry the name of every call's result.
  size_t name_size = 0;
};

// Returns every known HRESULT, in ascending order of name.
std::span<const HresultInfo> AllHresults();

// Returns the entry for hr, or nullptr when hr is not in the table.
const HresultInfo* FindHresult(HRESULT hr);

// Returns the SDK name of hr, or nullptr when hr is not in the table.
const char* HresultName(HRESULT hr);

// Returns the one-line meaning of hr, or nullptr when hr is not in the table.
const char* HresultMeaning(HRESULT hr);

// The name of hr, or "0x%08X" when it is not in the table, held without
// allocating (the trace writes one for every call and callback).
class HresultText {
 public:
  explicit HresultText(HRESULT hr) {
    // S_OK, the result of nearly every traced call, without a lookup.
    if (hr == S_OK) {
      name_ = "S_OK";
      name_size_ = 4;
    } else {
      Look(hr);
    }
  }
  std::string_view view() const {
    return name_ != nullptr ? std::string_view(name_, name_size_)
                            : std::string_view(hex_, 10);
  }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }

 private:
  // Sets the name of hr from the table, or its hexadecimal form.
  void Look(HRESULT hr);

  const char* name_ = nullptr;
  size_t name_size_ = 0;
  char hex_[10];  // Set by Look when hr has no name.
};

// Returns the name of hr, or "0x%08X" when it is not in the table.
std::string HresultToString(HRESULT hr);

// Looks an HRESULT up by its SDK name (exact, case-sensitive).
std::optional<HRESULT> HresultFromName(std::string_view name);

// Looks an HRESULT up by its SDK name in any letter case ("vss_e_bad_state").
std::optional<HRESULT> HresultFromNameIgnoringCase(std::string_view name);

}  // namespace vssemu::com

#endif  // VSSEMU_COM_HRESULT_TABLE_H_
