// InlineFunction behaves as a move-only std::function whether its callable
// fits inside it or not; FunctionRef calls what it refers to.
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>

#include "sim/function_ref.h"
#include "sim/inline_function.h"

namespace vssemu::sim {
namespace {

// Counts the live copies of a callable's captured state.
struct Tracked {
  explicit Tracked(int* live) : live(live) { ++*live; }
  Tracked(Tracked&& other) noexcept : live(other.live) { ++*live; }
  Tracked(const Tracked& other) : live(other.live) { ++*live; }
  ~Tracked() { --*live; }
  int* live;
};

TEST(InlineFunction, CallsSmallAndLargeCallables) {
  auto shared = std::make_shared<int>(20);
  InlineFunction<int(int)> small = [shared](int x) { return *shared + x; };
  std::array<int, 64> big_state{};
  big_state[63] = 100;
  InlineFunction<int(int)> large = [big_state](int x) { return big_state[63] + x; };
  EXPECT_EQ(small(1), 21);
  EXPECT_EQ(large(1), 101);
}

TEST(InlineFunction, MovingKeepsOneLiveCallableAndDestroysIt) {
  int live = 0;
  {
    InlineFunction<int()> a = [t = Tracked(&live)] { return *t.live; };
    EXPECT_EQ(live, 1);
    InlineFunction<int()> b = std::move(a);
    EXPECT_FALSE(static_cast<bool>(a));
    EXPECT_TRUE(static_cast<bool>(b));
    EXPECT_EQ(live, 1);
    EXPECT_EQ(b(), 1);
    InlineFunction<int()> c;
    c = std::move(b);
    EXPECT_EQ(live, 1);
    c = nullptr;
    EXPECT_EQ(live, 0);
  }
  EXPECT_EQ(live, 0);
}

TEST(InlineFunction, HeapStoredCallablesAreFreedToo) {
  int live = 0;
  {
    std::array<char, 200> padding{};
    InlineFunction<size_t()> f = [t = Tracked(&live), padding] { return padding.size(); };
    InlineFunction<size_t()> g = std::move(f);
    EXPECT_EQ(g(), 200u);
    EXPECT_EQ(live, 1);
  }
  EXPECT_EQ(live, 0);
}

TEST(InlineFunction, HoldsAStdFunction) {
  std::string seen;
  std::function<void()> inner = [&seen] { seen += "x"; };
  InlineFunction<void()> f = inner;
  f();
  f();
  EXPECT_EQ(seen, "xx");
}

int Twice(FunctionRef<int(int)> f, int x) { return f(f(x)); }

TEST(FunctionRef, CallsTheCallableItRefersTo) {
  int calls = 0;
  EXPECT_EQ(Twice([&calls](int x) {
              ++calls;
              return x * 3;
            },
            2),
            18);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace vssemu::sim
