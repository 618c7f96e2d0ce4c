// The Win32 volume and file functions, off Windows: declarations written
// from Microsoft's documentation (fileapi.h, winbase.h, errhandlingapi.h),
// so that a backup application that finds volumes, resolves names and
// copies files out of a shadow copy compiles unchanged.
//
// Contract:
// - The functions answer from the machine of the current vssemu emulator
//   (vssemu::Emulator::Current(), without creating one): its volumes, the
//   host folders behind backed volumes, and the copies its shadow copies
//   hold. With no emulator constructed they see a machine with no volumes.
// - Each keeps the documented return convention and sets the calling
//   thread's last error (GetLastError) to the Win32 code Windows gives;
//   docs/sdk.md lists what is provided, what is not, and the codes chosen.
// - Only the wide-character ("W") forms exist; with UNICODE defined the
//   generic names (CreateFile, FindFirstFile, ...) map to them.
// - Included by <windows.h> of winshim; never on Windows, where the real
//   system answers.
#ifndef VSSEMU_WINSHIM_WINSHIM_FILES_H_
#define VSSEMU_WINSHIM_WINSHIM_FILES_H_

#include <vssemu/winshim/winshim.h>

// --- Types. ------------------------------------------------------------------
typedef const void* LPCVOID;
typedef LARGE_INTEGER* PLARGE_INTEGER;
typedef BOOL* LPBOOL;

typedef struct _SECURITY_ATTRIBUTES {
  DWORD nLength;
  LPVOID lpSecurityDescriptor;
  BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _OVERLAPPED {
  ULONG_PTR Internal;
  ULONG_PTR InternalHigh;
  union {
    struct {
      DWORD Offset;
      DWORD OffsetHigh;
    };
    PVOID Pointer;
  };
  HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED;

typedef struct _WIN32_FIND_DATAW {
  DWORD dwFileAttributes;
  FILETIME ftCreationTime;
  FILETIME ftLastAccessTime;
  FILETIME ftLastWriteTime;
  DWORD nFileSizeHigh;
  DWORD nFileSizeLow;
  DWORD dwReserved0;
  DWORD dwReserved1;
  WCHAR cFileName[MAX_PATH];
  WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW, *PWIN32_FIND_DATAW, *LPWIN32_FIND_DATAW;

typedef struct _WIN32_FILE_ATTRIBUTE_DATA {
  DWORD dwFileAttributes;
  FILETIME ftCreationTime;
  FILETIME ftLastAccessTime;
  FILETIME ftLastWriteTime;
  DWORD nFileSizeHigh;
  DWORD nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA, *LPWIN32_FILE_ATTRIBUTE_DATA;

typedef enum _GET_FILEEX_INFO_LEVELS {
  GetFileExInfoStandard,
  GetFileExMaxInfoLevel
} GET_FILEEX_INFO_LEVELS;

// --- Constants. --------------------------------------------------------------
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define INVALID_FILE_ATTRIBUTES ((DWORD)-1)
#define INVALID_FILE_SIZE ((DWORD)0xFFFFFFFF)
#define INVALID_SET_FILE_POINTER ((DWORD)-1)

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u

#define FILE_SHARE_READ 0x00000001
#define FILE_SHARE_WRITE 0x00000002
#define FILE_SHARE_DELETE 0x00000004

#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5

#define FILE_ATTRIBUTE_READONLY 0x00000001
#define FILE_ATTRIBUTE_HIDDEN 0x00000002
#define FILE_ATTRIBUTE_SYSTEM 0x00000004
#define FILE_ATTRIBUTE_DIRECTORY 0x00000010
#define FILE_ATTRIBUTE_ARCHIVE 0x00000020
#define FILE_ATTRIBUTE_DEVICE 0x00000040
#define FILE_ATTRIBUTE_NORMAL 0x00000080
#define FILE_ATTRIBUTE_TEMPORARY 0x00000100
#define FILE_ATTRIBUTE_SPARSE_FILE 0x00000200
#define FILE_ATTRIBUTE_REPARSE_POINT 0x00000400
#define FILE_ATTRIBUTE_COMPRESSED 0x00000800
#define FILE_ATTRIBUTE_OFFLINE 0x00001000
#define FILE_ATTRIBUTE_NOT_CONTENT_INDEXED 0x00002000
#define FILE_ATTRIBUTE_ENCRYPTED 0x00004000

#define FILE_FLAG_WRITE_THROUGH 0x80000000u
#define FILE_FLAG_OVERLAPPED 0x40000000
#define FILE_FLAG_NO_BUFFERING 0x20000000
#define FILE_FLAG_RANDOM_ACCESS 0x10000000
#define FILE_FLAG_SEQUENTIAL_SCAN 0x08000000
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000
#define FILE_FLAG_BACKUP_SEMANTICS 0x02000000
#define FILE_FLAG_POSIX_SEMANTICS 0x01000000
#define FILE_FLAG_OPEN_REPARSE_POINT 0x00200000

#define FILE_BEGIN 0
#define FILE_CURRENT 1
#define FILE_END 2

#define DRIVE_UNKNOWN 0
#define DRIVE_NO_ROOT_DIR 1
#define DRIVE_REMOVABLE 2
#define DRIVE_FIXED 3
#define DRIVE_REMOTE 4
#define DRIVE_CDROM 5
#define DRIVE_RAMDISK 6

#define MOVEFILE_REPLACE_EXISTING 0x00000001
#define MOVEFILE_COPY_ALLOWED 0x00000002
#define MOVEFILE_DELAY_UNTIL_REBOOT 0x00000004
#define MOVEFILE_WRITE_THROUGH 0x00000008

// GetVolumeInformationW's file system flags.
#define FILE_CASE_SENSITIVE_SEARCH 0x00000001
#define FILE_CASE_PRESERVED_NAMES 0x00000002
#define FILE_UNICODE_ON_DISK 0x00000004
#define FILE_PERSISTENT_ACLS 0x00000008
#define FILE_READ_ONLY_VOLUME 0x00080000

// Win32 error codes (winerror.h) the functions set.
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_INVALID_FUNCTION 1L
#define ERROR_FILE_NOT_FOUND 2L
#define ERROR_PATH_NOT_FOUND 3L
#define ERROR_ACCESS_DENIED 5L
#define ERROR_INVALID_HANDLE 6L
#define ERROR_NOT_ENOUGH_MEMORY 8L
#define ERROR_INVALID_DRIVE 15L
#define ERROR_NOT_SAME_DEVICE 17L
#define ERROR_NO_MORE_FILES 18L
#define ERROR_WRITE_PROTECT 19L
#define ERROR_SHARING_VIOLATION 32L
#define ERROR_HANDLE_EOF 38L
#define ERROR_NOT_SUPPORTED 50L
#define ERROR_FILE_EXISTS 80L
#define ERROR_INVALID_PARAMETER 87L
#define ERROR_DISK_FULL 112L
#define ERROR_INSUFFICIENT_BUFFER 122L
#define ERROR_INVALID_NAME 123L
#define ERROR_NEGATIVE_SEEK 131L
#define ERROR_DIR_NOT_ROOT 144L
#define ERROR_DIR_NOT_EMPTY 145L
#define ERROR_ALREADY_EXISTS 183L
#define ERROR_FILENAME_EXCED_RANGE 206L
#define ERROR_MORE_DATA 234L
#define ERROR_DIRECTORY 267L
#define ERROR_NOT_A_REPARSE_POINT 4390L
#endif

// --- Functions. --------------------------------------------------------------
extern "C" {

// Returns the calling thread's last-error code.
DWORD WINAPI GetLastError(void);
// Sets the calling thread's last-error code.
void WINAPI SetLastError(DWORD dwErrCode);

// Retrieves the volume GUID path ("\\?\Volume{guid}\") of a mount point.
BOOL WINAPI GetVolumeNameForVolumeMountPointW(LPCWSTR lpszVolumeMountPoint,
                                              LPWSTR lpszVolumeName,
                                              DWORD cchBufferLength);
// Retrieves the mount point of the volume a path is on.
BOOL WINAPI GetVolumePathNameW(LPCWSTR lpszFileName, LPWSTR lpszVolumePathName,
                               DWORD cchBufferLength);
// Lists the drive letters and mounted folders of a volume (a multi-string).
BOOL WINAPI GetVolumePathNamesForVolumeNameW(LPCWSTR lpszVolumeName,
                                             LPWSTR lpszVolumePathNames,
                                             DWORD cchBufferLength,
                                             LPDWORD lpcchReturnLength);
// Starts enumerating the machine's volumes, giving the first GUID path.
HANDLE WINAPI FindFirstVolumeW(LPWSTR lpszVolumeName, DWORD cchBufferLength);
// Continues a volume enumeration.
BOOL WINAPI FindNextVolumeW(HANDLE hFindVolume, LPWSTR lpszVolumeName,
                            DWORD cchBufferLength);
// Ends a volume enumeration.
BOOL WINAPI FindVolumeClose(HANDLE hFindVolume);
// Retrieves the device a DOS device name ("C:", "Volume{guid}") maps to.
DWORD WINAPI QueryDosDeviceW(LPCWSTR lpDeviceName, LPWSTR lpTargetPath,
                             DWORD ucchMax);
// Returns the kind of drive a root folder is (DRIVE_FIXED, ...).
UINT WINAPI GetDriveTypeW(LPCWSTR lpRootPathName);
// Retrieves a volume's label, serial number, limits and file system.
BOOL WINAPI GetVolumeInformationW(LPCWSTR lpRootPathName,
                                  LPWSTR lpVolumeNameBuffer,
                                  DWORD nVolumeNameSize,
                                  LPDWORD lpVolumeSerialNumber,
                                  LPDWORD lpMaximumComponentLength,
                                  LPDWORD lpFileSystemFlags,
                                  LPWSTR lpFileSystemNameBuffer,
                                  DWORD nFileSystemNameSize);
// Lists the roots of the machine's drive letters ("C:\", "D:\", ...).
DWORD WINAPI GetLogicalDriveStringsW(DWORD nBufferLength, LPWSTR lpBuffer);

// Creates or opens a file or (with FILE_FLAG_BACKUP_SEMANTICS) a folder.
HANDLE WINAPI CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess,
                          DWORD dwShareMode,
                          LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                          DWORD dwCreationDisposition,
                          DWORD dwFlagsAndAttributes, HANDLE hTemplateFile);
// Reads from a file at its pointer (or at lpOverlapped's offset).
BOOL WINAPI ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
                     LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped);
// Writes to a file at its pointer (or at lpOverlapped's offset).
BOOL WINAPI WriteFile(HANDLE hFile, LPCVOID lpBuffer,
                      DWORD nNumberOfBytesToWrite,
                      LPDWORD lpNumberOfBytesWritten,
                      LPOVERLAPPED lpOverlapped);
// Closes a handle CreateFileW returned.
BOOL WINAPI CloseHandle(HANDLE hObject);
// Retrieves a file's size.
BOOL WINAPI GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize);
// Retrieves a file's size as two 32-bit halves.
DWORD WINAPI GetFileSize(HANDLE hFile, LPDWORD lpFileSizeHigh);
// Moves a file's pointer.
BOOL WINAPI SetFilePointerEx(HANDLE hFile, LARGE_INTEGER liDistanceToMove,
                             PLARGE_INTEGER lpNewFilePointer,
                             DWORD dwMoveMethod);

// Starts listing the entries of a folder that match a name or wildcards.
HANDLE WINAPI FindFirstFileW(LPCWSTR lpFileName,
                             LPWIN32_FIND_DATAW lpFindFileData);
// Continues a listing.
BOOL WINAPI FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData);
// Ends a listing.
BOOL WINAPI FindClose(HANDLE hFindFile);
// Returns a file's or folder's attributes, or INVALID_FILE_ATTRIBUTES.
DWORD WINAPI GetFileAttributesW(LPCWSTR lpFileName);
// Retrieves a file's or folder's attributes, times and size.
BOOL WINAPI GetFileAttributesExW(LPCWSTR lpFileName,
                                 GET_FILEEX_INFO_LEVELS fInfoLevelId,
                                 LPVOID lpFileInformation);
// Creates a folder.
BOOL WINAPI CreateDirectoryW(LPCWSTR lpPathName,
                             LPSECURITY_ATTRIBUTES lpSecurityAttributes);
// Removes an empty folder.
BOOL WINAPI RemoveDirectoryW(LPCWSTR lpPathName);
// Deletes a file.
BOOL WINAPI DeleteFileW(LPCWSTR lpFileName);
// Copies a file, keeping its attributes and last-write time.
BOOL WINAPI CopyFileW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName,
                      BOOL bFailIfExists);
// Moves or renames a file or folder.
BOOL WINAPI MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName,
                        DWORD dwFlags);
// Retrieves the full path of a file name, and where its last part starts.
DWORD WINAPI GetFullPathNameW(LPCWSTR lpFileName, DWORD nBufferLength,
                              LPWSTR lpBuffer, LPWSTR* lpFilePart);

}  // extern "C"

#if defined(UNICODE)
#define GetVolumeNameForVolumeMountPoint GetVolumeNameForVolumeMountPointW
#define GetVolumePathName GetVolumePathNameW
#define GetVolumePathNamesForVolumeName GetVolumePathNamesForVolumeNameW
#define FindFirstVolume FindFirstVolumeW
#define FindNextVolume FindNextVolumeW
#define QueryDosDevice QueryDosDeviceW
#define GetDriveType GetDriveTypeW
#define GetVolumeInformation GetVolumeInformationW
#define GetLogicalDriveStrings GetLogicalDriveStringsW
#define CreateFile CreateFileW
#define FindFirstFile FindFirstFileW
#define FindNextFile FindNextFileW
#define GetFileAttributes GetFileAttributesW
#define GetFileAttributesEx GetFileAttributesExW
#define CreateDirectory CreateDirectoryW
#define RemoveDirectory RemoveDirectoryW
#define DeleteFile DeleteFileW
#define CopyFile CopyFileW
#define MoveFileEx MoveFileExW
#define GetFullPathName GetFullPathNameW
#define WIN32_FIND_DATA WIN32_FIND_DATAW
#define LPWIN32_FIND_DATA LPWIN32_FIND_DATAW
#endif

#endif  // VSSEMU_WINSHIM_WINSHIM_FILES_H_
