// Writer classes from C++ code, registered by name, so that scenario files
// can run a writer author's real class next to scripted writers:
//
//   <registered-writer id="inventory" class="InventoryWriter"/>
//
// Three forms register a class; the writer is started the way the product
// starts it, so no adapter class is needed:
//
//   // A default-constructible class with HRESULT Start() (Initialize and
//   // Subscribe in one).
//   VSSEMU_REGISTER_WRITER(InventoryWriter, InventoryWriter);
//   // A default-constructible class, and the product's own start sequence.
//   VSSEMU_REGISTER_WRITER(SqlWriter, CSqlWriter, [](CSqlWriter& w) {
//     HRESULT hr = w.Initialize();
//     return FAILED(hr) ? hr : w.Subscribe();
//   });
//   // Any construction: a factory returning the started writer.
//   VSSEMU_REGISTER_WRITER_FACTORY(Exchange, [](HRESULT* started) {
//     auto w = std::make_unique<CExchangeWriter>(L"First Storage Group");
//     *started = w->Startup();
//     return w;
//   });
//
// Contract: the class derives from CVssWriter. Registration happens during
// static initialization of the program that links it; registering a name
// again replaces its factory. The factory runs each time a scenario names
// the class, on the scenario's emulator; a factory that returns no writer
// counts as a writer that did not start (E_POINTER).
#ifndef VSSEMU_SCENARIO_WRITER_REGISTRY_H_
#define VSSEMU_SCENARIO_WRITER_REGISTRY_H_

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
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

namespace vssemu::scenario::internal {

// Returns a factory that default-constructs Class and starts it with
// start(Class&), which returns the start sequence's HRESULT.
template <typename Class, typename Start>
WriterFactory MakeWriterFactory(Start start) {
  static_assert(std::is_base_of_v<CVssWriter, Class>,
                "a registered writer class derives from CVssWriter");
  return [start](HRESULT* started) -> std::unique_ptr<CVssWriter> {
    auto writer = std::make_unique<Class>();
    *started = start(*writer);
    return writer;
  };
}

// Returns a factory that default-constructs Class and calls its Start().
template <typename Class>
WriterFactory MakeWriterFactory() {
  static_assert(
      requires(Class& w) { { w.Start() } -> std::convertible_to<HRESULT>; },
      "VSSEMU_REGISTER_WRITER(Name, Class) calls HRESULT Class::Start(); for "
      "another start sequence pass it as a third argument, a callable "
      "HRESULT(Class&), or use VSSEMU_REGISTER_WRITER_FACTORY");
  return MakeWriterFactory<Class>([](Class& w) -> HRESULT { return w.Start(); });
}

}  // namespace vssemu::scenario::internal

// Registers Class under the scenario name Name; an optional third argument
// is the start sequence, a callable HRESULT(Class&) (default: Start()).
#define VSSEMU_REGISTER_WRITER(Name, Class, ...)                         \
  static const bool vssemu_registered_writer_##Name =                    \
      ::vssemu::scenario::RegisterWriterClass(                           \
          #Name, ::vssemu::scenario::internal::MakeWriterFactory<Class>( \
                     __VA_ARGS__))

// Registers a factory, a callable std::unique_ptr<CVssWriter>(HRESULT*
// started) that constructs and starts the writer, under the name Name.
#define VSSEMU_REGISTER_WRITER_FACTORY(Name, ...)      \
  static const bool vssemu_registered_writer_##Name =  \
      ::vssemu::scenario::RegisterWriterClass(         \
          #Name, ::vssemu::scenario::WriterFactory(__VA_ARGS__))

#endif  // VSSEMU_SCENARIO_WRITER_REGISTRY_H_
