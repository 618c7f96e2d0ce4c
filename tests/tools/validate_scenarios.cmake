# Validates every scenario file against scenarios/scenario.xsd with xmllint.
# Run with cmake -DXMLLINT=<xmllint> -DSOURCE_DIR=<project root> -P <this>.
# tests/tools/data/*.xml is left out on purpose: those files are malformed.
foreach(var XMLLINT SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "validate_scenarios.cmake needs -D${var}=...")
  endif()
endforeach()

set(schema "${SOURCE_DIR}/scenarios/scenario.xsd")
file(GLOB_RECURSE scenario_files "${SOURCE_DIR}/scenarios/*.xml")
file(GLOB example_files "${SOURCE_DIR}/examples/*/scenarios/*.xml")
# The scenarios of the drop-in library's tests (programs run by --exec).
file(GLOB dropin_files "${SOURCE_DIR}/tests/dropin/*.xml")
list(APPEND scenario_files ${example_files} ${dropin_files})
list(SORT scenario_files)
if(NOT scenario_files)
  message(FATAL_ERROR "no scenario files found under ${SOURCE_DIR}")
endif()

set(failed "")
set(count 0)
foreach(file IN LISTS scenario_files)
  math(EXPR count "${count} + 1")
  execute_process(
    COMMAND "${XMLLINT}" --noout --schema "${schema}" "${file}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
    list(APPEND failed "${relative}")
    message("${out}")
  endif()
endforeach()

if(failed)
  list(LENGTH failed failed_count)
  list(JOIN failed "\n  " failed_list)
  message(FATAL_ERROR
    "${failed_count} of ${count} scenario files do not match scenarios/scenario.xsd:\n"
    "  ${failed_list}")
endif()
message(STATUS "all ${count} scenario files match scenarios/scenario.xsd")
