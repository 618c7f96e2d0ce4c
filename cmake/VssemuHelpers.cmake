# Helpers for projects that test their VSS writer or requester with vssemu.
include_guard(GLOBAL)

# vssemu_add_gtest(<name> <sources>... [LABELS <label>...]): a GoogleTest
# program linked with vssemu's test main (the leak check and --vssemu_seed),
# whose tests are registered with CTest one by one and labelled "gtest",
# <name> and the given labels. Set VSSEMU_SEED in the environment or pass
# --vssemu_seed=N to replay a run.
function(vssemu_add_gtest name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LABELS")
  add_executable(${name} ${arg_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE vssemu::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS "gtest;${name};${arg_LABELS}")
endfunction()

# vssemu_add_scenario_tests(<runner> <folder> [PREFIX <prefix>]): one CTest
# test per scenario file (*.xml) below folder, named
# <prefix>.<path below folder, with dots>; the default prefix is
# scenario.<folder's name>, so that two folders with equally named files
# give different tests. Each is labelled "scenario" and with its sub-folder
# (backup, timeout, ...). A scenario whose requester is the test's own code
# (workload="external") is reported as skipped, not failed; it runs from
# C++ with RunScenario or ExploreScenario. runner is the vssemu program
# (vssemu::vssemu, or vssemu in vssemu's own build), or your own program
# built on vssemu::cli_main with your writer classes registered by
# VSSEMU_REGISTER_WRITER; a runner target is built with the project.
function(vssemu_add_scenario_tests runner folder)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "PREFIX" "")
  get_filename_component(folder "${folder}" ABSOLUTE)
  if(NOT arg_PREFIX)
    get_filename_component(folder_name "${folder}" NAME)
    set(arg_PREFIX "scenario.${folder_name}")
  endif()
  if(TARGET ${runner})
    # vssemu's own targets are not built by a consumer's build unless
    # something needs them (EXCLUDE_FROM_ALL as a subproject).
    string(MAKE_C_IDENTIFIER "${arg_PREFIX}" runner_dependency)
    add_custom_target(${runner_dependency}_runner ALL)
    add_dependencies(${runner_dependency}_runner ${runner})
  endif()
  file(GLOB_RECURSE scenario_files CONFIGURE_DEPENDS "${folder}/*.xml")
  foreach(scenario_file IN LISTS scenario_files)
    file(RELATIVE_PATH relative "${folder}" "${scenario_file}")
    get_filename_component(subfolder "${relative}" DIRECTORY)
    string(REGEX REPLACE "\\.xml$" "" test_name "${relative}")
    string(REPLACE "/" "." test_name "${test_name}")
    set(test_name "${arg_PREFIX}.${test_name}")
    add_test(NAME ${test_name}
             COMMAND ${runner} run --quiet "${scenario_file}")
    # 4: the scenario needs the test's own requester (vssemu run's exit code).
    set_tests_properties(${test_name} PROPERTIES
                         LABELS "scenario;${subfolder}" SKIP_RETURN_CODE 4)
  endforeach()
endfunction()

# vssemu_add_fuzzer(<name> <sources>...): a fuzz target whose sources define
# LLVMFuzzerTestOneInput, usually with vssemu::ExploreFuzzer. With
# VSSEMU_LIBFUZZER ON (clang) it is a libFuzzer program
# (-fsanitize=fuzzer); otherwise it is linked with vssemu::fuzz_main, a
# main() that runs the inputs (files, or the files of folders) named on its
# command line, so that a saved corpus or crash replays under any compiler.
# For coverage of the emulator's own code, build vssemu itself with
# VSSEMU_LIBFUZZER ON as well (the "fuzz" preset).
function(vssemu_add_fuzzer name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE vssemu::emulator)
  if(VSSEMU_LIBFUZZER)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  else()
    target_link_libraries(${name} PRIVATE vssemu::fuzz_main)
  endif()
endfunction()
