// Writer classes from C++ code, registered by name, so that scenario files
// can run a writer author's real class next to scripted writers:
//
//   VSSEMU_REGISTER_WRITER(InventoryWriter, InventoryWriter);
//   <registered-writer id="inventory" class="InventoryWriter"/>
//
// Contract: the class is default-constructible, derives from CVssWriter and
// has `HRESULT Start()` that initializes and subscribes it. Registration
// happens during static initialization of the program that links it.
#ifndef VSSEMU_SCENARIO_WRITER_REGISTRY_H_
#define VSSEMU_SCENARIO_WRITER_REGISTRY_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <vswriter.h>

namespace vssemu::scenario {

// Creates and starts one writer; stores Start()'s result in *started.
using WriterFactory = std::function<std::unique_ptr<CVssWriter>(HRESULT* started)>;

// Registers factory under name; returns true (for static initializers).
bool RegisterWriterClass(const std::string& name, WriterFactory factory);

// Returns the factory registered under name, or NULL.
const WriterFactory* FindWriterClass(const std::string& name);

// Returns the registered names, sorted.
std::vector<std::string> RegisteredWriterClasses();

}  // namespace vssemu::scenario

// Registers Class under the scenario name Name.
#define VSSEMU_REGISTER_WRITER(Name, Class)                               \
  static const bool vssemu_registered_writer_##Name =                     \
      ::vssemu::scenario::RegisterWriterClass(                            \
          #Name, [](HRESULT* started) -> std::unique_ptr<CVssWriter> {    \
            auto writer = std::make_unique<Class>();                      \
            *started = writer->Start();                                   \
            return writer;                                                \
          })

#endif  // VSSEMU_SCENARIO_WRITER_REGISTRY_H_
