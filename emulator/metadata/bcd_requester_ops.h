// The requester's changes to a Backup Components Document: the data half of
// the IVssBackupComponents calls that write the BCD (protocol.md 8.3,
// 11.1, 11.4-11.6, 12.4).
//
// Contract: every function checks its arguments and that the component
// exists, changes the document only on S_OK, and returns the HRESULT the
// SDK call should return. Phase rules (which call is legal when, backup vs
// restore, writer schema bits, live writer instances) are NOT checked here:
// the coordinator checks them before calling. Arguments mirror the SDK
// signatures so the IVssBackupComponents adapter forwards them unchanged:
// a NULL logical path means the root, a NULL component name or a required
// NULL string is E_INVALIDARG, a component type other than DATABASE or
// FILEGROUP is E_INVALIDARG. A component is found by its writer (writer_id
// matches the writer class id or the instance id of an entry), type, logical
// path and name; no match is VSS_E_OBJECT_NOT_FOUND.
#ifndef VSSEMU_METADATA_BCD_REQUESTER_OPS_H_
#define VSSEMU_METADATA_BCD_REQUESTER_OPS_H_

#include <vss.h>
#include <vswriter.h>

#include <memory>

#include "metadata/bcd_model.h"

namespace vssemu::metadata {

// Finds a component by writer (class or instance id), type, path and name;
// sets *writer to its entry when writer is not NULL. Returns nullptr when
// absent or when the arguments are invalid.
std::shared_ptr<BcdComponent> FindBcdComponent(
    const BackupComponentsDocument& doc, const VSS_ID& writer_id,
    VSS_COMPONENT_TYPE ct, LPCWSTR logical_path, LPCWSTR name,
    std::shared_ptr<BcdWriterComponents>* writer = nullptr);

// Records SetBackupState; E_INVALIDARG for an unknown or UNDEFINED type.
HRESULT SetBackupState(BackupComponentsDocument* doc, bool select_components,
                       bool bootable_system_state, VSS_BACKUP_TYPE type,
                       bool partial_file_support);

// Records SetRestoreState; E_INVALIDARG for an unknown type.
HRESULT SetRestoreState(BackupComponentsDocument* doc, VSS_RESTORE_TYPE type);

// Adds a component to the entry of instance_id, creating the entry (class
// writer_id, no instance name, schema 0) if needed. VSS_E_OBJECT_ALREADY_EXISTS
// when that instance already has a component with the same path and name
// (of either type); E_INVALIDARG for a NULL name or one with a backslash, or
// when instance_id already belongs to another writer class. On success,
// *added_to (when given) is the entry the component went into.
HRESULT AddComponent(BackupComponentsDocument* doc, const VSS_ID& instance_id,
                     const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                     LPCWSTR logical_path, LPCWSTR name,
                     BcdWriterComponents** added_to = nullptr);

// Sets backup_succeeded; the entry must match both instance and class id.
HRESULT SetBackupSucceeded(BackupComponentsDocument* doc,
                           const VSS_ID& instance_id, const VSS_ID& writer_id,
                           VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                           LPCWSTR name, bool succeeded);

// Sets backup_options (options required).
HRESULT SetBackupOptions(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                         VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                         LPCWSTR name, LPCWSTR options);

// Sets previous_backup_stamp (stamp required).
HRESULT SetPreviousBackupStamp(BackupComponentsDocument* doc,
                               const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                               LPCWSTR logical_path, LPCWSTR name,
                               LPCWSTR stamp);

// Sets selected_for_restore; deselecting also drops the restore
// subcomponents, which only mean something under a selected component.
HRESULT SetSelectedForRestore(BackupComponentsDocument* doc,
                              const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                              LPCWSTR logical_path, LPCWSTR name,
                              bool selected);

// As SetSelectedForRestore; a non-null instance_id different from the
// component's moves it to that instance's entry (created with the source
// entry's class, instance name absent, same schema) and drops the source
// entry if it becomes empty. E_INVALIDARG if instance_id belongs to another
// class; VSS_E_OBJECT_ALREADY_EXISTS if the target already has the component.
HRESULT SetSelectedForRestoreEx(BackupComponentsDocument* doc,
                                const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                                LPCWSTR logical_path, LPCWSTR name,
                                bool selected, const VSS_ID& instance_id);

// Adds a restore subcomponent. VSS_E_BAD_STATE if the defining component is
// not selected for restore (the call is out of sequence, 11.1 step 8);
// E_INVALIDARG if the subcomponent does not lie below the defining
// component (9.2) or its name is NULL; VSS_E_OBJECT_ALREADY_EXISTS if added
// twice.
HRESULT AddRestoreSubcomponent(BackupComponentsDocument* doc,
                               const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                               LPCWSTR logical_path, LPCWSTR name,
                               LPCWSTR sub_logical_path, LPCWSTR sub_name,
                               bool repair);

// Sets restore_options once (11.6); a second call is VSS_E_BAD_STATE.
HRESULT SetRestoreOptions(BackupComponentsDocument* doc,
                          const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                          LPCWSTR logical_path, LPCWSTR name, LPCWSTR options);

// Sets additional_restores.
HRESULT SetAdditionalRestores(BackupComponentsDocument* doc,
                              const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                              LPCWSTR logical_path, LPCWSTR name,
                              bool additional);

// Records an alternate location mapping used at restore (all strings
// required). Whether the triple matches a WMD file set is the coordinator's
// check.
HRESULT AddAlternativeLocationMapping(BackupComponentsDocument* doc,
                                      const VSS_ID& writer_id,
                                      VSS_COMPONENT_TYPE ct,
                                      LPCWSTR logical_path, LPCWSTR name,
                                      LPCWSTR path, LPCWSTR filespec,
                                      bool recursive, LPCWSTR destination);

// Records a new target (all strings required).
HRESULT AddNewTarget(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                     VSS_COMPONENT_TYPE ct, LPCWSTR logical_path, LPCWSTR name,
                     LPCWSTR path, LPCWSTR filename, bool recursive,
                     LPCWSTR alternate_path);

// Relocates the ranges file of partial file `index`; E_INVALIDARG for an
// index out of range or a NULL path.
HRESULT SetRangesFilePath(BackupComponentsDocument* doc,
                          const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                          LPCWSTR logical_path, LPCWSTR name, UINT index,
                          LPCWSTR ranges_file);

// Sets file_restore_status; only NONE, ALL and FAILED may be set.
HRESULT SetFileRestoreStatus(BackupComponentsDocument* doc,
                             const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                             LPCWSTR logical_path, LPCWSTR name,
                             VSS_FILE_RESTORE_STATUS status);

// Sets authoritative_restore.
HRESULT SetAuthoritativeRestore(BackupComponentsDocument* doc,
                                const VSS_ID& writer_id, VSS_COMPONENT_TYPE ct,
                                LPCWSTR logical_path, LPCWSTR name,
                                bool authoritative);

// Sets the roll-forward type (NONE, ALL or PARTIAL) and point (NULL = none).
HRESULT SetRollForward(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                       VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                       LPCWSTR name, VSS_ROLLFORWARD_TYPE type, LPCWSTR point);

// Sets restore_name (required).
HRESULT SetRestoreName(BackupComponentsDocument* doc, const VSS_ID& writer_id,
                       VSS_COMPONENT_TYPE ct, LPCWSTR logical_path,
                       LPCWSTR name, LPCWSTR restore_name);

}  // namespace vssemu::metadata

#endif  // VSSEMU_METADATA_BCD_REQUESTER_OPS_H_
