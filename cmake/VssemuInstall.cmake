# `cmake --install`: the headers, the static libraries and a CMake package,
# so that find_package(vssemu) gives vssemu::emulator (what code under test
# links instead of vssapi.lib) and vssemu::gtest / vssemu::gtest_main (the
# GoogleTest side), plus the helpers of VssemuHelpers.cmake.
#
# Installed layout: include/vssemu/ holds sdk/ (vss.h, vswriter.h, ...),
# vssemu/ (the harness API), winshim/, atl/ (<atlbase.h> for compilers
# without ATL) and fixtures/; lib/ the libraries;
# lib/cmake/vssemu/ the package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(VSSEMU_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/vssemu)
set(VSSEMU_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/vssemu)

install(DIRECTORY emulator/include/sdk emulator/include/vssemu
                  emulator/include/winshim emulator/include/atl
        DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
# The scenario layer's headers (scenario files) and the reference
# requester's.
install(DIRECTORY emulator/scenario emulator/reference_requester
        DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
# The internal headers those include (their closure, kept exact so that
# nothing else of the emulator's inside becomes an interface).
foreach(header com/com_object.h com/com_ptr.h com/live_objects.h
               coordinator/provider_steps.h coordinator/provider_volumes.h
               coordinator/writer_events.h metadata/bcd_access.h
               metadata/filedesc.h metadata/wmd_model.h sim/choice_source.h sim/prng.h
               sim/virtual_time.h)
  get_filename_component(header_dir ${header} DIRECTORY)
  install(FILES emulator/${header}
          DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}/${header_dir})
endforeach()

# The names consumers use.
set_target_properties(vssemu_emulator PROPERTIES EXPORT_NAME emulator)

set(VSSEMU_INSTALLED_TARGETS
    vssemu_sdk_headers vssemu_sdk vssemu_com vssemu_sim vssemu_metadata_common vssemu_wmd
    vssemu_bcd vssemu_metadata vssemu_trace vssemu_paths vssemu_platform
    vssemu_provider
    vssemu_coordinator
    vssemu_adapters vssemu_exports vssemu_reference_requester vssemu_scenario vssemu_explore
    vssemu_dropin vssemu_emulator)
if(TARGET vssemu_winshim)
  list(APPEND VSSEMU_INSTALLED_TARGETS vssemu_winshim)
endif()
if(TARGET vssemu_win32)
  list(APPEND VSSEMU_INSTALLED_TARGETS vssemu_win32)
endif()
if(TARGET vssemu_pugixml)
  list(APPEND VSSEMU_INSTALLED_TARGETS vssemu_pugixml)
endif()
# The main() of fuzz targets built without libFuzzer (vssemu_add_fuzzer).
if(TARGET vssemu_fuzz_main)
  set_target_properties(vssemu_fuzz_main PROPERTIES EXPORT_NAME fuzz_main)
  list(APPEND VSSEMU_INSTALLED_TARGETS vssemu_fuzz_main)
endif()
# The GoogleTest side needs GoogleTest as a package to depend on; a
# GoogleTest built from source (the cross-build) is not installed.
set(VSSEMU_INSTALL_GTEST OFF)
if(TARGET vssemu_gtest AND NOT VSSEMU_DEPS_FROM_SOURCE)
  set(VSSEMU_INSTALL_GTEST ON)
  set_target_properties(vssemu_gtest PROPERTIES EXPORT_NAME gtest)
  set_target_properties(vssemu_gtest_main PROPERTIES EXPORT_NAME gtest_main)
  set_target_properties(vssemu_samples PROPERTIES EXPORT_NAME samples)
  set_target_properties(vssemu_cli PROPERTIES EXPORT_NAME cli)
  set_target_properties(vssemu_cli_main PROPERTIES EXPORT_NAME cli_main)
  list(APPEND VSSEMU_INSTALLED_TARGETS vssemu_gtest vssemu_gtest_main
                                       vssemu_samples vssemu_cli vssemu_cli_main
                                       vssemu_exec)
  install(DIRECTORY fixtures/ DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR}/fixtures
          FILES_MATCHING PATTERN "*.h")
endif()

install(TARGETS ${VSSEMU_INSTALLED_TARGETS} EXPORT vssemuTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${VSSEMU_INSTALL_INCLUDEDIR})
install(TARGETS vssemu RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The drop-in vssapi library (docs/drop-in.md): lib/libvssapi.so, or
# bin/vssapi.dll beside vssemu.exe with lib/libvssapi.dll.a.
if(TARGET vssapi)
  install(TARGETS vssapi EXPORT vssemuTargets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(EXPORT vssemuTargets NAMESPACE vssemu::
        DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})

configure_package_config_file(
  cmake/vssemuConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfig.cmake
  INSTALL_DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/vssemuConfigVersion.cmake
              cmake/VssemuHelpers.cmake
        DESTINATION ${VSSEMU_INSTALL_CMAKEDIR})
