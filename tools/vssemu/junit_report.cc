#include "vssemu/junit_report.h"

#include <cstdio>
#include <fstream>

#include "trace/xml_text.h"

namespace vssemu::tools {
namespace {

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f", seconds < 0 ? 0.0 : seconds);
  return text;
}

}  // namespace

std::string JunitClassName(const std::string& file) {
  std::string name = file;
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0) name.resize(name.size() - 4);
  for (char& c : name) {
    if (c == '.' || c == '\\') c = '_';
  }
  return name;
}

bool WriteJunit(const std::string& path, const std::vector<ScenarioOutcome>& outcomes) {
  std::ofstream out(path);
  if (!out) return false;
  size_t failures = 0, errors = 0, skipped = 0;
  double total = 0;
  for (const ScenarioOutcome& o : outcomes) {
    if (!o.loaded) ++errors;
    else if (o.skipped) ++skipped;
    else if (!o.passed) ++failures;
    total += o.seconds;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"vssemu scenarios\" tests=\"" << outcomes.size() << "\" failures=\""
      << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\""
      << Seconds(total) << "\">\n";
  for (const ScenarioOutcome& o : outcomes) {
    const std::string name = XmlText(o.name.empty() ? o.file : o.name);
    const std::string time = Seconds(o.seconds);
    out << "  <testsuite name=\"" << name << "\" tests=\"1\" failures=\""
        << (o.loaded && !o.skipped && !o.passed ? 1 : 0) << "\" errors=\"" << (o.loaded ? 0 : 1)
        << "\" skipped=\"" << (o.skipped ? 1 : 0) << "\" time=\"" << time << "\">\n"
        << "    <properties>\n"
        << "      <property name=\"vssemu_seed\" value=\"" << o.seed << "\"/>\n"
        << "      <property name=\"vssemu_file\" value=\"" << XmlText(o.file) << "\"/>\n"
        << "    </properties>\n"
        << "    <testcase classname=\"" << XmlText(JunitClassName(o.file)) << "\" name=\"" << name
        << "\" time=\"" << time << "\">\n";
    std::string text;
    for (const std::string& m : o.messages) text += m + "\n";
    if (!o.loaded) {
      out << "      <error message=\"load error\" type=\"load\">" << XmlText(text) << "</error>\n";
    } else if (o.skipped) {
      out << "      <skipped message=\"" << XmlText(text) << "\"/>\n";
    } else if (!o.passed) {
      out << "      <failure message=\""
          << XmlText(o.messages.empty() ? std::string("the run failed") : o.messages.front())
          << "\" type=\"expectation\">" << XmlText(text) << "</failure>\n"
          << "      <system-out>" << XmlText(text + "seed " + std::to_string(o.seed) +
                                                "\n--- the trace's last lines ---\n" +
                                                o.trace_tail)
          << "</system-out>\n";
    }
    out << "    </testcase>\n  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return static_cast<bool>(out);
}

}  // namespace vssemu::tools
