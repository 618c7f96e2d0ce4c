# Runs CMD with ARGS (a ;-list), through EMULATOR (Wine) when cross-built,
# and fails unless it exits with 0 and the file OUTPUT it wrote matches
# PATTERN.
include(${CMAKE_CURRENT_LIST_DIR}/run_writing.cmake)
file(READ ${OUTPUT} written)
if(NOT written MATCHES "${PATTERN}")
  message(FATAL_ERROR "${OUTPUT} does not match ${PATTERN}:\n${written}")
endif()
