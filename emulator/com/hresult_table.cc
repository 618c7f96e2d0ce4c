#include "com/hresult_table.h"

#include <algorithm>
#include <cstdio>

#include <vsserror.h>

namespace vssemu::com {
namespace {

// Sorted by name. The values come from the SDK headers themselves, so the
// table cannot disagree with them.
constexpr HresultInfo kTable[] = {
    {E_INVALIDARG, "E_INVALIDARG", "One of the parameter values is not valid."},
    {E_NOTIMPL, "E_NOTIMPL", "The method is not implemented."},
    {S_OK, "S_OK", "The operation succeeded."},
    {VSS_E_BAD_STATE, "VSS_E_BAD_STATE",
     "The object is not initialized, or the call is out of sequence."},
    {VSS_E_INVALID_XML_DOCUMENT, "VSS_E_INVALID_XML_DOCUMENT",
     "The XML document is not valid."},
};

}  // namespace

std::span<const HresultInfo> AllHresults() { return kTable; }

const HresultInfo* FindHresult(HRESULT hr) {
  for (const HresultInfo& info : kTable) {
    if (info.value == hr) return &info;
  }
  return nullptr;
}

const char* HresultName(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->name : nullptr;
}

const char* HresultMeaning(HRESULT hr) {
  const HresultInfo* info = FindHresult(hr);
  return info != nullptr ? info->meaning : nullptr;
}

std::string HresultToString(HRESULT hr) {
  if (const char* name = HresultName(hr)) return name;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%08X", static_cast<unsigned>(hr));
  return buf;
}

std::optional<HRESULT> HresultFromName(std::string_view name) {
  for (const HresultInfo& info : kTable) {
    if (name == info.name) return info.value;
  }
  return std::nullopt;
}

}  // namespace vssemu::com
