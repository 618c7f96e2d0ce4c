// XML -> BCD (see bcd_xml.h for the names and the strictness contract).
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "com/guid_format.h"
#include "metadata/bcd_xml.h"
#include "metadata/bcd_xml_enums.h"
#include "metadata/xml_util.h"

namespace vssemu::metadata {
namespace {

constexpr char kVssNamespace[] = "x-schema:#VssComponentMetadata";

struct LoadContext {
  std::string error;
  bool strict = false;

  // Tells whether an unknown element or attribute may be skipped: names in
  // Windows' vocabulary may be (see BcdLoadOptions), "vssemu:" names never.
  bool SkipsUnknown(std::string_view name) const {
    return !strict && name.rfind("vssemu:", 0) != 0;
  }
};

std::optional<std::uint64_t> ParseU64(std::string_view text) {
  if (text.empty() || text.size() > 20 ||
      !std::all_of(text.begin(), text.end(),
                   [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::nullopt;
  }
  errno = 0;
  std::uint64_t value = std::strtoull(std::string(text).c_str(), nullptr, 10);
  if (errno == ERANGE) return std::nullopt;
  return value;
}

// One element being read: hands out its attributes, remembers which were
// consumed, and reports anything left over. Every reader returns false after
// recording the first error in the context.
class Element {
 public:
  Element(pugi::xml_node node, std::string where, LoadContext* ctx)
      : node_(node), where_(std::move(where)), ctx_(ctx) {}

  pugi::xml_node node() const { return node_; }
  const std::string& where() const { return where_; }

  bool Fail(const std::string& message) {
    if (ctx_->error.empty()) ctx_->error = where_ + ": " + message;
    return false;
  }

  // Returns the raw value, or nullptr when absent; marks it consumed.
  const char* Raw(const char* name) {
    used_.emplace_back(name);
    pugi::xml_attribute attribute = node_.attribute(name);
    return attribute ? attribute.value() : nullptr;
  }

  bool Text(const char* name, std::wstring* out) {
    const char* raw = Raw(name);
    if (raw == nullptr) return Fail(std::string("missing attribute ") + name);
    *out = FromUtf8(raw);
    return true;
  }

  // *out: a std::optional<std::wstring> or a BoxedText.
  template <typename Optional>
  bool OptText(const char* name, Optional* out) {
    const char* raw = Raw(name);
    if (raw != nullptr) *out = FromUtf8(raw);
    return true;
  }

  // Reads a yes/no attribute; *out keeps its default when absent unless
  // required.
  bool Flag(const char* name, bool* out, bool required = false) {
    const char* raw = Raw(name);
    if (raw == nullptr) return !required || Missing(name);
    std::optional<bool> value = ParseYesNo(raw);
    if (!value) return Bad(name, raw);
    *out = *value;
    return true;
  }

  bool Guid(const char* name, GUID* out, bool required) {
    const char* raw = Raw(name);
    if (raw == nullptr) return !required || Missing(name);
    std::optional<GUID> value = com::ParseGuid(std::string_view(raw));
    if (!value) return Bad(name, raw);
    *out = *value;
    return true;
  }

  bool Dword(const char* name, DWORD* out, bool required) {
    const char* raw = Raw(name);
    if (raw == nullptr) return !required || Missing(name);
    std::optional<DWORD> value = ParseDword(raw);
    if (!value) return Bad(name, raw);
    *out = *value;
    return true;
  }

  bool U64(const char* name, std::uint64_t* out) {
    const char* raw = Raw(name);
    if (raw == nullptr) return Missing(name);
    std::optional<std::uint64_t> value = ParseU64(raw);
    if (!value) return Bad(name, raw);
    *out = *value;
    return true;
  }

  template <typename T>
  bool Enum(const char* name, T* out, bool required) {
    const char* raw = Raw(name);
    if (raw == nullptr) return !required || Missing(name);
    std::optional<T> value = bcd_xml::FromXml<T>(raw);
    if (!value) return Bad(name, raw);
    *out = *value;
    return true;
  }

  // Checks the attributes nobody consumed: namespace declarations Windows
  // repeats are accepted, anything else is unknown.
  bool Finish() {
    for (pugi::xml_attribute attribute : node_.attributes()) {
      std::string name = attribute.name();
      if (std::find(used_.begin(), used_.end(), name) != used_.end()) continue;
      std::string_view value = attribute.value();
      if (name == "xmlns") {
        if (value.empty() || value == kVssNamespace) continue;
        return Bad("xmlns", attribute.value());
      }
      if (ctx_->SkipsUnknown(name)) continue;
      return Fail("unknown attribute " + name);
    }
    return true;
  }

 private:
  bool Missing(const char* name) {
    return Fail(std::string("missing attribute ") + name);
  }
  bool Bad(const char* name, const char* raw) {
    return Fail(std::string("attribute ") + name + ": invalid value \"" + raw +
                "\"");
  }

  pugi::xml_node node_;
  std::string where_;
  LoadContext* ctx_;
  std::vector<std::string> used_;
};

// Visits the element children of parent with a numbered path; rejects text
// content. visit returns false to stop (after recording an error).
template <typename Visit>
bool ForEachChild(Element& parent, LoadContext* ctx, Visit visit) {
  std::map<std::string, int> counts;
  for (pugi::xml_node child : parent.node().children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      return parent.Fail("unexpected text");
    }
    if (child.type() != pugi::node_element) continue;
    std::string name = child.name();
    std::string where = parent.where() + "/" + name + "[" +
                        std::to_string(++counts[name]) + "]";
    Element element(child, where, ctx);
    if (!visit(name, element)) return false;
  }
  return true;
}

// Reports an unknown child element unless BcdLoadOptions lets it be skipped.
bool UnknownChild(Element& element, LoadContext* ctx) {
  if (ctx->SkipsUnknown(element.node().name())) return true;
  return element.Fail("unknown element");
}

bool LoadFileSpec(Element& e, const char* location_attribute, FileSpec* spec) {
  return e.Text("path", &spec->path) && e.Text("filespec", &spec->filespec) &&
         e.Flag("recursive", &spec->recursive, true) &&
         e.OptText(location_attribute, &spec->alternate_location) &&
         e.Dword("filespecBackupType", &spec->backup_type_mask, false) &&
         e.Finish();
}

bool LoadHresult(Element& e, const char* name, HRESULT* out) {
  DWORD value = 0;
  if (!e.Dword(name, &value, true)) return false;
  *out = static_cast<HRESULT>(value);
  return true;
}

bool LoadMetadataChild(Element& e, BoxedText* out, LoadContext* ctx) {
  if (out->has_value()) return e.Fail("duplicate element");
  std::wstring metadata;
  if (!e.Text("metadata", &metadata) || !e.Finish()) return false;
  // The metadata is an attribute; the element itself holds nothing.
  if (!ForEachChild(e, ctx, [&](const std::string&, Element& child) {
        return UnknownChild(child, ctx);
      })) {
    return false;
  }
  *out = std::move(metadata);
  return true;
}

bool LoadComponentChild(const std::string& name, Element& e, BcdComponent* c,
                        bool* failure_seen, LoadContext* ctx) {
  if (name == "BACKUP_METADATA") {
    return LoadMetadataChild(e, &c->backup_metadata, ctx);
  }
  if (name == "vssemu:RESTORE_METADATA") {
    return LoadMetadataChild(e, &c->restore_metadata, ctx);
  }
  if (name == "vssemu:PARTIAL_FILE") {
    BcdPartialFile& f = c->partial_files.emplace_back();
    return e.Text("path", &f.path) && e.Text("filename", &f.filename) &&
           e.Text("ranges", &f.ranges) && e.OptText("metadata", &f.metadata) &&
           e.OptText("relocatedRanges", &f.relocated_ranges) && e.Finish();
  }
  if (name == "vssemu:DIFFERENCED_FILE") {
    BcdDifferencedFile& f = c->differenced_files.emplace_back();
    return e.Text("path", &f.path) && e.Text("filespec", &f.filespec) &&
           e.Flag("recursive", &f.recursive, true) &&
           e.OptText("lsn", &f.lsn) &&
           e.U64("lastModifyTime", &f.last_modify_time) && e.Finish();
  }
  if (name == "vssemu:RESTORE_SUBCOMPONENT") {
    BcdRestoreSubcomponent& s = c->restore_subcomponents.emplace_back();
    std::optional<std::wstring> path;
    bool ok = e.OptText("logicalPath", &path) &&
              e.Text("componentName", &s.name) &&
              e.Flag("repair", &s.repair, true) && e.Finish();
    s.logical_path = path.value_or(L"");
    return ok;
  }
  if (name == "vssemu:DIRECTED_TARGET") {
    BcdDirectedTarget& t = c->directed_targets.emplace_back();
    return e.Text("sourcePath", &t.source_path) &&
           e.Text("sourceFilename", &t.source_filename) &&
           e.OptText("sourceRanges", &t.source_ranges) &&
           e.Text("destinationPath", &t.destination_path) &&
           e.Text("destinationFilename", &t.destination_filename) &&
           e.OptText("destinationRanges", &t.destination_ranges) && e.Finish();
  }
  if (name == "vssemu:NEW_TARGET") {
    return LoadFileSpec(e, "alternatePath", &c->new_targets.emplace_back());
  }
  if (name == "vssemu:ALTERNATE_LOCATION_MAPPING") {
    return LoadFileSpec(e, "destination",
                        &c->alternate_location_mappings.emplace_back());
  }
  if (name == "vssemu:FAILURE") {
    if (*failure_seen) return e.Fail("duplicate element");
    *failure_seen = true;
    BcdComponentFailure& f = c->failure;
    return LoadHresult(e, "hr", &f.hr) &&
           LoadHresult(e, "hrApplication", &f.hr_application) &&
           e.OptText("message", &f.message) &&
           e.Dword("reserved", &f.reserved, false) && e.Finish();
  }
  return UnknownChild(e, ctx);
}

bool LoadComponent(Element& e, BcdComponent* c, LoadContext* ctx) {
  std::optional<std::wstring> path;
  bool ok =
      e.OptText("logicalPath", &path) && e.Text("componentName", &c->name) &&
      e.Enum("componentType", &c->type, true) &&
      e.OptText("backupStamp", &c->backup_stamp) &&
      e.Flag("vssemu:backupSucceeded", &c->backup_succeeded) &&
      e.OptText("vssemu:backupOptions", &c->backup_options) &&
      e.OptText("vssemu:previousBackupStamp", &c->previous_backup_stamp) &&
      e.OptText("vssemu:prepareForBackupFailureMsg",
                &c->prepare_for_backup_failure_msg) &&
      e.OptText("vssemu:postSnapshotFailureMsg",
                &c->post_snapshot_failure_msg) &&
      e.Flag("vssemu:selectedForRestore", &c->selected_for_restore) &&
      e.Flag("vssemu:additionalRestores", &c->additional_restores) &&
      e.OptText("vssemu:restoreOptions", &c->restore_options) &&
      e.Enum("vssemu:restoreTarget", &c->restore_target, false) &&
      e.Enum("vssemu:fileRestoreStatus", &c->file_restore_status, false) &&
      e.OptText("vssemu:preRestoreFailureMsg", &c->pre_restore_failure_msg) &&
      e.OptText("vssemu:postRestoreFailureMsg", &c->post_restore_failure_msg) &&
      e.Flag("vssemu:authoritativeRestore", &c->authoritative_restore) &&
      e.Enum("vssemu:rollForwardType", &c->roll_forward_type, false) &&
      e.OptText("vssemu:rollForwardPoint", &c->roll_forward_point) &&
      e.OptText("vssemu:restoreName", &c->restore_name) && e.Finish();
  if (!ok) return false;
  // A component is a database or a file group (9.1); "undefined" is not one.
  if (c->type == VSS_CT_UNDEFINED) {
    return e.Fail("attribute componentType: invalid value \"undefined\"");
  }
  c->logical_path = path.value_or(L"");
  bool failure_seen = false;
  return ForEachChild(e, ctx, [&](const std::string& name, Element& child) {
    return LoadComponentChild(name, child, c, &failure_seen, ctx);
  });
}

bool LoadWriter(Element& e, BcdWriterComponents* w, LoadContext* ctx) {
  if (!e.Guid("instanceId", &w->instance_id, true) ||
      !e.Guid("writerId", &w->writer_id, true) ||
      !e.OptText("instanceName", &w->instance_name) ||
      !e.Dword("backupSchema", &w->backup_schema, false) || !e.Finish()) {
    return false;
  }
  return ForEachChild(e, ctx, [&](const std::string& name, Element& child) {
    if (name != "COMPONENT") return UnknownChild(child, ctx);
    auto component = MakeBcdComponent();
    if (!LoadComponent(child, component.get(), ctx)) return false;
    if (w->FindByPathAndName(component->logical_path, component->name)) {
      return child.Fail("duplicate component");
    }
    w->components.push_back(std::move(component));
    return true;
  });
}

bool LoadRootAttributes(Element& e, BackupComponentsDocument* doc) {
  const char* ns = e.Raw("xmlns");
  if (ns != nullptr && std::string_view(ns) != kVssNamespace) {
    return e.Fail(std::string("attribute xmlns: invalid value \"") + ns + "\"");
  }
  const char* ext = e.Raw("xmlns:vssemu");
  if (ext != nullptr && std::string_view(ext) != kBcdExtensionNamespace) {
    return e.Fail(std::string("attribute xmlns:vssemu: invalid value \"") +
                  ext + "\"");
  }
  const char* version = e.Raw("version");
  if (version != nullptr && std::string_view(version).substr(0, 2) != "1.") {
    return e.Fail(std::string("attribute version: unsupported value \"") +
                  version + "\"");
  }
  DWORD context = static_cast<DWORD>(doc->context);
  bool ok = e.Flag("bootableSystemStateBackup", &doc->bootable_system_state) &&
            e.Flag("selectComponents", &doc->select_components) &&
            e.Enum("backupType", &doc->backup_type, false) &&
            e.Flag("partialFileSupport", &doc->partial_file_support) &&
            e.Guid("snapshotSetId", &doc->snapshot_set_id, false) &&
            e.Enum("vssemu:restoreType", &doc->restore_type, false) &&
            e.Dword("vssemu:context", &context, false) && e.Finish();
  doc->context = static_cast<LONG>(context);
  return ok;
}

bool LoadRoot(Element& e, BackupComponentsDocument* doc, LoadContext* ctx) {
  if (!LoadRootAttributes(e, doc)) return false;
  return ForEachChild(e, ctx, [&](const std::string& name, Element& child) {
    if (name == "WRITER_COMPONENTS") {
      auto writer = std::make_shared<BcdWriterComponents>();
      if (!LoadWriter(child, writer.get(), ctx)) return false;
      if (doc->FindWriterInstance(writer->instance_id) != nullptr) {
        return child.Fail("duplicate writer instance");
      }
      doc->writers.push_back(std::move(writer));
      return true;
    }
    if (name == "vssemu:SNAPSHOT") {
      BcdSnapshot& s = doc->snapshots.emplace_back();
      return child.Text("volumeName", &s.volume_name) &&
             child.Guid("snapshotId", &s.snapshot_id, true) &&
             child.Guid("providerId", &s.provider_id, true) && child.Finish();
    }
    return UnknownChild(child, ctx);
  });
}

}  // namespace

HRESULT LoadBcd(BSTR xml, BackupComponentsDocument* out, std::string* error,
                const BcdLoadOptions& options) {
  if (out == nullptr) return E_INVALIDARG;
  LoadContext ctx;
  ctx.strict = options.strict;
  pugi::xml_document xml_doc;
  BackupComponentsDocument doc;
  bool ok = ParseDocument(xml, &xml_doc, &ctx.error);
  if (ok) {
    pugi::xml_node root;
    int elements = 0;
    for (pugi::xml_node node : xml_doc.children()) {
      if (node.type() == pugi::node_element) {
        ++elements;
        root = node;
      } else if (node.type() == pugi::node_pcdata ||
                 node.type() == pugi::node_cdata) {
        ctx.error = "text outside the root element";
        ok = false;
      }
    }
    if (ok && elements != 1) {
      ctx.error = "expected exactly one root element, found " +
                  std::to_string(elements);
      ok = false;
    } else if (ok && std::string_view(root.name()) != "BACKUP_COMPONENTS") {
      ctx.error = std::string("root element is ") + root.name() +
                  ", expected BACKUP_COMPONENTS";
      ok = false;
    }
    if (ok) {
      Element element(root, "BACKUP_COMPONENTS", &ctx);
      ok = LoadRoot(element, &doc, &ctx);
    }
  }
  if (!ok) {
    if (error != nullptr) *error = ctx.error;
    return VSS_E_INVALID_XML_DOCUMENT;
  }
  *out = std::move(doc);
  return S_OK;
}

}  // namespace vssemu::metadata
