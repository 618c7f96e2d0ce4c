// Stands in for <specstrings.h> on non-Windows builds: the SAL 1 annotations
// (__in_opt, __out_ecount(n), __deref_out, ...), the interim SAL 2 spellings
// (_In_count_(n), _Out_cap_(n), ...) and the _Deref_ family, all as no-ops,
// plus everything in <sal.h>.
//
// Contract: each name is defined only if it is not defined yet and expands to
// nothing. Four SAL 1 names are left out unless VSSEMU_SAL1_IN_OUT is
// defined before the first include of <windows.h>: __in, __out, __callback
// and __reserved. libstdc++ uses __in and __out as parameter names (in
// <algorithm>, <string>, <regex>, ...), glibc uses __callback in <link.h>,
// and Linux's <linux/stat.h> (reached from <sys/stat.h>) has a field named
// __reserved, so defining them would break those headers when they come
// after <windows.h>. MinGW-w64's own sal.h leaves __in and __out out of C++
// for the same reason. Define VSSEMU_SAL1_IN_OUT for code that uses them and
// includes those headers before <windows.h>, or not at all.
#ifndef VSSEMU_WINSHIM_COMPAT_SPECSTRINGS_H_
#define VSSEMU_WINSHIM_COMPAT_SPECSTRINGS_H_

#include "sal.h"

#if defined(VSSEMU_SAL1_IN_OUT)
#ifndef __in
#define __in
#endif
#ifndef __out
#define __out
#endif
#ifndef __callback
#define __callback
#endif
#ifndef __reserved
#define __reserved
#endif
#endif  // VSSEMU_SAL1_IN_OUT

// Parameters.
#ifndef __inout
#define __inout
#endif
#ifndef __in_opt
#define __in_opt
#endif
#ifndef __out_opt
#define __out_opt
#endif
#ifndef __inout_opt
#define __inout_opt
#endif
#ifndef __in_z
#define __in_z
#endif
#ifndef __in_opt_z
#define __in_opt_z
#endif
#ifndef __out_z
#define __out_z
#endif
#ifndef __out_z_opt
#define __out_z_opt
#endif
#ifndef __inout_z
#define __inout_z
#endif
#ifndef __inout_opt_z
#define __inout_opt_z
#endif
// Buffers counted in elements (ecount) or bytes (bcount).
#ifndef __in_ecount
#define __in_ecount(n)
#endif
#ifndef __in_bcount
#define __in_bcount(n)
#endif
#ifndef __in_ecount_opt
#define __in_ecount_opt(n)
#endif
#ifndef __in_bcount_opt
#define __in_bcount_opt(n)
#endif
#ifndef __in_ecount_z
#define __in_ecount_z(n)
#endif
#ifndef __in_bcount_z
#define __in_bcount_z(n)
#endif
#ifndef __in_xcount
#define __in_xcount(n)
#endif
#ifndef __out_ecount
#define __out_ecount(n)
#endif
#ifndef __out_bcount
#define __out_bcount(n)
#endif
#ifndef __out_ecount_opt
#define __out_ecount_opt(n)
#endif
#ifndef __out_bcount_opt
#define __out_bcount_opt(n)
#endif
#ifndef __out_ecount_z
#define __out_ecount_z(n)
#endif
#ifndef __out_bcount_z
#define __out_bcount_z(n)
#endif
#ifndef __out_ecount_part
#define __out_ecount_part(n,c)
#endif
#ifndef __out_bcount_part
#define __out_bcount_part(n,c)
#endif
#ifndef __out_ecount_part_opt
#define __out_ecount_part_opt(n,c)
#endif
#ifndef __out_bcount_part_opt
#define __out_bcount_part_opt(n,c)
#endif
#ifndef __out_ecount_full
#define __out_ecount_full(n)
#endif
#ifndef __out_bcount_full
#define __out_bcount_full(n)
#endif
#ifndef __out_ecount_full_opt
#define __out_ecount_full_opt(n)
#endif
#ifndef __out_xcount
#define __out_xcount(n)
#endif
#ifndef __inout_ecount
#define __inout_ecount(n)
#endif
#ifndef __inout_bcount
#define __inout_bcount(n)
#endif
#ifndef __inout_ecount_opt
#define __inout_ecount_opt(n)
#endif
#ifndef __inout_bcount_opt
#define __inout_bcount_opt(n)
#endif
#ifndef __inout_ecount_z
#define __inout_ecount_z(n)
#endif
#ifndef __inout_ecount_part
#define __inout_ecount_part(n,c)
#endif
#ifndef __inout_bcount_part
#define __inout_bcount_part(n,c)
#endif
#ifndef __inout_ecount_full
#define __inout_ecount_full(n)
#endif
#ifndef __ecount
#define __ecount(n)
#endif
#ifndef __bcount
#define __bcount(n)
#endif
#ifndef __xcount
#define __xcount(n)
#endif
// Pointers to pointers.
#ifndef __deref_out
#define __deref_out
#endif
#ifndef __deref_out_opt
#define __deref_out_opt
#endif
#ifndef __deref_opt_out
#define __deref_opt_out
#endif
#ifndef __deref_opt_out_opt
#define __deref_opt_out_opt
#endif
#ifndef __deref_inout
#define __deref_inout
#endif
#ifndef __deref_inout_opt
#define __deref_inout_opt
#endif
#ifndef __deref_in
#define __deref_in
#endif
#ifndef __deref_in_opt
#define __deref_in_opt
#endif
#ifndef __deref_out_z
#define __deref_out_z
#endif
#ifndef __deref_out_ecount
#define __deref_out_ecount(n)
#endif
#ifndef __deref_out_bcount
#define __deref_out_bcount(n)
#endif
#ifndef __deref_out_ecount_opt
#define __deref_out_ecount_opt(n)
#endif
#ifndef __deref_opt_out_ecount
#define __deref_opt_out_ecount(n)
#endif
#ifndef __deref_out_ecount_part
#define __deref_out_ecount_part(n,c)
#endif
// Fields, strings, results and analysis.
#ifndef __field_ecount
#define __field_ecount(n)
#endif
#ifndef __field_bcount
#define __field_bcount(n)
#endif
#ifndef __field_ecount_opt
#define __field_ecount_opt(n)
#endif
#ifndef __field_bcount_opt
#define __field_bcount_opt(n)
#endif
#ifndef __field_ecount_part
#define __field_ecount_part(n,c)
#endif
#ifndef __field_bcount_part
#define __field_bcount_part(n,c)
#endif
#ifndef __nullterminated
#define __nullterminated
#endif
#ifndef __nullnullterminated
#define __nullnullterminated
#endif
#ifndef __checkReturn
#define __checkReturn
#endif
#ifndef __success
#define __success(expr)
#endif
#ifndef __format_string
#define __format_string
#endif
#ifndef __notnull
#define __notnull
#endif
#ifndef __maybenull
#define __maybenull
#endif
#ifndef __readonly
#define __readonly
#endif
#ifndef __in_range
#define __in_range(lo,hi)
#endif
#ifndef __out_range
#define __out_range(lo,hi)
#endif
#ifndef __range
#define __range(lo,hi)
#endif
#ifndef __deref_in_range
#define __deref_in_range(lo,hi)
#endif
#ifndef __deref_out_range
#define __deref_out_range(lo,hi)
#endif
#ifndef __deref_inout_range
#define __deref_inout_range(lo,hi)
#endif
#ifndef __analysis_assume
#define __analysis_assume(e)
#endif
#ifndef __typefix
#define __typefix(t)
#endif
#ifndef __control_entrypoint
#define __control_entrypoint(c)
#endif
#ifndef __data_entrypoint
#define __data_entrypoint(c)
#endif
#ifndef __drv_arg
#define __drv_arg(e,a)
#endif
#ifndef __drv_when
#define __drv_when(c,a)
#endif
#ifndef __drv_maxIRQL
#define __drv_maxIRQL(n)
#endif
#ifndef __drv_requiresIRQL
#define __drv_requiresIRQL(n)
#endif
// Interim SAL 2 spellings that older samples still use.
#ifndef _In_count_
#define _In_count_(n)
#endif
#ifndef _In_opt_count_
#define _In_opt_count_(n)
#endif
#ifndef _In_bytecount_
#define _In_bytecount_(n)
#endif
#ifndef _In_z_count_
#define _In_z_count_(n)
#endif
#ifndef _Out_cap_
#define _Out_cap_(n)
#endif
#ifndef _Out_opt_cap_
#define _Out_opt_cap_(n)
#endif
#ifndef _Out_bytecap_
#define _Out_bytecap_(n)
#endif
#ifndef _Out_z_cap_
#define _Out_z_cap_(n)
#endif
#ifndef _Out_cap_post_count_
#define _Out_cap_post_count_(n,c)
#endif
#ifndef _Inout_cap_
#define _Inout_cap_(n)
#endif
// Dereference annotations (SAL 1.5).
#ifndef _Deref_out_
#define _Deref_out_
#endif
#ifndef _Deref_out_opt_
#define _Deref_out_opt_
#endif
#ifndef _Deref_opt_out_
#define _Deref_opt_out_
#endif
#ifndef _Deref_opt_out_opt_
#define _Deref_opt_out_opt_
#endif
#ifndef _Deref_out_z_
#define _Deref_out_z_
#endif
#ifndef _Deref_pre_z_
#define _Deref_pre_z_
#endif
#ifndef _Deref_post_z_
#define _Deref_post_z_
#endif
#ifndef _Deref_in_range_
#define _Deref_in_range_(lo,hi)
#endif
#ifndef _Deref_out_range_
#define _Deref_out_range_(lo,hi)
#endif
#ifndef _Deref_ret_z_
#define _Deref_ret_z_
#endif

#endif  // VSSEMU_WINSHIM_COMPAT_SPECSTRINGS_H_
