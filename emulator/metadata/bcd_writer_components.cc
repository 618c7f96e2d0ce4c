// Per-writer BCD views (see bcd_writer_components.h).
#include "metadata/bcd_writer_components.h"

#include <utility>

#include "metadata/bcd_component.h"

namespace vssemu::metadata {
namespace {

// The three methods are the same for both views; only the access differs.
HRESULT CountComponents(const BcdWriterComponents& writer, UINT* out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = static_cast<UINT>(writer.components.size());
  return S_OK;
}

HRESULT WriterInfo(const BcdWriterComponents& writer, VSS_ID* instance,
                   VSS_ID* writer_id) {
  if (instance == nullptr || writer_id == nullptr) return E_INVALIDARG;
  *instance = writer.instance_id;
  *writer_id = writer.writer_id;
  return S_OK;
}

HRESULT ComponentAt(const BcdWriterComponents& writer, UINT index,
                    const BcdAccessHandle& access, IVssComponent** out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  if (index >= writer.components.size()) return E_INVALIDARG;
  return ReturnBcdComponentView(writer.components[index], access, out);
}

// Requester views never write (13.7); one shared read-only state suffices.
BcdAccessHandle ReadOnlyAccess() {
  static const BcdAccessHandle kReadOnly = MakeBcdAccess(BcdEvent::kNone);
  return kReadOnly;
}

}  // namespace

BcdWriterComponentsView::BcdWriterComponentsView(
    std::shared_ptr<BcdWriterComponents> writer, BcdAccessHandle access)
    : writer_(std::move(writer)), access_(std::move(access)) {}

HRESULT BcdWriterComponentsView::GetComponentCount(UINT* pcComponents) {
  return CountComponents(*writer_, pcComponents);
}

HRESULT BcdWriterComponentsView::GetWriterInfo(VSS_ID* pidInstance,
                                               VSS_ID* pidWriter) {
  return WriterInfo(*writer_, pidInstance, pidWriter);
}

HRESULT BcdWriterComponentsView::GetComponent(UINT iComponent,
                                              IVssComponent** ppComponent) {
  return ComponentAt(*writer_, iComponent, access_, ppComponent);
}

BcdWriterComponentsExtView::BcdWriterComponentsExtView(
    std::shared_ptr<BcdWriterComponents> writer)
    : writer_(std::move(writer)), access_(ReadOnlyAccess()) {}

HRESULT BcdWriterComponentsExtView::GetComponentCount(UINT* pcComponents) {
  return CountComponents(*writer_, pcComponents);
}

HRESULT BcdWriterComponentsExtView::GetWriterInfo(VSS_ID* pidInstance,
                                                  VSS_ID* pidWriter) {
  return WriterInfo(*writer_, pidInstance, pidWriter);
}

HRESULT BcdWriterComponentsExtView::GetComponent(UINT iComponent,
                                                 IVssComponent** ppComponent) {
  return ComponentAt(*writer_, iComponent, access_, ppComponent);
}

HRESULT ReturnBcdWriterComponentsExt(
    std::shared_ptr<BcdWriterComponents> writer,
    IVssWriterComponentsExt** out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = nullptr;
  if (writer == nullptr) return E_INVALIDARG;
  *out = com::MakeComObject<BcdWriterComponentsExtView>(std::move(writer))
             .detach();
  return S_OK;
}

}  // namespace vssemu::metadata
