// Reads scenario files (docs/scenarios.md) into the model, strictly.
//
// Contract: an unknown element or attribute, a value of the wrong type, an
// unknown HRESULT or enumeration name, a missing required attribute and a
// reference to an undeclared writer are errors reported as
// file:line:column: message, saying what was found and what was expected.
// A scenario is never half-loaded: the result holds either the whole
// scenario or the first error.
#ifndef VSSEMU_SCENARIO_SCENARIO_LOADER_H_
#define VSSEMU_SCENARIO_SCENARIO_LOADER_H_

#include <optional>
#include <string>
#include <string_view>

#include <vssemu/scenario/scenario_model.h>

namespace vssemu::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;  // Set on success.
  SourceLocation where;              // Of the error.
  std::string message;               // The error, empty on success.

  explicit operator bool() const { return scenario.has_value(); }
  // Formats the error as "file:line:column: message".
  std::string ErrorText() const;
};

// Loads the scenario file at path.
LoadResult LoadScenarioFile(const std::string& path);

// Loads a scenario from text; file names it in messages.
LoadResult LoadScenarioText(std::string_view xml, const std::string& file);

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_LOADER_H_
