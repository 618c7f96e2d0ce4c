// Requester-side BCD operations (see bcd_requester_ops.h).
#include "metadata/bcd_requester_ops.h"

#include <algorithm>
#include <functional>

#include "com/bstr.h"

namespace vssemu::metadata {
namespace {

bool ValidType(VSS_COMPONENT_TYPE ct) {
  return ct == VSS_CT_DATABASE || ct == VSS_CT_FILEGROUP;
}

bool WriterMatches(const BcdWriterComponents& writer, const VSS_ID& id) {
  return writer.writer_id == id || writer.instance_id == id;
}

// The common shape of every "change one component" call: check the
// identity arguments, find the component, then let `change` validate its
// own arguments and apply them. `change` must not modify the component
// unless it returns S_OK.
HRESULT ChangeComponent(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                        VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                        LPCWSTR name,
                        const std::function<HRESULT(BcdComponent&)>& change) {
  if (doc == nullptr || name == nullptr || !ValidType(ct)) return E_INVALIDARG;
  std::shared_ptr<BcdComponent> component =
      FindBcdComponent(*doc, writer_id, ct, logical_path, name);
  if (component == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  return change(*component);
}

}  // namespace

std::shared_ptr<BcdComponent> FindBcdComponent(
    const BackupComponentsDocument& doc, const VSS_ID& writer_id,
    VSS_COMPONENT_TYPE ct, LPCWSTR logical_path, LPCWSTR name,
    std::shared_ptr<BcdWriterComponents>* writer) {
  if (name == nullptr) return nullptr;
  const std::wstring_view path = logical_path != nullptr ? logical_path : L"";
  for (const auto& entry : doc.writers) {
    if (entry == nullptr || !WriterMatches(*entry, writer_id)) continue;
    // Path and name are unique in an entry whatever the type (9.1).
    auto component = entry->FindByPathAndName(path, name);
    if (component != nullptr && component->type == ct) {
      if (writer != nullptr) *writer = entry;
      return component;
    }
  }
  return nullptr;
}

HRESULT SetBackupState(BackupComponentsDocument* doc, bool select_components,
                       bool bootable_system_state, VSS_BACKUP_TYPE type,
                       bool partial_file_support) {
  // UNDEFINED is documented as an application error, not a choice.
  if (doc == nullptr || type < VSS_BT_FULL || type > VSS_BT_OTHER) {
    return E_INVALIDARG;
  }
  doc->select_components = select_components;
  doc->bootable_system_state = bootable_system_state;
  doc->backup_type = type;
  doc->partial_file_support = partial_file_support;
  return S_OK;
}

HRESULT SetRestoreState(BackupComponentsDocument* doc, VSS_RESTORE_TYPE type) {
  // UNDEFINED is the documented default and may be set back explicitly.
  if (doc == nullptr || type < VSS_RTYPE_UNDEFINED || type > VSS_RTYPE_OTHER) {
    return E_INVALIDARG;
  }
  doc->restore_type = type;
  return S_OK;
}

HRESULT AddComponent(BackupComponentsDocument* doc, const VSS_ID& instance_id,
                     const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                     LPCWSTR logical_path, LPCWSTR name,
                     BcdWriterComponents** added_to) {
  if (doc == nullptr || name == nullptr || !ValidType(ct)) return E_INVALIDARG;
  std::wstring component_name(name);
  // 9.1: a component name may not contain a backslash (it would be
  // indistinguishable from a logical path element).
  if (component_name.empty() ||
      component_name.find(L'\\') != std::wstring::npos) {
    return E_INVALIDARG;
  }
  std::wstring path = com::TextOrEmpty(logical_path);
  // The document owns the entry; no reference is counted for the call.
  BcdWriterComponents* entry = doc->FindWriterInstance(instance_id).get();
  if (entry != nullptr) {
    if (entry->writer_id != writer_id) return E_INVALIDARG;
    // 9.1: path + name are unique per instance, whatever the type.
    if (entry->FindByPathAndName(path, component_name) != nullptr) {
      return VSS_E_OBJECT_ALREADY_EXISTS;
    }
  } else {
    auto made = std::make_shared<BcdWriterComponents>();
    made->instance_id = instance_id;
    made->writer_id = writer_id;
    entry = made.get();
    doc->writers.push_back(std::move(made));
  }
  auto component = MakeBcdComponent();
  component->type = ct;
  component->logical_path = std::move(path);
  component->name = std::move(component_name);
  entry->components.push_back(std::move(component));
  if (added_to != nullptr) *added_to = entry;
  return S_OK;
}

HRESULT SetBackupSucceeded(BackupComponentsDocument* doc,
                           const VSS_ID& instance_id, const VSS_ID& writer_id,
                           VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                           LPCWSTR name, bool succeeded) {
  if (doc == nullptr || name == nullptr || !ValidType(ct)) return E_INVALIDARG;
  const std::shared_ptr<BcdWriterComponents>& entry =
      doc->FindWriterInstance(instance_id);
  if (entry == nullptr || entry->writer_id != writer_id) {
    return VSS_E_OBJECT_NOT_FOUND;
  }
  // Path and name are unique in an entry whatever the type (9.1).
  const std::shared_ptr<BcdComponent>& component = entry->FindByPathAndName(
      logical_path != nullptr ? logical_path : L"", name);
  if (component == nullptr || component->type != ct) {
    return VSS_E_OBJECT_NOT_FOUND;
  }
  component->backup_succeeded = succeeded;
  component->backup_reported = true;
  return S_OK;
}

HRESULT SetBackupOptions(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                         VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                         LPCWSTR name, LPCWSTR options) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           if (options == nullptr) return E_INVALIDARG;
                           c.backup_options = options;
                           return S_OK;
                         });
}

HRESULT SetPreviousBackupStamp(BackupComponentsDocument* doc,
                               const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                               LPCWSTR logical_path, LPCWSTR name,
                               LPCWSTR stamp) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           if (stamp == nullptr) return E_INVALIDARG;
                           c.previous_backup_stamp = stamp;
                           return S_OK;
                         });
}

HRESULT SetSelectedForRestore(BackupComponentsDocument* doc,
                              const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                              LPCWSTR logical_path, LPCWSTR name,
                              bool selected) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           c.selected_for_restore = selected;
                           if (!selected) c.restore_subcomponents.clear();
                           return S_OK;
                         });
}

HRESULT SetSelectedForRestoreEx(BackupComponentsDocument* doc,
                                const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                                LPCWSTR logical_path, LPCWSTR name,
                                bool selected, const VSS_ID& instance_id) {
  if (doc == nullptr || name == nullptr || !ValidType(ct)) return E_INVALIDARG;
  std::shared_ptr<BcdWriterComponents> source;
  std::shared_ptr<BcdComponent> component =
      FindBcdComponent(*doc, writer_id, ct, logical_path, name, &source);
  if (component == nullptr) return VSS_E_OBJECT_NOT_FOUND;
  if (instance_id == GUID_NULL || instance_id == source->instance_id) {
    return SetSelectedForRestore(doc, writer_id, ct, logical_path, name,
                                 selected);
  }
  // Moving to another instance (11.1): the target must be an
  // instance of the same class and must not hold the component already.
  std::shared_ptr<BcdWriterComponents> target =
      doc->FindWriterInstance(instance_id);
  if (target != nullptr) {
    if (target->writer_id != source->writer_id) return E_INVALIDARG;
    if (target->FindByPathAndName(component->logical_path, component->name)) {
      return VSS_E_OBJECT_ALREADY_EXISTS;
    }
  } else {
    target = std::make_shared<BcdWriterComponents>();
    target->instance_id = instance_id;
    target->writer_id = source->writer_id;
    target->backup_schema = source->backup_schema;
    doc->writers.push_back(target);
  }
  source->EraseComponent(component);
  // GetWriterComponentsCount counts writers with components (10.3).
  if (source->components.empty()) doc->EraseWriter(source);
  component->selected_for_restore = selected;
  if (!selected) component->restore_subcomponents.clear();
  target->components.push_back(component);
  return S_OK;
}

HRESULT AddRestoreSubcomponent(BackupComponentsDocument* doc,
                               const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                               LPCWSTR logical_path, LPCWSTR name,
                               LPCWSTR sub_logical_path, LPCWSTR sub_name,
                               bool repair) {
  return ChangeComponent(
      doc, writer_id, ct, logical_path, name, [&](BcdComponent& c) -> HRESULT {
        if (sub_name == nullptr) return E_INVALIDARG;
        std::wstring sub_path = com::TextOrEmpty(sub_logical_path);
        if (!IsAncestorPath(c.logical_path, c.name, sub_path)) {
          return E_INVALIDARG;
        }
        if (!c.selected_for_restore) return VSS_E_BAD_STATE;
        for (const auto& sub : c.restore_subcomponents) {
          if (sub.logical_path == sub_path && sub.name == sub_name) {
            return VSS_E_OBJECT_ALREADY_EXISTS;
          }
        }
        c.restore_subcomponents.push_back({sub_path, sub_name, repair});
        return S_OK;
      });
}

HRESULT SetRestoreOptions(BackupComponentsDocument* doc,
                          const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                          LPCWSTR logical_path, LPCWSTR name, LPCWSTR options) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           if (options == nullptr) return E_INVALIDARG;
                           // 11.6: at most once per component.
                           if (c.restore_options) return VSS_E_BAD_STATE;
                           c.restore_options = options;
                           return S_OK;
                         });
}

HRESULT SetAdditionalRestores(BackupComponentsDocument* doc,
                              const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                              LPCWSTR logical_path, LPCWSTR name,
                              bool additional) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           c.additional_restores = additional;
                           return S_OK;
                         });
}

HRESULT AddAlternativeLocationMapping(BackupComponentsDocument* doc,
                                      const VSS_ID& writer_id,
                                      VSS_COMPONENT_TYPE ct,
                                      LPCWSTR logical_path, LPCWSTR name,
                                      LPCWSTR path, LPCWSTR filespec,
                                      bool recursive, LPCWSTR destination) {
  return ChangeComponent(
      doc, writer_id, ct, logical_path, name, [&](BcdComponent& c) -> HRESULT {
        if (path == nullptr || filespec == nullptr || destination == nullptr) {
          return E_INVALIDARG;
        }
        c.alternate_location_mappings.push_back(FileSpec{
            path, filespec, recursive, destination, kDefaultBackupTypeMask});
        return S_OK;
      });
}

HRESULT AddNewTarget(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                     VSS_COMPONENT_TYPE ct, LPCWSTR logical_path, LPCWSTR name,
                     LPCWSTR path, LPCWSTR filename, bool recursive,
                     LPCWSTR alternate_path) {
  return ChangeComponent(
      doc, writer_id, ct, logical_path, name, [&](BcdComponent& c) -> HRESULT {
        if (path == nullptr || filename == nullptr ||
            alternate_path == nullptr) {
          return E_INVALIDARG;
        }
        c.new_targets.push_back(FileSpec{
            path, filename, recursive, alternate_path, kDefaultBackupTypeMask});
        return S_OK;
      });
}

HRESULT SetRangesFilePath(BackupComponentsDocument* doc,
                          const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                          LPCWSTR logical_path, LPCWSTR name, UINT index,
                          LPCWSTR ranges_file) {
  return ChangeComponent(
      doc, writer_id, ct, logical_path, name, [&](BcdComponent& c) -> HRESULT {
        if (ranges_file == nullptr || index >= c.partial_files.size()) {
          return E_INVALIDARG;
        }
        c.partial_files[index].relocated_ranges = ranges_file;
        return S_OK;
      });
}

HRESULT SetFileRestoreStatus(BackupComponentsDocument* doc,
                             const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                             LPCWSTR logical_path, LPCWSTR name,
                             VSS_FILE_RESTORE_STATUS status) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           // UNDEFINED means "not set"; it is not a status.
                           if (status < VSS_RS_NONE || status > VSS_RS_FAILED) {
                             return E_INVALIDARG;
                           }
                           c.file_restore_status = status;
                           return S_OK;
                         });
}

HRESULT SetAuthoritativeRestore(BackupComponentsDocument* doc,
                                const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                                LPCWSTR logical_path, LPCWSTR name,
                                bool authoritative) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           c.authoritative_restore = authoritative;
                           return S_OK;
                         });
}

HRESULT SetRollForward(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                       VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                       LPCWSTR name, VSS_ROLLFORWARD_TYPE type, LPCWSTR point) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           if (type < VSS_RF_NONE || type > VSS_RF_PARTIAL) {
                             return E_INVALIDARG;
                           }
                           c.roll_forward_type = type;
                           c.roll_forward_point = com::OptionalText(point);
                           return S_OK;
                         });
}

HRESULT SetRestoreName(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                       VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                       LPCWSTR name, LPCWSTR restore_name) {
  return ChangeComponent(doc, writer_id, ct, logical_path, name,
                         [&](BcdComponent& c) -> HRESULT {
                           if (restore_name == nullptr) return E_INVALIDARG;
                           c.restore_name = restore_name;
                           return S_OK;
                         });
}

}  // namespace vssemu::metadata
