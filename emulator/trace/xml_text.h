// Text for XML and HTML documents that vssemu writes (the SVG drawings of a
// trace, the HTML report, the JUnit report): <, >, & and " as entities
// (attribute values are always in double quotes), and control characters other than tab and line ends (which
// XML 1.0 cannot hold) as spaces.
#ifndef VSSEMU_TRACE_XML_TEXT_H_
#define VSSEMU_TRACE_XML_TEXT_H_

#include <string>
#include <string_view>

namespace vssemu {

// Escapes text for XML and HTML content and attribute values.
std::string XmlText(std::string_view text);

}  // namespace vssemu

#endif  // VSSEMU_TRACE_XML_TEXT_H_
