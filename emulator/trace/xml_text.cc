#include "trace/xml_text.h"

namespace vssemu {

std::string XmlText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: {
        const bool control = static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' &&
                             c != '\r';
        out += control ? ' ' : c;
      }
    }
  }
  return out;
}

}  // namespace vssemu
