# Third-party dependencies, all from Debian packages (see .ci/run):
#   libgtest-dev libgmock-dev libpugixml-dev libboost1.81-dev libbenchmark-dev
find_package(pugixml 1.11 CONFIG REQUIRED)
# Boost.Process is used header-only (v1, with BOOST_PROCESS_USE_STD_FS) by
# the out-of-process parts; nothing links a Boost library.
find_package(Boost 1.80 CONFIG REQUIRED)
find_package(Threads REQUIRED)
if(VSSEMU_BUILD_TESTS)
  find_package(GTest 1.10 CONFIG REQUIRED)
endif()
if(VSSEMU_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
