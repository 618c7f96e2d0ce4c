// Reads the numbers a C header declares, from its text, for tests that
// check one header against another or a table against its header: the VSS
// HRESULT macros, the enumerators of typedef'd enums, the IIDs and method
// order of MIDL_INTERFACE declarations, and DEFINE_GUID constants.
//
// Contract: parsing never throws and never stops at the first problem; what
// it cannot read is named in Declarations::errors, so a test that asserts
// errors.empty() notices a header form the scanner does not know. The
// scanner knows only the forms the VSS headers use (ours and MinGW-w64's); it
// is no C preprocessor. No GoogleTest here: callers assert.
#ifndef VSSEMU_TESTS_SUPPORT_HEADER_SCAN_H_
#define VSSEMU_TESTS_SUPPORT_HEADER_SCAN_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <vssemu/win32_base.h>

namespace vssemu::test_support {

// Name -> 32-bit value, as HRESULTs and enumerators are compared.
using ValueMap = std::map<std::string, uint32_t>;
// Interface name -> IID.
using IidMap = std::map<std::string, GUID>;

// What the headers declare, as parsed.
struct Declarations {
  ValueMap hresults;     // #define VSS_[ES]_... ((HRESULT)0x...)
  ValueMap enumerators;  // Every enumerator of every typedef enum { }.
  IidMap iids;           // MIDL_INTERFACE("...") Name, all-zero ones skipped.
  IidMap guids;          // DEFINE_GUID(Name, ...), as MinGW writes them.
  // MIDL_INTERFACE Name -> its own virtual methods, in declaration (vtable)
  // order; inherited ones are not repeated.
  std::map<std::string, std::vector<std::string>> methods;
  std::vector<std::string> errors;  // What could not be parsed.
};

// Returns the whole text of path (empty when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// Returns the source tree root: $VSSEMU_SOURCE_DIR (set by CTest), else the
// directory three levels above this library's source file.
std::filesystem::path SourceDir();

// Parses the given header texts in order, as one translation unit would:
// comments are dropped, backslash-continued lines joined, and an enumerator
// may use the enumerators declared before it, in this or an earlier text.
Declarations ParseHeaders(const std::vector<std::string>& texts);

// Reads dir/name for each of names, in order, and parses them together.
Declarations ParseHeaderFiles(const std::filesystem::path& dir,
                              const std::vector<std::string>& names);

// Joins lines, each on its own indented line, for a failure message.
std::string Lines(const std::vector<std::string>& lines);

}  // namespace vssemu::test_support

#endif  // VSSEMU_TESTS_SUPPORT_HEADER_SCAN_H_
