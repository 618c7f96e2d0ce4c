#include "win32/handles.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <variant>

namespace vssemu::win32 {
namespace {

using Object = std::variant<std::unique_ptr<OpenFile>,
                            std::unique_ptr<FileListing>,
                            std::unique_ptr<VolumeListing>>;

// Far from small integers (descriptors, counts) and from NULL, so a value
// mixed up with something else is unlikely to name a handle by chance.
constexpr uintptr_t kFirstHandle = 0x7E510000;

struct Table {
  std::mutex mutex;
  std::map<uintptr_t, Object> objects;
  uintptr_t next = kFirstHandle;
};

Table& TheTable() {
  static Table* table = new Table();  // Never destroyed: handles may
  return *table;                      // outlive static destructors.
}

HANDLE Add(Object object) {
  Table& t = TheTable();
  std::lock_guard<std::mutex> lock(t.mutex);
  const uintptr_t value = t.next;
  t.next += 4;
  t.objects.emplace(value, std::move(object));
  return reinterpret_cast<HANDLE>(value);
}

template <typename T>
T* Find(HANDLE handle) {
  Table& t = TheTable();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.objects.find(reinterpret_cast<uintptr_t>(handle));
  if (it == t.objects.end()) return nullptr;
  auto* held = std::get_if<std::unique_ptr<T>>(&it->second);
  return held != nullptr ? held->get() : nullptr;
}

template <typename T>
std::unique_ptr<T> Take(HANDLE handle) {
  Table& t = TheTable();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.objects.find(reinterpret_cast<uintptr_t>(handle));
  if (it == t.objects.end()) return nullptr;
  auto* held = std::get_if<std::unique_ptr<T>>(&it->second);
  if (held == nullptr) return nullptr;
  std::unique_ptr<T> out = std::move(*held);
  t.objects.erase(it);
  return out;
}

}  // namespace

HANDLE AddHandle(std::unique_ptr<OpenFile> file) {
  return Add(std::move(file));
}
HANDLE AddHandle(std::unique_ptr<FileListing> listing) {
  return Add(std::move(listing));
}
HANDLE AddHandle(std::unique_ptr<VolumeListing> listing) {
  return Add(std::move(listing));
}

OpenFile* FindOpenFile(HANDLE handle) { return Find<OpenFile>(handle); }
FileListing* FindFileListing(HANDLE handle) {
  return Find<FileListing>(handle);
}
VolumeListing* FindVolumeListing(HANDLE handle) {
  return Find<VolumeListing>(handle);
}

std::unique_ptr<OpenFile> TakeOpenFile(HANDLE handle) {
  return Take<OpenFile>(handle);
}
bool CloseFileListing(HANDLE handle) {
  return Take<FileListing>(handle) != nullptr;
}
bool CloseVolumeListing(HANDLE handle) {
  return Take<VolumeListing>(handle) != nullptr;
}

}  // namespace vssemu::win32
