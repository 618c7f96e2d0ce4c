// A non-owning reference to a callable, for parameters that are called
// during the call and never kept: unlike std::function it never allocates
// (a writer callback is dispatched through one for every event).
//
// Contract: the callable referred to must outlive every call through the
// reference; a lambda passed as an argument lives until the end of the full
// expression, which covers the call it is passed to.
#ifndef VSSEMU_SIM_FUNCTION_REF_H_
#define VSSEMU_SIM_FUNCTION_REF_H_

#include <memory>
#include <type_traits>
#include <utility>

namespace vssemu::sim {

template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F,
            typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f)  // NOLINT: implicit, as std::function's is.
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(object))(
              std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const {
    return call_(object_, std::forward<Args>(args)...);
  }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_FUNCTION_REF_H_
