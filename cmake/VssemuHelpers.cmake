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
