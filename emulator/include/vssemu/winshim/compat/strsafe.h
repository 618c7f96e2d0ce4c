// Stands in for <strsafe.h> on non-Windows builds: the StringCch* and
// StringCb* copy, concatenate, printf and length functions, their A and W
// forms, and the unsuffixed names chosen by UNICODE.
//
// Contract, as Microsoft documents strsafe: every function returns an
// HRESULT. S_OK when the whole result fit; STRSAFE_E_INSUFFICIENT_BUFFER
// when it did not, with the destination holding the truncated result, always
// NUL-terminated; STRSAFE_E_INVALID_PARAMETER when the size is 0 or above
// STRSAFE_MAX_CCH (the destination is emptied when its size is not 0), or
// when StringCchCat finds no NUL in the destination (left untouched). Cch
// sizes count characters, Cb sizes bytes (a Cb size that is not a whole
// number of characters is rounded down). The printf forms read the format as
// the Windows CRT does (see <vssemu/winshim/crt_printf.h>: %s is wide in the W
// forms). Beyond the documentation, which says the arguments must not be
// NULL: a NULL source or format returns STRSAFE_E_INVALID_PARAMETER (the
// destination emptied, except by Cat), and so does a format the Windows CRT
// rejects (%n, for one). Not provided: the Ex forms, the _l forms, the Gets
// forms, and the deprecation of strcpy and friends that the SDK's header
// applies unless STRSAFE_NO_DEPRECATE is defined. Only on the include path
// of non-Windows builds (see windows.h here).
#ifndef VSSEMU_WINSHIM_COMPAT_STRSAFE_H_
#define VSSEMU_WINSHIM_COMPAT_STRSAFE_H_

#include <stdarg.h>
#include <stddef.h>

#include "windows.h"

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007A)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026)

typedef char* STRSAFE_LPSTR;
typedef const char* STRSAFE_LPCSTR;
typedef wchar_t* STRSAFE_LPWSTR;
typedef const wchar_t* STRSAFE_LPCWSTR;
typedef const char* STRSAFE_PCNZCH;
typedef const wchar_t* STRSAFE_PCNZWCH;

extern "C" {
// Copies src into dest of cch_dest characters.
HRESULT StringCchCopyW(STRSAFE_LPWSTR dest, size_t cch_dest,
                       STRSAFE_LPCWSTR src);
// Copies at most cch_src characters of src into dest.
HRESULT StringCchCopyNW(STRSAFE_LPWSTR dest, size_t cch_dest,
                        STRSAFE_PCNZWCH src, size_t cch_src);
// Appends src to the string in dest of cch_dest characters.
HRESULT StringCchCatW(STRSAFE_LPWSTR dest, size_t cch_dest,
                      STRSAFE_LPCWSTR src);
// Appends at most cch_src characters of src to the string in dest.
HRESULT StringCchCatNW(STRSAFE_LPWSTR dest, size_t cch_dest,
                       STRSAFE_PCNZWCH src, size_t cch_src);
// Formats into dest of cch_dest characters.
HRESULT StringCchPrintfW(STRSAFE_LPWSTR dest, size_t cch_dest,
                         STRSAFE_LPCWSTR format, ...);
// Same as StringCchPrintfW with a va_list.
HRESULT StringCchVPrintfW(STRSAFE_LPWSTR dest, size_t cch_dest,
                          STRSAFE_LPCWSTR format, va_list args);
// Stores the length of s in *cch_length (if not NULL); fails, storing 0,
// unless s is not NULL and s with its NUL fits in cch_max characters.
HRESULT StringCchLengthW(STRSAFE_PCNZWCH s, size_t cch_max,
                         size_t* cch_length);
// Copies src into dest of cb_dest bytes.
HRESULT StringCbCopyW(STRSAFE_LPWSTR dest, size_t cb_dest,
                      STRSAFE_LPCWSTR src);
// Copies at most cb_src bytes of src into dest of cb_dest bytes.
HRESULT StringCbCopyNW(STRSAFE_LPWSTR dest, size_t cb_dest,
                       STRSAFE_PCNZWCH src, size_t cb_src);
// Appends src to the string in dest of cb_dest bytes.
HRESULT StringCbCatW(STRSAFE_LPWSTR dest, size_t cb_dest,
                     STRSAFE_LPCWSTR src);
// Appends at most cb_src bytes of src to the string in dest.
HRESULT StringCbCatNW(STRSAFE_LPWSTR dest, size_t cb_dest,
                      STRSAFE_PCNZWCH src, size_t cb_src);
// Formats into dest of cb_dest bytes.
HRESULT StringCbPrintfW(STRSAFE_LPWSTR dest, size_t cb_dest,
                        STRSAFE_LPCWSTR format, ...);
// Same as StringCbPrintfW with a va_list.
HRESULT StringCbVPrintfW(STRSAFE_LPWSTR dest, size_t cb_dest,
                         STRSAFE_LPCWSTR format, va_list args);
// Stores the length of s in bytes, without the NUL, as StringCchLengthW.
HRESULT StringCbLengthW(STRSAFE_PCNZWCH s, size_t cb_max, size_t* cb_length);

// Copies a narrow string, as StringCchCopyW.
HRESULT StringCchCopyA(STRSAFE_LPSTR dest, size_t cch_dest,
                       STRSAFE_LPCSTR src);
// Copies at most cch_src narrow characters, as StringCchCopyNW.
HRESULT StringCchCopyNA(STRSAFE_LPSTR dest, size_t cch_dest,
                        STRSAFE_PCNZCH src, size_t cch_src);
// Appends a narrow string, as StringCchCatW.
HRESULT StringCchCatA(STRSAFE_LPSTR dest, size_t cch_dest,
                      STRSAFE_LPCSTR src);
// Appends at most cch_src narrow characters, as StringCchCatNW.
HRESULT StringCchCatNA(STRSAFE_LPSTR dest, size_t cch_dest,
                       STRSAFE_PCNZCH src, size_t cch_src);
// Formats a narrow string (%s narrow, %S wide), as StringCchPrintfW.
HRESULT StringCchPrintfA(STRSAFE_LPSTR dest, size_t cch_dest,
                         STRSAFE_LPCSTR format, ...);
// Same as StringCchPrintfA with a va_list.
HRESULT StringCchVPrintfA(STRSAFE_LPSTR dest, size_t cch_dest,
                          STRSAFE_LPCSTR format, va_list args);
// Measures a narrow string, as StringCchLengthW.
HRESULT StringCchLengthA(STRSAFE_PCNZCH s, size_t cch_max,
                         size_t* cch_length);
// Copies a narrow string, as StringCbCopyW.
HRESULT StringCbCopyA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_LPCSTR src);
// Copies at most cb_src bytes, as StringCbCopyNW.
HRESULT StringCbCopyNA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_PCNZCH src,
                       size_t cb_src);
// Appends a narrow string, as StringCbCatW.
HRESULT StringCbCatA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_LPCSTR src);
// Appends at most cb_src bytes, as StringCbCatNW.
HRESULT StringCbCatNA(STRSAFE_LPSTR dest, size_t cb_dest, STRSAFE_PCNZCH src,
                      size_t cb_src);
// Formats a narrow string, as StringCbPrintfW.
HRESULT StringCbPrintfA(STRSAFE_LPSTR dest, size_t cb_dest,
                        STRSAFE_LPCSTR format, ...);
// Same as StringCbPrintfA with a va_list.
HRESULT StringCbVPrintfA(STRSAFE_LPSTR dest, size_t cb_dest,
                         STRSAFE_LPCSTR format, va_list args);
// Measures a narrow string in bytes, as StringCbLengthW.
HRESULT StringCbLengthA(STRSAFE_PCNZCH s, size_t cb_max, size_t* cb_length);
}  // extern "C"

#if defined(UNICODE)
#define StringCchCopy StringCchCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCchCat StringCchCatW
#define StringCchCatN StringCchCatNW
#define StringCchPrintf StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCchLength StringCchLengthW
#define StringCbCopy StringCbCopyW
#define StringCbCopyN StringCbCopyNW
#define StringCbCat StringCbCatW
#define StringCbCatN StringCbCatNW
#define StringCbPrintf StringCbPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCbLength StringCbLengthW
#else
#define StringCchCopy StringCchCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCchCat StringCchCatA
#define StringCchCatN StringCchCatNA
#define StringCchPrintf StringCchPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCchLength StringCchLengthA
#define StringCbCopy StringCbCopyA
#define StringCbCopyN StringCbCopyNA
#define StringCbCat StringCbCatA
#define StringCbCatN StringCbCatNA
#define StringCbPrintf StringCbPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCbLength StringCbLengthA
#endif  // UNICODE

#endif  // VSSEMU_WINSHIM_COMPAT_STRSAFE_H_
