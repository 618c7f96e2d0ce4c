# Runs CMD with ARGS (a ;-list) twice, through EMULATOR (Wine) when
# cross-built, and fails unless both runs print the same bytes: the same
# seed must give the same trace.
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} OUTPUT_VARIABLE first RESULT_VARIABLE rc1)
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} OUTPUT_VARIABLE second RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "exit codes ${rc1} and ${rc2}")
endif()
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the two runs printed different traces")
endif()
string(LENGTH "${first}" length)
if(length LESS 1000)
  message(FATAL_ERROR "the trace is suspiciously short: ${first}")
endif()
