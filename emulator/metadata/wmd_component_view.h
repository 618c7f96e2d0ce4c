// Read-only COM views of one component of a Writer Metadata Document:
// IVssWMComponent (with the VSS_COMPONENTINFO it hands out) and
// IVssWMDependency.
//
// Contract: a view shares ownership of the immutable document it was cut
// from, so it stays valid after the IVssExamineWriterMetadata that made it is
// released or reloaded. Out-of-range indexes give VSS_E_OBJECT_NOT_FOUND (as
// each method's page lists it) and NULL out-pointers E_INVALIDARG; a failed
// call stores NULL in a non-NULL out-pointer.
//
// GetComponentInfo allocates a VSS_COMPONENTINFO whose strings are BSTRs and
// whose icon is a private copy; only FreeComponentInfo (of any view) frees
// it. Outstanding infos are tracked, so FreeComponentInfo refuses a pointer
// it did not hand out (E_INVALIDARG) instead of crashing, and a test can
// check LiveComponentInfoCount(). A root logical path and an absent caption
// are reported as NULL BSTRs, as requesters written for Windows expect.
#ifndef VSSEMU_METADATA_WMD_COMPONENT_VIEW_H_
#define VSSEMU_METADATA_WMD_COMPONENT_VIEW_H_

#include <vsbackup.h>

#include <memory>

#include "com/com_object.h"
#include "metadata/wmd_model.h"

namespace vssemu::metadata {

// IVssWMComponent over one component of a shared document.
class WmComponentView
    : public com::ComObject<WmComponentView, IVssWMComponent> {
 public:
  using Queryable = com::InterfaceList<>;

  // Views component, kept alive by the document that owns it.
  explicit WmComponentView(std::shared_ptr<const Component> component)
      : component_(std::move(component)) {}

  HRESULT STDMETHODCALLTYPE
  GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) override;
  HRESULT STDMETHODCALLTYPE FreeComponentInfo(PVSSCOMPONENTINFO pInfo) override;
  HRESULT STDMETHODCALLTYPE GetFile(UINT iFile,
                                    IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE
  GetDatabaseFile(UINT iDBFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE
  GetDatabaseLogFile(UINT iDbLogFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE
  GetDependency(UINT iDependency, IVssWMDependency** ppDependency) override;

 private:
  std::shared_ptr<const Component> component_;
};

// IVssWMDependency over a copy of one dependency.
class WmDependencyView
    : public com::ComObject<WmDependencyView, IVssWMDependency> {
 public:
  using Queryable = com::InterfaceList<>;

  // Views a copy of dependency.
  explicit WmDependencyView(ComponentDependency dependency)
      : dependency_(std::move(dependency)) {}

  HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* pWriterId) override;
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrLogicalPath) override;
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* pbstrComponentName) override;

 private:
  ComponentDependency dependency_;
};

// Returns how many VSS_COMPONENTINFO structures are handed out and not freed.
long LiveComponentInfoCount();

// Stores in *out a new view of the element at index of list (E_INVALIDARG
// for a NULL out, not_found for an index past the end).
HRESULT ReturnIndexedFiledesc(const std::vector<FileSpec>& list, UINT index,
                              IVssWMFiledesc** out, HRESULT not_found);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_WMD_COMPONENT_VIEW_H_
