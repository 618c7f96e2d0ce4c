#include "vssemu/html_report.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "trace/trace_svg.h"
#include "trace/xml_text.h"

namespace vssemu::tools {
namespace {

constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 24px; color: #222; }
h1 { margin-bottom: 4px; } h2 { margin-top: 28px; }
.requirement { color: #555; margin-top: 0; }
.verdict { font-weight: bold; padding: 8px 12px; border-radius: 4px; display: inline-block; }
.verdict.ok { background: #e3f4e3; color: #1b5e20; } .verdict.failed { background: #fbe3e3; color: #b71c1c; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
tr.held td.result { color: #1b5e20; } tr.failed td.result { color: #b71c1c; font-weight: bold; }
.scroll { overflow-x: auto; border: 1px solid #ddd; padding: 8px; }
svg text { font-size: 12px; font-family: sans-serif; }
svg text.head, svg text.label, svg text.note, svg text.statenote { text-anchor: middle; }
svg rect.head { fill: #eef; stroke: #88a; } svg text.head { font-weight: bold; }
svg line.lifeline { stroke: #bbb; stroke-dasharray: 4 4; }
svg line.message { stroke: #333; } svg line.reply { stroke: #333; stroke-dasharray: 5 3; }
svg rect.state { stroke: #777; } svg rect.note { fill: #fff8dc; stroke: #cc9; }
svg rect.statenote { fill: #e3f2fd; stroke: #90caf9; }
svg rect.violation { fill: #fdd; stroke: #c33; } svg text.violation { fill: #900; }
svg rect.stable { fill: #a5d6a7; } svg rect.waiting { fill: #90caf9; }
svg rect.failed { fill: #ef9a9a; } svg rect.other { fill: #fff59d; }
svg text.time { fill: #666; } svg .axis line { stroke: #555; }
footer { margin-top: 32px; color: #666; font-size: 90%; }
)";

// The lines of file, each trimmed; none when it cannot be read.
std::vector<std::string> SourceLines(const std::string& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string text; std::getline(in, text);) {
    const size_t first = text.find_first_not_of(" \t");
    lines.push_back(first == std::string::npos ? "" : text.substr(first));
  }
  return lines;
}

}  // namespace

std::string HtmlReport(const scenario::Scenario& scenario, const scenario::RunResult& run,
                       uint64_t seed, const std::string& verdict) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                     XmlText("vssemu: " + scenario.name) + "</title>\n<style>" + kStyle +
                     "</style></head>\n<body>\n";
  page += "<h1>" + XmlText(scenario.name) + "</h1>\n";
  page += "<p class=\"requirement\">" + XmlText(scenario.requirement) + " (spec " +
          XmlText(scenario.spec_section) + ")</p>\n";
  page += "<p class=\"verdict " + std::string(run.passed ? "ok" : "failed") + "\">" +
          XmlText(verdict) + "</p>\n";

  page += "<h2>Sequence</h2>\n<div class=\"scroll\">\n" + TraceToSvgSequence(run.trace) +
          "</div>\n";
  page += "<h2>Writer states on virtual time</h2>\n<div class=\"scroll\">\n" +
          TraceToSvgStates(run.trace) + "</div>\n";

  // Expectations: held unless a failure names the expectation's place.
  std::vector<bool> used(run.failures.size(), false);
  const std::vector<std::string> source = SourceLines(scenario.file);
  page += "<h2>Expectations</h2>\n<table class=\"expectations\"><tr><th>Where</th><th>Expectation"
          "</th><th>Result</th></tr>\n";
  for (const scenario::Expectation& x : scenario.expectations) {
    const std::string where = x.where.ToString();
    std::string failure;
    for (size_t i = 0; i < run.failures.size(); ++i) {
      if (run.failures[i].rfind(where + ":", 0) == 0) {
        failure = run.failures[i].substr(where.size() + 1);
        used[i] = true;
        break;
      }
    }
    page += "<tr class=\"expectation " + std::string(failure.empty() ? "held" : "failed") +
            "\"><td>" + XmlText(where) + "</td><td><code>" +
            XmlText(x.where.line >= 1 && static_cast<size_t>(x.where.line) <= source.size()
                        ? source[static_cast<size_t>(x.where.line) - 1]
                        : std::string()) +
            "</code></td><td class=\"result\">" +
            (failure.empty() ? std::string("held") : "FAILED:" + XmlText(failure)) + "</td></tr>\n";
  }
  page += "</table>\n";
  std::string other;
  for (size_t i = 0; i < run.failures.size(); ++i) {
    if (!used[i]) other += "<li>" + XmlText(run.failures[i]) + "</li>\n";
  }
  if (!other.empty()) page += "<h2>Other failures</h2>\n<ul class=\"failures\">\n" + other + "</ul>\n";

  page += "<h2>Violations</h2>\n";
  std::string violations;
  for (const TraceEvent& e : run.trace.events()) {
    if (e.kind != "violation") continue;
    violations += "<tr class=\"violation\"><td><code>" + XmlText(e.Get("rule")) +
                  "</code></td><td>spec " + XmlText(e.Get("section")) + "</td><td>" +
                  XmlText(e.Get("message")) + "</td></tr>\n";
  }
  page += violations.empty()
              ? std::string("<p class=\"violations\">none</p>\n")
              : "<table class=\"violations\"><tr><th>Rule</th><th>docs/protocol.md</th>"
                "<th>What happened</th></tr>\n" +
                    violations + "</table>\n";

  page += "<footer>" + XmlText(scenario.file) + "; seed " + std::to_string(seed) + "; " +
          std::to_string(run.trace.events().size()) + " trace lines; trace hash " + run.trace.HashText() +
          "; vssemu " VSSEMU_VERSION "</footer>\n</body></html>\n";
  return page;
}

}  // namespace vssemu::tools
