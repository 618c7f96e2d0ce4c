# `cmake --install`: the headers, the static libraries, the vssemu program,
# the drop-in vssapi library, the scenario schema and a CMake package, so
# that find_package(vssemu) gives vssemu::emulator (what code under test
# links instead of vssapi.lib), vssemu::gtest / vssemu::gtest_main (the
# GoogleTest side), vssemu::vssemu (the program) and the helpers of
# VssemuHelpers.cmake (docs/cmake.md).
#
# Installed layout: include/vssemu/ holds the harness API (<vssemu/emulator.h>,
# ...), winshim/ (<vssemu/winshim/...>; its compat/ folder, <windows.h> and
# friends off Windows, is an include folder of its own), the public headers
# of cmake/VssemuPublicHeaders.cmake (<vssemu/fixtures/...>,
# <vssemu/scenario/...>, ...), sdk/ (vss.h, vswriter.h, ..., an include
# folder of its own) and atl/ (<atlbase.h> for compilers without ATL);
# lib/ the libraries; bin/ the program;
# share/vssemu/ the scenario schema; lib/cmake/vssemu/ the package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(VSSEMU_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/vssemu)
set(VSSEMU_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/vssemu)
set(VSSEMU_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/vssemu)

install(DIRECTORY emulator/include/vssemu/ DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(DIRECTORY emulator/include/sdk emulator/include/atl
        DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES scenarios/scenario.xsd DESTINATION ${VSSEMU_INSTALL_DATADIR})

# The names consumers use: vssemu::<name>. Everything else is exported as
# vssemu_internal::<target>, there only because static libraries link it.
set_target_properties(vssemu_emulator PROPERTIES EXPORT_NAME emulator)
set(VSSEMU_PUBLIC_TARGETS vssemu_emulator vssemu_samples)
set(VSSEMU_INTERNAL_TARGETS
    vssemu_sdk_headers vssemu_sdk vssemu_memory vssemu_com vssemu_sim vssemu_metadata_common vssemu_wmd
    vssemu_bcd vssemu_metadata vssemu_trace vssemu_paths vssemu_platform
    vssemu_provider
    vssemu_coordinator
    vssemu_adapters vssemu_exports vssemu_reference_requester vssemu_scenario vssemu_explore
    vssemu_dropin)
set_target_properties(vssemu_samples PROPERTIES EXPORT_NAME samples)
# The command line as a library: a writer author's scenario runner is
# vssemu::cli_main plus their registered writers.
set_target_properties(vssemu_cli PROPERTIES EXPORT_NAME cli)
set_target_properties(vssemu_cli_main PROPERTIES EXPORT_NAME cli_main)
list(APPEND VSSEMU_PUBLIC_TARGETS vssemu_cli vssemu_cli_main)
list(APPEND VSSEMU_INTERNAL_TARGETS vssemu_exec)
foreach(target vssemu_winshim vssemu_win32 vssemu_pugixml)
  if(TARGET ${target})
    list(APPEND VSSEMU_INTERNAL_TARGETS ${target})
  endif()
endforeach()
# The main() of fuzz targets built without libFuzzer (vssemu_add_fuzzer).
if(TARGET vssemu_fuzz_main)
  set_target_properties(vssemu_fuzz_main PROPERTIES EXPORT_NAME fuzz_main)
  list(APPEND VSSEMU_PUBLIC_TARGETS vssemu_fuzz_main)
endif()
# The GoogleTest side needs GoogleTest as a package to depend on; a
# GoogleTest built from source (the cross-build) is not installed.
set(VSSEMU_INSTALL_GTEST OFF)
if(TARGET vssemu_gtest AND NOT VSSEMU_DEPS_FROM_SOURCE)
  set(VSSEMU_INSTALL_GTEST ON)
  set_target_properties(vssemu_gtest PROPERTIES EXPORT_NAME gtest)
  set_target_properties(vssemu_gtest_main PROPERTIES EXPORT_NAME gtest_main)
  list(APPEND VSSEMU_PUBLIC_TARGETS vssemu_gtest vssemu_gtest_main)
endif()
# The public targets' names, for find_package(vssemu COMPONENTS ...).
set(VSSEMU_COMPONENTS vssemu)
foreach(target IN LISTS VSSEMU_PUBLIC_TARGETS)
  get_target_property(name ${target} EXPORT_NAME)
  list(APPEND VSSEMU_COMPONENTS ${name})
endforeach()

install(TARGETS ${VSSEMU_INTERNAL_TARGETS} EXPORT vssemuInternalTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS ${VSSEMU_PUBLIC_TARGETS} EXPORT vssemuTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS vssemu EXPORT vssemuTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The drop-in vssapi library (docs/drop-in.md): lib/libvssapi.so, or
# bin/vssapi.dll beside vssemu.exe with lib/libvssapi.dll.a.
if(TARGET vssapi)
  list(APPEND VSSEMU_COMPONENTS vssapi)
  install(TARGETS vssapi EXPORT vssemuTargets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(EXPORT vssemuInternalTargets NAMESPACE vssemu_internal::
        DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})
install(EXPORT vssemuTargets NAMESPACE vssemu::
        DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})

configure_package_config_file(
  cmake/vssemuConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfig.cmake
  INSTALL_DESTINATION ${VSSEMU_INSTALL_CMAKEDIR}
  PATH_VARS VSSEMU_INSTALL_DATADIR)
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfigVersion.cmake
              cmake/VssemuHelpers.cmake
        DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})
