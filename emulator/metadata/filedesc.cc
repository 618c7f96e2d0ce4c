#include "metadata/filedesc.h"

#include "com/bstr.h"

namespace vssemu::metadata {

HRESULT FiledescView::GetPath(BSTR* pbstrPath) {
  return com::ReturnBstr(spec_.path, pbstrPath);
}

HRESULT FiledescView::GetFilespec(BSTR* pbstrFilespec) {
  return com::ReturnBstr(spec_.filespec, pbstrFilespec);
}

HRESULT FiledescView::GetRecursive(bool* pbRecursive) {
  if (pbRecursive == nullptr) return E_INVALIDARG;
  *pbRecursive = spec_.recursive;
  return S_OK;
}

HRESULT FiledescView::GetAlternateLocation(BSTR* pbstrAlternateLocation) {
  return com::ReturnOptionalBstr(spec_.alternate_location,
                                 pbstrAlternateLocation);
}

HRESULT FiledescView::GetBackupTypeMask(DWORD* pdwTypeMask) {
  if (pdwTypeMask == nullptr) return E_INVALIDARG;
  *pdwTypeMask = spec_.backup_type_mask;
  return S_OK;
}

HRESULT ReturnFiledesc(const FileSpec& spec, IVssWMFiledesc** out) {
  if (out == nullptr) return E_INVALIDARG;
  *out = com::MakeComObject<FiledescView>(spec).detach();
  return S_OK;
}

}  // namespace vssemu::metadata
