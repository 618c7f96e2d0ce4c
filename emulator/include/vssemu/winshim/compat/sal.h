// Stands in for <sal.h> on non-Windows builds: every SAL 2 annotation
// (_In_, _Out_writes_(n), _COM_Outptr_, _Success_(expr), ...) as a no-op, so
// that annotated writer and requester code compiles unchanged.
//
// Contract: each name is defined only if it is not defined yet, so an earlier
// definition (another SAL shim, or a real one) always wins and nothing
// clashes. Annotations only guide Microsoft's static analyser; no compiler
// reads them, so expanding to nothing changes no meaning. The lock
// annotations come from <concurrencysal.h> and the SAL 1 names (__in_opt,
// __deref_out, ...) from <specstrings.h>, as in the Windows SDK. Only on the
// include path of non-Windows builds (see windows.h here).
#ifndef VSSEMU_WINSHIM_COMPAT_SAL_H_
#define VSSEMU_WINSHIM_COMPAT_SAL_H_

// Parameters: input.
#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _In_reads_
#define _In_reads_(n)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(n)
#endif
#ifndef _In_reads_bytes_
#define _In_reads_bytes_(n)
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(n)
#endif
#ifndef _In_reads_z_
#define _In_reads_z_(n)
#endif
#ifndef _In_reads_opt_z_
#define _In_reads_opt_z_(n)
#endif
#ifndef _In_reads_or_z_
#define _In_reads_or_z_(n)
#endif
#ifndef _In_reads_to_ptr_
#define _In_reads_to_ptr_(p)
#endif
#ifndef _In_range_
#define _In_range_(lo,hi)
#endif
#ifndef _In_defensive_
#define _In_defensive_(a)
#endif
// Parameters: output.
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Out_writes_
#define _Out_writes_(n)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(n)
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(n)
#endif
#ifndef _Out_writes_opt_z_
#define _Out_writes_opt_z_(n)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(n)
#endif
#ifndef _Out_writes_bytes_opt_
#define _Out_writes_bytes_opt_(n)
#endif
#ifndef _Out_writes_to_
#define _Out_writes_to_(n,c)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(n,c)
#endif
#ifndef _Out_writes_all_
#define _Out_writes_all_(n)
#endif
#ifndef _Out_writes_all_opt_
#define _Out_writes_all_opt_(n)
#endif
#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(n,c)
#endif
#ifndef _Out_writes_bytes_to_opt_
#define _Out_writes_bytes_to_opt_(n,c)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(n)
#endif
#ifndef _Out_writes_bytes_all_opt_
#define _Out_writes_bytes_all_opt_(n)
#endif
#ifndef _Out_range_
#define _Out_range_(lo,hi)
#endif
// Parameters: input and output.
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Inout_z_
#define _Inout_z_
#endif
#ifndef _Inout_opt_z_
#define _Inout_opt_z_
#endif
#ifndef _Inout_updates_
#define _Inout_updates_(n)
#endif
#ifndef _Inout_updates_opt_
#define _Inout_updates_opt_(n)
#endif
#ifndef _Inout_updates_z_
#define _Inout_updates_z_(n)
#endif
#ifndef _Inout_updates_opt_z_
#define _Inout_updates_opt_z_(n)
#endif
#ifndef _Inout_updates_bytes_
#define _Inout_updates_bytes_(n)
#endif
#ifndef _Inout_updates_bytes_opt_
#define _Inout_updates_bytes_opt_(n)
#endif
#ifndef _Inout_updates_to_
#define _Inout_updates_to_(n,c)
#endif
#ifndef _Inout_updates_all_
#define _Inout_updates_all_(n)
#endif
#ifndef _Inout_updates_bytes_to_
#define _Inout_updates_bytes_to_(n,c)
#endif
// Parameters: pointers to pointers.
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_opt_
#define _Outptr_opt_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Outptr_opt_result_z_
#define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_result_nullonfailure_
#define _Outptr_result_nullonfailure_
#endif
#ifndef _Outptr_opt_result_nullonfailure_
#define _Outptr_opt_result_nullonfailure_
#endif
#ifndef _Outptr_result_buffer_
#define _Outptr_result_buffer_(n)
#endif
#ifndef _Outptr_opt_result_buffer_
#define _Outptr_opt_result_buffer_(n)
#endif
#ifndef _Outptr_result_bytebuffer_
#define _Outptr_result_bytebuffer_(n)
#endif
#ifndef _Outptr_result_buffer_maybenull_
#define _Outptr_result_buffer_maybenull_(n)
#endif
#ifndef _Outref_
#define _Outref_
#endif
#ifndef _Outref_result_maybenull_
#define _Outref_result_maybenull_
#endif
#ifndef _Outref_result_nullonfailure_
#define _Outref_result_nullonfailure_
#endif
#ifndef _COM_Outptr_
#define _COM_Outptr_
#endif
#ifndef _COM_Outptr_opt_
#define _COM_Outptr_opt_
#endif
#ifndef _COM_Outptr_result_maybenull_
#define _COM_Outptr_result_maybenull_
#endif
#ifndef _COM_Outptr_opt_result_maybenull_
#define _COM_Outptr_opt_result_maybenull_
#endif
// Return values and success.
#ifndef _Ret_maybenull_
#define _Ret_maybenull_
#endif
#ifndef _Ret_notnull_
#define _Ret_notnull_
#endif
#ifndef _Ret_null_
#define _Ret_null_
#endif
#ifndef _Ret_opt_
#define _Ret_opt_
#endif
#ifndef _Ret_valid_
#define _Ret_valid_
#endif
#ifndef _Ret_z_
#define _Ret_z_
#endif
#ifndef _Ret_maybenull_z_
#define _Ret_maybenull_z_
#endif
#ifndef _Ret_writes_
#define _Ret_writes_(n)
#endif
#ifndef _Ret_writes_z_
#define _Ret_writes_z_(n)
#endif
#ifndef _Ret_writes_bytes_
#define _Ret_writes_bytes_(n)
#endif
#ifndef _Ret_writes_maybenull_
#define _Ret_writes_maybenull_(n)
#endif
#ifndef _Ret_writes_bytes_maybenull_
#define _Ret_writes_bytes_maybenull_(n)
#endif
#ifndef _Ret_range_
#define _Ret_range_(lo,hi)
#endif
#ifndef _Success_
#define _Success_(expr)
#endif
#ifndef _Return_type_success_
#define _Return_type_success_(expr)
#endif
#ifndef _Check_return_
#define _Check_return_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Result_nullonfailure_
#define _Result_nullonfailure_
#endif
#ifndef _Result_zeroonfailure_
#define _Result_zeroonfailure_
#endif
#ifndef _Always_
#define _Always_(a)
#endif
#ifndef _On_failure_
#define _On_failure_(a)
#endif
// Strings, formats, buffers and fields.
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _NullNull_terminated_
#define _NullNull_terminated_
#endif
#ifndef _Printf_format_string_
#define _Printf_format_string_
#endif
#ifndef _Scanf_format_string_
#define _Scanf_format_string_
#endif
#ifndef _Scanf_s_format_string_
#define _Scanf_s_format_string_
#endif
#ifndef _Printf_format_string_params_
#define _Printf_format_string_params_(x)
#endif
#ifndef _Field_size_
#define _Field_size_(n)
#endif
#ifndef _Field_size_opt_
#define _Field_size_opt_(n)
#endif
#ifndef _Field_size_part_
#define _Field_size_part_(n,c)
#endif
#ifndef _Field_size_part_opt_
#define _Field_size_part_opt_(n,c)
#endif
#ifndef _Field_size_bytes_
#define _Field_size_bytes_(n)
#endif
#ifndef _Field_size_bytes_opt_
#define _Field_size_bytes_opt_(n)
#endif
#ifndef _Field_size_bytes_part_
#define _Field_size_bytes_part_(n,c)
#endif
#ifndef _Field_size_full_
#define _Field_size_full_(n)
#endif
#ifndef _Field_z_
#define _Field_z_
#endif
#ifndef _Field_range_
#define _Field_range_(lo,hi)
#endif
#ifndef _Struct_size_bytes_
#define _Struct_size_bytes_(n)
#endif
#ifndef _Readable_bytes_
#define _Readable_bytes_(n)
#endif
#ifndef _Readable_elements_
#define _Readable_elements_(n)
#endif
#ifndef _Writable_bytes_
#define _Writable_bytes_(n)
#endif
#ifndef _Writable_elements_
#define _Writable_elements_(n)
#endif
// Pre- and postconditions, conditions and properties.
#ifndef _Pre_
#define _Pre_
#endif
#ifndef _Post_
#define _Post_
#endif
#ifndef _Pre_z_
#define _Pre_z_
#endif
#ifndef _Post_z_
#define _Post_z_
#endif
#ifndef _Pre_valid_
#define _Pre_valid_
#endif
#ifndef _Post_valid_
#define _Post_valid_
#endif
#ifndef _Pre_notnull_
#define _Pre_notnull_
#endif
#ifndef _Pre_maybenull_
#define _Pre_maybenull_
#endif
#ifndef _Pre_null_
#define _Pre_null_
#endif
#ifndef _Post_notnull_
#define _Post_notnull_
#endif
#ifndef _Post_maybenull_
#define _Post_maybenull_
#endif
#ifndef _Post_null_
#define _Post_null_
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef _Post_ptr_invalid_
#define _Post_ptr_invalid_
#endif
#ifndef _Pre_satisfies_
#define _Pre_satisfies_(e)
#endif
#ifndef _Post_satisfies_
#define _Post_satisfies_(e)
#endif
#ifndef _Pre_writable_size_
#define _Pre_writable_size_(n)
#endif
#ifndef _Pre_writable_byte_size_
#define _Pre_writable_byte_size_(n)
#endif
#ifndef _Pre_readable_size_
#define _Pre_readable_size_(n)
#endif
#ifndef _Pre_readable_byte_size_
#define _Pre_readable_byte_size_(n)
#endif
#ifndef _Post_writable_size_
#define _Post_writable_size_(n)
#endif
#ifndef _Post_writable_byte_size_
#define _Post_writable_byte_size_(n)
#endif
#ifndef _Post_readable_size_
#define _Post_readable_size_(n)
#endif
#ifndef _Post_readable_byte_size_
#define _Post_readable_byte_size_(n)
#endif
#ifndef _When_
#define _When_(cond,a)
#endif
#ifndef _At_
#define _At_(target,a)
#endif
#ifndef _At_buffer_
#define _At_buffer_(t,i,n,a)
#endif
#ifndef _Group_
#define _Group_(a)
#endif
#ifndef _Notnull_
#define _Notnull_
#endif
#ifndef _Maybenull_
#define _Maybenull_
#endif
#ifndef _Null_
#define _Null_
#endif
#ifndef _Valid_
#define _Valid_
#endif
#ifndef _Notvalid_
#define _Notvalid_
#endif
#ifndef _Const_
#define _Const_
#endif
#ifndef _Literal_
#define _Literal_
#endif
#ifndef _Notliteral_
#define _Notliteral_
#endif
#ifndef _Reserved_
#define _Reserved_
#endif
#ifndef _Frees_ptr_
#define _Frees_ptr_
#endif
#ifndef _Frees_ptr_opt_
#define _Frees_ptr_opt_
#endif
#ifndef _Points_to_data_
#define _Points_to_data_
#endif
#ifndef _Interlocked_operand_
#define _Interlocked_operand_
#endif
#ifndef _Strict_type_match_
#define _Strict_type_match_
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif
#ifndef _Analysis_assume_
#define _Analysis_assume_(e)
#endif
#ifndef _Analysis_noreturn_
#define _Analysis_noreturn_
#endif
#ifndef _Inexpressible_
#define _Inexpressible_(e)
#endif
#ifndef _Out_defensive_
#define _Out_defensive_(a)
#endif
#ifndef _Inout_defensive_
#define _Inout_defensive_(a)
#endif

#include "concurrencysal.h"

#endif  // VSSEMU_WINSHIM_COMPAT_SAL_H_
