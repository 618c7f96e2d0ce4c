# Cross-compiles for Windows x86-64 with Debian's MinGW-w64 (posix threads)
# and runs the resulting programs under Wine (ctest, gtest_discover_tests).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(VSSEMU_MINGW_PREFIX x86_64-w64-mingw32)
# The -posix variants: std::thread and std::mutex through winpthreads. The
# unsuffixed compiler is the -win32 flavour, which has neither in GCC 12.
set(CMAKE_C_COMPILER ${VSSEMU_MINGW_PREFIX}-gcc-posix)
set(CMAKE_CXX_COMPILER ${VSSEMU_MINGW_PREFIX}-g++-posix)
set(CMAKE_RC_COMPILER ${VSSEMU_MINGW_PREFIX}-windres)
set(CMAKE_FIND_ROOT_PATH /usr/${VSSEMU_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# Keeps the Linux GTest/pugixml/Boost packages out of the cross build.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Fully static programs need no MinGW DLLs under Wine or on a runner.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
find_program(VSSEMU_WINE NAMES wine64 wine)
if(VSSEMU_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${VSSEMU_WINE})
endif()
