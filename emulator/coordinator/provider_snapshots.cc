#include "coordinator/provider_snapshots.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <utility>

#include "com/com_object.h"

namespace vssemu::coordinator {
namespace {

VSS_PWSZ TaskMemCopy(const std::wstring& text) {
  size_t bytes = (text.size() + 1) * sizeof(WCHAR);
  auto* copy = static_cast<VSS_PWSZ>(CoTaskMemAlloc(bytes));
  if (copy != nullptr) std::memcpy(copy, text.c_str(), bytes);
  return copy;
}

using Records = std::vector<SnapshotRecord>;

// IVssEnumObject over a shared, immutable list of records; clones share the
// list and copy only the cursor, as COM enumerators conventionally do.
class SnapshotEnum : public com::ComObject<SnapshotEnum, IVssEnumObject> {
 public:
  using Queryable = com::InterfaceList<IVssEnumObject>;

  SnapshotEnum(std::shared_ptr<const Records> records, size_t next)
      : records_(std::move(records)), next_(next) {}

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_OBJECT_PROP* rgelt,
                                 ULONG* pceltFetched) override {
    // The page requires rgelt; COM convention lets pceltFetched be NULL
    // only when one element is asked for.
    if (rgelt == nullptr || (pceltFetched == nullptr && celt != 1)) {
      return E_POINTER;
    }
    if (pceltFetched != nullptr) *pceltFetched = 0;
    ULONG fetched = 0;
    while (fetched < celt && next_ < records_->size()) {
      VSS_OBJECT_PROP& out = rgelt[fetched];
      std::memset(&out, 0, sizeof(out));
      out.Type = VSS_OBJECT_SNAPSHOT;
      HRESULT hr = CopySnapshotProp((*records_)[next_], &out.Obj.Snap);
      if (FAILED(hr)) {
        // Hand back nothing rather than a half-filled array the caller
        // would not know to free.
        FreeFetched(rgelt, fetched);
        return hr;
      }
      ++fetched;
      ++next_;
    }
    if (pceltFetched != nullptr) *pceltFetched = fetched;
    return fetched == celt ? S_OK : S_FALSE;
  }

  HRESULT STDMETHODCALLTYPE Skip(ULONG celt) override {
    size_t left = records_->size() - next_;
    size_t skipped = std::min<size_t>(celt, left);
    next_ += skipped;
    return skipped == celt ? S_OK : S_FALSE;
  }

  HRESULT STDMETHODCALLTYPE Reset() override {
    next_ = 0;
    return S_OK;
  }

  HRESULT STDMETHODCALLTYPE Clone(IVssEnumObject** ppenum) override {
    if (ppenum == nullptr) return E_POINTER;
    *ppenum = com::MakeComObject<SnapshotEnum>(records_, next_).detach();
    return S_OK;
  }

 private:
  void FreeFetched(VSS_OBJECT_PROP* rgelt, ULONG count) {
    for (ULONG i = 0; i < count; ++i) {
      VSS_SNAPSHOT_PROP& snap = rgelt[i].Obj.Snap;
      std::array<VSS_PWSZ*, 6> strings = {
          &snap.m_pwszSnapshotDeviceObject, &snap.m_pwszOriginalVolumeName,
          &snap.m_pwszOriginatingMachine,   &snap.m_pwszServiceMachine,
          &snap.m_pwszExposedName,          &snap.m_pwszExposedPath};
      for (VSS_PWSZ* s : strings) {
        CoTaskMemFree(*s);
        *s = nullptr;
      }
    }
    next_ -= count;
  }

  std::shared_ptr<const Records> records_;
  size_t next_;
};

}  // namespace

VSS_TIMESTAMP TimestampFromVirtualTime(sim::TimePoint t) {
  // Virtual time counts microseconds; a FILETIME tick is 100 ns.
  return kVirtualEpochTimestamp + t.since_start.count() * 10;
}

HRESULT CopySnapshotProp(const SnapshotRecord& record,
                         VSS_SNAPSHOT_PROP* prop) {
  if (prop == nullptr) return E_INVALIDARG;
  VSS_PWSZ device = TaskMemCopy(record.device_object);
  VSS_PWSZ volume = TaskMemCopy(record.original_volume_name);
  VSS_PWSZ originating = TaskMemCopy(record.originating_machine);
  VSS_PWSZ service = TaskMemCopy(record.service_machine);
  if (device == nullptr || volume == nullptr || originating == nullptr ||
      service == nullptr) {
    CoTaskMemFree(device);
    CoTaskMemFree(volume);
    CoTaskMemFree(originating);
    CoTaskMemFree(service);
    return E_OUTOFMEMORY;
  }
  prop->m_SnapshotId = record.snapshot_id;
  prop->m_SnapshotSetId = record.set_id;
  prop->m_lSnapshotsCount = record.snapshots_count;
  prop->m_pwszSnapshotDeviceObject = device;
  prop->m_pwszOriginalVolumeName = volume;
  prop->m_pwszOriginatingMachine = originating;
  prop->m_pwszServiceMachine = service;
  prop->m_pwszExposedName = nullptr;
  prop->m_pwszExposedPath = nullptr;
  prop->m_ProviderId = record.provider_id;
  prop->m_lSnapshotAttributes = record.attributes;
  prop->m_tsCreationTimestamp = record.creation_timestamp;
  prop->m_eStatus = record.state;
  return S_OK;
}

HRESULT MakeSnapshotEnum(std::vector<SnapshotRecord> records,
                         IVssEnumObject** out) {
  if (out == nullptr) return E_INVALIDARG;
  auto shared = std::make_shared<const Records>(std::move(records));
  *out = com::MakeComObject<SnapshotEnum>(std::move(shared), 0).detach();
  return S_OK;
}

}  // namespace vssemu::coordinator
