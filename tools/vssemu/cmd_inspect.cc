// vssemu inspect: loads saved Writer Metadata Documents through the public
// CreateVssExamineWriterMetadata and prints them the way the sample requester
// walks them, so a document saved by Windows can be checked against vssemu.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <vsbackup.h>

#include "com/bstr.h"
#include "com/hresult_table.h"
#include "fixtures/samples/sample_requester.h"
#include "vssemu/command_line.h"
#include "vssemu/commands.h"

namespace vssemu::tools {
namespace {

constexpr const char* kDescription =
    "Loads each Writer Metadata Document (as saved by\n"
    "IVssExamineWriterMetadata::SaveAsXML) and prints the writer's identity,\n"
    "restore method, excludes, components and files as a requester sees them.";

// Reads a UTF-8 file into a wide string; false when it cannot be read.
bool ReadUtf8File(const std::string& path, std::wstring* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  // Decode UTF-8 by hand to stay independent of the C library's locale.
  out->clear();
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += 1 + extra;
    if (sizeof(wchar_t) == 2 && cp > 0xFFFF) {
      cp -= 0x10000;
      out->push_back(static_cast<wchar_t>(0xD800 + (cp >> 10)));
      out->push_back(static_cast<wchar_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out->push_back(static_cast<wchar_t>(cp));
    }
  }
  return true;
}

void PrintWide(const std::wstring& text) {
  std::string utf8;
  for (wchar_t wc : text) {
    uint32_t cp = static_cast<uint32_t>(wc);
    if (cp < 0x80) {
      utf8.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      utf8.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      utf8.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      utf8.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      utf8.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      utf8.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  std::fputs(utf8.c_str(), stdout);
}

}  // namespace

int RunInspect(const std::vector<std::string>& given) {
  CLI::App app;
  SetUpCommand(app, "inspect", kDescription,
               "Exit codes: 0 ok, 1 a reader method failed, 2 bad usage, 3 a document\n"
               "could not be read or loaded.");
  std::vector<std::string> args;
  app.add_option("documents", args, "saved Writer Metadata Documents")->required();
  if (std::optional<int> code = ParseCommand(app, given)) return *code;
  int status = kExitOk;
  for (const std::string& path : args) {
    std::wstring xml;
    if (!ReadUtf8File(path, &xml)) {
      std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
      status = kExitInput;
      continue;
    }
    com::Bstr bstr(xml);
    IVssExamineWriterMetadata* metadata = nullptr;
    HRESULT hr = CreateVssExamineWriterMetadata(bstr.get(), &metadata);
    if (FAILED(hr)) {
      std::fprintf(stderr, "%s: not a valid Writer Metadata Document (%s)\n",
                   path.c_str(), com::HresultToString(hr).c_str());
      status = kExitInput;
      continue;
    }
    std::wstring description;
    hr = samples::DescribeWriterMetadata(metadata, &description);
    metadata->Release();
    std::printf("== %s\n", path.c_str());
    PrintWide(description);
    if (FAILED(hr)) {
      std::fprintf(stderr, "%s: reading the metadata failed with %s\n",
                   path.c_str(), com::HresultToString(hr).c_str());
      status = kExitFailure;
    }
  }
  return status;
}

}  // namespace vssemu::tools
