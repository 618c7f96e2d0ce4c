# Runs CMD with ARGS (a ;-list), through EMULATOR (Wine) when cross-built,
# and fails unless it exits with EXPECTED.
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECTED)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECTED}\n${out}${err}")
endif()
