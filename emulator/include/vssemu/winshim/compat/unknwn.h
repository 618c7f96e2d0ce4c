// Stands in for <unknwn.h> on non-Windows builds (see windows.h here).
#include <vssemu/winshim/winshim.h>
