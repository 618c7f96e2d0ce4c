# Runs CMD with ARGS (a ;-list), through EMULATOR (Wine) when cross-built,
# and fails unless it exits with 0 and the file OUTPUT it wrote matches
# PATTERN.
file(REMOVE ${OUTPUT})
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit code ${rc}\n${out}${err}")
endif()
file(READ ${OUTPUT} written)
if(NOT written MATCHES "${PATTERN}")
  message(FATAL_ERROR "${OUTPUT} does not match ${PATTERN}:\n${written}")
endif()
