// Stands in for <winerror.h> on non-Windows builds (see windows.h here).
#include <vssemu/winshim/winshim.h>
