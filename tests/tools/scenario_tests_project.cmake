# Configures tests/tools/scenario_tests_project with VssemuHelpers.cmake and
# the vssemu program (PROGRAM), runs its CTest tests and checks their names
# and results: the folder in each name, a PREFIX honoured, a scenario that
# needs the test's own requester skipped rather than failed.
set(build ${WORK}/scenario_tests_project)
file(REMOVE_RECURSE ${build})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE}/tests/tools/scenario_tests_project
                        -B ${build} -DVSSEMU_HELPERS=${SOURCE}/cmake/VssemuHelpers.cmake
                        -DVSSEMU_PROGRAM=${PROGRAM}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the project failed:\n${out}${err}")
endif()
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${build}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the project's tests failed:\n${out}${err}")
endif()
foreach(expected "scenario[.]first[.]backup [.]+ +Passed"
                 "mine[.]backup [.]+ +Passed"
                 "mine[.]own-requester [.]+[*]+Skipped"
                 "100% tests passed, 0 tests failed out of 3")
  if(NOT out MATCHES "${expected}")
    message(FATAL_ERROR "no line matches ${expected}:\n${out}")
  endif()
endforeach()
