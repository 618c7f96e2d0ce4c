// Makes InventoryWriter available to scenario files as
// <registered-writer id="..." class="InventoryWriter"/>.
#include "inventory_writer.h"

#include <vssemu/scenario/writer_registry.h>

VSSEMU_REGISTER_WRITER(InventoryWriter, InventoryWriter);  // class with HRESULT Start()
