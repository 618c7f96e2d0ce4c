// A move-only callable holder that keeps small callables inside itself:
// the tasks of the scheduler and the steps of an operation. A backup posts
// dozens of them, nearly all lambdas capturing a few pointers, and
// std::function puts every such lambda that is not trivially copyable (one
// holding a shared_ptr, say) on the heap.
//
// Contract: like a move-only std::function. A callable of at most Capacity
// bytes whose move constructor does not throw is stored inline; a larger one
// is stored on the heap. Calling an empty one is undefined.
#ifndef VSSEMU_SIM_INLINE_FUNCTION_H_
#define VSSEMU_SIM_INLINE_FUNCTION_H_

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace vssemu::sim {

// 56 bytes of callable and the operations pointer make one 64-byte cache
// line, and hold the largest step a backup queues (a writer event of the
// snapshot sequence: seven pointers' worth of captures).
template <typename Signature, size_t Capacity = 56>
class InlineFunction;

template <typename R, typename... Args, size_t Capacity>
class InlineFunction<R(Args...), Capacity> {
 public:
  InlineFunction() = default;
  InlineFunction(std::nullptr_t) {}  // NOLINT: as std::function.

  template <typename F, typename Stored = std::decay_t<F>,
            typename = std::enable_if_t<!std::is_same_v<Stored, InlineFunction> &&
                                        std::is_invocable_r_v<R, Stored&, Args...>>>
  InlineFunction(F&& f) {  // NOLINT: implicit, as std::function's is.
    if constexpr (kInline<Stored>) {
      ::new (static_cast<void*>(buffer_)) Stored(std::forward<F>(f));
      ops_ = &kInlineOps<Stored>;
    } else {
      *reinterpret_cast<Stored**>(buffer_) = new Stored(std::forward<F>(f));
      ops_ = &kHeapOps<Stored>;
    }
  }

  InlineFunction(InlineFunction&& other) noexcept { Take(other); }
  InlineFunction& operator=(InlineFunction&& other) noexcept {
    if (this != &other) {
      Reset();
      Take(other);
    }
    return *this;
  }
  InlineFunction(const InlineFunction&) = delete;
  InlineFunction& operator=(const InlineFunction&) = delete;
  ~InlineFunction() { Reset(); }

  explicit operator bool() const { return ops_ != nullptr; }

  R operator()(Args... args) const {
    return ops_->call(buffer_, std::forward<Args>(args)...);
  }

 private:
  struct Ops {
    R (*call)(void* storage, Args... args);
    // Moves the callable from one storage to another, leaving from empty.
    void (*move)(void* from, void* to);
    void (*destroy)(void* storage);
  };

  template <typename F>
  static constexpr bool kInline = sizeof(F) <= Capacity &&
                                  alignof(F) <= alignof(std::max_align_t) &&
                                  std::is_nothrow_move_constructible_v<F>;

  template <typename F>
  static constexpr Ops kInlineOps = {
      [](void* s, Args... args) -> R {
        return (*std::launder(static_cast<F*>(s)))(std::forward<Args>(args)...);
      },
      [](void* from, void* to) {
        F* f = std::launder(static_cast<F*>(from));
        ::new (to) F(std::move(*f));
        f->~F();
      },
      [](void* s) { std::launder(static_cast<F*>(s))->~F(); }};

  template <typename F>
  static constexpr Ops kHeapOps = {
      [](void* s, Args... args) -> R {
        return (**static_cast<F**>(s))(std::forward<Args>(args)...);
      },
      [](void* from, void* to) { *static_cast<F**>(to) = *static_cast<F**>(from); },
      [](void* s) { delete *static_cast<F**>(s); }};

  void Take(InlineFunction& other) {
    if (other.ops_ == nullptr) return;
    other.ops_->move(other.buffer_, buffer_);
    ops_ = other.ops_;
    other.ops_ = nullptr;
  }
  void Reset() {
    if (ops_ != nullptr) ops_->destroy(buffer_);
    ops_ = nullptr;
  }

  alignas(std::max_align_t) mutable unsigned char buffer_[Capacity];
  const Ops* ops_ = nullptr;
};

}  // namespace vssemu::sim

#endif  // VSSEMU_SIM_INLINE_FUNCTION_H_
