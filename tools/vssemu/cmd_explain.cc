// vssemu explain: turns an HRESULT from a log or a failing test into its
// name and meaning, from the one HRESULT table.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "com/hresult_table.h"
#include "vssemu/commands.h"

namespace vssemu::tools {
namespace {

constexpr const char* kHelp =
    "usage: vssemu explain <hresult>...\n"
    "\n"
    "Prints the name and meaning of each HRESULT. An HRESULT is given in hex\n"
    "(0x800423F2), in decimal, signed or not (-2147212302, 2147754994), or by\n"
    "name"
    " (VSS_E_WRITERERROR_TIMEOUT).\n"
    "\n"
    "Exit codes: 0 every code is known, 1 a code is unknown, 2 bad usage.\n";

// Parses hex, signed or unsigned decimal; false when the text is no number.
bool ParseNumber(const std::string& text, HRESULT* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 0);
  if (end == nullptr || *end != '\0') return false;
  if (value < INT32_MIN || value > UINT32_MAX) return false;
  *out = static_cast<HRESULT>(static_cast<uint32_t>(value));
  return true;
}

}  // namespace

int RunExplain(const std::vector<std::string>& args) {
  if (int exit_code; HandleHelp(args, kHelp, &exit_code)) return exit_code;
  int status = kExitOk;
  for (const std::string& arg : args) {
    HRESULT hr = 0;
    const com::HresultInfo* info = nullptr;
    if (ParseNumber(arg, &hr)) {
      info = com::FindHresult(hr);
    } else if (std::optional<HRESULT> named = com::HresultFromName(arg)) {
      info = com::FindHresult(*named);
    } else {
      std::fprintf(stderr, "vssemu explain: '%s' is neither a number nor a "
                           "known HRESULT name\n", arg.c_str());
      status = kExitUsage;
      continue;
    }
    if (info == nullptr) {
      std::printf("0x%08X  (not a VSS or common COM code vssemu knows)\n",
                  static_cast<unsigned>(hr));
      status = kExitFailure;
      continue;
    }
    std::printf("0x%08X  %s\n  %s\n", static_cast<unsigned>(info->value),
                info->name, info->meaning);
  }
  return status;
}

}  // namespace vssemu::tools
