#include "com/com_process.h"

#include <vssemu/win32_base.h>

namespace vssemu::com {

void StartComProcess() {
#if !defined(_WIN32)
  winshim::StartComProcess();
#endif
}

}  // namespace vssemu::com
