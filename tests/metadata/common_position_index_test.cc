// PositionIndex answers as a scan in order would, for short and long
// vectors, through appends and erasures.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "metadata/position_index.h"

namespace vssemu::metadata {
namespace {

struct Item {
  int key;
  int tag;
};

// Finds the first item with key, through index, returning its tag or -1.
int Find(const PositionIndex& index, const std::vector<std::shared_ptr<Item>>& items,
         int key) {
  // A deliberately poor hash, so that different keys share buckets.
  auto hash = [](int k) { return static_cast<size_t>(k % 7); };
  const size_t at = index.Find(
      items, [&] { return hash(key); }, [&](const Item& i) { return hash(i.key); },
      [&](const Item& i) { return i.key == key; });
  return at == PositionIndex::kNone ? -1 : items[at]->tag;
}

int Scan(const std::vector<std::shared_ptr<Item>>& items, int key) {
  for (const auto& i : items) {
    if (i != nullptr && i->key == key) return i->tag;
  }
  return -1;
}

TEST(PositionIndex, AgreesWithAScanThroughAppendsAndErasures) {
  PositionIndex index;
  std::vector<std::shared_ptr<Item>> items;
  int tag = 0;
  for (int round = 0; round < 200; ++round) {
    // Append, with duplicate keys: the first one in order must win.
    items.push_back(std::make_shared<Item>(Item{round % 37, tag++}));
    if (round % 13 == 5 && items.size() > 3) items.erase(items.begin() + 2);
    if (round % 29 == 7) items.pop_back();
    if (round % 31 == 11 && !items.empty()) {
      items.pop_back();
      items.push_back(std::make_shared<Item>(Item{round % 37, tag++}));
    }
    for (int key = -1; key < 40; ++key) {
      ASSERT_EQ(Find(index, items, key), Scan(items, key))
          << "round " << round << " key " << key << " size " << items.size();
    }
  }
}

TEST(PositionIndex, OneHashForEveryKeyAndAbsentElements) {
  // Every key hashes to the table's last slot: each lookup wraps around
  // the table and walks every entry; null elements are never answers.
  PositionIndex index;
  std::vector<std::shared_ptr<Item>> items;
  auto find = [&](int key) {
    const size_t at = index.Find(
        items, [] { return ~size_t{0}; }, [](const Item&) { return ~size_t{0}; },
        [&](const Item& i) { return i.key == key; });
    return at == PositionIndex::kNone ? -1 : items[at]->tag;
  };
  for (int i = 0; i < 20; ++i) items.push_back(nullptr);
  EXPECT_EQ(find(3), -1);  // Long enough to index, nothing present.
  for (int i = 0; i < 300; ++i) {
    items.push_back(i % 3 == 0 ? nullptr : std::make_shared<Item>(Item{i % 50, i}));
  }
  for (int key = -1; key < 52; ++key) {
    ASSERT_EQ(find(key), Scan(items, key)) << "key " << key;
  }
}

TEST(PositionIndex, EraseCoversTheLastElementErasedAndAppendedAgain) {
  // Erasing the last element and another, then appending a new one and the
  // same last element again, leaves the last element where and as it was:
  // only erasing through the index tells it that the others moved.
  PositionIndex index;
  std::vector<std::shared_ptr<Item>> items;
  for (int i = 0; i < 20; ++i)
    items.push_back(std::make_shared<Item>(Item{i, i}));
  ASSERT_EQ(Find(index, items, 19), 19);
  const std::shared_ptr<Item> last = items.back();
  index.Erase(items, items[5]);
  index.Erase(items, last);
  items.push_back(std::make_shared<Item>(Item{100, 100}));
  items.push_back(last);
  for (int key : {4, 5, 6, 18, 19, 100}) {
    EXPECT_EQ(Find(index, items, key), Scan(items, key)) << "key " << key;
  }
}

TEST(PositionIndex, WorksOnVectorsOfValues) {
  PositionIndex index;
  std::vector<std::string> names;
  for (int i = 0; i < 100; ++i) {
    // Piece by piece: GCC 12 at -O3 misreads "n" + std::string as an
    // overlapping copy (-Wrestrict).
    std::string name = "n";
    name += std::to_string(i % 50);
    names.push_back(name);
  }
  auto find = [&](const std::string& name) {
    return index.Find(
        names, [&] { return std::hash<std::string>()(name); },
        [](const std::string& s) { return std::hash<std::string>()(s); },
        [&](const std::string& s) { return s == name; });
  };
  EXPECT_EQ(find("n7"), 7u);
  EXPECT_EQ(find("n49"), 49u);
  EXPECT_EQ(find("absent"), PositionIndex::kNone);
  names.erase(names.begin());  // "n0" now only at 49.
  EXPECT_EQ(find("n0"), 49u);
  // The last element replaced by another at the same address.
  names.pop_back();
  names.push_back("replacement");
  EXPECT_EQ(find("replacement"), names.size() - 1);
  EXPECT_EQ(find("n49"), 48u);  // Its first place; the second was popped.
}

}  // namespace
}  // namespace vssemu::metadata
