#include "metadata/wmd_component_view.h"

#include <vssemu/memory/block_cache.h>
#include <vssemu/memory/single_threaded.h>

#include <algorithm>
#include <atomic>
#include <new>
#include <string_view>
#include <thread>
#include <vector>

#include "com/bstr.h"
#include "metadata/filedesc.h"

namespace vssemu::metadata {
namespace {

// Every VSS_COMPONENTINFO handed out and not yet freed. Process-wide rather
// than per view, because a requester may free an info through another view
// of the same component (or after re-fetching the component).
class InfoRegistry {
  // A spin lock rather than a mutex: it is held for a few instructions,
  // twice per component a requester examines, and is almost never
  // contended; a mutex cost more than the rest of the bookkeeping. Not
  // taken at all while the process has one thread
  // (memory/single_threaded.h).
  class Lock {
   public:
    explicit Lock(std::atomic_flag& flag)
        : flag_(flag), held_(!memory::SingleThreaded()) {
      while (held_ && flag_.test_and_set(std::memory_order_acquire)) {
        std::this_thread::yield();
      }
    }
    ~Lock() {
      if (held_) flag_.clear(std::memory_order_release);
    }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

   private:
    std::atomic_flag& flag_;
    const bool held_;
  };

 public:
  static InfoRegistry& Get() {
    static InfoRegistry* registry = new InfoRegistry;  // Never destroyed.
    return *registry;
  }
  void Add(const VSS_COMPONENTINFO* info) {
    const Lock lock(busy_);
    infos_.push_back(info);
  }
  // Forgets info; false if it was never handed out (or already freed).
  bool Remove(const VSS_COMPONENTINFO* info) {
    const Lock lock(busy_);
    // Searched from the newest: requesters free an info soon after getting
    // it, so the one freed is nearly always among the last handed out.
    for (size_t i = infos_.size(); i-- > 0;) {
      if (infos_[i] == info) {
        infos_[i] = infos_.back();
        infos_.pop_back();
        return true;
      }
    }
    return false;
  }
  long Count() {
    const Lock lock(busy_);
    return static_cast<long>(infos_.size());
  }

 private:
  std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
  // The infos handed out and not yet freed; a vector, as there are few at a
  // time, so that handing one out allocates nothing.
  std::vector<const VSS_COMPONENTINFO*> infos_;
};

// Allocates a BSTR copy; *ok turns false when the allocation fails.
BSTR AllocText(std::wstring_view text, bool* ok) {
  BSTR b = SysAllocStringLen(text.data(), static_cast<UINT>(text.size()));
  if (b == nullptr) *ok = false;
  return b;
}

// Allocates a BSTR copy, NULL for "no value".
BSTR AllocOptional(const std::optional<std::wstring>& text, bool* ok) {
  return text ? AllocText(*text, ok) : nullptr;
}

// Root logical paths are NULL, as Windows reports them: the path, or NULL
// for the root.
const std::wstring* LogicalPathValue(const std::wstring& path) {
  return path.empty() ? nullptr : &path;
}

void DestroyInfo(VSS_COMPONENTINFO* info) {
  SysFreeString(info->bstrLogicalPath);
  SysFreeString(info->bstrComponentName);
  SysFreeString(info->bstrCaption);
  delete[] info->pbIcon;
  memory::Free(info, sizeof(VSS_COMPONENTINFO));
}

}  // namespace

HRESULT WmComponentView::GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) {
  if (ppInfo == nullptr) return E_INVALIDARG;
  *ppInfo = nullptr;
  const Component& c = *component_;
  // From the block cache (memory/block_cache.h): requesters get and free
  // an info per component.
  void* block = memory::Allocate(sizeof(VSS_COMPONENTINFO));
  if (block == nullptr) return E_OUTOFMEMORY;
  auto* info = new (block) VSS_COMPONENTINFO{};
  bool ok = true;
  info->type = c.type;
  const std::wstring* path = LogicalPathValue(c.logical_path);
  info->bstrLogicalPath = path != nullptr ? AllocText(*path, &ok) : nullptr;
  info->bstrComponentName = AllocText(c.name, &ok);
  info->bstrCaption = AllocOptional(c.caption, &ok);
  if (!c.icon.empty()) {
    info->pbIcon = new BYTE[c.icon.size()];
    std::copy(c.icon.begin(), c.icon.end(), info->pbIcon);
    info->cbIcon = static_cast<UINT>(c.icon.size());
  }
  info->bRestoreMetadata = c.restore_metadata;
  info->bNotifyOnBackupComplete = c.notify_on_backup_complete;
  info->bSelectable = c.selectable;
  info->bSelectableForRestore = c.selectable_for_restore;
  info->dwComponentFlags = c.component_flags;
  info->cFileCount = static_cast<UINT>(c.files.size());
  info->cDatabases = static_cast<UINT>(c.database_files.size());
  info->cLogFiles = static_cast<UINT>(c.database_log_files.size());
  info->cDependencies = static_cast<UINT>(c.dependencies.size());
  if (!ok) {
    DestroyInfo(info);
    return E_OUTOFMEMORY;
  }
  InfoRegistry::Get().Add(info);
  *ppInfo = info;
  return S_OK;
}

HRESULT WmComponentView::FreeComponentInfo(PVSSCOMPONENTINFO pInfo) {
  if (pInfo == nullptr || !InfoRegistry::Get().Remove(pInfo)) {
    return E_INVALIDARG;
  }
  // The info was allocated non-const by GetComponentInfo; PVSSCOMPONENTINFO
  // is const only to stop requesters from editing it.
  DestroyInfo(const_cast<VSS_COMPONENTINFO*>(pInfo));
  return S_OK;
}

HRESULT WmComponentView::GetFile(UINT iFile, IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(component_->files, iFile, ppFiledesc,
                               VSS_E_OBJECT_NOT_FOUND);
}

HRESULT WmComponentView::GetDatabaseFile(UINT iDBFile,
                                         IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(component_->database_files, iDBFile, ppFiledesc,
                               VSS_E_OBJECT_NOT_FOUND);
}

HRESULT WmComponentView::GetDatabaseLogFile(UINT iDbLogFile,
                                            IVssWMFiledesc** ppFiledesc) {
  return ReturnIndexedFiledesc(component_->database_log_files, iDbLogFile,
                               ppFiledesc, VSS_E_OBJECT_NOT_FOUND);
}

HRESULT WmComponentView::GetDependency(UINT iDependency,
                                       IVssWMDependency** ppDependency) {
  if (ppDependency == nullptr) return E_INVALIDARG;
  *ppDependency = nullptr;
  if (iDependency >= component_->dependencies.size()) {
    return VSS_E_OBJECT_NOT_FOUND;
  }
  *ppDependency = com::MakeComObject<WmDependencyView>(
                      component_->dependencies[iDependency])
                      .detach();
  return S_OK;
}

HRESULT WmDependencyView::GetWriterId(VSS_ID* pWriterId) {
  if (pWriterId == nullptr) return E_INVALIDARG;
  *pWriterId = dependency_.writer_id;
  return S_OK;
}

HRESULT WmDependencyView::GetLogicalPath(BSTR* pbstrLogicalPath) {
  const std::wstring* path = LogicalPathValue(dependency_.logical_path);
  return com::ReturnOptionalBstr(
      path != nullptr ? std::optional<std::wstring>(*path) : std::nullopt,
      pbstrLogicalPath);
}

HRESULT WmDependencyView::GetComponentName(BSTR* pbstrComponentName) {
  return com::ReturnBstr(dependency_.component_name, pbstrComponentName);
}

long LiveComponentInfoCount() { return InfoRegistry::Get().Count(); }

HRESULT ReturnIndexedFiledesc(const std::vector<FileSpec>& list, UINT index,
                              IVssWMFiledesc** out, HRESULT not_found) {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  if (index >= list.size()) return not_found;
  return ReturnFiledesc(list[index], out);
}

}  // namespace vssemu::metadata
