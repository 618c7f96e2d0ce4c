# Helpers for projects that test their VSS writer or requester with vssemu.
include_guard(GLOBAL)

# vssemu_add_gtest(<name> <sources>...): a GoogleTest program linked with
# vssemu's test main (the leak check and --vssemu_seed), whose tests are
# registered with CTest one by one. Set VSSEMU_SEED in the environment or
# pass --vssemu_seed=N to replay a run.
function(vssemu_add_gtest name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE vssemu::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST)
endfunction()

# vssemu_add_scenario_tests(<runner> <folder>): one CTest test per scenario
# file (*.xml) below folder, named scenario.<folder>.<file>, labelled
# "scenario" and with its sub-folder (backup, timeout, ...). runner is the
# vssemu program, or your own program built on vssemu::cli_main with your
# writer classes registered by VSSEMU_REGISTER_WRITER.
function(vssemu_add_scenario_tests runner folder)
  get_filename_component(folder "${folder}" ABSOLUTE)
  file(GLOB_RECURSE scenario_files CONFIGURE_DEPENDS "${folder}/*.xml")
  foreach(scenario_file IN LISTS scenario_files)
    file(RELATIVE_PATH relative "${folder}" "${scenario_file}")
    get_filename_component(subfolder "${relative}" DIRECTORY)
    string(REGEX REPLACE "\\.xml$" "" test_name "${relative}")
    string(REPLACE "/" "." test_name "${test_name}")
    add_test(NAME scenario.${test_name}
             COMMAND ${runner} run --quiet "${scenario_file}")
    set_tests_properties(scenario.${test_name} PROPERTIES
                         LABELS "scenario;${subfolder}")
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
