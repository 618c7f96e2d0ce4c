# Helpers that give every project target the same settings: C++20 and strict
# warnings. Third-party code never goes through these helpers.

# Applies the project's warning flags to target.
function(vssemu_strict_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
    if(VSSEMU_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra)
    if(VSSEMU_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# Keeps <windows.h> lean and free of the min/max macros inside vssemu's own
# code. Code under test is not forced to do the same: the SDK mirror works
# with the full <windows.h> too (tests/sdk/windows_first_*_test.cc).
function(vssemu_windows_definitions target)
  if(WIN32)
    target_compile_definitions(${target} PRIVATE NOMINMAX ${ARGN})
  endif()
endfunction()

# Declares a static library of the emulator with the project settings.
function(vssemu_add_library name)
  add_library(${name} STATIC ${ARGN})
  target_compile_features(${name} PUBLIC cxx_std_20)
  # The public headers include each other as <vssemu/...> (VssemuPublicHeaders).
  target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${VSSEMU_PUBLIC_INCLUDE_DIR}>)
  vssemu_strict_warnings(${name})
  vssemu_windows_definitions(${name} WIN32_LEAN_AND_MEAN)
  if(CMAKE_POSITION_INDEPENDENT_CODE AND NOT MSVC)
    # Position-independent code for the drop-in vssapi library would
    # otherwise let any exported function be replaced at load time, so GCC
    # neither inlines nor calls directly one of the emulator's functions
    # from another in the same file. Nothing replaces them.
    target_compile_options(${name} PRIVATE -fno-semantic-interposition)
  endif()
endfunction()

# Declares a GoogleTest program; its tests are registered with CTest.
function(vssemu_add_test name)
  add_executable(${name} ${ARGN})
  vssemu_strict_warnings(${name})
  vssemu_windows_definitions(${name})
  target_link_libraries(${name} PRIVATE vssemu_gtest_main)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       PROPERTIES ENVIRONMENT "VSSEMU_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
                                  LABELS "gtest;${name}")
endfunction()
