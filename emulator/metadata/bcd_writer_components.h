// The per-writer views of a Backup Components Document: IVssWriterComponents
// for a writer callback and IVssWriterComponentsExt for the requester
// (protocol.md 10.5, 13.7).
//
// Contract: both views share ownership of one writer entry (so they stay
// valid while the document changes) and list its explicitly included
// components in document order. GetComponent hands out a new
// IVssComponent view (the caller releases it) with the view's access
// handle: the writer view uses the coordinator's handle for the event being
// handled; the requester view is always read-only (BcdEvent::kNone).
// BcdWriterComponentsView is not reference counted, as in the SDK: the
// coordinator owns it for the duration of the callback.
// BcdWriterComponentsExtView is a COM object; QueryInterface answers IUnknown
// only (the SDK declares no IID for IVssWriterComponentsExt).
#ifndef VSSEMU_METADATA_BCD_WRITER_COMPONENTS_H_
#define VSSEMU_METADATA_BCD_WRITER_COMPONENTS_H_

#include <vsbackup.h>
#include <vswriter.h>

#include <memory>

#include "com/com_object.h"
#include "metadata/bcd_access.h"
#include "metadata/bcd_model.h"

namespace vssemu::metadata {

// IVssWriterComponents handed to a writer's On* callback.
class BcdWriterComponentsView : public IVssWriterComponents {
 public:
  // Views writer; access says which event is being handled.
  BcdWriterComponentsView(std::shared_ptr<BcdWriterComponents> writer,
                          BcdAccessHandle access);
  BcdWriterComponentsView(const BcdWriterComponentsView&) = delete;
  BcdWriterComponentsView& operator=(const BcdWriterComponentsView&) = delete;
  virtual ~BcdWriterComponentsView() = default;

  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance,
                                          VSS_ID* pidWriter) override;
  HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent,
                                         IVssComponent** ppComponent) override;

 private:
  std::shared_ptr<BcdWriterComponents> writer_;
  BcdAccessHandle access_;
};

// IVssWriterComponentsExt handed to the requester by GetWriterComponents.
class BcdWriterComponentsExtView
    : public com::ComObject<BcdWriterComponentsExtView,
                            IVssWriterComponentsExt> {
 public:
  using Queryable = com::InterfaceList<>;

  // Views writer read-only.
  explicit BcdWriterComponentsExtView(
      std::shared_ptr<BcdWriterComponents> writer);

  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance,
                                          VSS_ID* pidWriter) override;
  HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent,
                                         IVssComponent** ppComponent) override;

 private:
  std::shared_ptr<BcdWriterComponents> writer_;
  BcdAccessHandle access_;
};

// Hands a new requester view of writer to the caller (E_INVALIDARG for a
// NULL out-pointer or writer).
HRESULT ReturnBcdWriterComponentsExt(
    std::shared_ptr<BcdWriterComponents> writer, IVssWriterComponentsExt** out);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_WRITER_COMPONENTS_H_
