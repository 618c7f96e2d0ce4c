// winshim::RunWideMain of winshim's compat <tchar.h>.
#include "vssemu/winshim/compat/tchar.h"

#include <locale.h>

#include <string>
#include <vector>

namespace winshim {
namespace {

// Widens one argument with the current LC_CTYPE; bytes the locale cannot
// decode are widened one by one, so no argument is ever lost.
std::wstring Widen(const char* arg) {
  std::wstring out;
  mbstate_t state{};
  const char* p = arg;
  const char* end = arg + strlen(arg);
  while (p < end) {
    wchar_t wc = 0;
    size_t n = mbrtowc(&wc, p, static_cast<size_t>(end - p), &state);
    if (n == static_cast<size_t>(-1) || n == static_cast<size_t>(-2)) {
      out.push_back(static_cast<wchar_t>(static_cast<unsigned char>(*p)));
      state = mbstate_t{};
      ++p;
      continue;
    }
    out.push_back(wc);
    p += n == 0 ? 1 : n;
  }
  return out;
}

}  // namespace

int RunWideMain(int argc, char** argv, int (*wide_main)(int, wchar_t**)) {
  // Windows hands wmain UTF-16 whatever the CRT locale is, and the CRT
  // starts in the "C" locale; decode with the environment's, then put the
  // program's own back.
  const char* current = setlocale(LC_CTYPE, nullptr);
  std::string saved = current != nullptr ? current : "C";
  setlocale(LC_CTYPE, "");
  std::vector<std::wstring> wide;
  wide.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) wide.push_back(Widen(argv[i]));
  setlocale(LC_CTYPE, saved.c_str());
  std::vector<wchar_t*> pointers;
  for (std::wstring& w : wide) pointers.push_back(w.data());
  pointers.push_back(nullptr);
  return wide_main(argc, pointers.data());
}

}  // namespace winshim
