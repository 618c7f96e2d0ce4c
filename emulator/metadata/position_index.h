// A hash index of the positions of the elements of a vector that its owner
// appends to and, rarely, erases from: the components a writer declares, and
// the writer entries and components of a Backup Components Document. Writers
// declare and requesters add and report components one at a time, and each
// call looks its component up, so without an index N components take N^2.
//
// Contract: Find answers exactly as a scan of the vector in order would, as
// long as elements join only at the end and leave by erasure, never by
// replacement in place, and an element's key does not change while it is
// in the vector. The index notices appends, and erasures that leave the
// last element it indexed elsewhere or gone, and re-reads the vector. One
// erasure it cannot see: the last element erased (or a middle one) and the
// same last element appended again, which leaves it where and as it was.
// An owner therefore erases through Erase.
// Vectors shorter than kIndexFrom are scanned, which is faster there and
// costs no memory.
//
// The index is one open-addressed table of (hash, position) slots, at most
// half full: a backup of a thousand writers looks up a hundred thousand
// components, and a table of nodes would be as many allocations and as
// many cache misses more.
#ifndef VSSEMU_METADATA_POSITION_INDEX_H_
#define VSSEMU_METADATA_POSITION_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace vssemu::metadata {

class PositionIndex {
 public:
  static constexpr size_t kIndexFrom = 16;
  static constexpr size_t kNone = std::numeric_limits<size_t>::max();

  // Returns the position of the first element of items that matches, or
  // kNone. query_hash() is the hash of the key looked for; key_hash(element)
  // the hash of an element's key; match(element) whether it is the one.
  template <typename Item, typename QueryHash, typename KeyHash, typename Match>
  size_t Find(const std::vector<Item>& items, QueryHash query_hash,
              KeyHash key_hash, Match match) const {
    if (items.size() < kIndexFrom) {
      for (size_t i = 0; i < items.size(); ++i) {
        if (Present(items[i]) && match(Get(items[i]))) return i;
      }
      return kNone;
    }
    Sync(items, key_hash);
    if (slots_.empty()) return kNone;  // No element present.
    // Every slot of this hash lies between its home slot and the next empty
    // one; the first in the vector's order is the answer.
    const size_t hash = query_hash();
    size_t best = kNone;
    for (size_t i = hash & mask(); slots_[i].position != kEmpty;
         i = (i + 1) & mask()) {
      const size_t at = slots_[i].position;
      if (slots_[i].hash == static_cast<uint32_t>(hash) && at < best &&
          Present(items[at]) && match(Get(items[at]))) {
        best = at;
      }
    }
    return best;
  }

  // Erases every element equal to item from items, and tells the index,
  // which re-reads items at the next Find.
  template <typename Item>
  void Erase(std::vector<Item>& items, const Item& item) {
    // A copy: item may be a reference to an element erased.
    const Item doomed = item;
    std::erase(items, doomed);
    Forget();
  }

 private:
  // Tells the index that elements were erased: the next Find re-reads.
  void Forget() {
    indexed_ = 0;
    last_ = nullptr;
    last_alive_.reset();
  }

  template <typename T>
  static bool Present(const std::shared_ptr<T>& item) { return item != nullptr; }
  template <typename T>
  static bool Present(const T&) { return true; }
  template <typename T>
  static const T& Get(const std::shared_ptr<T>& item) { return *item; }
  template <typename T>
  static const T& Get(const T& item) { return item; }

  template <typename Item, typename KeyHash>
  void Sync(const std::vector<Item>& items, KeyHash key_hash) const {
    // Appended to only: the last element indexed is still there, at its
    // place and with its key; index the new tail. Anything else: re-read
    // all. (The last element indexed is kept alive when shared, so that no
    // new element can take its address, and its key cannot have changed:
    // only an element held by value needs its key hashed again.)
    const bool appended =
        indexed_ <= items.size() &&
        (indexed_ == 0 ||
         (Present(items[indexed_ - 1]) && Address(items[indexed_ - 1]) == last_ &&
          (IsShared(items[indexed_ - 1]) ||
           key_hash(Get(items[indexed_ - 1])) == last_hash_)));
    if (appended && indexed_ == items.size()) return;  // Nothing new.
    if (!appended) {
      slots_.assign(slots_.size(), Slot{});
      filled_ = 0;
      indexed_ = 0;
    }
    for (; indexed_ < items.size(); ++indexed_) {
      if (Present(items[indexed_])) {
        Insert(key_hash(Get(items[indexed_])), indexed_);
      }
    }
    last_ = nullptr;
    last_alive_.reset();
    if (indexed_ > 0 && Present(items[indexed_ - 1])) {
      last_ = Address(items[indexed_ - 1]);
      last_alive_ = KeepAlive(items[indexed_ - 1]);
      last_hash_ = key_hash(Get(items[indexed_ - 1]));
    }
  }
  template <typename T>
  static constexpr bool IsShared(const std::shared_ptr<T>&) { return true; }
  template <typename T>
  static constexpr bool IsShared(const T&) { return false; }
  template <typename T>
  static const void* Address(const std::shared_ptr<T>& item) { return item.get(); }
  template <typename T>
  static const void* Address(const T& item) { return &item; }
  template <typename T>
  static std::shared_ptr<const void> KeepAlive(const std::shared_ptr<T>& item) {
    return item;
  }
  template <typename T>
  static std::shared_ptr<const void> KeepAlive(const T&) { return nullptr; }

  // A position in the vector and the low bits of its key's hash (which
  // only spare most calls of match: equal bits prove nothing).
  struct Slot {
    uint32_t hash = 0;
    uint32_t position = kEmpty;
  };
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  size_t mask() const { return slots_.size() - 1; }
  void Insert(size_t hash, size_t position) const {
    if (2 * (filled_ + 1) > slots_.size()) {
      // Twice as many slots; every position is placed again.
      std::vector<Slot> old(std::max<size_t>(2 * kIndexFrom, 2 * slots_.size()));
      old.swap(slots_);
      filled_ = 0;
      for (const Slot& slot : old) {
        if (slot.position != kEmpty) Place(slot.hash, slot.position);
      }
    }
    Place(hash, position);
  }
  // Puts a position in the first empty slot from hash's home slot (the
  // table has one).
  void Place(size_t hash, size_t position) const {
    size_t i = hash & mask();
    while (slots_[i].position != kEmpty) i = (i + 1) & mask();
    slots_[i] = Slot{static_cast<uint32_t>(hash), static_cast<uint32_t>(position)};
    ++filled_;
  }

  mutable std::vector<Slot> slots_;  // A power of two of them, or none.
  mutable size_t filled_ = 0;
  mutable size_t indexed_ = 0;
  mutable const void* last_ = nullptr;
  mutable std::shared_ptr<const void> last_alive_;
  mutable size_t last_hash_ = 0;
};

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_POSITION_INDEX_H_
