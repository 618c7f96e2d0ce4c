// Finding scenario files on the command line: files as given, folders
// searched recursively for *.xml, in a stable (sorted) order.
#ifndef VSSEMU_TOOLS_VSSEMU_SCENARIO_FILES_H_
#define VSSEMU_TOOLS_VSSEMU_SCENARIO_FILES_H_

#include <string>
#include <vector>

namespace vssemu::tools {

// Expands files and folders into scenario files; records unreadable
// arguments in *missing.
std::vector<std::string> FindScenarioFiles(const std::vector<std::string>& args,
                                           std::vector<std::string>* missing);

}  // namespace vssemu::tools

#endif  // VSSEMU_TOOLS_VSSEMU_SCENARIO_FILES_H_
