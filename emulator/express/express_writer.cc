#include "express/express_writer.h"

#include <vsserror.h>

#include <string>
#include <utility>

#include "coordinator/express_writers.h"
#include "coordinator/service.h"
#include "metadata/wmd_express_rules.h"
#include "metadata/wmd_xml.h"

namespace vssemu::express {

ExpressWriter::ExpressWriter(std::shared_ptr<coordinator::Service> service)
    : service_(std::move(service)) {}

HRESULT ExpressWriter::CreateMetadata(
    VSS_ID writerId, LPCWSTR writerName, VSS_USAGE_TYPE usageType,
    DWORD versionMajor, DWORD versionMinor, DWORD reserved,
    IVssCreateExpressWriterMetadata** ppMetadata) {
  if (ppMetadata == nullptr) return E_INVALIDARG;
  *ppMetadata = nullptr;
  if (writerId == GUID_NULL || writerName == nullptr ||
      !metadata::ExpressUsage(usageType)) {
    return E_INVALIDARG;
  }
  if (reserved != 0) {
    service_->Violate("express.discouraged-argument", "13.8",
                      "IVssExpressWriter::CreateMetadata: reserved should be 0");
  }
  metadata::WriterIdentity identity;
  identity.writer_id = writerId;
  identity.writer_name = writerName;
  identity.usage = usageType;
  // Q41: an express writer has files only, and no instance name.
  identity.source = VSS_ST_OTHER;
  identity.major_version = versionMajor;
  identity.minor_version = versionMinor;
  created_ = com::MakeComObject<ExpressWriterMetadataCreator>(service_,
                                                              std::move(identity));
  loaded_.reset();
  created_->AddRef();
  *ppMetadata = created_.get();
  return S_OK;
}

HRESULT ExpressWriter::LoadMetadata(LPCWSTR metadata, DWORD reserved) {
  if (metadata == nullptr) return E_INVALIDARG;
  metadata::WmdParseResult parsed = metadata::ParseWriterMetadata(metadata);
  if (!parsed) return VSS_E_INVALID_XML_DOCUMENT;
  if (reserved != 0) {
    service_->Violate("express.discouraged-argument", "13.8",
                      "IVssExpressWriter::LoadMetadata: reserved should be 0");
  }
  if (std::string broken = metadata::ExpressRuleBroken(*parsed.metadata); !broken.empty()) {
    std::string message =
        "IVssExpressWriter::LoadMetadata: the document breaks an express "
        "writer rule: ";
    message += broken;
    service_->Violate("express.document-breaks-rule", "13.8", std::move(message));
  }
  loaded_ = std::move(parsed.metadata);
  created_ = {};
  return S_OK;
}

HRESULT ExpressWriter::Register() {
  if (!created_ && !loaded_) return VSS_E_BAD_STATE;
  const metadata::WriterMetadata& document =
      created_ ? created_->model() : *loaded_;
  if (created_ && document.restore_method.method == VSS_RME_UNDEFINED) {
    service_->Violate("express.no-restore-method", "13.8",
                      "IVssExpressWriter::Register: the metadata has no "
                      "restore method (SetRestoreMethod was not called)");
  }
  return coordinator::RegisterExpressWriter(*service_, document);
}

HRESULT ExpressWriter::Unregister(VSS_ID writerId) {
  return coordinator::UnregisterExpressWriter(*service_, writerId);
}

}  // namespace vssemu::express
