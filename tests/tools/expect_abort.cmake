# Runs CMD with ARGS (a ;-list) and fails unless it is stopped by a signal
# (a fuzz target aborts on a failing input, so that libFuzzer keeps it) and
# its output matches PATTERN.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "exit code ${rc}, expected an abort\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${PATTERN}")
  message(FATAL_ERROR "aborted (${rc}) but the output does not match ${PATTERN}:\n${out}${err}")
endif()
message("aborted (${rc}) as expected:\n${out}${err}")
