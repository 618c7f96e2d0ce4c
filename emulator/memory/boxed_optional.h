// An optional value kept out of line: one pointer, null when absent. A
// Backup Components Document holds a record per component, made by the
// hundred thousand in a large backup, with fifteen optional strings that
// most components never set; as std::optional each costs 40 bytes set or
// not, boxed 8 when unset. It reads like std::optional (has_value, *, ->,
// value_or, reset, emplace, comparisons with values and std::nullopt) and
// converts to and from it, so code written against std::optional keeps
// working. Copies are deep; a moved-from box is empty.
#ifndef VSSEMU_MEMORY_BOXED_OPTIONAL_H_
#define VSSEMU_MEMORY_BOXED_OPTIONAL_H_

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace vssemu::memory {

template <typename T>
class BoxedOptional {
 public:
  BoxedOptional() = default;
  BoxedOptional(std::nullopt_t) {}              // NOLINT: as std::optional.
  BoxedOptional(const std::optional<T>& value)  // NOLINT
      : box_(value ? std::make_unique<T>(*value) : nullptr) {}
  BoxedOptional(std::optional<T>&& value)  // NOLINT
      : box_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  // From anything a T is made of (a T, a string literal, ...).
  template <typename U>
  requires(std::is_constructible_v<T, U&&> &&
           !std::is_same_v<std::remove_cvref_t<U>, BoxedOptional> &&
           !std::is_same_v<std::remove_cvref_t<U>, std::optional<T>> &&
           !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>)
      BoxedOptional(U&& value)  // NOLINT
      : box_(std::make_unique<T>(std::forward<U>(value))) {}

  BoxedOptional(const BoxedOptional& other)
      : box_(other.box_ ? std::make_unique<T>(*other.box_) : nullptr) {}
  BoxedOptional& operator=(const BoxedOptional& other) {
    if (this != &other) Assign(other.box_.get());
    return *this;
  }
  BoxedOptional(BoxedOptional&&) noexcept = default;
  BoxedOptional& operator=(BoxedOptional&&) noexcept = default;
  ~BoxedOptional() = default;

  bool has_value() const { return box_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  // Like std::optional's, these require a value.
  const T& operator*() const { return *box_; }
  T& operator*() { return *box_; }
  const T* operator->() const { return box_.get(); }
  T* operator->() { return box_.get(); }
  const T& value() const {
    if (!box_) throw std::bad_optional_access();
    return *box_;
  }
  template <typename U>
  T value_or(U&& otherwise) const {
    return box_ ? *box_ : static_cast<T>(std::forward<U>(otherwise));
  }
  // Returns the value or a null pointer.
  const T* get() const { return box_.get(); }

  void reset() { box_.reset(); }
  template <typename... Args>
  T& emplace(Args&&... args) {
    box_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *box_;
  }

  operator std::optional<T>() const {  // NOLINT: as std::optional.
    return box_ ? std::optional<T>(*box_) : std::nullopt;
  }

  friend bool operator==(const BoxedOptional& a, const BoxedOptional& b) {
    return a.box_ && b.box_ ? *a.box_ == *b.box_ : a.box_ == b.box_;
  }
  friend bool operator==(const BoxedOptional& a, const std::optional<T>& b) {
    return a.box_ && b ? *a.box_ == *b : a.has_value() == b.has_value();
  }
  friend bool operator==(const BoxedOptional& a, std::nullopt_t) {
    return !a.box_;
  }
  template <typename U>
  requires(!std::is_same_v<std::remove_cvref_t<U>, BoxedOptional> &&
           !std::is_same_v<std::remove_cvref_t<U>, std::optional<T>> &&
           !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>) friend bool
  operator==(const BoxedOptional& a, const U& value) {
    return a.box_ && *a.box_ == value;
  }

 private:
  void Assign(const T* value) {
    if (value == nullptr) {
      box_.reset();
    } else if (box_) {
      *box_ = *value;
    } else {
      box_ = std::make_unique<T>(*value);
    }
  }

  std::unique_ptr<T> box_;
};

}  // namespace vssemu::memory

#endif  // VSSEMU_MEMORY_BOXED_OPTIONAL_H_
