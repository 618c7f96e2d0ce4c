# Third-party dependencies. Natively they come from Debian packages
# (libgtest-dev libgmock-dev libpugixml-dev libboost1.81-dev libcli11-dev
# libbenchmark-dev, see .ci/install-deps). For the Windows cross-build,
# where Debian ships no MinGW builds, GoogleTest is built from
# /usr/src/googletest, pugixml from its Debian source package and Boost is
# used header-only from a folder that holds only boost/ (see .ci/windows-leg).
option(VSSEMU_DEPS_FROM_SOURCE "Build GoogleTest and pugixml from source"
       ${CMAKE_CROSSCOMPILING})
set(VSSEMU_GOOGLETEST_SOURCE_DIR /usr/src/googletest CACHE PATH
    "GoogleTest sources (VSSEMU_DEPS_FROM_SOURCE)")
set(VSSEMU_PUGIXML_SOURCE_DIR "" CACHE PATH
    "pugixml sources, the folder holding src/pugixml.cpp (VSSEMU_DEPS_FROM_SOURCE)")
set(VSSEMU_BOOST_INCLUDE_DIR "" CACHE PATH
    "A folder holding only boost/ (VSSEMU_DEPS_FROM_SOURCE)")
set(VSSEMU_CLI11_INCLUDE_DIR "" CACHE PATH
    "A folder holding only CLI/, CLI11's headers (VSSEMU_DEPS_FROM_SOURCE)")

find_package(Threads REQUIRED)

if(VSSEMU_DEPS_FROM_SOURCE)
  if(NOT EXISTS "${VSSEMU_PUGIXML_SOURCE_DIR}/src/pugixml.cpp")
    message(FATAL_ERROR "Set VSSEMU_PUGIXML_SOURCE_DIR to the pugixml sources "
                        "(the folder with src/pugixml.cpp); .ci/windows-leg "
                        "fetches them from Debian's source package")
  endif()
  add_library(vssemu_pugixml STATIC ${VSSEMU_PUGIXML_SOURCE_DIR}/src/pugixml.cpp)
  target_include_directories(vssemu_pugixml SYSTEM PUBLIC
    $<BUILD_INTERFACE:${VSSEMU_PUGIXML_SOURCE_DIR}/src>)
  add_library(pugixml::pugixml ALIAS vssemu_pugixml)
  if(VSSEMU_BOOST_INCLUDE_DIR)
    add_library(Boost::headers INTERFACE IMPORTED)
    target_include_directories(Boost::headers SYSTEM INTERFACE
                               ${VSSEMU_BOOST_INCLUDE_DIR})
  endif()
  # CLI11 is header-only: the command line's parser.
  if(VSSEMU_CLI11_INCLUDE_DIR)
    add_library(CLI11::CLI11 INTERFACE IMPORTED)
    target_include_directories(CLI11::CLI11 SYSTEM INTERFACE
                               ${VSSEMU_CLI11_INCLUDE_DIR})
  endif()
  if(VSSEMU_BUILD_TESTS OR VSSEMU_BUILD_GTEST)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    set(gtest_force_shared_crt ON CACHE BOOL "" FORCE)
    add_subdirectory(${VSSEMU_GOOGLETEST_SOURCE_DIR}
                     ${CMAKE_BINARY_DIR}/_deps/googletest EXCLUDE_FROM_ALL)
  endif()
else()
  find_package(pugixml 1.11 CONFIG REQUIRED)
  # Boost.Process is used header-only (v1, with BOOST_PROCESS_USE_STD_FS) by
  # the out-of-process parts; nothing links a Boost library.
  find_package(Boost 1.80 CONFIG REQUIRED)
  # The command line's parser (libcli11-dev), header-only.
  find_package(CLI11 2.1 CONFIG REQUIRED)
  if(VSSEMU_BUILD_TESTS)
    find_package(GTest 1.10 CONFIG REQUIRED)
  elseif(VSSEMU_BUILD_GTEST)
    # The GoogleTest side for a consumer's tests: only when it is there.
    find_package(GTest 1.10 CONFIG QUIET)
    if(NOT GTest_FOUND)
      message(STATUS "vssemu: GoogleTest not found, vssemu::gtest is not built")
    endif()
  endif()
  if(VSSEMU_BUILD_BENCHMARKS)
    find_package(benchmark REQUIRED)
  endif()
endif()
