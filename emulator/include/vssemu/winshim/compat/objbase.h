// Stands in for <objbase.h> on non-Windows builds (see windows.h here).
#include <vssemu/winshim/winshim.h>
