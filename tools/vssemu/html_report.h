// `vssemu run --report DIR` and `--format html`: one self-contained HTML
// page per run (docs/scenarios.md, "HTML report"): its verdict, the
// sequence diagram and the writers' states on virtual time (inline SVG,
// trace/trace_svg.h), every expectation with its source line and whether
// it held, the violations with their spec sections, and the seed and trace
// hash. No script, stylesheet or font is fetched: the page opens offline.
#ifndef VSSEMU_TOOLS_VSSEMU_HTML_REPORT_H_
#define VSSEMU_TOOLS_VSSEMU_HTML_REPORT_H_

#include <cstdint>
#include <string>

#include "scenario/scenario_model.h"
#include "scenario/scenario_runner.h"

namespace vssemu::tools {

// Returns the page of one run of scenario; verdict is the run's verdict
// line.
std::string HtmlReport(const scenario::Scenario& scenario, const scenario::RunResult& run,
                       uint64_t seed, const std::string& verdict);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_HTML_REPORT_H_
