// Protocol violations: code under test broke a documented rule. The emulator
// still returns what Windows returns; a violation is reported in addition,
// and the strictness decides whether it fails the test.
#ifndef VSSEMU_VIOLATION_H_
#define VSSEMU_VIOLATION_H_

#include <string>

namespace vssemu {

struct Violation {
  std::string rule;     // A short stable id, e.g. "requester.gather-twice".
  std::string section;  // The protocol spec section, e.g. "2.1".
  std::string message;  // What happened, in a sentence.
  bool fatal = false;   // True under Strictness::kStrict.
};

// Receives violations; fixtures connect it to the test framework.
class ViolationSink {
 public:
  virtual ~ViolationSink() = default;
  // Called once per violation, on the thread that broke the rule.
  virtual void OnViolation(const Violation& violation) = 0;
};

}  // namespace vssemu

#endif  // VSSEMU_VIOLATION_H_
