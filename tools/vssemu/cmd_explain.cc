// vssemu explain: turns an HRESULT from a log or a failing test into its
// name, its meaning, who raises it and what a requester should do, all from
// the one HRESULT table.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "com/hresult_table.h"
#include "com/win32_error_table.h"
#include "vssemu/command_line.h"
#include "vssemu/commands.h"

namespace vssemu::tools {
namespace {

constexpr const char* kDescription =
    "Prints, for each HRESULT, its name, what it means, who raises it and\n"
    "what a requester should do about it. An HRESULT is given\n"
    "  in hex, with or without 0x          0x800423F2, 800423f2\n"
    "  in decimal, signed or not           -2147212302, 2147754994\n"
    "  by name, in any letter case         VSS_E_WRITERERROR_TIMEOUT,\n"
    "                                      vss_e_writererror_timeout\n"
    "Eight digits without 0x are read as hex, the way event logs write\n"
    "HRESULTs; other numbers without 0x and without a letter a-f are decimal.\n"
    "A Win32 error wrapped by HRESULT_FROM_WIN32 (0x8007xxxx) is decoded,\n"
    "and a Win32 error name (ERROR_SHARING_VIOLATION) gives its HRESULT.";

constexpr const char* kFooter =
    "Exit codes: 0 every code is known, 1 a code is unknown, 2 bad usage\n"
    "(an argument that is neither a number nor a known name, or --list with\n"
    "other arguments).";

bool IsDecimalDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) {
  return IsDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int HexValue(char c) {
  if (IsDecimalDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Parses hex (with or without 0x), signed or unsigned decimal into a 32-bit
// HRESULT; false when the text is no number or does not fit in 32 bits.
bool ParseNumber(std::string_view text, HRESULT* out) {
  const bool has_sign = !text.empty() && (text[0] == '-' || text[0] == '+');
  const bool negative = has_sign && text[0] == '-';
  if (has_sign) text.remove_prefix(1);
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  } else if (!has_sign && std::all_of(text.begin(), text.end(), IsHexDigit) &&
             (text.size() == 8 ||
              !std::all_of(text.begin(), text.end(), IsDecimalDigit))) {
    // Eight digits, as an event log writes an HRESULT (80042301), or a
    // letter a-f, which no decimal number has (800423f2).
    base = 16;
  }
  if (text.empty()) return false;
  uint64_t magnitude = 0;
  for (char c : text) {
    if (base == 16 ? !IsHexDigit(c) : !IsDecimalDigit(c)) return false;
    magnitude = magnitude * static_cast<uint64_t>(base) +
                static_cast<uint64_t>(HexValue(c));
    if (magnitude > UINT32_MAX) return false;
  }
  if (negative) {
    if (magnitude > static_cast<uint64_t>(INT32_MAX) + 1) return false;
    *out = static_cast<HRESULT>(static_cast<uint32_t>(0u - magnitude));
    return true;
  }
  *out = static_cast<HRESULT>(static_cast<uint32_t>(magnitude));
  return true;
}

void PrintEntry(const com::HresultInfo& info) {
  std::printf(
      "0x%08X  %s\n"
      "  meaning:    %s\n"
      "  raised by:  %s\n"
      "  what to do: %s\n",
      static_cast<unsigned>(info.value), info.name, info.meaning,
      info.raised_by, info.requester_action);
}

// A Win32 error in its HRESULT_FROM_WIN32 form.
void PrintWin32(const com::Win32ErrorInfo& e) {
  std::printf(
      "0x%08X  HRESULT_FROM_WIN32(%s)\n"
      "  meaning:    %s\n"
      "  raised by:  a Win32 call (the file system, a service) whose error a\n"
      "              writer, a provider or VSS passed on as an HRESULT\n"
      "  what to do: the same as for the Win32 error %lu in the call that\n"
      "              failed; a writer's own failures are in its event log\n",
      0x80070000u | e.value, e.name, e.meaning, static_cast<unsigned long>(e.value));
}

int PrintList() {
  std::vector<const com::HresultInfo*> entries;
  for (const com::HresultInfo& info : com::AllHresults()) {
    entries.push_back(&info);
  }
  std::sort(entries.begin(), entries.end(),
            [](const com::HresultInfo* a, const com::HresultInfo* b) {
              return static_cast<uint32_t>(a->value) <
                     static_cast<uint32_t>(b->value);
            });
  for (const com::HresultInfo* info : entries) {
    std::printf("0x%08X  %-41s  %s\n", static_cast<unsigned>(info->value),
                info->name, info->meaning);
  }
  return kExitOk;
}

}  // namespace

int RunExplain(const std::vector<std::string>& given) {
  CLI::App app;
  SetUpCommand(app, "explain", kDescription, kFooter);
  bool list = false;
  std::vector<std::string> args;
  app.add_flag("--list", list,
               "print every code vssemu knows, one line each: value, name and meaning, "
               "in order of value");
  app.add_option("codes", args, "HRESULTs: hex, decimal or names");
  // "-2147212302" is a signed decimal HRESULT, not an option: -- keeps
  // every argument that is not one of ours a code.
  std::vector<std::string> arguments;
  bool codes_only = false;
  for (const std::string& a : given) {
    if (!codes_only && a.size() > 1 && a[0] == '-' && IsDecimalDigit(a[1])) {
      arguments.push_back("--");
      codes_only = true;
    }
    arguments.push_back(a);
  }
  if (std::optional<int> code = ParseCommand(app, arguments)) return *code;
  if (list) {
    if (!args.empty()) {
      std::fprintf(stderr, "vssemu explain: --list takes no other arguments\n");
      return kExitUsage;
    }
    return PrintList();
  }
  if (args.empty()) {
    std::fprintf(stderr, "vssemu explain: no HRESULT given\n%s\n", app.help().c_str());
    return kExitUsage;
  }
  int status = kExitOk;
  bool first = true;
  for (const std::string& arg : args) {
    HRESULT hr = 0;
    const com::HresultInfo* info = nullptr;
    const com::Win32ErrorInfo* win32 = nullptr;
    if (ParseNumber(arg, &hr)) {
      info = com::FindHresult(hr);
      if (std::optional<uint32_t> code = com::WrappedWin32Error(hr); code && !info) {
        win32 = com::FindWin32Error(*code);
      }
    } else if (std::optional<HRESULT> named =
                   com::HresultFromNameIgnoringCase(arg)) {
      info = com::FindHresult(*named);
    } else if ((win32 = com::FindWin32ErrorByName(arg)) != nullptr) {
      hr = static_cast<HRESULT>(0x80070000u | win32->value);
    } else if (arg.size() > 1 && arg[0] == '-' && !IsDecimalDigit(arg[1])) {
      std::fprintf(stderr, "vssemu explain: unknown option '%s'\n",
                   arg.c_str());
      status = kExitUsage;
      continue;
    } else {
      std::fprintf(stderr,
                   "vssemu explain: '%s' is neither a number nor a known "
                   "HRESULT name\n",
                   arg.c_str());
      status = kExitUsage;
      continue;
    }
    if (!first) std::printf("\n");
    first = false;
    if (info == nullptr && win32 != nullptr) {
      PrintWin32(*win32);
      continue;
    }
    if (info == nullptr) {
      std::printf("0x%08X  (not a VSS or common COM code vssemu knows)\n",
                  static_cast<unsigned>(hr));
      if (status == kExitOk) status = kExitFailure;
      continue;
    }
    PrintEntry(*info);
  }
  return status;
}

}  // namespace vssemu::tools
