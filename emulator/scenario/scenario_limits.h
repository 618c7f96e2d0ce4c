// The limits of the scenario language (docs/scenarios.md, "Limits"): every
// size and count a scenario gives has a most, so that no file, however it
// was made, asks the run for an exabyte or a million writers. Past a limit
// the loader refuses the file at the attribute or element, naming the
// limit. The limits sit far above what the protocol or a test needs, and
// never below what Windows accepts for the same value (a DWORD stays a
// DWORD).
#ifndef VSSEMU_SCENARIO_SCENARIO_LIMITS_H_
#define VSSEMU_SCENARIO_SCENARIO_LIMITS_H_

#include <cstdint>

namespace vssemu::scenario::limits {

// <file bytes="N">: one generated file, and all files of a scenario.
inline constexpr int64_t kFileBytes = int64_t{64} << 20;         // 64 MiB
inline constexpr int64_t kAllFileBytes = int64_t{512} << 20;     // 512 MiB
// <file> elements in a scenario.
inline constexpr int64_t kFiles = 10000;
// Writers of every kind (<writer>, <registered-writer>, <program-writer>).
inline constexpr int64_t kWriters = 64;
// <component> elements of one writer.
inline constexpr int64_t kComponents = 1000;
// <backup> and <restore> steps of the requester.
inline constexpr int64_t kSteps = 100;
// Virtual time a behaviour or fault takes (take-ms): a week.
inline constexpr int64_t kTakeMs = int64_t{7} * 24 * 60 * 60 * 1000;
// A DWORD, as CVssWriter::Initialize and SetBackupSchema take it.
inline constexpr int64_t kDword = 0xFFFFFFFF;
// Repeats and counts: first= (the first N events), the counts an <expect>
// checks (calls, files), a pinned decision's numbers, a backup's number.
inline constexpr int64_t kCount = 1000000;
// A seed: any 63-bit number.
inline constexpr int64_t kSeed = INT64_MAX;
// A FILETIME (modified=, differenced-since=).
inline constexpr int64_t kFileTime = INT64_MAX;

}  // namespace vssemu::scenario::limits

#endif  // VSSEMU_SCENARIO_SCENARIO_LIMITS_H_
