// vssemu_wmd_fuzzer: a Writer Metadata Document from any bytes. Each input is
// given to CreateVssExamineWriterMetadata; a document that loads is read
// with every reader a requester has (the sample requester's walk of
// identity, restore method, excludes, components and their files, then the
// backup schema, the alternate location mappings, dependencies and the Ex2
// readers), saved with SaveAsXML, loaded again and saved again: both saves
// give the same text. A crash, a failed second load, a changed save or a
// COM object or BSTR left alive aborts, so that libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <vsbackup.h>

#include "com/bstr.h"
#include "fixtures/samples/sample_requester.h"
#include "fuzz/fuzz_support.h"

namespace {

using vssemu::com::Bstr;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "vssemu_wmd_fuzzer: %s\n", what);
  std::abort();
}

// The readers DescribeWriterMetadata does not call.
void ReadTheRest(IVssExamineWriterMetadata* metadata) {
  DWORD schema = 0;
  metadata->GetBackupSchema(&schema);
  UINT includes = 0, excludes = 0, components = 0;
  if (SUCCEEDED(metadata->GetFileCounts(&includes, &excludes, &components))) {
    for (UINT i = 0; i < components; ++i) {
      IVssWMComponent* component = nullptr;
      if (FAILED(metadata->GetComponent(i, &component))) continue;
      PVSSCOMPONENTINFO info = nullptr;
      if (SUCCEEDED(component->GetComponentInfo(&info))) {
        for (UINT d = 0; d < info->cDependencies; ++d) {
          IVssWMDependency* dependency = nullptr;
          if (FAILED(component->GetDependency(d, &dependency))) continue;
          VSS_ID writer;
          Bstr path, name;
          dependency->GetWriterId(&writer);
          dependency->GetLogicalPath(path.put());
          dependency->GetComponentName(name.put());
          dependency->Release();
        }
        component->FreeComponentInfo(info);
      }
      component->Release();
    }
  }
  VSS_RESTOREMETHOD_ENUM method;
  VSS_WRITERRESTORE_ENUM writer_restore;
  Bstr service, user;
  bool reboot = false;
  UINT mappings = 0;
  if (SUCCEEDED(metadata->GetRestoreMethod(&method, service.put(), user.put(), &writer_restore,
                                           &reboot, &mappings))) {
    for (UINT m = 0; m < mappings; ++m) {
      IVssWMFiledesc* mapping = nullptr;
      if (SUCCEEDED(metadata->GetAlternateLocationMapping(m, &mapping))) {
        Bstr path, spec, alternate;
        mapping->GetPath(path.put());
        mapping->GetFilespec(spec.put());
        mapping->GetAlternateLocation(alternate.put());
        mapping->Release();
      }
    }
  }
  IVssExamineWriterMetadataEx2* ex2 = nullptr;
  if (SUCCEEDED(metadata->QueryInterface(__uuidof(IVssExamineWriterMetadataEx2),
                                         reinterpret_cast<void**>(&ex2)))) {
    VSS_ID instance, writer;
    Bstr writer_name, instance_name;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    ex2->GetIdentityEx(&instance, &writer, writer_name.put(), instance_name.put(), &usage,
                       &source);
    DWORD major = 0, minor = 0;
    ex2->GetVersion(&major, &minor);
    UINT count = 0;
    if (SUCCEEDED(ex2->GetExcludeFromSnapshotCount(&count))) {
      for (UINT i = 0; i < count; ++i) {
        IVssWMFiledesc* file = nullptr;
        if (SUCCEEDED(ex2->GetExcludeFromSnapshotFile(i, &file))) file->Release();
      }
    }
    ex2->Release();
  }
}

// Saves metadata's document; "" when SaveAsXML fails.
std::wstring Save(IVssExamineWriterMetadata* metadata) {
  Bstr xml;
  return SUCCEEDED(metadata->SaveAsXML(xml.put())) ? xml.str() : std::wstring();
}


// Reads a loaded document with every reader, saves it, loads the save and
// saves again: both saves must be the same text.
void RoundTrip(IVssExamineWriterMetadata* metadata) {
  std::wstring description;
  vssemu::samples::DescribeWriterMetadata(metadata, &description);
  ReadTheRest(metadata);
  const std::wstring saved = Save(metadata);
  metadata->Release();
  if (saved.empty()) Fail("a loaded document could not be saved");
  Bstr again_xml(saved);
  IVssExamineWriterMetadata* again = nullptr;
  if (FAILED(CreateVssExamineWriterMetadata(again_xml.get(), &again))) {
    Fail("a saved document did not load again");
  }
  const std::wstring saved_again = Save(again);
  again->Release();
  if (saved_again != saved) Fail("saving a reloaded document changed it");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return vssemu::fuzz::RunInput("vssemu_wmd_fuzzer", size, 1 << 20, [&] {
    Bstr xml(vssemu::fuzz::WideText(data, size));
    IVssExamineWriterMetadata* metadata = nullptr;
    if (FAILED(CreateVssExamineWriterMetadata(xml.get(), &metadata))) {
      if (metadata != nullptr) Fail("a failed load handed out an object");
    } else {
      RoundTrip(metadata);
    }
  });
}
