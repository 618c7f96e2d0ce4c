# Runs CMD with ARGS (a ;-list), through EMULATOR (Wine) when cross-built,
# and fails unless it exits with EXPECTED.
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECTED)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECTED}\n${out}${err}")
endif()
# With PATTERN, the output (standard output and error) must match it too.
if(DEFINED PATTERN AND NOT "${out}${err}" MATCHES "${PATTERN}")
  message(FATAL_ERROR "the output does not match ${PATTERN}:\n${out}${err}")
endif()
