// IVssExpressWriter: what an application uses to describe its express
// writer (CreateMetadata, or LoadMetadata of a document SaveAsXML wrote)
// and to store it in, or delete it from, the machine's express writer
// metadata store (coordinator/express_writers.h).
//
// Contract: the object binds to the service current when it was made. The
// document Register stores is the one of the last CreateMetadata or
// LoadMetadata call, as it is at the time of Register (a builder the
// application still holds may change later without effect). Choices where
// the documentation is silent (docs/protocol.md 13.8 and Q40 to Q46):
// * CreateMetadata: a NULL out pointer or name, GUID_NULL, or a usage type
//   other than BOOTABLESYSTEMSTATE, SYSTEMSERVICE or USERDATA is
//   E_INVALIDARG; a non-zero `reserved` is accepted with a kWarn violation.
//   The writer's source type is VSS_ST_OTHER (express writers have files
//   only) and it has no instance name.
// * LoadMetadata: NULL is E_INVALIDARG; a document that does not parse is
//   VSS_E_INVALID_XML_DOCUMENT and nothing changes. A document that parses
//   but breaks an express rule is accepted with a kWarn violation.
// * Register with nothing created or loaded is VSS_E_BAD_STATE. A document
//   without a restore method is stored, with a kWarn violation.
// * Unregister needs no CreateMetadata first (Microsoft's sample calls it on
//   a fresh object).
#ifndef VSSEMU_EXPRESS_EXPRESS_WRITER_H_
#define VSSEMU_EXPRESS_EXPRESS_WRITER_H_

#include <memory>
#include <optional>

#include <vswriter.h>

#include "com/com_object.h"
#include "com/com_ptr.h"
#include "express/express_metadata.h"
#include "metadata/wmd_model.h"

namespace vssemu::coordinator {
class Service;
}

namespace vssemu::express {

// Describes and registers an express writer (IVssExpressWriter).
class ExpressWriter
    : public com::ComObject<ExpressWriter, IVssExpressWriter> {
 public:
  using Queryable = com::InterfaceList<IVssExpressWriter>;

  explicit ExpressWriter(std::shared_ptr<coordinator::Service> service);

  HRESULT STDMETHODCALLTYPE CreateMetadata(
      VSS_ID writerId, LPCWSTR writerName, VSS_USAGE_TYPE usageType,
      DWORD versionMajor, DWORD versionMinor, DWORD reserved,
      IVssCreateExpressWriterMetadata** ppMetadata) override;
  HRESULT STDMETHODCALLTYPE LoadMetadata(LPCWSTR metadata,
                                         DWORD reserved) override;
  HRESULT STDMETHODCALLTYPE Register() override;
  HRESULT STDMETHODCALLTYPE Unregister(VSS_ID writerId) override;

 private:
  std::shared_ptr<coordinator::Service> service_;
  // The source of the document to register: the builder of the last
  // CreateMetadata, or the document of the last LoadMetadata.
  com::ComPtr<ExpressWriterMetadataCreator> created_;
  std::optional<metadata::WriterMetadata> loaded_;
};

}  // namespace vssemu::express

#endif  // VSSEMU_EXPRESS_EXPRESS_WRITER_H_
