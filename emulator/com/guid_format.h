// GUID to text and back, in the forms VSS uses: braced upper case
// ({XXXXXXXX-...}, as StringFromGUID2 writes) and bare lower case (as saved
// metadata documents and the trace write).
#ifndef VSSEMU_COM_GUID_FORMAT_H_
#define VSSEMU_COM_GUID_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

#include <vssemu/win32_base.h>

namespace vssemu::com {

enum class GuidStyle {
  kBareLower,    // 5affb034-969f-4919-8875-88f830d0ef89
  kBracedUpper,  // {5AFFB034-969F-4919-8875-88F830D0EF89}
};

// A GUID formatted into a buffer of its own: no allocation, for the trace
// fields and names made of GUIDs on every backup.
class GuidText {
 public:
  explicit GuidText(const GUID& g, GuidStyle style = GuidStyle::kBareLower);
  std::string_view view() const { return {text_, size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: a view.
  std::string str() const { return std::string(view()); }

 private:
  char text_[38];
  size_t size_;
};

// Formats g in the given style.
std::string FormatGuid(const GUID& g, GuidStyle style = GuidStyle::kBareLower);
// Formats g as a wide string in the given style.
std::wstring FormatGuidW(const GUID& g,
                         GuidStyle style = GuidStyle::kBareLower);

// Parses a GUID with or without braces, in any letter case.
std::optional<GUID> ParseGuid(std::string_view text);
// Parses a GUID with or without braces, in any letter case.
std::optional<GUID> ParseGuid(std::wstring_view text);

}  // namespace vssemu::com

#endif  // VSSEMU_COM_GUID_FORMAT_H_
