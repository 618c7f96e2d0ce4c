// Stands in for <concurrencysal.h> on non-Windows builds: the SAL lock
// annotations (_Requires_lock_held_(l), _Guarded_by_(l), ...) as no-ops.
//
// Contract: as <sal.h> here, which includes this header: each name is
// defined only if it is not defined yet, and expands to nothing.
#ifndef VSSEMU_WINSHIM_COMPAT_CONCURRENCYSAL_H_
#define VSSEMU_WINSHIM_COMPAT_CONCURRENCYSAL_H_

// Locks.
#ifndef _Requires_lock_held_
#define _Requires_lock_held_(l)
#endif
#ifndef _Requires_lock_not_held_
#define _Requires_lock_not_held_(l)
#endif
#ifndef _Requires_no_locks_held_
#define _Requires_no_locks_held_
#endif
#ifndef _Acquires_lock_
#define _Acquires_lock_(l)
#endif
#ifndef _Releases_lock_
#define _Releases_lock_(l)
#endif
#ifndef _Acquires_exclusive_lock_
#define _Acquires_exclusive_lock_(l)
#endif
#ifndef _Releases_exclusive_lock_
#define _Releases_exclusive_lock_(l)
#endif
#ifndef _Acquires_shared_lock_
#define _Acquires_shared_lock_(l)
#endif
#ifndef _Releases_shared_lock_
#define _Releases_shared_lock_(l)
#endif
#ifndef _Guarded_by_
#define _Guarded_by_(l)
#endif
#ifndef _Benign_race_begin_
#define _Benign_race_begin_
#endif
#ifndef _Benign_race_end_
#define _Benign_race_end_
#endif
#ifndef _No_competing_thread_
#define _No_competing_thread_
#endif

#endif  // VSSEMU_WINSHIM_COMPAT_CONCURRENCYSAL_H_
