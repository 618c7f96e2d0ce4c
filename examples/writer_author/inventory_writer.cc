#include "inventory_writer.h"

// {6B2A6E8C-3F1D-4B7A-9C5E-2D8F0A1B3C4D}
const VSS_ID InventoryWriter::kWriterId = {
    0x6b2a6e8c, 0x3f1d, 0x4b7a, {0x9c, 0x5e, 0x2d, 0x8f, 0x0a, 0x1b, 0x3c, 0x4d}};

HRESULT InventoryWriter::Start() {
  HRESULT hr = InitializeEx(kWriterId, L"Inventory Writer", 1, 0,
                            VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB,
                            VSS_APP_BACK_END, 20000);
  return FAILED(hr) ? hr : Subscribe();
}

bool InventoryWriter::OnIdentifyEx(IVssCreateWriterMetadataEx* metadata) {
  return SUCCEEDED(metadata->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE,
                                              NULL, NULL, VSS_WRE_ALWAYS,
                                              false)) &&
         SUCCEEDED(metadata->SetBackupSchema(VSS_BS_TIMESTAMPED)) &&
         SUCCEEDED(metadata->AddComponent(VSS_CT_DATABASE, NULL, L"Inventory",
                                          L"Inventory database", NULL, 0,
                                          false, false, false)) &&
         SUCCEEDED(metadata->AddDatabaseFiles(NULL, L"Inventory",
                                              L"C:\\Inventory", L"inv.db")) &&
         SUCCEEDED(metadata->AddDatabaseLogFiles(NULL, L"Inventory",
                                                 L"C:\\Inventory\\Logs",
                                                 L"*.log"));
}

bool InventoryWriter::OnPrepareSnapshot() { return true; }

bool InventoryWriter::OnFreeze() {
  writes_suspended_ = true;
  return true;
}

bool InventoryWriter::OnThaw() {
  writes_suspended_ = false;
  return true;
}

bool InventoryWriter::OnAbort() {
  // Must be idempotent: Abort may arrive more than once.
  writes_suspended_ = false;
  return true;
}

bool InventoryWriter::OnPostSnapshot(IVssWriterComponents* components) {
  if (components == NULL) return true;  // Non-component mode.
  IVssComponent* component = NULL;
  if (FAILED(components->GetComponent(0, &component))) return false;
  std::wstring stamp = L"lsn:" + std::to_wstring(log_sequence_);
  HRESULT hr = component->SetBackupStamp(stamp.c_str());
  component->Release();
  return SUCCEEDED(hr);
}

bool InventoryWriter::OnBackupComplete(IVssWriterComponents* components) {
  if (components == NULL) return true;
  IVssComponent* component = NULL;
  if (FAILED(components->GetComponent(0, &component))) return false;
  bool succeeded = false;
  component->GetBackupSucceeded(&succeeded);
  component->Release();
  if (succeeded) ++log_truncations_;  // Only what the backup holds.
  return true;
}
