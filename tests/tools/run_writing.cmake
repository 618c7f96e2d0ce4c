# Included by the scripts that run a program writing a file: removes OUTPUT,
# runs CMD with ARGS (a ;-list) through EMULATOR (Wine) when cross-built,
# and fails unless it exits with 0.
file(REMOVE ${OUTPUT})
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit code ${rc}\n${out}${err}")
endif()
