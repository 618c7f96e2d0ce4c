// Stands in for <guiddef.h> on non-Windows builds (see windows.h here).
#include <vssemu/winshim/winshim.h>
