// The words scenario files use for enumerations, HRESULTs and knobs, in one
// place, so that the loader, the docs and error messages agree.
#ifndef VSSEMU_SCENARIO_SCENARIO_NAMES_H_
#define VSSEMU_SCENARIO_SCENARIO_NAMES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <vssemu/run_options.h>
#include <vswriter.h>

#include <vssemu/coordinator/provider_steps.h>
#include <vssemu/coordinator/writer_events.h>
#include <vssemu/scenario/scenario_model.h>

namespace vssemu::scenario {

// A list of (word, value) pairs.
template <typename T>
class NameTable {
 public:
  NameTable(std::initializer_list<std::pair<const char*, T>> entries)
      : entries_(entries) {}
  // Returns the value of word (case-sensitive), if any.
  std::optional<T> Find(std::string_view word) const {
    for (const auto& [name, value] : entries_) {
      if (word == name) return value;
    }
    return std::nullopt;
  }
  // Returns the word of value, or "".
  const char* Name(T value) const {
    for (const auto& [name, v] : entries_) {
      if (v == value) return name;
    }
    return "";
  }
  // Lists the words, for error messages.
  std::string List() const {
    std::string list;
    for (const auto& entry : entries_) {
      list += (list.empty() ? "" : ", ") + std::string(entry.first);
    }
    return list;
  }

 private:
  std::vector<std::pair<const char*, T>> entries_;
};

const NameTable<Strictness>& StrictnessNames();
const NameTable<coordinator::ProviderStep>& ProviderStepNames();
const NameTable<VSS_COMPONENT_TYPE>& ComponentTypeNames();
const NameTable<VSS_RESTOREMETHOD_ENUM>& RestoreMethodNames();
const NameTable<VSS_WRITERRESTORE_ENUM>& WriterRestoreNames();
const NameTable<coordinator::WriterEvent>& EventNames();
const NameTable<EventBehaviour::Outcome>& OutcomeNames();
const NameTable<VSS_RESTORE_TARGET>& RestoreTargetNames();
const NameTable<VSS_RESTORE_TYPE>& RestoreTypeNames();
const NameTable<VSS_USAGE_TYPE>& UsageNames();
const NameTable<VSS_SOURCE_TYPE>& SourceNames();
const NameTable<VSS_APPLICATION_LEVEL>& LevelNames();
const NameTable<VSS_BACKUP_TYPE>& BackupTypeNames();
const NameTable<LONG>& ContextNames();
const NameTable<VSS_WRITER_STATE>& WriterStateNames();

// Parses an HRESULT: an SDK name (VSS_E_BAD_STATE) or hex (0x80042301).
std::optional<HRESULT> ParseHresult(std::string_view text);

// Sets the knob called name from its text; false for an unknown knob or a
// value of the wrong type.
bool SetKnob(ProtocolKnobs* knobs, std::string_view name,
             std::string_view value);
// Lists the knob names, for error messages.
std::string KnobList();

// Returns a class id derived from a writer's scenario id, so that
// scenarios need not invent GUIDs and traces stay stable.
GUID StableClassId(std::string_view id);

}  // namespace vssemu::scenario

#endif  // VSSEMU_SCENARIO_SCENARIO_NAMES_H_
