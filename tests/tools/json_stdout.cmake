# Runs CMD with ARGS (a ;-list) and fails unless every line it writes to
# standard output is one JSON object ({...}): the lines meant for people go
# to standard error.
execute_process(COMMAND ${EMULATOR} ${CMD} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE "\r" "" out "${out}")
string(REGEX REPLACE "\n$" "" out "${out}")
if(out STREQUAL "")
  message(FATAL_ERROR "nothing on standard output\n${err}")
endif()
string(REPLACE "\n" ";" lines "${out}")
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^{.*}$")
    message(FATAL_ERROR "not a JSON object on standard output: ${line}\n(standard error: ${err})")
  endif()
endforeach()
if(NOT err MATCHES "${ERR_PATTERN}")
  message(FATAL_ERROR "standard error does not match ${ERR_PATTERN}:\n${err}")
endif()
