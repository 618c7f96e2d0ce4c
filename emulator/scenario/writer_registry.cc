#include "scenario/writer_registry.h"

#include <map>

namespace vssemu::scenario {
namespace {

// A function-local map: registrations run during static initialization, in
// an order the language does not fix.
std::map<std::string, WriterFactory>& Registry() {
  static std::map<std::string, WriterFactory> registry;
  return registry;
}

}  // namespace

bool RegisterWriterClass(const std::string& name, WriterFactory factory) {
  Registry()[name] = std::move(factory);
  return true;
}

const WriterFactory* FindWriterClass(const std::string& name) {
  auto it = Registry().find(name);
  return it == Registry().end() ? nullptr : &it->second;
}

std::vector<std::string> RegisteredWriterClasses() {
  std::vector<std::string> names;
  for (const auto& entry : Registry()) names.push_back(entry.first);
  return names;
}

}  // namespace vssemu::scenario
